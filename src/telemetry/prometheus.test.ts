import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { engineConfigFromEnv } from '../engine/config.js';
import { createOrchestrator } from '../orchestrator/orchestrator.js';
import type { CriticSpec } from '../orchestrator/types.js';
import { createPrometheusMetrics } from './prometheus.js';

/** One sample's value from the exposition text (`name{labels} value`), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const clean = { severity: 0, violation: false, justification: 'clean' };

function flaky(failures: number): CriticSpec {
  let calls = 0;
  return {
    name: 'flaky_external',
    maxRetries: 2,
    backoff: { initialDelayMs: 1, jitter: 0 },
    evaluate: () => {
      calls++;
      if (calls <= failures) throw new Error('ECONNRESET upstream');
      return { ...clean };
    },
  };
}

describe('Prometheus metrics', () => {
  it('counts executions by status, gating, retries and durations per critic', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        { name: 'quick_safety', evaluate: () => ({ ...clean }) },
        // ON_VIOLATION: gated when nothing before it found a violation.
        { name: 'deep_analysis', evaluate: () => ({ ...clean }) },
        flaky(1),
      ],
    });
    const metrics = createPrometheusMetrics({ orchestrator }, { processMetrics: false });
    try {
      await orchestrator.run({ inputText: 'hi', modelResponse: 'hello' });
      const text = await metrics.text();
      expect(
        sample(text, 'eleanor_critic_executions_total{critic="quick_safety",status="success"}'),
      ).toBe(1);
      expect(
        sample(text, 'eleanor_critic_executions_total{critic="deep_analysis",status="gated"}'),
      ).toBe(1);
      expect(sample(text, 'eleanor_critic_gated_total{critic="deep_analysis"}')).toBe(1);
      expect(sample(text, 'eleanor_critic_retries_total{critic="flaky_external"}')).toBe(1);
      expect(sample(text, 'eleanor_critic_duration_seconds_count{critic="quick_safety"}')).toBe(1);
      // Gated critics have no duration.
      expect(
        sample(text, 'eleanor_critic_duration_seconds_count{critic="deep_analysis"}'),
      ).toBeUndefined();
      expect(sample(text, 'eleanor_breaker_state{critic="flaky_external"}')).toBe(0);
      expect(sample(text, 'eleanor_in_flight_executions')).toBe(0);
      expect(sample(text, 'eleanor_queued_executions')).toBe(0);
      expect(sample(text, 'eleanor_runs_rejected_total')).toBe(0);
      expect(metrics.contentType).toMatch(/^text\/plain/);
    } finally {
      metrics.close();
      await orchestrator.close();
    }
  });

  it('shows an open breaker as 2', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'external_api_critic',
          maxRetries: 0,
          circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 },
          evaluate: () => {
            throw new Error('503 from upstream');
          },
        },
      ],
      enableGating: false,
    });
    const metrics = createPrometheusMetrics({ orchestrator }, { processMetrics: false });
    try {
      await orchestrator.run({ inputText: 'a', modelResponse: 'b' });
      const text = await metrics.text();
      expect(sample(text, 'eleanor_breaker_state{critic="external_api_critic"}')).toBe(2);
      expect(
        sample(
          text,
          'eleanor_critic_executions_total{critic="external_api_critic",status="error"}',
        ),
      ).toBe(1);
    } finally {
      metrics.close();
      await orchestrator.close();
    }
  });

  it('counts decisions from the engine and reads cache and store figures at scrape time', async () => {
    const engine = createEngine({ config: engineConfigFromEnv({}) });
    let hits = 3;
    const metrics = createPrometheusMetrics(
      {
        orchestrator: engine.orchestrator,
        onDecision: (listener) => engine.on('decision', listener),
        cache: () => ({ hits, misses: 5, degraded: true }),
        storeQueueDepth: () => 7,
      },
      { processMetrics: false },
    );
    try {
      await engine.evaluate({ input: 'What is 2 + 2?', output: 'It is 4.' });
      await engine.evaluate({ input: 'What is 3 + 3?', output: 'It is 6.' });
      hits = 4;
      const text = await metrics.text();
      expect(sample(text, 'eleanor_decisions_total{decision="allow"}')).toBe(2);
      expect(sample(text, 'eleanor_evaluation_duration_seconds_count')).toBe(2);
      expect(sample(text, 'eleanor_cache_requests_total{result="hit"}')).toBe(4);
      expect(sample(text, 'eleanor_cache_requests_total{result="miss"}')).toBe(5);
      expect(sample(text, 'eleanor_cache_degraded')).toBe(1);
      expect(sample(text, 'eleanor_store_queue_depth')).toBe(7);
    } finally {
      metrics.close();
      await engine.close();
    }
  });

  it('stops counting once closed', async () => {
    const orchestrator = createOrchestrator({
      critics: [{ name: 'quick_safety', evaluate: () => ({ ...clean }) }],
    });
    const metrics = createPrometheusMetrics({ orchestrator }, { processMetrics: false });
    await orchestrator.run({ inputText: 'a', modelResponse: 'b' });
    metrics.close();
    await orchestrator.run({ inputText: 'a', modelResponse: 'b' });
    const text = await metrics.text();
    expect(
      sample(text, 'eleanor_critic_executions_total{critic="quick_safety",status="success"}'),
    ).toBe(1);
    await orchestrator.close();
  });

  it('exports process metrics when asked', async () => {
    const orchestrator = createOrchestrator({
      critics: [{ name: 'quick_safety', evaluate: () => ({ ...clean }) }],
    });
    const metrics = createPrometheusMetrics({ orchestrator });
    try {
      expect(await metrics.text()).toContain('eleanor_process_cpu_user_seconds_total');
    } finally {
      metrics.close();
      await orchestrator.close();
    }
  });
});
