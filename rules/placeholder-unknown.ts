import type { LayoutName } from '../src/core/types.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { describePlaceholder } from '../src/parse/preprocess.js';

// Flyway and Liquibase put a `${name}` placeholder's value into the SQL before they run it, and
// pop renders its SQL as a Go template; the value comes from the runner's configuration
// (flyway.conf, application.yml, liquibase.properties, pom.xml, the command line, the
// environment), files a pull request can change as freely as the SQL. The parse stage reads a
// placeholder without a configured value as a neutral identifier, so `SELECT ${x};` looked like
// a harmless SELECT while flyway.conf made it `SELECT 1; DROP TABLE users;`.

/** The runners that substitute placeholders in what they run (others leave `${x}` as text). */
const SUBSTITUTES: ReadonlySet<LayoutName> = new Set(['flyway', 'liquibase-sql', 'pop']);

const RUNNER: Partial<Record<LayoutName, string>> = { flyway: 'Flyway', 'liquibase-sql': 'Liquibase', pop: 'pop', goose: 'goose (ENVSUB ON)' };

export const rule: Rule = {
  id: 'placeholder-unknown',
  risk: 'DANGEROUS',
  title: 'A placeholder whose value the review does not know',
  docs: {
    why: 'Flyway and Liquibase replace `${name}` placeholders (pop: `{{ ... }}` template actions; goose, in a file with `-- +goose ENVSUB ON`: `$NAME`, `${NAME}` and `${NAME:-default}` from the environment, in strings and comments too) with values from their own configuration before the SQL runs: flyway.conf or flyway.toml, application.yml, liquibase.properties, pom.xml or build.gradle, the command line, the environment. Those are files a pull request changes as easily as the migration, and the value is pasted into the SQL as text, so it can be anything: `SELECT ${x};` with `x=1; DROP TABLE users` runs a DROP TABLE. The review reads a placeholder it has no value for as a neutral identifier, which is right for a schema name and blind to anything else.',
    instead: 'Give the placeholder its value in `placeholders:` in .migration-guard.yml on the base branch (`placeholders: { schema: app }`): the review then reads the SQL as it runs, and a pull request that changes the value there is a config-weakened finding. Or write the name in the migration.',
    bad: 'CREATE TABLE ${schema}.audit_log (id bigint PRIMARY KEY);',
    good: 'CREATE TABLE app.audit_log (id bigint PRIMARY KEY);',
  },
  finish(state, file): RuleHit[] {
    // Without a layout (a file linted alone) any runner may have substituted it.
    // goose substitutes only in a file with ENVSUB ON, whose references the parser then reports.
    const envsub = file.unknownPlaceholders.filter((p) => p.kind === 'environment');
    if (state.layout !== undefined && !SUBSTITUTES.has(state.layout) && envsub.length === 0) return [];
    const runner = (state.layout && RUNNER[state.layout]) ?? 'the runner';
    const substituted = envsub.length > 0 ? envsub : state.layout === 'pop' ? file.unknownPlaceholders.filter((p) => p.kind === 'go-template') : file.unknownPlaceholders;
    return substituted.map((p) => ({
      position: { line: p.line, column: p.column },
      message: `${describePlaceholder(p)} has no value this review knows: ${runner} fills it in from its own configuration or the environment, which a pull request can change, so what runs here may be any SQL (it was reviewed as a plain name)`,
      // The name a value is read by: a Go template action's is its last quoted string or field.
      suggestion: `# .migration-guard.yml on the base branch\nplaceholders:\n  ${p.name}: <the value it runs with>`,
    }));
  },
};

export default rule;
