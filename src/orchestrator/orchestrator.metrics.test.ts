import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Percentiles } from './latency-window.js';
import { createOrchestrator } from './orchestrator.js';
import { OK, REQUEST, settle, untilAborted } from './test-helpers/fixtures.js';
import type { CriticSpec, RunSummary } from './types.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const GLOBAL_TIMEOUT_MS = 1000;

/**
 * A panel that produces every status. Two consecutive runs differ: `fragile`'s breaker (threshold
 * 1) is open in the second run, and `limited` (one token per 100 s) has no token left for it.
 */
function statusPanel(calls: Record<string, number>): CriticSpec[] {
  const counted = (name: string, evaluate: CriticSpec['evaluate']): CriticSpec['evaluate'] => {
    return (input, ctx) => {
      calls[name] = (calls[name] ?? 0) + 1;
      return evaluate(input, ctx);
    };
  };
  const core = { stage: Stage.CORE_ANALYSIS, priority: 5, policy: Policy.ALWAYS } as const;
  return [
    { name: 'ok_a', ...core, cost: 2, evaluate: counted('ok_a', () => OK) },
    {
      name: 'bad',
      ...core,
      maxRetries: 0,
      circuitBreaker: false,
      evaluate: counted('bad', () => {
        throw new Error('boom');
      }),
    },
    {
      name: 'slow',
      ...core,
      timeoutMs: 100,
      maxRetries: 0,
      circuitBreaker: false,
      evaluate: counted('slow', (_input, { signal }) => untilAborted(signal)),
    },
    {
      name: 'gated_one',
      stage: Stage.PRE_VALIDATION,
      priority: 1,
      policy: Policy.ON_VIOLATION,
      evaluate: counted('gated_one', () => OK),
    },
    {
      name: 'flaky',
      ...core,
      cost: 3,
      backoff: { initialDelayMs: 10, jitter: 0 },
      evaluate: counted('flaky', (_input, { attempt }) => {
        if (attempt === 0) throw new Error('first attempt fails');
        return OK;
      }),
    },
    {
      name: 'stuck',
      ...core,
      timeoutMs: 60_000,
      evaluate: counted('stuck', (_input, { signal }) => untilAborted(signal)),
    },
    {
      name: 'fragile',
      ...core,
      cost: 1,
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 },
      evaluate: counted('fragile', () => {
        throw new Error('fragile failed');
      }),
    },
    {
      name: 'limited',
      ...core,
      ratePerSecond: 0.01,
      evaluate: counted('limited', () => OK),
    },
  ];
}

const zeroSummary: Omit<RunSummary, 'durationMs'> = {
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
};

function expectPlausible(p: Percentiles, count: number): void {
  expect(p.count).toBe(count);
  expect(p.p50).toBeGreaterThanOrEqual(0);
  expect(p.p50).toBeLessThanOrEqual(p.p90);
  expect(p.p90).toBeLessThanOrEqual(p.p99);
  expect(p.p99).toBeLessThanOrEqual(p.max);
  expect(p.mean).toBeLessThanOrEqual(p.max);
  expect(p.mean).toBeGreaterThanOrEqual(0);
}

