/**
 * Child process: opens the SQLite store at `argv[2]`, records one decision, closes the store as
 * its last work and prints `closed` — the close must keep the process alive until it is done.
 */
import { buildDecisionRecord, openSqliteStore } from '../../src/index.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: close-child.ts <sqlite file>');
const store = openSqliteStore({ path: file });
await store.record(
  buildDecisionRecord({
    result: {
      traceId: 'only',
      decision: 'allow',
      escalation: null,
      dissent: [],
      reasons: [],
      critics: {},
      summary: {
        total: 0,
        success: 0,
        failed: 0,
        timedOut: 0,
        gated: 0,
        retried: 0,
        cancelled: 0,
        circuitOpen: 0,
        rateLimited: 0,
        cost: 0,
        durationMs: 0,
      },
      auditHash: '0'.repeat(64),
      degraded: [],
    },
    request: { input: 'q', output: 'a' },
    configVersion: 'child',
    textMode: 'redacted',
    recordedAt: Date.now(),
  }),
);
await store.close();
process.stdout.write('closed\n');
