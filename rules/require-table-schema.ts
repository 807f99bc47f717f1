import type { DropStmt, Node, RangeVar } from '@pgsql/types';
import { as, nodeTag, stringList } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { executesNow } from './_statement.js';

const TARGET: Record<string, string> = { CreateStmt: 'relation', AlterTableStmt: 'relation', IndexStmt: 'relation', CreateTableAsStmt: 'into' };

export const rule: Rule = {
  id: 'require-table-schema',
  risk: 'SAFE',
  title: 'A table named without its schema',
  enabledByDefault: false,
  docs: {
    why:
      'An unqualified table name is resolved through search_path, which the session running the migration may set differently from the one the application uses (a role setting, a connection option, a tool that changes it). The migration then creates or alters a table in another schema than intended.',
    policy: 'Off by default: most projects use one schema and a fixed search_path; turn it on where several schemas exist (squawk has it as an opt-in rule too).',
    instead: 'Qualify the table: `CREATE TABLE app.orders (...)`, `ALTER TABLE app.orders ...`, `DROP TABLE app.orders`.',
    bad: 'CREATE TABLE orders (id bigint PRIMARY KEY);',
    good: 'CREATE TABLE public.orders (id bigint PRIMARY KEY);',
    equivalents: { squawk: 'require-table-schema' },
  },
  statements: ['CreateStmt', 'AlterTableStmt', 'IndexStmt', 'CreateTableAsStmt', 'DropStmt'],
  check({ statement }) {
    const [tag, v] = nodeTag(statement.ast) ?? ['', {}];
    // DROP TABLE names its tables as lists: one part is a bare name (squawk's drop_table_err).
    if (tag === 'DropStmt' && (v as DropStmt).removeType === 'OBJECT_TABLE' && executesNow(statement)) {
      return ((v as DropStmt).objects ?? []).map((o) => stringList(as<{ items?: Node[] }>(o as Node, 'List')?.items)).filter((parts) => parts.length === 1).map(([name]) => ({
        message: `${name} has no schema: DROP TABLE resolves it through the session's search_path, which may differ from the application's`,
        suggestion: `public.${name}  -- or the schema it belongs in`,
      }));
    }
    const key = TARGET[tag];
    if (!key || !executesNow(statement)) return [];
    const rel = (key === 'into' ? (v.into as { rel?: RangeVar } | undefined)?.rel : v[key]) as RangeVar | undefined;
    if (!rel?.relname || rel.schemaname || rel.relpersistence === 't') return [];
    return [{
      message: `${rel.relname} has no schema: it resolves through the session's search_path, which may differ from the application's`,
      suggestion: `public.${rel.relname}  -- or the schema it belongs in`,
    }];
  },
};

export default rule;
