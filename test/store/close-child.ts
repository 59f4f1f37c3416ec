/**
 * Child process: opens the SQLite store at `argv[2]`, records one decision, closes the store as
 * its last work and prints `closed` — the close must keep the process alive until it is done.
 */
import { openSqliteStore } from '../../src/index.js';
import { recordInput } from '../../src/store/evidence/test-helpers/records.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: close-child.ts <sqlite file>');
const store = openSqliteStore({ path: file });
await store.record(recordInput({ traceId: 'only' }));
await store.close();
process.stdout.write('closed\n');
