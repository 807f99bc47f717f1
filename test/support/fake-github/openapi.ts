// GitHub's published OpenAPI description (@octokit/openapi), loaded once per process and
// indexed by method + path template, so the fake can check every request it receives the
// way GitHub would: the operation must exist, path and query parameters must fit their
// schemas, and a JSON body must validate against the operation's request body schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on .default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

type Json = Record<string, unknown>;

interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
  'x-multi-segment'?: boolean;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template as the spec writes it, `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  template: string;
  pathParams: ParameterSpec[];
  queryParams: ParameterSpec[];
  requestBody: { required: boolean; schema: Json | null; contentTypes: string[] } | null;
  /** Status code -> JSON schema of the response body (only JSON responses). */
  responses: Map<string, Json>;
  /** The spec's own example of the first 2xx response, for building realistic answers. */
  example: unknown;
  regex: RegExp;
  /** Literal segments count: a more literal template wins over one with more parameters. */
  literalSegments: number;
}

export interface MatchedOperation {
  operation: Operation;
  params: Record<string, string>;
}

export interface RequestCheck {
  method: string;
  /** The path without the API prefix, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: unknown;
  /** True when a body was sent at all. */
  hasBody: boolean;
}

export type Validation =
  | { ok: true; match: MatchedOperation }
  | { ok: false; status: 400 | 404 | 422; match: MatchedOperation | null; problem: string };

const SPEC_ID = 'https://fake-github.test/openapi.json';

export class OpenApiIndex {
  private readonly byMethod = new Map<string, Operation[]>();
  private readonly ajv: Ajv;
  private readonly coercingAjv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly components: Json;
  /** Whether coercingAjv knows the components: few parameter schemas refer to them, and adding them costs a walk of them all. */
  private coercingHasComponents = false;

  constructor(private readonly spec: Json) {
    this.ajv = makeAjv(false);
    this.coercingAjv = makeAjv(true);
    this.components = { $id: SPEC_ID, components: rewriteRefs(spec.components) };
    this.ajv.addSchema(this.components);
    this.index();
  }

  /** Finds the operation for a method and (encoded) path, the most literal template first. */
  match(method: string, path: string): MatchedOperation | null {
    const candidates = this.byMethod.get(method.toUpperCase()) ?? [];
    for (const operation of candidates) {
      const m = operation.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      operation.pathParams.forEach((p, i) => {
        params[p.name] = safeDecode(m[i + 1] ?? '');
      });
      return { operation, params };
    }
    return null;
  }

  operationById(operationId: string): Operation | undefined {
    for (const ops of this.byMethod.values()) {
      const found = ops.find((o) => o.operationId === operationId);
      if (found) return found;
    }
    return undefined;
  }

  /** Checks one request against the description. */
  validateRequest(req: RequestCheck): Validation {
    const match = this.match(req.method, req.path);
    if (!match) {
      return { ok: false, status: 404, match: null, problem: `no operation ${req.method} ${req.path} in GitHub's OpenAPI description` };
    }
    const { operation, params } = match;

    const pathProblem = this.checkParams(`${operation.operationId}#path`, operation.pathParams, params, false);
    if (pathProblem) return { ok: false, status: 404, match, problem: `path parameters: ${pathProblem}` };

    const query: Record<string, string | string[]> = {};
    for (const key of new Set(req.query.keys())) {
      const values = req.query.getAll(key);
      const spec = operation.queryParams.find((p) => p.name === key);
      query[key] = spec?.schema?.type === 'array' ? values : (values[values.length - 1] ?? '');
    }
    const queryProblem = this.checkParams(`${operation.operationId}#query`, operation.queryParams, query, true);
    if (queryProblem) return { ok: false, status: 422, match, problem: `query parameters: ${queryProblem}` };

    const rb = operation.requestBody;
    if (!rb) {
      if (req.hasBody && req.body !== undefined && !isEmptyBody(req.body)) {
        return { ok: false, status: 400, match, problem: `${operation.operationId} takes no request body` };
      }
      return { ok: true, match };
    }
    if (!req.hasBody) {
      if (rb.required) return { ok: false, status: 400, match, problem: `${operation.operationId} requires a request body` };
      return { ok: true, match };
    }
    if (rb.schema && rb.contentTypes.includes('application/json')) {
      if (req.contentType && !req.contentType.includes('json')) {
        return { ok: false, status: 400, match, problem: `body must be JSON, got content-type ${req.contentType}` };
      }
      const validate = this.compile(`${operation.operationId}#body`, rb.schema, false);
      if (!validate(req.body)) {
        return { ok: false, status: 422, match, problem: `request body: ${formatErrors(validate.errors)}` };
      }
    }
    return { ok: true, match };
  }

  /** Checks a response the fake is about to send; returns a problem or null. */
  validateResponse(operation: Operation, status: number, body: unknown): string | null {
    const schema = operation.responses.get(String(status));
    if (!schema) {
      if (status >= 400) return null; // error bodies the spec does not describe are fine
      if (body === undefined || body === null || body === '') return null;
      return `${operation.operationId} has no JSON response ${status} in the description`;
    }
    const validate = this.compile(`${operation.operationId}#response${status}`, schema, false);
    return validate(body) ? null : `${operation.operationId} response ${status}: ${formatErrors(validate.errors)}`;
  }

  private checkParams(key: string, specs: ParameterSpec[], values: Record<string, unknown>, rejectUnknown: boolean): string | null {
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const p of specs) {
      properties[p.name] = p.schema ?? {};
      if (p.required) required.push(p.name);
    }
    const schema: Json = { type: 'object', properties, required, additionalProperties: !rejectUnknown };
    const validate = this.compile(key, schema, true);
    const copy = structuredClone(values);
    return validate(copy) ? null : formatErrors(validate.errors);
  }

  private compile(key: string, schema: Json, coerce: boolean): ValidateFunction {
    const cacheKey = `${coerce ? 'c' : 'n'}:${key}`;
    let fn = this.compiled.get(cacheKey);
    if (!fn) {
      const ajv = coerce ? this.coercingAjv : this.ajv;
      const rewritten = rewriteRefs(schema) as Json;
      if (coerce && !this.coercingHasComponents && JSON.stringify(rewritten).includes(`${SPEC_ID}#`)) {
        this.coercingAjv.addSchema(this.components);
        this.coercingHasComponents = true;
      }
      fn = ajv.compile(rewritten);
      this.compiled.set(cacheKey, fn);
    }
    return fn;
  }

  private index(): void {
    const paths = this.spec.paths as Record<string, Record<string, unknown>>;
    for (const [template, item] of Object.entries(paths)) {
      const shared = ((item.parameters as Json[] | undefined) ?? []).map((p) => this.resolve(p) as ParameterSpec);
      for (const [method, raw] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue;
        const op = raw as Json;
        const own = ((op.parameters as Json[] | undefined) ?? []).map((p) => this.resolve(p) as ParameterSpec);
        const all = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
        const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
        const pathParams = names.map(
          (name) => all.find((p) => p.in === 'path' && p.name === name) ?? { name, in: 'path' as const, required: true, schema: { type: 'string' } },
        );
        const regex = new RegExp(
          '^' +
            template
              .split(/(\{[^}]+\})/)
              .map((part) => {
                const m = /^\{([^}]+)\}$/.exec(part);
                if (!m) return escapeRegex(part);
                const spec = pathParams.find((p) => p.name === m[1]);
                return spec?.['x-multi-segment'] ? '(.+)' : '([^/]+)';
              })
              .join('') +
            '/?$',
        );
        const operation: Operation = {
          operationId: String(op.operationId),
          method: method.toUpperCase(),
          template,
          pathParams,
          queryParams: all.filter((p) => p.in === 'query'),
          requestBody: this.requestBody(op.requestBody),
          responses: this.responseSchemas(op.responses as Json),
          example: this.firstExample(op.responses as Json),
          regex,
          literalSegments: template.split('/').filter((s) => s && !s.startsWith('{')).length,
        };
        const list = this.byMethod.get(operation.method) ?? [];
        list.push(operation);
        this.byMethod.set(operation.method, list);
      }
    }
    for (const list of this.byMethod.values()) {
      list.sort(
        (a, b) =>
          b.literalSegments - a.literalSegments ||
          a.pathParams.filter((p) => p['x-multi-segment']).length - b.pathParams.filter((p) => p['x-multi-segment']).length ||
          b.template.length - a.template.length,
      );
    }
  }

  private requestBody(raw: unknown): Operation['requestBody'] {
    if (!raw) return null;
    const body = this.resolve(raw as Json) as Json;
    const content = (body.content ?? {}) as Record<string, Json>;
    const json = content['application/json'];
    return {
      required: body.required === true,
      schema: (json?.schema as Json | undefined) ?? null,
      contentTypes: Object.keys(content),
    };
  }

  private responseSchemas(responses: Json): Map<string, Json> {
    const out = new Map<string, Json>();
    for (const [code, raw] of Object.entries(responses ?? {})) {
      const resp = this.resolve(raw as Json) as Json;
      const content = (resp.content ?? {}) as Record<string, Json>;
      const json = content['application/json'] ?? content['application/scim+json'];
      if (json?.schema) out.set(code, json.schema as Json);
    }
    return out;
  }

  private firstExample(responses: Json): unknown {
    for (const [code, raw] of Object.entries(responses ?? {})) {
      if (!code.startsWith('2')) continue;
      const resp = this.resolve(raw as Json) as Json;
      const json = ((resp.content ?? {}) as Record<string, Json>)['application/json'];
      if (!json) continue;
      if (json.example !== undefined) return json.example;
      const examples = json.examples as Record<string, Json> | undefined;
      const first = examples ? Object.values(examples)[0] : undefined;
      if (first) return (this.resolve(first) as Json).value;
    }
    return undefined;
  }

  /** Follows a local `$ref` (`#/components/...`) once. */
  resolve(node: Json): unknown {
    let current: unknown = node;
    for (let i = 0; i < 10 && current && typeof current === 'object' && '$ref' in (current as Json); i++) {
      const ref = String((current as Json).$ref);
      current = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((acc, key) => (acc as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
    }
    return current;
  }
}

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: false,
    coerceTypes: coerce ? 'array' : false,
    validateFormats: true,
    logger: false,
    // A referenced schema is compiled once and called, not copied into every validator that
    // refers to it (a pull request's answer refers to simple-user a dozen times): the same
    // checks, compiled in two thirds of the time.
    inlineRefs: false,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Makes an OpenAPI 3.0 schema fit ajv: `#/components/...` refs point into the one schema
 * registered under SPEC_ID, and `nullable: true` next to an `enum` admits null (OpenAPI
 * means that; ajv checks the enum alone); `nullable` without a type becomes anyOf null.
 */
function rewriteRefs(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  // A subtree with nothing to rewrite is returned as it is, not copied: the description's
  // components are most of its 13 MB, and copying them all cost more than the rest of the set-up.
  if (Array.isArray(node)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < node.length; i++) {
      const v = rewriteRefs(node[i]);
      if (v !== node[i]) (out ??= node.slice())[i] = v;
    }
    return out ?? node;
  }
  let out: Json | null = null;
  for (const k in node as Json) {
    const v = (node as Json)[k];
    const w = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${SPEC_ID}${v}` : rewriteRefs(v);
    if (w !== v) (out ??= { ...(node as Json) })[k] = w;
  }
  const result = out ?? (node as Json);
  if (result.nullable === true && Array.isArray(result.enum) && !result.enum.includes(null)) (out ??= { ...result }).enum = [...result.enum, null];
  // `nullable` without `type` (e.g. beside allOf, as in commit-comparison's schemas) is
  // OpenAPI's "this or null"; ajv refuses the keyword there, so spell it as anyOf.
  if (result.nullable === true && result.type === undefined) {
    const { nullable: _nullable, ...rest } = out ?? result;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return out ?? result;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`).join('; ');
}

function isEmptyBody(body: unknown): boolean {
  return body === null || body === '' || (typeof body === 'object' && Object.keys(body as object).length === 0);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

let shared: OpenApiIndex | null = null;

/** The api.github.com description, parsed and indexed once per process. */
export function githubOpenApi(): OpenApiIndex {
  if (!shared) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    shared = new OpenApiIndex(JSON.parse(readFileSync(file, 'utf8')) as Json);
  }
  return shared;
}
