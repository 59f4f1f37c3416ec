/**
 * The cache's error: a layer failed an operation. The cache never lets one reach an evaluation —
 * it counts it, logs it, reports itself degraded and goes on — but health and logs carry it.
 */
import { EleanorError, errorMessage } from '../../orchestrator/errors.js';

export type CacheOperation = 'get' | 'set' | 'connect';

/** A cache layer failed an operation; `cause` holds the underlying error. */
export class CacheError extends EleanorError {
  override readonly code: string = 'CACHE_ERROR';
  override readonly status: number = 503;
  readonly layer: 'memory' | 'redis';
  readonly operation: CacheOperation;

  constructor(layer: 'memory' | 'redis', operation: CacheOperation, cause: unknown) {
    super(`Cache ${layer} layer: ${operation} failed: ${errorMessage(cause)}`, { cause });
    this.layer = layer;
    this.operation = operation;
  }
}
