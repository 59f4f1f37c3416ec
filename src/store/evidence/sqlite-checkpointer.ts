/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that
 * crosses the threshold and fsyncs the database file — a 10–15 ms stall for one evaluation in a
 * few hundred. The store turns it off and this worker thread, on its own connection, runs a
 * PASSIVE checkpoint (it never blocks the writer) at a fixed interval, so the fsync happens on
 * another thread. The WAL file is truncated back to `journal_size_limit` after each.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The worker's program (CommonJS, evaluated): it loads the same better-sqlite3 as the store. */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ closed: true });
});
`;

export interface CheckpointerOptions {
  path: string;
  intervalMs: number;
  busyTimeoutMs: number;
  /** Called with a failed checkpoint's message (the next one retries). */
  onError: (message: string) => void;
}

export class Checkpointer {
  private readonly worker: Worker;
  private closing: Promise<void> | undefined;

  constructor(options: CheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(PROGRAM, {
      eval: true,
      workerData: {
        driver,
        path: options.path,
        intervalMs: options.intervalMs,
        busyTimeoutMs: options.busyTimeoutMs,
      },
    });
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error !== undefined) options.onError(message.error);
    });
    this.worker.on('error', (error) => {
      options.onError(error.message);
    });
    // A store left open must not keep the process alive.
    this.worker.unref();
  }

  /** Runs a last checkpoint and stops the worker. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const done = (): void => {
        void this.worker.terminate().then(() => {
          resolve();
        });
      };
      this.worker.once('message', done);
      this.worker.once('exit', () => {
        resolve();
      });
      // Closing is awaited: the worker must now keep the process alive until it is done.
      this.worker.ref();
      this.worker.postMessage('close');
    });
    return this.closing;
  }
}
