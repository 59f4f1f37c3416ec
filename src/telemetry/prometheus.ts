/**
 * Prometheus metrics (prom-client) for a running engine: what the orchestrator did, critic by
 * critic, and what the engine decided. Event-driven counters and histograms are updated as
 * things happen; gauges (in flight, queued, breaker states, cache and store figures) are read
 * from their sources when Prometheus scrapes, so they are never stale and cost nothing between
 * scrapes.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Disposable, Listener } from '../orchestrator/events.js';
import type { Orchestrator } from '../orchestrator/orchestrator.js';
import { Status } from '../orchestrator/vocabulary.js';

/** Cumulative cache figures, as the engine's cache reports them. */
export interface CacheFigures {
  hits: number;
  misses: number;
  /** Set when the shared (L2) cache is unreachable and only the local one serves. */
  degraded?: boolean;
}

/** Where the metrics come from. Only the orchestrator is required. */
export interface MetricsSources {
  orchestrator: Pick<Orchestrator, 'on' | 'metrics'>;
  /** Subscribes to the engine's decisions (`engine.on('decision', …)`). */
  onDecision?: (
    listener: Listener<{ decision: string; summary: { durationMs: number } }>,
  ) => Disposable;
  /** The cache's cumulative hits and misses, read at scrape time. */
  cache?: () => CacheFigures | undefined;
  /** Records waiting for the evidence store's next commit, read at scrape time. */
  storeQueueDepth?: () => number;
}

export interface MetricsOptions {
  /** @default a new registry */
  registry?: Registry;
  /** Also export Node's process metrics (CPU, memory, event-loop lag, GC). @default true */
  processMetrics?: boolean;
}

/** Seconds buckets for critic and evaluation durations: 0.5 ms … 30 s. */
export const DURATION_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/** Breaker states as gauge values: closed 0, half-open 1, open 2. */
export const BREAKER_VALUES: Readonly<Record<string, number>> = {
  closed: 0,
  half_open: 1,
  open: 2,
};

export interface PrometheusMetrics {
  readonly registry: Registry;
  /** The exposition text for `GET /metrics`. */
  text(): Promise<string>;
  readonly contentType: string;
  /** Stops listening to the sources (the registry keeps its last values). */
  close(): void;
}

export function createPrometheusMetrics(
  sources: MetricsSources,
  options: MetricsOptions = {},
): PrometheusMetrics {
  const registry = options.registry ?? new Registry();
  if (options.processMetrics ?? true)
    collectDefaultMetrics({ register: registry, prefix: 'eleanor_' });
  const registers = [registry];
  const { orchestrator } = sources;

  const executions = new Counter({
    name: 'eleanor_critic_executions_total',
    help: 'Critic results by critic and status (gated critics included, status "gated").',
    labelNames: ['critic', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'eleanor_critic_duration_seconds',
    help: 'Critic execution time, not counting time queued (gated critics excluded).',
    labelNames: ['critic'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const queueTime = new Histogram({
    name: 'eleanor_critic_queue_seconds',
    help: 'Time a critic waited for a concurrency slot or a rate token.',
    labelNames: ['critic'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const gated = new Counter({
    name: 'eleanor_critic_gated_total',
    help: 'Critics skipped by their policy.',
    labelNames: ['critic'] as const,
    registers,
  });
  const retries = new Counter({
    name: 'eleanor_critic_retries_total',
    help: 'Retries scheduled after a failed attempt.',
    labelNames: ['critic'] as const,
    registers,
  });
  const decisions = new Counter({
    name: 'eleanor_decisions_total',
    help: 'Evaluations by decision.',
    labelNames: ['decision'] as const,
    registers,
  });
  const evaluationDuration = new Histogram({
    name: 'eleanor_evaluation_duration_seconds',
    help: 'Wall time of the critic panel per evaluation.',
    buckets: DURATION_BUCKETS,
    registers,
  });

  new Gauge({
    name: 'eleanor_breaker_state',
    help: 'Circuit breaker state per critic: 0 closed, 1 half-open, 2 open.',
    labelNames: ['critic'] as const,
    registers,
    collect() {
      this.reset();
      for (const [critic, m] of Object.entries(orchestrator.metrics().critics)) {
        this.set({ critic }, BREAKER_VALUES[m.breaker] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'eleanor_in_flight_executions',
    help: 'Critic executions holding a concurrency slot now.',
    registers,
    collect() {
      this.set(orchestrator.metrics().inFlight);
    },
  });
  new Gauge({
    name: 'eleanor_queued_executions',
    help: 'Critic executions waiting for a slot or a rate token now.',
    registers,
    collect() {
      this.set(orchestrator.metrics().queued);
    },
  });
  new Counter({
    name: 'eleanor_runs_rejected_total',
    help: 'Evaluations refused at admission because the queue bound was reached (503).',
    registers,
    collect() {
      this.reset();
      this.inc(orchestrator.metrics().rejected);
    },
  });
  const readCache = sources.cache;
  if (readCache !== undefined) {
    new Counter({
      name: 'eleanor_cache_requests_total',
      help: 'Critic-result cache lookups by result (hit or miss).',
      labelNames: ['result'] as const,
      registers,
      collect() {
        this.reset();
        const figures = readCache();
        if (figures === undefined) return;
        this.inc({ result: 'hit' }, figures.hits);
        this.inc({ result: 'miss' }, figures.misses);
      },
    });
    new Gauge({
      name: 'eleanor_cache_degraded',
      help: '1 when the shared cache is unreachable and only the local cache serves.',
      registers,
      collect() {
        this.set(readCache()?.degraded === true ? 1 : 0);
      },
    });
  }
  const readDepth = sources.storeQueueDepth;
  if (readDepth !== undefined) {
    new Gauge({
      name: 'eleanor_store_queue_depth',
      help: 'Evidence records waiting for the next group commit.',
      registers,
      collect() {
        this.set(readDepth());
      },
    });
  }

  const subscriptions: Disposable[] = [
    orchestrator.on('criticFinish', ({ result }) => {
      executions.inc({ critic: result.critic, status: result.status });
      if (result.status === Status.GATED) return;
      duration.observe({ critic: result.critic }, result.durationMs / 1000);
      queueTime.observe({ critic: result.critic }, result.queueTimeMs / 1000);
    }),
    orchestrator.on('gated', ({ critic }) => {
      gated.inc({ critic });
    }),
    orchestrator.on('retry', ({ critic }) => {
      retries.inc({ critic });
    }),
  ];
  if (sources.onDecision !== undefined) {
    subscriptions.push(
      sources.onDecision((result) => {
        decisions.inc({ decision: result.decision });
        evaluationDuration.observe(result.summary.durationMs / 1000);
      }),
    );
  }

  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    close() {
      for (const s of subscriptions.splice(0)) s.dispose();
    },
  };
}
