/**
 * The JSON behind the dashboard (`GET /v1/dashboard`): live totals and per-critic figures from
 * the orchestrator, recent decisions and per-minute counts from the {@link LiveView}, and the
 * cache's hit rate when there is a cache.
 */
import type { Orchestrator } from '../../orchestrator/orchestrator.js';
import type { LiveView, RecentDecision, TimelineBucket } from './live-view.js';

export interface CriticPanelRow {
  name: string;
  stage: string;
  priority: number;
  policy: string;
  /** Results so far, gated ones included. */
  executions: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  /** Gated results over all results (0 before any). */
  gatingRate: number;
  failed: number;
  breaker: string;
}

export interface DashboardSnapshot {
  generatedAt: number;
  totals: {
    evaluations: number;
    inFlight: number;
    queued: number;
    rejected: number;
    gatingRate: number;
    latencyP50Ms: number;
    latencyP99Ms: number;
  };
  timeline: TimelineBucket[];
  recent: RecentDecision[];
  critics: CriticPanelRow[];
  cache?: { hits: number; misses: number; hitRate: number; degraded: boolean };
}

export interface SnapshotSources {
  orchestrator: Pick<Orchestrator, 'metrics' | 'critics'>;
  view: LiveView;
  cache?: () => { hits: number; misses: number; degraded?: boolean } | undefined;
  now?: () => number;
}

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

export function dashboardSnapshot(sources: SnapshotSources): DashboardSnapshot {
  const metrics = sources.orchestrator.metrics();
  const critics = sources.orchestrator.critics.map((info): CriticPanelRow => {
    const m = metrics.critics[info.name];
    const results = m === undefined ? 0 : m.total + m.gated;
    return {
      name: info.name,
      stage: info.stage,
      priority: info.priority,
      policy: info.policy,
      executions: results,
      latencyP50Ms: m?.latency.p50 ?? 0,
      latencyP90Ms: m?.latency.p90 ?? 0,
      gatingRate: ratio(m?.gated ?? 0, results),
      failed: m === undefined ? 0 : m.failed + m.timedOut,
      breaker: m?.breaker ?? 'closed',
    };
  });
  const snapshot: DashboardSnapshot = {
    generatedAt: (sources.now ?? Date.now)(),
    totals: {
      evaluations: metrics.runs,
      inFlight: metrics.inFlight,
      queued: metrics.queued,
      rejected: metrics.rejected,
      gatingRate: ratio(metrics.gated, metrics.total + metrics.gated),
      latencyP50Ms: metrics.runLatency.p50,
      latencyP99Ms: metrics.runLatency.p99,
    },
    timeline: sources.view.timeline(),
    recent: sources.view.recent(),
    critics,
  };
  const cache = sources.cache?.();
  if (cache !== undefined) {
    snapshot.cache = {
      hits: cache.hits,
      misses: cache.misses,
      hitRate: ratio(cache.hits, cache.hits + cache.misses),
      degraded: cache.degraded === true,
    };
  }
  return snapshot;
}
