// Deterministic fuzz inputs for the parse stage: the same seed gives the same cases, so a
// failure found once can be replayed by its case number.

/** mulberry32: a tiny 32-bit PRNG; good enough to spread cases, and reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FuzzCase =
  | { name: string; kind: 'bytes'; bytes: Uint8Array }
  | { name: string; kind: 'text'; text: string; placeholders?: Record<string, string> };

const FRAGMENTS = [
  ';', ';;', "'", "''", '"', '$$', '$a$', '$a', '--', '/*', '*/', '\n', '\r\n', '\\', '\\c db\n', '${x}', '${', ':v', ":'v'",
  '(', ')', '[', ']', 'E\'\\\'', 'BEGIN', 'ATOMIC', 'END', 'CASE', 'DO', 'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS ',
  'SELECT', 'CREATE TABLE', 'ALTER TABLE t ADD COLUMN c int', 'DROP', 'INSERT INTO t VALUES (1)', 'é', '😀', '日本',
  '\u0000', '\uD800', '\uDC00', ' ', '\t', 'EXECUTE ', 'LANGUAGE plpgsql', 'U&"\\0041"', 'B\'01\'', "X'1f'", '::', ':=',
];

const SAMPLE_SQL = [
  'CREATE TABLE orders (id bigserial PRIMARY KEY, total numeric(10,2) NOT NULL DEFAULT 0);',
  'CREATE INDEX CONCURRENTLY orders_total ON orders (total);',
  "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;",
  "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN CREATE TYPE mood AS ENUM ('sad', 'ok'); END IF; END $$;",
  "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN NEW.updated_at := now(); UPDATE audit SET n = n + 1; RETURN NEW; END $fn$;",
  "COMMENT ON COLUMN orders.total IS 'Σ of línea items – €';",
  'CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function slice(rand: () => number, text: string): string {
  const a = int(rand, 0, text.length);
  const b = int(rand, a, Math.min(text.length, a + 4000));
  return text.slice(a, b);
}

function deepNesting(rand: () => number, depth: number): string {
  switch (int(rand, 0, 6)) {
    case 0:
      return `SELECT ${'('.repeat(depth)}1${')'.repeat(depth)};`;
    case 1:
      return `SELECT ${'('.repeat(depth)}1;`;
    case 2:
      // Deeper than ~2,000 levels Postgres' lexer gets slow (quadratic); parseSource refuses > 10,000.
      return `/*${'/*'.repeat(depth > 2000 ? depth * 2 : depth)} nested ${'*/'.repeat(depth > 2000 ? depth * 2 : depth)}*/ SELECT 1;`;
    case 3:
      return `SELECT ${'ARRAY['.repeat(depth)}1${']'.repeat(depth)};`;
    case 4:
      return `DO $$ BEGIN ${'IF true THEN '.repeat(Math.min(depth, 3000))}ALTER TABLE t ADD c int;${' END IF;'.repeat(Math.min(depth, 3000))} END $$;`;
    case 5:
      return `SELECT ${'CASE WHEN true THEN '.repeat(depth)}1${' END'.repeat(depth)};`;
    default:
      return `SELECT 1 FROM ${'(SELECT * FROM '.repeat(depth)}t${') s'.repeat(depth)};`;
  }
}

function hugeLiteral(rand: () => number, size: number): string {
  const body = 'x;\'$--/*é'.repeat(Math.ceil(size / 9)).slice(0, size);
  switch (int(rand, 0, 4)) {
    case 0:
      return `INSERT INTO t VALUES ('${body.replace(/'/g, "''")}');`;
    case 1:
      return `SELECT $q$${body}$q$; SELECT 2;`;
    case 2:
      return `SELECT "${'i'.repeat(size)}" FROM t;`;
    case 3:
      return `-- ${body.replace(/\n/g, ' ')}\nSELECT 1;`;
    default:
      return `SELECT '${body.replace(/'/g, "''")}`; // unterminated
  }
}

/**
 * `count` cases from `seed`. `corpus` holds real migration texts to cut and splice (it may be
 * empty; built-in samples are used then).
 */
export function* fuzzCases(seed: number, count: number, corpus: readonly string[]): Generator<FuzzCase> {
  const rand = mulberry32(seed);
  const texts = corpus.length > 0 ? corpus : SAMPLE_SQL;
  for (let i = 0; i < count; i++) {
    const kind = rand();
    const name = `case ${i}`;
    if (kind < 0.15) {
      const bytes = new Uint8Array(int(rand, 0, 2000));
      for (let k = 0; k < bytes.length; k++) bytes[k] = int(rand, 0, 255);
      // Half of them without NUL, so decoding reaches the UTF-8 check and sometimes succeeds.
      if (rand() < 0.5) for (let k = 0; k < bytes.length; k++) if (bytes[k] === 0 || bytes[k]! > 0x7f) bytes[k] = int(rand, 1, 0x7f);
      yield { name: `${name}: random bytes`, kind: 'bytes', bytes };
    } else if (kind < 0.35) {
      let text = '';
      const n = int(rand, 1, 80);
      for (let k = 0; k < n; k++) text += pick(rand, FRAGMENTS) + (rand() < 0.3 ? ' ' : '');
      yield { name: `${name}: fragments`, kind: 'text', text };
    } else if (kind < 0.6) {
      const text = pick(rand, texts);
      yield { name: `${name}: truncated`, kind: 'text', text: text.slice(0, int(rand, 0, text.length)) };
    } else if (kind < 0.85) {
      const parts: string[] = [];
      for (let k = int(rand, 2, 5); k > 0; k--) parts.push(slice(rand, pick(rand, texts)));
      yield { name: `${name}: spliced`, kind: 'text', text: parts.join(rand() < 0.5 ? '' : ';\n'), placeholders: rand() < 0.2 ? { x: 'a much longer value', tableName: 't' } : undefined };
    } else if (kind < 0.97) {
      yield { name: `${name}: deep nesting`, kind: 'text', text: deepNesting(rand, pick(rand, [10, 100, 1000, 5000, 20000])) };
    } else {
      yield { name: `${name}: huge literal`, kind: 'text', text: hugeLiteral(rand, pick(rand, [100_000, 1_000_000, 2_000_000])) };
    }
  }
}
