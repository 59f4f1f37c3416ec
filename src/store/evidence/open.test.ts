import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineConfigFromEnv } from '../../engine/config.js';
import { openEvidenceStore } from './open.js';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema, withAdmin } from './test-helpers/postgres.js';

describe('openEvidenceStore', () => {
  it('opens the memory store when configured', async () => {
    const store = await openEvidenceStore(engineConfigFromEnv({ ELEANOR_STORE: 'memory' }).store);
    expect(store.kind).toBe('memory');
    await store.close();
  });

  it('opens SQLite at the configured path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eleanor-open-'));
    const file = path.join(dir, 'data', 'eleanor.db');
    const store = await openEvidenceStore(
      engineConfigFromEnv({ ELEANOR_SQLITE_PATH: file, ELEANOR_SQLITE_SYNCHRONOUS: 'full' }).store,
    );
    expect(store.name).toBe(`sqlite:${file}`);
    expect(fs.existsSync(file)).toBe(true);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens PostgreSQL when a database URL is configured', async () => {
    const schema = uniqueSchema();
    // The operator's schema, named by the URL's search_path.
    await withAdmin((c) => c.query(`CREATE SCHEMA "${schema}"`));
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = await openEvidenceStore(
      engineConfigFromEnv({ ELEANOR_DATABASE_URL: url.toString() }).store,
    ).catch(async (error: unknown) => {
      await dropSchema(schema);
      throw error;
    });
    try {
      expect(store.kind).toBe('postgres');
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });
});
