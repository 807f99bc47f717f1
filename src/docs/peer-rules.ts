// The peers' rules that have no migration-guard counterpart, and why: kept next to the
// renderer so docs/rules.md's comparison is complete (every rule of theirs is either an
// `equivalents` entry of one of our rules, or listed here with the reason).
export interface PeerRuleWithoutCounterpart {
  tool: 'squawk' | 'strong_migrations' | 'eugene' | 'pgfence';
  rule: string;
  why: string;
}

export const PEER_RULES_WITHOUT_COUNTERPART: readonly PeerRuleWithoutCounterpart[] = [
  { tool: 'squawk', rule: 'prefer-big-int', why: 'split here into prefer-bigint-keys (on: keys run out) and prefer-bigint-over-int (off: most non-key columns fit in integer)' },
  { tool: 'strong_migrations', rule: 'execute', why: 'migration-guard reads the SQL itself, so raw SQL gets the same rules as everything else instead of a blanket warning' },
  { tool: 'strong_migrations', rule: 'change_column_default', why: 'a Rails-specific hazard (partial writes of the old default by the running app); SET DEFAULT in SQL is a catalog-only change' },
  { tool: 'strong_migrations', rule: 'create_table (force: true)', why: 'a Rails DSL option; in SQL the equivalent DROP TABLE is reported by ban-drop-table' },
  { tool: 'eugene', rule: 'W13 (enum type creation)', why: 'creating an enum blocks nothing; the hazard is changing it later, which enum-value-changes reports when it happens' },
  { tool: 'pgfence', rule: 'SET application_name', why: 'naming the session helps operators find it in pg_stat_activity but changes no risk of the migration; not a review finding' },
  { tool: 'pgfence', rule: 'DISABLE / NO FORCE ROW LEVEL SECURITY', why: 'widening access is a security review, not a migration-safety one (enable-rls-without-policy covers the outage side: enabling it with no policy)' },
  { tool: 'pgfence', rule: 'statement_timeout too long (over 10 minutes)', why: 'statement_timeout limits the work, not the wait: a long one is what CREATE INDEX CONCURRENTLY and backfills need; what a blocking statement holds is judged by require-statement-timeout and the estimates, and lock_timeout by timeout-too-long' },
  { tool: 'pgfence', rule: 'INHERIT / NO INHERIT', why: 'classified as a SHARE ROW EXCLUSIVE change and reported through require-lock-timeout; no dedicated rule' },
  { tool: 'pgfence', rule: 'CREATE TYPE ... AS ENUM (no DROP VALUE)', why: 'the same reason as eugene W13: reported when a label is changed (enum-value-changes), not when the type is created' },
];
