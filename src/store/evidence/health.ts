/**
 * A store's health as it stands after its last commit or probe: `up`, `down` (with the last
 * error) or `closed`, and its counters. Reading it does no I/O, so readiness checks are free.
 */
import { errorMessage } from '../../orchestrator/errors.js';
import type { StoreHealth, StoreKind } from './types.js';

export class HealthTracker {
  private state: StoreHealth['state'] = 'up';
  private committed = 0;
  private commits = 0;
  private failedCommits = 0;
  private lastError: string | undefined;

  constructor(private readonly kind: StoreKind) {}

  get isUp(): boolean {
    return this.state === 'up';
  }

  succeeded(records: number): void {
    if (this.state === 'closed') return;
    this.committed += records;
    this.commits += 1;
    this.state = 'up';
    this.lastError = undefined;
  }

  failed(error: unknown): void {
    if (this.state === 'closed') return;
    this.failedCommits += 1;
    this.state = 'down';
    this.lastError = errorMessage(error);
  }

  /** A probe (not a commit) reached the backend again. */
  recovered(): void {
    if (this.state === 'down') {
      this.state = 'up';
      this.lastError = undefined;
    }
  }

  closed(): void {
    this.state = 'closed';
  }

  snapshot(pending: number): StoreHealth {
    const health: StoreHealth = {
      store: this.kind,
      state: this.state,
      pending,
      committed: this.committed,
      commits: this.commits,
      failedCommits: this.failedCommits,
    };
    if (this.lastError !== undefined) health.lastError = this.lastError;
    return health;
  }
}
