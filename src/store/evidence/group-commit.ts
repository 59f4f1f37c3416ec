/**
 * Group commit: records that arrive while a commit is being written wait and go together into
 * the next one transaction, so under load many evaluations share one commit (one fsync, one
 * round trip) and at low load a record is committed on the next turn of the event loop. Each
 * submitter's promise settles only when its own transaction has committed or failed.
 */

/** Writes one batch in one transaction; returns one result per item, in order. */
export type CommitBatch<T, R> = (items: readonly T[]) => Promise<readonly R[]> | readonly R[];

interface Waiter<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Largest batch in one transaction; the rest wait for the next. @default 512 */
  maxBatch?: number;
}

export class GroupCommitQueue<T, R> {
  private waiting: Waiter<T, R>[] = [];
  private running: Promise<void> | undefined;
  private scheduled = false;
  private readonly maxBatch: number;

  constructor(
    private readonly commit: CommitBatch<T, R>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 512;
  }

  /** Records waiting for a commit (not yet in a transaction being written). */
  get pending(): number {
    return this.waiting.length;
  }

  /** Queues one item; resolves with its result once its transaction commits. */
  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when everything submitted so far has been committed or has failed. */
  async drain(): Promise<void> {
    while (this.running !== undefined || this.waiting.length > 0) {
      this.schedule();
      await (this.running ?? new Promise<void>((resolve) => setImmediate(resolve)));
    }
  }

  /**
   * Starts a commit on the next turn of the event loop, unless one is running: the running
   * commit starts the next when it finishes. Waiting one turn lets every evaluation that
   * finished in this turn join the same transaction.
   */
  private schedule(): void {
    if (this.scheduled || this.running !== undefined) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.running !== undefined || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, this.maxBatch);
    this.running = this.run(batch).finally(() => {
      this.running = undefined;
      if (this.waiting.length > 0) this.startNext();
    });
  }

  private async run(batch: Waiter<T, R>[]): Promise<void> {
    try {
      const results = await this.commit(batch.map((w) => w.item));
      batch.forEach((waiter, i) => {
        waiter.resolve(results[i] as R);
      });
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  }
}
