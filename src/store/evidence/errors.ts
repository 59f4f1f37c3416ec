/**
 * The evidence store's failure: which store (backend and where it writes), what it was doing,
 * and the cause from the driver, in one sentence an operator can act on.
 */
import { EleanorError, errorMessage } from '../../orchestrator/errors.js';

/** What the store was doing when it failed. */
export type StoreOperation = 'open' | 'migrate' | 'record' | 'read' | 'verify' | 'close';

/** The evidence store cannot do what was asked (open, commit, read). */
export class EvidenceStoreError extends EleanorError {
  override readonly code: string = 'EVIDENCE_STORE_ERROR';
  override readonly status: number = 503;
  /** The store's name, e.g. `sqlite:./data/eleanor.db`. */
  readonly store: string;
  readonly operation: StoreOperation;

  constructor(store: string, operation: StoreOperation, cause: unknown) {
    super(`Evidence store ${store}: ${describe(operation)} failed: ${errorMessage(cause)}`, {
      cause,
    });
    this.store = store;
    this.operation = operation;
  }
}

function describe(operation: StoreOperation): string {
  switch (operation) {
    case 'open':
      return 'opening the store';
    case 'migrate':
      return 'applying schema migrations';
    case 'record':
      return 'committing decision records';
    case 'read':
      return 'reading decision records';
    case 'verify':
      return 'verifying the hash chain';
    case 'close':
      return 'closing the store';
    default: {
      const never: never = operation;
      return String(never);
    }
  }
}
