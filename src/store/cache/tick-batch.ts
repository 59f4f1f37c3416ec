/**
 * Batches the Redis lookups and writes issued within one tick. The orchestrator starts every
 * ready critic of a run in one go, so their lookups become one `MGET` and their writes one
 * script call: two commands per evaluation instead of two per critic, which is most of what an
 * L2 costs on the client.
 */

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

export interface TickBatchCommands {
  /** Values of `keys`, in order, `null` for a missing key. */
  getMany(keys: readonly string[]): Promise<readonly (string | null)[]>;
  /** Stores every entry. */
  setMany(entries: ReadonlyMap<string, string>): Promise<unknown>;
}

export class TickBatch {
  private readonly commands: TickBatchCommands;
  private gets: { keys: string[]; waiters: Waiter<string | null>[] } | undefined;
  private sets: { entries: Map<string, string>; waiters: Waiter<void>[] } | undefined;

  constructor(commands: TickBatchCommands) {
    this.commands = commands;
  }

  get(key: string): Promise<string | null> {
    let batch = this.gets;
    if (batch === undefined) {
      batch = { keys: [], waiters: [] };
      this.gets = batch;
      queueMicrotask(() => {
        this.flushGets();
      });
    }
    const { keys, waiters } = batch;
    return new Promise((resolve, reject) => {
      keys.push(key);
      waiters.push({ resolve, reject });
    });
  }

  set(key: string, value: string): Promise<void> {
    let batch = this.sets;
    if (batch === undefined) {
      batch = { entries: new Map(), waiters: [] };
      this.sets = batch;
      queueMicrotask(() => {
        this.flushSets();
      });
    }
    batch.entries.set(key, value);
    const { waiters } = batch;
    return new Promise((resolve, reject) => {
      waiters.push({ resolve, reject });
    });
  }

  private flushGets(): void {
    const batch = this.gets;
    this.gets = undefined;
    if (batch === undefined) return;
    this.commands.getMany(batch.keys).then(
      (values) => {
        batch.waiters.forEach((w, i) => {
          w.resolve(values[i] ?? null);
        });
      },
      (error: unknown) => {
        for (const w of batch.waiters) w.reject(error);
      },
    );
  }

  private flushSets(): void {
    const batch = this.sets;
    this.sets = undefined;
    if (batch === undefined) return;
    this.commands.setMany(batch.entries).then(
      () => {
        for (const w of batch.waiters) w.resolve();
      },
      (error: unknown) => {
        for (const w of batch.waiters) w.reject(error);
      },
    );
  }
}
