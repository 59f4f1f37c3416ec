/**
 * What the service reads besides the engine, described by shape so the HTTP layer does not
 * depend on a particular store or cache: the evidence store answers the decision endpoints and
 * readiness; the cache, when there is one, adds to readiness and metrics.
 */
import type { CacheFigures } from '../telemetry/prometheus.js';

/** The evidence store's read side and health (an `EvidenceStore` fits). */
export interface DecisionReader {
  get(traceId: string): Promise<unknown>;
  query(
    query: Record<string, string | number>,
  ): Promise<{ records: unknown[]; nextCursor: string | null }>;
  stats(options: { since?: string }): Promise<unknown>;
  health(): { state: 'up' | 'down' | 'closed'; pending: number; lastError?: string };
}

/** The cache's figures as the service reports them (the metrics' figures, and why degraded). */
export interface CacheStatus extends CacheFigures {
  /** The shared layer is unreachable; evaluations go on with the local one. */
  degraded: boolean;
  /** Why, while degraded. */
  lastError?: string;
}