describe('orchestrator metrics', () => {
  async function twoRuns() {
    const calls: Record<string, number> = {};
    const orchestrator = createOrchestrator({
      critics: statusPanel(calls),
      globalTimeoutMs: GLOBAL_TIMEOUT_MS,
      random: () => 0.5,
    });
    const first = await settle(orchestrator.run(REQUEST));
    const second = await settle(orchestrator.run(REQUEST));
    return { orchestrator, first, second, calls };
  }

  it('gives each status its own result in a run that produces all of them', async () => {
    const { first, second } = await twoRuns();
    const statuses = (report: typeof first) =>
      Object.fromEntries(Object.values(report.results).map((r) => [r.critic, r.status]));
    expect(statuses(first)).toEqual({
      ok_a: 'success',
      bad: 'error',
      slow: 'timeout',
      gated_one: 'gated',
      flaky: 'success',
      stuck: 'cancelled',
      fragile: 'error',
      limited: 'success',
    });
    expect(statuses(second)).toEqual({
      ok_a: 'success',
      bad: 'error',
      slow: 'timeout',
      gated_one: 'gated',
      flaky: 'success',
      stuck: 'cancelled',
      fragile: 'circuit_open',
      limited: 'rate_limited',
    });
  });

  it('summarises each run on its own', async () => {
    const { first, second } = await twoRuns();
    expect(first.summary).toEqual({
      ...zeroSummary,
      total: 7,
      success: 3,
      failed: 2,
      timedOut: 1,
      gated: 1,
      retried: 1,
      cancelled: 1,
      cost: 2 + 3 * 2 + 1,
      durationMs: GLOBAL_TIMEOUT_MS,
    });
    expect(second.summary).toEqual({
      ...zeroSummary,
      total: 7,
      success: 2,
      failed: 1,
      timedOut: 1,
      gated: 1,
      retried: 1,
      cancelled: 1,
      circuitOpen: 1,
      rateLimited: 1,
      cost: 2 + 3 * 2,
      durationMs: GLOBAL_TIMEOUT_MS,
    });
  });

  it('accumulates every status across runs and counts the runs', async () => {
    const { orchestrator } = await twoRuns();
    expect(orchestrator.metrics()).toMatchObject({
      runs: 2,
      rejected: 0,
      total: 14,
      success: 5,
      failed: 3,
      timedOut: 2,
      gated: 2,
      retried: 2,
      cancelled: 2,
      circuitOpen: 1,
      rateLimited: 1,
      cost: 17,
      fromCache: 0,
      degraded: 0,
      inFlight: 0,
      queued: 0,
    });
  });

  it('does not call a critic whose breaker is open, and does not charge for it', async () => {
    const { orchestrator, calls } = await twoRuns();
    expect(calls['fragile']).toBe(1);
    expect(calls['gated_one']).toBeUndefined();
    expect(calls['flaky']).toBe(4);
    expect(orchestrator.metrics().critics['fragile']).toMatchObject({
      failed: 1,
      circuitOpen: 1,
      cost: 1,
      breaker: 'open',
    });
  });

  it('breaks the counters down per critic', async () => {
    const { orchestrator } = await twoRuns();
    const { critics } = orchestrator.metrics();
    expect(Object.keys(critics).sort()).toEqual(
      ['bad', 'flaky', 'fragile', 'gated_one', 'limited', 'ok_a', 'slow', 'stuck'].sort(),
    );
    expect(critics['ok_a']).toMatchObject({ total: 2, success: 2, cost: 4, breaker: 'closed' });
    expect(critics['flaky']).toMatchObject({ total: 2, success: 2, retried: 2, cost: 12 });
    expect(critics['bad']).toMatchObject({ total: 2, failed: 2, breaker: 'disabled' });
    expect(critics['slow']).toMatchObject({ total: 2, timedOut: 2 });
    expect(critics['gated_one']).toMatchObject({ total: 0, gated: 2 });
    expect(critics['stuck']).toMatchObject({ total: 2, cancelled: 2 });
    expect(critics['limited']).toMatchObject({ total: 2, success: 1, rateLimited: 1 });
  });

  it('reports plausible latency percentiles, overall and per critic', async () => {
    const { orchestrator } = await twoRuns();
    const m = orchestrator.metrics();
    expectPlausible(m.latency, 14);
    expectPlausible(m.queueTime, 14);
    expectPlausible(m.runLatency, 2);
    expect(m.runLatency.p50).toBe(GLOBAL_TIMEOUT_MS);
    expect(m.latency.max).toBe(GLOBAL_TIMEOUT_MS);
    const slow = m.critics['slow']!;
    expectPlausible(slow.latency, 2);
    expect(slow.latency.p50).toBe(100);
    expect(slow.latency.max).toBe(100);
    const flaky = m.critics['flaky']!;
    expect(flaky.latency).toMatchObject({ count: 2, p50: 10, max: 10 });
    expectPlausible(m.critics['gated_one']!.latency, 0);
    // The rate-limited execution waited in the queue until the deadline.
    expect(m.critics['limited']!.queueTime.max).toBe(GLOBAL_TIMEOUT_MS);
    expect(m.queueTimeByPriority[5]?.count).toBe(14);
  });

  it('charges cost per invocation, counts a cache hit as free, and counts cache hits', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        { name: 'cached', cost: 5, evaluate: () => OK },
        { name: 'fresh', cost: 5, evaluate: () => OK },
        {
          name: 'retried_twice',
          cost: 2,
          backoff: { initialDelayMs: 1, jitter: 0 },
          evaluate: (_input, { attempt }) => {
            if (attempt < 2) throw new Error('not yet');
            return OK;
          },
        },
      ],
      hooks: { beforeAttempt: ({ critic }) => (critic === 'cached' ? { ...OK } : undefined) },
    });
    const report = await settle(orchestrator.run(REQUEST));
    expect(report.results['cached']).toMatchObject({ status: 'success', fromCache: true });
    expect(report.summary.cost).toBe(5 + 2 * 3);
    const m = orchestrator.metrics();
    expect(m.cost).toBe(11);
    expect(m.fromCache).toBe(1);
    expect(m.critics['cached']).toMatchObject({ success: 1, cost: 0, fromCache: 1 });
    expect(m.critics['retried_twice']).toMatchObject({ success: 1, retried: 2, cost: 6 });
  });

  it('counts degraded results and validation failures', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        { name: 'incomplete', evaluate: () => ({ value: 1 }) },
        {
          name: 'broken',
          maxRetries: 0,
          evaluate: () => {
            throw new Error('down');
          },
        },
      ],
      hooks: { onFailure: () => ({ value: 'fallback', score: 0 }) },
    });
    await settle(orchestrator.run(REQUEST));
    const m = orchestrator.metrics();
    expect(m).toMatchObject({ success: 1, failed: 1, degraded: 1, validationFailures: 1 });
    expect(m.critics['incomplete']).toMatchObject({ validationFailures: 1, degraded: 0 });
    expect(m.critics['broken']).toMatchObject({ failed: 1, degraded: 1 });
  });

  it('starts from zero before any run', () => {
    const orchestrator = createOrchestrator({ critics: [{ name: 'a', evaluate: () => OK }] });
    const m = orchestrator.metrics();
    expect(m).toMatchObject({ ...zeroSummary, runs: 0, inFlight: 0, peakInFlight: 0 });
    expectPlausible(m.latency, 0);
    expect(m.critics['a']).toMatchObject({ total: 0, breaker: 'closed' });
  });

  it('reports in-flight and peak in-flight executions while a run is going', async () => {
    const orchestrator = createOrchestrator({
      maxConcurrent: 2,
      critics: ['a', 'b', 'c'].map((name) => ({
        name,
        evaluate: async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return OK;
        },
      })),
    });
    const running = orchestrator.run(REQUEST);
    await Promise.resolve();
    expect(orchestrator.metrics()).toMatchObject({ inFlight: 2, queued: 1 });
    await settle(running);
    expect(orchestrator.metrics()).toMatchObject({ inFlight: 0, queued: 0, peakInFlight: 2 });
  });
});
