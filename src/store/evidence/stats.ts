/**
 * Assembles {@link EvidenceStats} from aggregates every backend can compute: counts by
 * decision, per critic and status counts with retry totals, and nearest-rank percentiles.
 */
import type { Decision } from '../../decision/types.js';
import type { Status } from '../../orchestrator/vocabulary.js';
import type { CriticStats, EvidenceStats, LatencyPercentiles } from './types.js';

/** One (critic, status) group. */
export interface CriticStatusRow {
  critic: string;
  status: Status;
  count: number;
  /** Results in the group with at least one retry. */
  retried: number;
  /** Retries made, summed over the group. */
  retries: number;
}

export interface StatsAggregates {
  byDecision: Partial<Record<Decision, number>>;
  criticStatus: readonly CriticStatusRow[];
  evaluationLatency: LatencyPercentiles;
  criticLatency: Readonly<Record<string, LatencyPercentiles>>;
}

export const PERCENTILES = [50, 95, 99] as const;

export const EMPTY_LATENCY: LatencyPercentiles = Object.freeze({
  count: 0,
  p50: 0,
  p95: 0,
  p99: 0,
});

/** 1-based nearest rank of percentile `p` among `count` sorted samples. */
export function nearestRank(p: number, count: number): number {
  return Math.max(1, Math.ceil((p * count) / 100));
}

/** Percentiles of already sorted samples. */
export function percentilesOfSorted(sorted: readonly number[]): LatencyPercentiles {
  const count = sorted.length;
  if (count === 0) return { ...EMPTY_LATENCY };
  const at = (p: number): number => sorted[nearestRank(p, count) - 1] ?? 0;
  return { count, p50: at(50), p95: at(95), p99: at(99) };
}

export function buildStats(aggregates: StatsAggregates): EvidenceStats {
  const byDecision: Record<Decision, number> = {
    allow: aggregates.byDecision.allow ?? 0,
    constrained_allow: aggregates.byDecision.constrained_allow ?? 0,
    escalate: aggregates.byDecision.escalate ?? 0,
    deny: aggregates.byDecision.deny ?? 0,
  };
  const critics: Record<string, CriticStats> = {};
  const totals = { results: 0, gated: 0, executions: 0, retried: 0 };
  for (const row of aggregates.criticStatus) {
    const entry = (critics[row.critic] ??= {
      results: 0,
      byStatus: {},
      gatingRate: 0,
      retryRate: 0,
      retries: 0,
      latencyMs: aggregates.criticLatency[row.critic] ?? { ...EMPTY_LATENCY },
    });
    entry.results += row.count;
    entry.byStatus[row.status] = (entry.byStatus[row.status] ?? 0) + row.count;
    entry.retries += row.retries;
    totals.results += row.count;
    if (row.status === 'gated') totals.gated += row.count;
    else totals.executions += row.count;
    totals.retried += row.retried;
  }
  for (const entry of Object.values(critics)) {
    const gated = entry.byStatus.gated ?? 0;
    const executions = entry.results - gated;
    const retried = aggregates.criticStatus
      .filter((r) => critics[r.critic] === entry)
      .reduce((sum, r) => sum + r.retried, 0);
    entry.gatingRate = rate(gated, entry.results);
    entry.retryRate = rate(retried, executions);
  }
  return {
    total: Object.values(byDecision).reduce((a, b) => a + b, 0),
    byDecision,
    critics,
    gatingRate: rate(totals.gated, totals.results),
    retryRate: rate(totals.retried, totals.executions),
    latencyMs: aggregates.evaluationLatency,
  };
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** One row of the percentile-rank SQL: rank, sample count and the sample at that rank. */
export interface RankRow {
  rn: number | string;
  n: number | string;
  duration_ms: number;
}

/** Percentiles from the rows the rank SQL returned (drivers may give counts as strings). */
export function percentilesFromRanks(rows: readonly RankRow[]): LatencyPercentiles {
  const first = rows[0];
  if (first === undefined) return { ...EMPTY_LATENCY };
  const count = Number(first.n);
  const at = (p: number): number => {
    const rank = nearestRank(p, count);
    return rows.find((r) => Number(r.rn) === rank)?.duration_ms ?? 0;
  };
  return { count, p50: at(50), p95: at(95), p99: at(99) };
}
