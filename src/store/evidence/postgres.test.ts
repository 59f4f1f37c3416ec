import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceStoreError } from './errors.js';
import { openPostgresStore, safeUrl, type PostgresEvidenceStore } from './postgres.js';
import { describeEvidenceStore } from './test-helpers/contract.js';
import {
  dropSchema,
  terminateConnections,
  TEST_DATABASE_URL,
  uniqueSchema,
  withAdmin,
} from './test-helpers/postgres.js';
import { recordInput } from './test-helpers/records.js';

describeEvidenceStore('postgres', async () => {
  const schema = uniqueSchema();
  const options = { connectionString: TEST_DATABASE_URL, schema };
  return {
    store: await openPostgresStore(options),
    reopen: () => openPostgresStore(options),
    cleanup: () => dropSchema(schema),
  };
});

describe('PostgresEvidenceStore', () => {
  const schemas: string[] = [];
  const stores: PostgresEvidenceStore[] = [];

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  async function open(
    extra: Partial<Parameters<typeof openPostgresStore>[0]> = {},
    schema = uniqueSchema(),
  ): Promise<PostgresEvidenceStore> {
    if (!schemas.includes(schema)) schemas.push(schema);
    const store = await openPostgresStore({
      connectionString: TEST_DATABASE_URL,
      schema,
      probeIntervalMs: 20,
      ...extra,
    });
    stores.push(store);
    return store;
  }

  it('refuses UPDATE, DELETE and TRUNCATE on the records', async () => {
    const schema = uniqueSchema();
    await (await open({}, schema)).record(recordInput());
    for (const sql of [
      `UPDATE "${schema}".decision_records SET decision = 'deny'`,
      `DELETE FROM "${schema}".critic_results`,
      `TRUNCATE "${schema}".decision_records CASCADE`,
    ]) {
      await expect(withAdmin((c) => c.query(sql))).rejects.toThrow(/append-only/);
    }
  });

  it('finds the first changed record when someone disables the trigger', async () => {
    const schema = uniqueSchema();
    const store = await open({}, schema);
    for (let i = 0; i < 4; i += 1) await store.record(recordInput());
    await withAdmin(async (c) => {
      await c.query(`ALTER TABLE "${schema}".decision_records DISABLE TRIGGER USER`);
      await c.query(`ALTER TABLE "${schema}".critic_results DISABLE TRIGGER USER`);
      await c.query(`DELETE FROM "${schema}".critic_results WHERE sequence = 2`);
      await c.query(`DELETE FROM "${schema}".decision_records WHERE sequence = 2`);
    });
    expect(await store.verify()).toMatchObject({ ok: false, checked: 1, firstBadSequence: 3 });
  });

  it('keeps one chain when several stores (processes) append to one database', async () => {
    const schema = uniqueSchema();
    const writers = [await open({}, schema), await open({}, schema), await open({}, schema)];
    await Promise.all(Array.from({ length: 60 }, (_, i) => writers[i % 3]!.record(recordInput())));
    expect(await writers[0]!.verify()).toEqual({ ok: true, checked: 60 });
  });

  it('names the store and the cause when nothing listens at the address', async () => {
    const error = await openPostgresStore({
      connectionString: 'postgres://postgres:secret@127.0.0.1:1/test',
      connectTimeoutMs: 2000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceStoreError);
    expect((error as EvidenceStoreError).operation).toBe('open');
    expect((error as Error).message).toContain('postgres://postgres:***@127.0.0.1:1/test');
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect((error as Error).message).not.toContain('secret');
  });

  it('names the cause when the role or database does not exist', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.username = 'no_such_role_eleanor';
    await expect(openPostgresStore({ connectionString: url.toString() })).rejects.toThrow(
      /Evidence store postgres:.*opening the store failed: .*no_such_role_eleanor/,
    );
    url.username = new URL(TEST_DATABASE_URL).username;
    url.pathname = '/no_such_database_eleanor';
    await expect(openPostgresStore({ connectionString: url.toString() })).rejects.toThrow(
      /database "no_such_database_eleanor" does not exist/,
    );
  });

  it('fails the commit whose connection is killed, then reconnects by itself', async () => {
    const schema = uniqueSchema();
    const applicationName = `eleanor_kill_${schema.slice(-8)}`;
    const store = await open({ applicationName }, schema);
    const acknowledged = [await store.record(recordInput({ traceId: 'before' }))];
    // Another client holds the chain lock, so the next commit waits inside its transaction.
    const blocker = await import('pg').then((m) => new m.default.Client(TEST_DATABASE_URL));
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE "${schema}".decision_records IN EXCLUSIVE MODE`);
    const waiting = store.record(recordInput({ traceId: 'killed' })).catch((e: unknown) => e);
    await waitFor(async () =>
      withAdmin(async (c) => {
        const r = await c.query(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
          [applicationName],
        );
        return (r.rowCount ?? 0) > 0;
      }),
    );
    expect(await terminateConnections(applicationName)).toBeGreaterThan(0);
    const error = await waiting;
    expect(error).toBeInstanceOf(EvidenceStoreError);
    expect((error as Error).message).toMatch(/committing decision records failed: .*terminat/i);
    expect(store.health().state).toBe('down');
    await blocker.query('ROLLBACK');
    await blocker.end();
    await waitFor(() => Promise.resolve(store.health().state === 'up'));
    acknowledged.push(await store.record(recordInput({ traceId: 'after' })));
    for (const r of acknowledged) expect(await store.get(r.traceId)).toEqual(r);
    expect(await store.get('killed')).toBeUndefined();
    expect(await store.verify()).toEqual({ ok: true, checked: 2 });
  });

  it('hides the password in its name', () => {
    expect(safeUrl('postgres://u:pw@h:5432/d')).toBe('postgres://u:***@h:5432/d');
  });
});

async function waitFor(condition: () => Promise<boolean>, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached');
}
