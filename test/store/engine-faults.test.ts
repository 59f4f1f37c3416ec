/**
 * Store faults seen from the engine: a full disk (SQLite) and a connection killed mid-commit
 * (PostgreSQL) fail the waiting evaluations with AuditUnavailableError — or, with the audit not
 * required, answer `recorded: false` — and the engine goes on once the store is back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuditUnavailableError,
  createEngine,
  engineConfigFromEnv,
  openPostgresStore,
  openSqliteStore,
  type CriticSpec,
  type Engine,
} from '../../src/index.js';
import {
  dropSchema,
  terminateConnections,
  TEST_DATABASE_URL,
  uniqueSchema,
  withAdmin,
} from '../../src/store/evidence/test-helpers/postgres.js';

const PANEL: CriticSpec[] = [
  { name: 'quick_safety', evaluate: () => ({ value: 'pass', score: 0, violations: [] }) },
];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function waitFor(condition: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached');
}

describe('engine with a SQLite store whose disk fills up', () => {
  it('fails the evaluation with a 503 audit error, then records again once there is room', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eleanor-full-'));
    cleanups.push(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    });
    const store = openSqliteStore({ path: path.join(dir, 'e.db'), maxPages: 25 });
    const engine = createEngine({
      critics: PANEL,
      config: engineConfigFromEnv({ ELEANOR_STORE_TEXT: 'full' }),
      store,
    });
    cleanups.push(() => engine.close());
    expect((await engine.evaluate({ input: 'q', output: 'small' })).recorded).toBe(true);
    const error = await engine
      .evaluate({ input: 'q', output: 'x'.repeat(90_000) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditUnavailableError);
    expect((error as AuditUnavailableError).status).toBe(503);
    expect((error as Error).message).toMatch(/sqlite:.*e\.db.*full/);
    expect(engine.store.health().state).toBe('down');
    expect((await engine.evaluate({ input: 'q', output: 'small again' })).recorded).toBe(true);
    expect(engine.store.health().state).toBe('up');
    expect(await engine.store.verify()).toEqual({ ok: true, checked: 2 });
  });
});

describe('engine with a PostgreSQL store whose connection is killed mid-commit', () => {
  async function setup(
    auditRequired: boolean,
  ): Promise<{ engine: Engine; schema: string; app: string }> {
    const schema = uniqueSchema();
    const app = `eleanor_engine_${schema.slice(-8)}`;
    const store = await openPostgresStore({
      connectionString: TEST_DATABASE_URL,
      schema,
      applicationName: app,
      probeIntervalMs: 20,
    });
    const engine = createEngine({
      critics: PANEL,
      config: engineConfigFromEnv({ ELEANOR_AUDIT_REQUIRED: String(auditRequired) }),
      store,
    });
    cleanups.push(() => dropSchema(schema));
    cleanups.push(() => engine.close());
    return { engine, schema, app };
  }

  /** Holds the chain lock so the next commit waits, then kills the store's connections. */
  async function killDuringCommit<T>(
    schema: string,
    app: string,
    pending: () => Promise<T>,
  ): Promise<T> {
    const blocker = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`LOCK TABLE "${schema}".decision_records IN EXCLUSIVE MODE`);
      const outcome = pending();
      await waitFor(() =>
        withAdmin(async (c) => {
          const r = await c.query(
            "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
            [app],
          );
          return (r.rowCount ?? 0) > 0;
        }),
      );
      await terminateConnections(app);
      return await outcome;
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
  }

  it('rejects the waiting evaluation with AuditUnavailableError, then reconnects', async () => {
    const { engine, schema, app } = await setup(true);
    await engine.evaluate({ input: 'q', output: 'before' });
    const error = await killDuringCommit(schema, app, () =>
      engine.evaluate({ input: 'q', output: 'during' }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(AuditUnavailableError);
    expect((error as Error).message).toMatch(/postgres:.*terminat/i);
    await waitFor(() => engine.store.health().state === 'up');
    expect((await engine.evaluate({ input: 'q', output: 'after' })).recorded).toBe(true);
    expect(await engine.store.verify()).toEqual({ ok: true, checked: 2 });
  });

  it('answers recorded: false when the audit is not required', async () => {
    const { engine, schema, app } = await setup(false);
    const result = await killDuringCommit(schema, app, () =>
      engine.evaluate({ input: 'q', output: 'during' }),
    );
    expect(result).toMatchObject({ decision: 'allow', recorded: false });
    await waitFor(() => engine.store.health().state === 'up');
    expect((await engine.evaluate({ input: 'q', output: 'after' })).recorded).toBe(true);
  });
});
