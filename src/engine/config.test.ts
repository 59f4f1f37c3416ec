import { describe, expect, it } from 'vitest';
import { engineConfigFromEnv } from './config.js';

describe('engineConfigFromEnv: evidence store settings', () => {
  it('defaults to SQLite under ./data, redacted texts and a required audit', () => {
    const config = engineConfigFromEnv({});
    expect(config.store).toEqual({
      kind: 'sqlite',
      sqlitePath: './data/eleanor.db',
      sqliteSynchronous: 'normal',
      databaseUrl: undefined,
      text: 'redacted',
      auditRequired: true,
    });
    expect(config.warnings).toEqual([]);
  });

  it('chooses PostgreSQL when a database URL is set, unless the store is named', () => {
    const url = 'postgres://eleanor@db:5432/eleanor';
    expect(engineConfigFromEnv({ ELEANOR_DATABASE_URL: url }).store).toMatchObject({
      kind: 'postgres',
      databaseUrl: url,
    });
    expect(
      engineConfigFromEnv({ ELEANOR_DATABASE_URL: url, ELEANOR_STORE: 'memory' }).store.kind,
    ).toBe('memory');
  });

  it('reads every store variable', () => {
    const config = engineConfigFromEnv({
      ELEANOR_STORE: 'SQLite',
      ELEANOR_SQLITE_PATH: '/var/lib/eleanor/audit.db',
      ELEANOR_SQLITE_SYNCHRONOUS: 'full',
      ELEANOR_STORE_TEXT: 'hash',
      ELEANOR_AUDIT_REQUIRED: 'off',
    });
    expect(config.store).toMatchObject({
      kind: 'sqlite',
      sqlitePath: '/var/lib/eleanor/audit.db',
      sqliteSynchronous: 'full',
      text: 'hash',
      auditRequired: false,
    });
  });

  it('warns about bad values and uses the defaults', () => {
    const config = engineConfigFromEnv({
      ELEANOR_STORE: 'mongo',
      ELEANOR_STORE_TEXT: 'plain',
      ELEANOR_AUDIT_REQUIRED: 'maybe',
      ELEANOR_SQLITE_SYNCHRONOUS: 'off',
      ELEANOR_DATABASE_URL: 'mysql://x:secret@h/db',
    });
    expect(config.store).toMatchObject({
      kind: 'sqlite',
      text: 'redacted',
      auditRequired: true,
      sqliteSynchronous: 'normal',
      databaseUrl: undefined,
    });
    expect(config.warnings.map((w) => w.variable).sort()).toEqual([
      'ELEANOR_AUDIT_REQUIRED',
      'ELEANOR_DATABASE_URL',
      'ELEANOR_SQLITE_SYNCHRONOUS',
      'ELEANOR_STORE',
      'ELEANOR_STORE_TEXT',
    ]);
    expect(JSON.stringify(config.warnings)).not.toContain('secret');
  });

  it('falls back to SQLite with a warning when postgres is asked for without a URL', () => {
    const config = engineConfigFromEnv({ ELEANOR_STORE: 'postgres' });
    expect(config.store.kind).toBe('sqlite');
    expect(config.warnings[0]?.message).toContain('ELEANOR_DATABASE_URL');
  });
});
