/**
 * The PostgreSQL store's two transactions: appending a group of records to the chain, and
 * applying schema migrations at start-up.
 */
import type { PoolClient } from 'pg';
import { GENESIS_HASH, seal, type PreparedRecord } from './chain.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import type { DecisionRecord } from './types.js';

/** One transaction: lock the chain, read its head, append the batch, commit. */
export async function appendBatch(
  client: PoolClient,
  inputs: readonly PreparedRecord[],
): Promise<DecisionRecord[]> {
  await client.query('BEGIN');
  try {
    await client.query('LOCK TABLE decision_records IN EXCLUSIVE MODE');
    const head = await client.query<{ sequence: string; hash: string }>(
      'SELECT sequence, hash FROM decision_records ORDER BY sequence DESC LIMIT 1',
    );
    let sequence = Number(head.rows[0]?.sequence ?? 0);
    let prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
    const sealed = inputs.map((prepared) => {
      sequence += 1;
      const { record, row } = seal(prepared, sequence, prevHash);
      prevHash = row.hash;
      return { input: prepared.input, record, row };
    });
    await client.query(
      `INSERT INTO decision_records (sequence, trace_id, recorded_at, decision, duration_ms, prev_hash, hash, body)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::text[])`,
      [
        sealed.map((s) => s.row.sequence),
        sealed.map((s) => s.row.traceId),
        sealed.map((s) => s.row.recordedAt),
        sealed.map((s) => s.row.decision),
        sealed.map((s) => s.input.summary.durationMs),
        sealed.map((s) => s.row.prevHash),
        sealed.map((s) => s.row.hash),
        sealed.map((s) => s.row.body),
      ],
    );
    const critics = sealed.flatMap((s) =>
      s.input.critics.map((c) => [s.row.sequence, c.critic, c.status, c.retryCount, c.durationMs]),
    );
    await client.query(
      `INSERT INTO critic_results (sequence, critic, status, retry_count, duration_ms)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::float8[])`,
      [0, 1, 2, 3, 4].map((i) => critics.map((row) => row[i])),
    );
    await client.query('COMMIT');
    return sealed.map((s) => s.record);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Applies the missing migrations in one transaction, serialised across processes. */
export async function migratePostgres(
  client: PoolClient,
  schema: string | undefined,
): Promise<void> {
  await client.query('BEGIN');
  try {
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    // Serialises start-up migrations across processes sharing the database.
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.eleanor_migrations'))",
    );
    await client.query(MIGRATIONS_TABLE);
    const applied = await client.query<{ version: number }>(
      'SELECT version FROM eleanor_migrations',
    );
    const done = new Set(applied.rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.postgres);
      await client.query(
        'INSERT INTO eleanor_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, Date.now()],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
