/**
 * OpenTelemetry spans for every evaluation and every critic attempt, built from the
 * orchestrator's events: `eleanor.evaluate` from admission to the decision, and under it one
 * `eleanor.critic` span per attempt (a failed attempt that will be retried ends with an error
 * status and the next attempt gets its own span). Gated critics are events on the evaluation
 * span. Through `@opentelemetry/api` alone every span is a no-op; spans are recorded only when
 * the application registers an SDK with an exporter (or passes its own tracer).
 */
import {
  SpanStatusCode,
  context,
  trace,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type { Disposable, Listener } from '../orchestrator/events.js';
import type { Orchestrator } from '../orchestrator/orchestrator.js';
import { Status } from '../orchestrator/vocabulary.js';

export const TRACER_NAME = 'eleanor';

export interface TracingSources {
  orchestrator: Pick<Orchestrator, 'on'>;
  /**
   * Subscribes to the engine's decisions; when given, an evaluation span stays open until its
   * decision (or `decisionWaitMs` after the run, when no decision comes — a failed audit write).
   */
  onDecision?: (listener: Listener<{ traceId: string; decision: string }>) => Disposable;
}

export interface TracingOptions {
  /** @default `trace.getTracer('eleanor')` — a no-op until an SDK is registered */
  tracer?: Tracer;
  /** How long an evaluation span waits for its decision after the run. @default 5000 */
  decisionWaitMs?: number;
}

interface Evaluation {
  span: Span;
  /** Runs sharing this trace id (a caller may reuse one); the span ends with the last. */
  runs: number;
  attempts: Map<string, Span>;
  timer?: NodeJS.Timeout;
}

/** Starts recording spans; dispose to stop (open spans are ended). */
export function traceEvaluations(
  sources: TracingSources,
  options: TracingOptions = {},
): Disposable {
  const tracer = options.tracer ?? trace.getTracer(TRACER_NAME);
  const decisionWaitMs = options.decisionWaitMs ?? 5000;
  const evaluations = new Map<string, Evaluation>();
  const { orchestrator } = sources;

  const finish = (traceId: string, attributes: Attributes): void => {
    const evaluation = evaluations.get(traceId);
    if (evaluation === undefined) return;
    evaluations.delete(traceId);
    if (evaluation.timer !== undefined) clearTimeout(evaluation.timer);
    for (const span of evaluation.attempts.values()) span.end();
    evaluation.span.setAttributes(attributes);
    evaluation.span.end();
  };

  const subscriptions: Disposable[] = [
    orchestrator.on('runStart', ({ traceId, critics }) => {
      const existing = evaluations.get(traceId);
      if (existing !== undefined) {
        existing.runs++;
        return;
      }
      const span = tracer.startSpan('eleanor.evaluate', {
        attributes: { 'eleanor.trace_id': traceId, 'eleanor.critics': critics },
      });
      evaluations.set(traceId, { span, runs: 1, attempts: new Map() });
    }),
    orchestrator.on('criticStart', ({ traceId, critic, attempt, stage, priority }) => {
      const evaluation = evaluations.get(traceId);
      if (evaluation === undefined) return;
      const parent = trace.setSpan(context.active(), evaluation.span);
      evaluation.attempts.get(critic)?.end();
      evaluation.attempts.set(
        critic,
        tracer.startSpan(
          'eleanor.critic',
          {
            attributes: {
              'eleanor.critic': critic,
              'eleanor.attempt': attempt,
              'eleanor.stage': stage,
              'eleanor.priority': priority,
            },
          },
          parent,
        ),
      );
    }),
    orchestrator.on('retry', ({ traceId, critic, retry, delayMs, error }) => {
      const evaluation = evaluations.get(traceId);
      const span = evaluation?.attempts.get(critic);
      if (evaluation === undefined || span === undefined) return;
      evaluation.attempts.delete(critic);
      span.setAttributes({ 'eleanor.status': 'retrying', 'eleanor.retry_delay_ms': delayMs });
      span.setStatus({ code: SpanStatusCode.ERROR, message: error });
      span.end();
      evaluation.span.addEvent('critic retry', {
        'eleanor.critic': critic,
        'eleanor.retry': retry,
      });
    }),
    orchestrator.on('gated', ({ traceId, critic, reason }) => {
      evaluations
        .get(traceId)
        ?.span.addEvent('critic gated', { 'eleanor.critic': critic, 'eleanor.reason': reason });
    }),
    orchestrator.on('criticFinish', ({ traceId, result }) => {
      const evaluation = evaluations.get(traceId);
      if (evaluation === undefined) return;
      const span = evaluation.attempts.get(result.critic);
      if (span === undefined) {
        // No attempt ran (gated, circuit open, rate-limited or cancelled while queued, or a
        // cache hit): the outcome is an event on the evaluation.
        if (result.status !== Status.GATED) {
          evaluation.span.addEvent('critic settled without an attempt', {
            'eleanor.critic': result.critic,
            'eleanor.status': result.status,
            'eleanor.from_cache': result.fromCache === true,
          });
        }
        return;
      }
      evaluation.attempts.delete(result.critic);
      span.setAttributes({
        'eleanor.status': result.status,
        'eleanor.retries': result.retryCount,
        'eleanor.queue_ms': result.queueTimeMs,
        'eleanor.from_cache': result.fromCache === true,
      });
      if (result.status !== Status.SUCCESS) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: result.error ?? result.status });
      }
      span.end();
    }),
    orchestrator.on('runComplete', ({ report }) => {
      const evaluation = evaluations.get(report.traceId);
      if (evaluation === undefined) return;
      if (--evaluation.runs > 0) return;
      const { summary } = report;
      const attributes: Attributes = {
        'eleanor.duration_ms': summary.durationMs,
        'eleanor.executed': summary.total,
        'eleanor.gated': summary.gated,
        'eleanor.failed': summary.failed + summary.timedOut,
        'eleanor.retried': summary.retried,
      };
      if (sources.onDecision === undefined) {
        finish(report.traceId, attributes);
        return;
      }
      evaluation.span.setAttributes(attributes);
      evaluation.timer = setTimeout(() => {
        finish(report.traceId, { 'eleanor.decision': 'none' });
      }, decisionWaitMs);
      evaluation.timer.unref();
    }),
  ];
  if (sources.onDecision !== undefined) {
    subscriptions.push(
      sources.onDecision(({ traceId, decision }) => {
        finish(traceId, { 'eleanor.decision': decision });
      }),
    );
  }

  return {
    dispose() {
      for (const s of subscriptions.splice(0)) s.dispose();
      for (const traceId of [...evaluations.keys()]) finish(traceId, {});
    },
  };
}
