/**
 * Applies the SQLite store's schema migrations at start-up and records each version applied.
 */
import type Database from 'better-sqlite3';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';

/** Applies the missing migrations, each in one write transaction. */
export function migrateSqlite(db: Database.Database): void {
  db.exec(MIGRATIONS_TABLE);
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM eleanor_migrations')
      .all()
      .map((r) => r.version),
  );
  const record = db.prepare(
    'INSERT INTO eleanor_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name, Date.now());
    }).immediate();
  }
}
