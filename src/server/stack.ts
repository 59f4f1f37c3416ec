/**
 * Everything around an engine that makes it a service: Prometheus metrics, OpenTelemetry spans
 * (when an SDK is registered), the dashboard's live view and the HTTP app — assembled one way
 * for `eleanor serve`, the tests and the benchmarks.
 */
import { trace, type Tracer } from '@opentelemetry/api';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../orchestrator/types.js';
import { createPrometheusMetrics, type PrometheusMetrics } from '../telemetry/prometheus.js';
import { TRACER_NAME, traceEvaluations } from '../telemetry/tracing.js';
import { buildService, type Service, type ServiceDeps } from './app.js';
import { LiveView } from './dashboard/live-view.js';
import type { CacheStatus, DecisionReader } from './sources.js';

export interface StackOptions {
  engine: Engine;
  /** Answers the decision endpoints; usually the engine's own store. */
  store?: DecisionReader;
  config: ServiceDeps['config'];
  logger: Logger;
  version: string;
  /** The cache's figures. @default read from the engine's cache */
  cache?: () => CacheStatus | undefined;
  /** Records spans with this tracer. @default the global tracer, when an SDK is registered */
  tracer?: Tracer;
  /** Export Node's process metrics too. @default true */
  processMetrics?: boolean;
}

export interface ServiceStack {
  service: Service;
  metrics: PrometheusMetrics;
  /** Drains the service within `graceMs`, then stops metrics and spans and closes the engine. */
  close(graceMs: number): Promise<void>;
}

/** The engine cache's figures as the service reports them: a hit in either layer is a hit. */
export function cacheStatus(engine: Pick<Engine, 'cache'>): CacheStatus | undefined {
  if (engine.cache === undefined) return undefined;
  const stats = engine.cache.stats();
  const status: CacheStatus = {
    hits: stats.l1.hits + (stats.l2?.hits ?? 0),
    // With Redis behind, a memory miss that Redis answers is a hit, not a miss.
    misses: stats.l2 === undefined ? stats.l1.misses : stats.l2.misses + stats.l2.errors,
    degraded: stats.degraded,
  };
  const lastError = engine.cache.health().l2?.lastError;
  if (lastError !== undefined) status.lastError = lastError;
  return status;
}

export function assembleService(options: StackOptions): ServiceStack {
  const { engine, store } = options;
  const cache = options.cache ?? ((): CacheStatus | undefined => cacheStatus(engine));
  const metrics = createPrometheusMetrics(
    {
      orchestrator: engine.orchestrator,
      onDecision: (listener) => engine.on('decision', listener),
      storeQueueDepth: () => (store ?? engine.store).health().pending,
      cache,
    },
    { processMetrics: options.processMetrics ?? true },
  );
  // Spans with the tracer given, or the global one when the application registered an SDK;
  // otherwise no listener runs at all.
  const tracer =
    options.tracer ??
    (trace.getTracer(TRACER_NAME).startSpan('probe').isRecording()
      ? trace.getTracer(TRACER_NAME)
      : undefined);
  const tracing =
    tracer === undefined
      ? undefined
      : traceEvaluations(
          {
            orchestrator: engine.orchestrator,
            onDecision: (listener) => engine.on('decision', listener),
          },
          { tracer },
        );
  const view = new LiveView();
  engine.on('decision', (result) => {
    view.add(result);
  });
  const service = buildService({
    engine,
    ...(store === undefined ? {} : { store }),
    cache,
    config: options.config,
    metrics,
    view,
    logger: options.logger,
    version: options.version,
  });
  return {
    service,
    metrics,
    async close(graceMs) {
      await service.drain(graceMs);
      tracing?.dispose();
      metrics.close();
      await engine.close();
    },
  };
}
