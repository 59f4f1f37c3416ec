/**
 * Schema migrations of the SQL stores, applied in order at start-up; each store records the
 * versions it applied in `eleanor_migrations`. The records table is append-only: triggers
 * refuse UPDATE and DELETE, so only an operator who drops the trigger can change history —
 * and `verify()` then finds the change.
 */

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const RECORDS = `
CREATE TABLE decision_records (
  sequence BIGINT PRIMARY KEY,
  trace_id TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  decision TEXT NOT NULL,
  duration_ms DOUBLE PRECISION NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX decision_records_trace ON decision_records (trace_id, sequence);
CREATE INDEX decision_records_time ON decision_records (recorded_at, sequence);
CREATE INDEX decision_records_decision ON decision_records (decision, sequence);
CREATE TABLE critic_results (
  sequence BIGINT NOT NULL REFERENCES decision_records (sequence),
  critic TEXT NOT NULL,
  status TEXT NOT NULL,
  retry_count INTEGER NOT NULL,
  duration_ms DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (critic, sequence)
)`;

const SQLITE_APPEND_ONLY = ['decision_records', 'critic_results']
  .flatMap((table) =>
    ['UPDATE', 'DELETE'].map(
      (op) => `
CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} is refused'); END;`,
    ),
  )
  .join('\n');

const POSTGRES_APPEND_ONLY = `
CREATE FUNCTION eleanor_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER decision_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
  ON decision_records FOR EACH STATEMENT EXECUTE FUNCTION eleanor_refuse_change();
CREATE TRIGGER critic_results_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
  ON critic_results FOR EACH STATEMENT EXECUTE FUNCTION eleanor_refuse_change();`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'decision records, critic results, append-only triggers',
    // SQLite: `sequence` as INTEGER PRIMARY KEY is the rowid; the critic index needs no rowid.
    sqlite: `${RECORDS.replace('sequence BIGINT PRIMARY KEY', 'sequence INTEGER PRIMARY KEY')} WITHOUT ROWID;\n${SQLITE_APPEND_ONLY}`,
    postgres: `${RECORDS};\n${POSTGRES_APPEND_ONLY}`,
  },
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS eleanor_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;
