/**
 * Cumulative metrics of one orchestrator: counters named as in a run's summary, a per-critic
 * breakdown, and latency percentiles over sliding windows (fixed memory however long it runs).
 */
import { LatencyWindow, type Percentiles } from './latency-window.js';
import type { CriticResult, RunSummary } from './types.js';
import { MAX_PRIORITY, MIN_PRIORITY, Status } from './vocabulary.js';

export interface StatusCounters {
  total: number;
  success: number;
  failed: number;
  timedOut: number;
  gated: number;
  retried: number;
  cancelled: number;
  circuitOpen: number;
  rateLimited: number;
  cost: number;
  fromCache: number;
  degraded: number;
  validationFailures: number;
}

export interface CriticMetrics extends StatusCounters {
  latency: Percentiles;
  queueTime: Percentiles;
  breaker: string;
}

export interface OrchestratorMetrics extends StatusCounters {
  runs: number;
  /** Runs refused at admission (overload). */
  rejected: number;
  inFlight: number;
  peakInFlight: number;
  queued: number;
  /** Critic execution time (non-gated results; the most recent samples of every critic). */
  latency: Percentiles;
  /** Whole-run wall time. */
  runLatency: Percentiles;
  queueTime: Percentiles;
  /** Queue time by priority level (1 … 10), for levels that saw traffic. */
  queueTimeByPriority: Record<number, Percentiles>;
  critics: Record<string, CriticMetrics>;
}

export function emptyCounters(): StatusCounters {
  return {
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
    fromCache: 0,
    degraded: 0,
    validationFailures: 0,
  };
}

/** Adds one result to a set of counters (also used for a run's own summary). */
export function countResult(
  counters: StatusCounters | RunSummary,
  result: CriticResult,
  cost: number,
): void {
  counters.retried += result.retryCount;
  counters.cost += cost;
  switch (result.status) {
    case Status.GATED:
      counters.gated++;
      return;
    case Status.SUCCESS:
      counters.success++;
      break;
    case Status.ERROR:
      counters.failed++;
      break;
    case Status.TIMEOUT:
      counters.timedOut++;
      break;
    case Status.CANCELLED:
      counters.cancelled++;
      break;
    case Status.CIRCUIT_OPEN:
      counters.circuitOpen++;
      break;
    case Status.RATE_LIMITED:
      counters.rateLimited++;
      break;
    default: {
      const never: never = result.status;
      throw new TypeError(`unknown status ${String(never)}`);
    }
  }
  counters.total++;
}

interface CriticSeries {
  counters: StatusCounters;
  latency: LatencyWindow;
  queueTime: LatencyWindow;
}

export class MetricsRecorder {
  private readonly totals = emptyCounters();
  private readonly critics = new Map<string, CriticSeries>();
  private readonly runLatency = new LatencyWindow();
  private readonly queueByPriority: LatencyWindow[] = [];
  runs = 0;
  rejected = 0;
  /** Exponentially weighted mean of critic execution time (cheap; for overload hints). */
  typicalLatencyMs = 0;

  constructor(criticNames: readonly string[]) {
    for (const name of criticNames) {
      this.critics.set(name, {
        counters: emptyCounters(),
        latency: new LatencyWindow(512),
        queueTime: new LatencyWindow(512),
      });
    }
    for (let p = MIN_PRIORITY; p <= MAX_PRIORITY; p++)
      this.queueByPriority.push(new LatencyWindow(1024));
  }

  recordResult(result: CriticResult, cost: number): void {
    countResult(this.totals, result, cost);
    const series = this.critics.get(result.critic);
    if (series === undefined) return;
    countResult(series.counters, result, cost);
    if (result.fromCache === true) {
      this.totals.fromCache++;
      series.counters.fromCache++;
    }
    if (result.degraded === true) {
      this.totals.degraded++;
      series.counters.degraded++;
    }
    if (result.validationErrors.length > 0) {
      this.totals.validationFailures++;
      series.counters.validationFailures++;
    }
    if (result.status === Status.GATED) return;
    this.typicalLatencyMs += (result.durationMs - this.typicalLatencyMs) * 0.1;
    series.latency.record(result.durationMs);
    series.queueTime.record(result.queueTimeMs);
    this.queueByPriority[result.priority - MIN_PRIORITY]?.record(result.queueTimeMs);
  }

  recordRun(durationMs: number): void {
    this.runs++;
    this.runLatency.record(durationMs);
  }

  snapshot(
    live: { inFlight: number; peakInFlight: number; queued: number },
    breakerState: (critic: string) => string,
  ): OrchestratorMetrics {
    const critics: Record<string, CriticMetrics> = {};
    for (const [name, series] of this.critics) {
      critics[name] = {
        ...series.counters,
        latency: series.latency.percentiles(),
        queueTime: series.queueTime.percentiles(),
        breaker: breakerState(name),
      };
    }
    const queueTimeByPriority: Record<number, Percentiles> = {};
    this.queueByPriority.forEach((window, i) => {
      if (window.size > 0) queueTimeByPriority[i + MIN_PRIORITY] = window.percentiles();
    });
    return {
      ...this.totals,
      runs: this.runs,
      rejected: this.rejected,
      ...live,
      latency: LatencyWindow.combined([...this.critics.values()].map((c) => c.latency)),
      runLatency: this.runLatency.percentiles(),
      queueTime: LatencyWindow.combined([...this.critics.values()].map((c) => c.queueTime)),
      queueTimeByPriority,
      critics,
    };
  }
}
