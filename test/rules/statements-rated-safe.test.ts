// Statements that passed as SAFE though they lose data or open the database to other roles.
// Each is judged as a careful reviewer would: data loss DANGEROUS, a privilege change at least
// CAUTION, each under a rule of its own.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const HISTORY = 'CREATE TABLE t (id bigint PRIMARY KEY, x int);\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;';
const RULES = ['grant-to-public', 'security-definer-function', 'disable-row-level-security', 'create-rule', 'dml-without-where', 'security-sensitive-sql'];

async function found(sql: string): Promise<string[]> {
  const out = await lintSql(sql, { history: HISTORY });
  return out.findings.filter((f) => RULES.includes(f.rule)).map((f) => `${f.rule}:${f.risk}`);
}

describe('statements that were rated SAFE', () => {
  it.each([
    ['CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING;', 'create-rule:DANGEROUS'],
    ['CREATE OR REPLACE RULE r AS ON UPDATE TO t DO INSTEAD DELETE FROM t;', 'create-rule:DANGEROUS'],
    ['CREATE RULE r AS ON INSERT TO t DO ALSO DELETE FROM t WHERE id < 0;', 'create-rule:DANGEROUS'],
    ['CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;', 'create-rule:CAUTION'],
    ['GRANT ALL ON t TO PUBLIC;', 'grant-to-public:DANGEROUS'],
    ['GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC;', 'grant-to-public:DANGEROUS'],
    ['GRANT CREATE ON SCHEMA public TO PUBLIC;', 'grant-to-public:DANGEROUS'],
    ['GRANT SELECT ON t TO PUBLIC;', 'grant-to-public:CAUTION'],
    ['ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO PUBLIC;', 'grant-to-public:DANGEROUS'],
    ['ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC;', 'grant-to-public:CAUTION'],
    ['GRANT pg_read_all_data TO PUBLIC;', 'grant-to-public:DANGEROUS'],
    ["CREATE FUNCTION g() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';", 'security-definer-function:CAUTION'],
    ["CREATE FUNCTION g() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS 'SELECT 1';", 'security-definer-function:CAUTION'],
    ['ALTER FUNCTION f() SECURITY DEFINER;', 'security-definer-function:CAUTION'],
    ['ALTER TABLE t DISABLE ROW LEVEL SECURITY;', 'disable-row-level-security:DANGEROUS'],
    ['ALTER TABLE t NO FORCE ROW LEVEL SECURITY;', 'disable-row-level-security:CAUTION'],
    ['MERGE INTO t USING (SELECT 1 AS id) s ON true WHEN MATCHED THEN DELETE;', 'dml-without-where:DANGEROUS'],
    ['DELETE FROM t USING t t2 WHERE t.id = t.id;', 'dml-without-where:DANGEROUS'],
    ['DELETE FROM t WHERE id IS NOT NULL OR id IS NULL;', 'dml-without-where:DANGEROUS'],
    ['DELETE FROM t WHERE x IS NOT DISTINCT FROM x;', 'dml-without-where:DANGEROUS'],
    ['UPDATE t SET x = 1 WHERE id = id;', 'dml-without-where:CAUTION'],
    ['SET session_replication_role = replica;', 'security-sensitive-sql:DANGEROUS'],
  ])('%s -> %s', async (sql, expected) => {
    expect(await found(sql)).toContain(expected);
  });

  it.each([
    'GRANT SELECT ON t TO app_reader;',
    'REVOKE ALL ON t FROM PUBLIC;',
    "CREATE FUNCTION g() RETURNS int LANGUAGE sql SECURITY INVOKER AS 'SELECT 1';",
    'ALTER FUNCTION f() SECURITY INVOKER;',
    'ALTER TABLE t ENABLE ROW LEVEL SECURITY;',
    'CREATE TABLE n (id bigint);\nALTER TABLE n DISABLE ROW LEVEL SECURITY;',
    'MERGE INTO t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED THEN DELETE;',
    'DELETE FROM t WHERE id = x;',
  ])('no finding: %s', async (sql) => {
    expect(await found(sql)).toEqual([]);
  });
});
