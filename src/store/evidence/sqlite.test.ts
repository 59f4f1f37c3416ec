import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../orchestrator/errors.js';
import { EvidenceStoreError } from './errors.js';
import { openSqliteStore, type SqliteEvidenceStore } from './sqlite.js';
import { describeEvidenceStore } from './test-helpers/contract.js';
import { recordInput } from './test-helpers/records.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'eleanor-sqlite-'));
}

describeEvidenceStore('sqlite', () => {
  const dir = tempDir();
  const file = path.join(dir, 'nested', 'eleanor.db');
  return Promise.resolve({
    store: openSqliteStore({ path: file }),
    reopen: () => Promise.resolve(openSqliteStore({ path: file })),
    cleanup: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
});

describe('SqliteEvidenceStore', () => {
  let dir: string;
  const open: SqliteEvidenceStore[] = [];

  beforeEach(() => {
    dir = tempDir();
  });

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function store(file = path.join(dir, 'e.db'), extra = {}): SqliteEvidenceStore {
    const s = openSqliteStore({ path: file, ...extra });
    open.push(s);
    return s;
  }

  it('writes in WAL mode and records its schema version', () => {
    const file = path.join(dir, 'e.db');
    store(file);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM eleanor_migrations').all()).toEqual([{ version: 1 }]);
    db.close();
  });

  it('refuses to open a file that is not a database, naming the store and the cause', () => {
    const file = path.join(dir, 'corrupt.db');
    fs.writeFileSync(file, 'this is not a database, just text '.repeat(200));
    const error = (() => {
      try {
        openSqliteStore({ path: file });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EvidenceStoreError);
    expect((error as EvidenceStoreError).operation).toBe('open');
    expect((error as Error).message).toContain(`sqlite:${file}`);
    expect((error as Error).message).toContain('file is not a database');
  });

  it('refuses a path it cannot create, naming the store and the cause', () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    expect(() => openSqliteStore({ path: path.join(blocker, 'e.db') })).toThrow(
      /Evidence store sqlite:.*a-file.*opening the store failed: .*(EEXIST|ENOTDIR)/,
    );
  });

  it('rejects an unknown synchronous mode', () => {
    expect(() => openSqliteStore({ path: ':memory:', synchronous: 'off' as never })).toThrow(
      InvalidOptionError,
    );
  });

  it('refuses UPDATE and DELETE on the records (append-only triggers)', async () => {
    const file = path.join(dir, 'e.db');
    await store(file).record(recordInput());
    const db = new Database(file);
    expect(() => db.prepare("UPDATE decision_records SET decision = 'deny'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM critic_results').run()).toThrow(/append-only/);
    db.close();
  });

  it('finds the first changed record when someone bypasses the triggers', async () => {
    const file = path.join(dir, 'e.db');
    const s = store(file);
    for (let i = 0; i < 5; i += 1) await s.record(recordInput({ traceId: `t${i}` }));
    const db = new Database(file);
    db.exec('DROP TRIGGER decision_records_no_update');
    db.prepare(
      'UPDATE decision_records SET body = replace(body, \'"decision":"allow"\', \'"decision":"deny"\') WHERE sequence = 3',
    ).run();
    db.close();
    expect(await s.verify()).toMatchObject({
      ok: false,
      checked: 2,
      firstBadSequence: 3,
      reason: expect.stringContaining('hash') as unknown,
    });
  });

  it('checkpoints the WAL into the database file from a worker thread, not in the commits', async () => {
    const file = path.join(dir, 'checkpointed.db');
    const s = store(file, { checkpointIntervalMs: 10 });
    const sizeBefore = fs.statSync(file).size;
    await Promise.all(Array.from({ length: 50 }, () => s.record(recordInput())));
    // The commits only append to the WAL (SQLite's own checkpoint would wait for 1000 pages);
    // the worker moves the pages into the file.
    for (let i = 0; i < 400 && fs.statSync(file).size === sizeBefore; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore);
    await s.close();
    expect(await store(file).verify()).toEqual({ ok: true, checked: 50 });
  });

  it('commits records submitted together in one transaction (group commit)', async () => {
    const s = store();
    await Promise.all(Array.from({ length: 25 }, () => s.record(recordInput())));
    expect(s.health()).toMatchObject({ committed: 25, commits: 1 });
    await s.record(recordInput());
    expect(s.health()).toMatchObject({ committed: 26, commits: 2 });
  });

  it('keeps one chain when two stores (two processes) write to the same file', async () => {
    const file = path.join(dir, 'shared.db');
    const a = store(file);
    const b = store(file);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).record(recordInput())),
    );
    expect(await a.verify()).toEqual({ ok: true, checked: 30 });
  });

  it('fails the waiting records when the disk is full, stays up for the next, loses nothing committed', async () => {
    const s = store(path.join(dir, 'small.db'), { maxPages: 40 });
    const committed = [];
    for (let i = 0; i < 3; i += 1) committed.push(await s.record(recordInput()));
    const huge = recordInput({ traceId: 'huge' });
    huge.request.input = 'x'.repeat(400_000);
    const error = await s.record(huge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceStoreError);
    expect((error as Error).message).toMatch(/committing decision records failed: .*full/);
    expect(s.health()).toMatchObject({ state: 'down', failedCommits: 1 });
    expect(s.health().lastError).toMatch(/full/);
    const next = await s.record(recordInput({ traceId: 'small-again' }));
    expect(next.sequence).toBe(4);
    expect(s.health()).toMatchObject({ state: 'up', committed: 4 });
    expect(await s.get('huge')).toBeUndefined();
    for (const r of committed) expect(await s.get(r.traceId)).toEqual(r);
    expect(await s.verify()).toEqual({ ok: true, checked: 4 });
  });
});
