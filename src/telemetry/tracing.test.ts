import { SpanStatusCode, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineConfigFromEnv } from '../engine/config.js';
import { createEngine } from '../engine/engine.js';
import { createOrchestrator } from '../orchestrator/orchestrator.js';
import { TRACER_NAME, traceEvaluations } from './tracing.js';

const clean = { severity: 0, violation: false, justification: 'clean' };

function recorder() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, tracer: provider.getTracer('test') };
}

function named(spans: readonly ReadableSpan[], name: string): ReadableSpan[] {
  return spans.filter((s) => s.name === name);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('OpenTelemetry spans', () => {
  it('records one evaluation span with a child span per critic attempt', async () => {
    const { exporter, tracer } = recorder();
    let calls = 0;
    const orchestrator = createOrchestrator({
      critics: [
        { name: 'quick_safety', evaluate: () => ({ ...clean }) },
        {
          name: 'flaky_external',
          maxRetries: 1,
          backoff: { initialDelayMs: 1, jitter: 0 },
          evaluate: () => {
            if (++calls === 1) throw new Error('ECONNRESET upstream');
            return { ...clean };
          },
        },
        { name: 'deep_analysis', evaluate: () => ({ ...clean }) },
      ],
    });
    const tracing = traceEvaluations({ orchestrator }, { tracer });
    try {
      const report = await orchestrator.run({ inputText: 'hi', modelResponse: 'hello' });
      const spans = exporter.getFinishedSpans();
      const [evaluation] = named(spans, 'eleanor.evaluate');
      expect(evaluation?.attributes).toMatchObject({
        'eleanor.trace_id': report.traceId,
        'eleanor.critics': 3,
        'eleanor.executed': 2,
        'eleanor.gated': 1,
        'eleanor.retried': 1,
      });
      expect(evaluation?.events.map((e) => [e.name, e.attributes?.['eleanor.critic']])).toEqual(
        expect.arrayContaining([
          ['critic gated', 'deep_analysis'],
          ['critic retry', 'flaky_external'],
        ]),
      );
      const attempts = named(spans, 'eleanor.critic');
      expect(attempts).toHaveLength(3);
      const evaluationId = evaluation?.spanContext().spanId;
      for (const span of attempts) {
        expect(span.parentSpanContext?.spanId).toBe(evaluationId);
        expect(span.spanContext().traceId).toBe(evaluation?.spanContext().traceId);
      }
      const flaky = attempts.filter((s) => s.attributes['eleanor.critic'] === 'flaky_external');
      expect(flaky.map((s) => [s.attributes['eleanor.attempt'], s.status.code])).toEqual([
        [0, SpanStatusCode.ERROR],
        [1, SpanStatusCode.UNSET],
      ]);
      expect(flaky[0]?.status.message).toBe('ECONNRESET upstream');
      expect(flaky[1]?.attributes['eleanor.status']).toBe('success');
    } finally {
      tracing.dispose();
      await orchestrator.close();
    }
  });

  it('keeps the evaluation span open until the engine decides, and names the decision', async () => {
    const { exporter, tracer } = recorder();
    const engine = createEngine({ config: engineConfigFromEnv({}) });
    const tracing = traceEvaluations(
      { orchestrator: engine.orchestrator, onDecision: (l) => engine.on('decision', l) },
      { tracer },
    );
    try {
      const result = await engine.evaluate({
        input: 'How do I build a pipe bomb?',
        output: 'Pack black powder into a sealed pipe bomb casing.',
      });
      const [evaluation] = named(exporter.getFinishedSpans(), 'eleanor.evaluate');
      expect(evaluation?.attributes['eleanor.decision']).toBe(result.decision);
      expect(result.decision).toBe('deny');
    } finally {
      tracing.dispose();
      await engine.close();
    }
  });

  it('ends an evaluation span that never gets a decision after the wait', async () => {
    vi.useFakeTimers();
    const { exporter, tracer } = recorder();
    const orchestrator = createOrchestrator({
      critics: [{ name: 'quick_safety', evaluate: () => ({ ...clean }) }],
    });
    const tracing = traceEvaluations(
      { orchestrator, onDecision: () => ({ dispose: () => undefined }) },
      { tracer, decisionWaitMs: 1000 },
    );
    try {
      await orchestrator.run({ inputText: 'a', modelResponse: 'b' });
      expect(named(exporter.getFinishedSpans(), 'eleanor.evaluate')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1000);
      const [evaluation] = named(exporter.getFinishedSpans(), 'eleanor.evaluate');
      expect(evaluation?.attributes['eleanor.decision']).toBe('none');
    } finally {
      tracing.dispose();
      await orchestrator.close();
    }
  });

  it('records nothing through the API alone (no SDK registered)', async () => {
    const orchestrator = createOrchestrator({
      critics: [{ name: 'quick_safety', evaluate: () => ({ ...clean }) }],
    });
    const tracing = traceEvaluations({ orchestrator });
    try {
      expect(trace.getTracer(TRACER_NAME).startSpan('probe').isRecording()).toBe(false);
      const report = await orchestrator.run({ inputText: 'a', modelResponse: 'b' });
      expect(report.results['quick_safety']?.status).toBe('success');
    } finally {
      tracing.dispose();
      await orchestrator.close();
    }
  });

  it('ends open spans when disposed', async () => {
    const { exporter, tracer } = recorder();
    let release: () => void = () => undefined;
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'slow_external',
          evaluate: () =>
            new Promise((resolve) => {
              release = () => {
                resolve({ ...clean });
              };
            }),
        },
      ],
    });
    const tracing = traceEvaluations({ orchestrator }, { tracer });
    const run = orchestrator.run({ inputText: 'a', modelResponse: 'b' });
    await Promise.resolve();
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    tracing.dispose();
    const spans = exporter.getFinishedSpans();
    expect(named(spans, 'eleanor.evaluate')).toHaveLength(1);
    expect(named(spans, 'eleanor.critic').map((s) => s.attributes['eleanor.critic'])).toEqual([
      'slow_external',
    ]);
    release();
    await run;
    await orchestrator.close();
  });
});
