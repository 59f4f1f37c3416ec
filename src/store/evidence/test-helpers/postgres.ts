/**
 * PostgreSQL for tests: the server on 127.0.0.1:5432, database `test` (override with
 * ELEANOR_TEST_DATABASE_URL). Every test gets its own schema and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL =
  process.env['ELEANOR_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test (or test process) uses. */
export function uniqueSchema(): string {
  return `eleanor_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Runs `work` on a separate administrative connection. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** Terminates every server connection opened with this application name. */
export async function terminateConnections(applicationName: string): Promise<number> {
  return withAdmin(async (client) => {
    const result = await client.query<{ pid: number }>(
      'SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
      [applicationName],
    );
    return result.rowCount ?? 0;
  });
}
