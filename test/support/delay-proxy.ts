// A small HTTP proxy in front of the fake GitHub that holds one chosen request until the test lets
// it go. A run pointed at it sends that request (its write of the sticky comment, say) and waits
// while other runs go on against the fake directly: the interleaving a slow or retried write
// makes on GitHub, made exactly and on purpose.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  body: string;
}

export interface HeldRequest extends ProxiedRequest {
  /** Sends the request on to the fake; its answer goes back to the run that sent it. */
  release(): void;
}

export interface DelayProxy {
  url: string;
  /** Holds the next request that `test` picks; resolves once it has arrived (and is held). */
  holdNext(test: (r: ProxiedRequest) => boolean): Promise<HeldRequest>;
  /** Lets anything still held go, then stops. */
  close(): Promise<void>;
}

export async function startDelayProxy(target: string): Promise<DelayProxy> {
  const upstream = new URL(target);
  const rules: Array<{ test: (r: ProxiedRequest) => boolean; found: (h: HeldRequest) => void }> = [];
  const held = new Set<() => void>();

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const r: ProxiedRequest = { method: (req.method ?? 'GET').toUpperCase(), path: req.url ?? '/', body: body.toString('utf8') };
      const rule = rules.find((x) => x.test(r));
      if (rule) {
        rules.splice(rules.indexOf(rule), 1);
        await new Promise<void>((resolve) => {
          const release = () => {
            held.delete(release);
            resolve();
          };
          held.add(release);
          rule.found({ ...r, release });
        });
      }
      forward(upstream, req, body, res);
    })().catch((e: unknown) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `delay proxy: ${e instanceof Error ? e.message : String(e)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    holdNext: (test) => new Promise((found) => rules.push({ test, found })),
    close: async () => {
      for (const release of [...held]) release();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

function forward(upstream: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  const out = request(
    { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: false },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.once('error', (e) => {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `delay proxy: ${e.message}` }));
  });
  out.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
