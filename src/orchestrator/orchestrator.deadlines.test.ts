import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, CriticTimeoutError } from './errors.js';
import { createOrchestrator } from './orchestrator.js';
import { OK, REQUEST, recorder, settle, sleeper, untilAborted } from './test-helpers/fixtures.js';
import type { CriticOutput, CriticSpec, RunReport } from './types.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs until the report arrives and says how much fake time passed. */
async function timed(promise: Promise<RunReport>): Promise<{ report: RunReport; elapsed: number }> {
  const started = performance.now();
  const report = await settle(promise);
  return { report, elapsed: performance.now() - started };
}

function fiveSlowCritics() {
  const rec = recorder();
  const critics = ['a', 'b', 'c', 'd', 'e'].map((name) =>
    sleeper(rec, name, 1000, { stage: Stage.CORE_ANALYSIS, maxRetries: 0 }),
  );
  return { rec, critics };
}

function statuses(report: RunReport): string[] {
  return Object.values(report.results).map((r) => r.status);
}

describe('deadlines and cancellation', () => {
  it('resolves at the global timeout with every running critic cancelled', async () => {
    const { rec, critics } = fiveSlowCritics();
    const orchestrator = createOrchestrator({ critics, globalTimeoutMs: 200 });
    const { report, elapsed } = await timed(orchestrator.run(REQUEST));
    expect(elapsed).toBeGreaterThanOrEqual(200);
    expect(elapsed).toBeLessThanOrEqual(210);
    expect(rec.starts()).toHaveLength(5);
    expect(statuses(report)).toEqual(Array(5).fill('cancelled'));
    expect(report.summary).toMatchObject({ success: 0, cancelled: 5, total: 5 });
    for (const result of Object.values(report.results)) {
      expect(result.error).toContain('global_timeout');
      expect(result.output).toMatchObject({ value: null, details: { critic_failed: true } });
    }
  });

  it("resolves when the caller's signal aborts, with every critic cancelled", async () => {
    const { critics } = fiveSlowCritics();
    const orchestrator = createOrchestrator({ critics });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort(new Error('client went away'));
    }, 150);
    const { report, elapsed } = await timed(
      orchestrator.run(REQUEST, { signal: controller.signal }),
    );
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThanOrEqual(160);
    expect(statuses(report)).toEqual(Array(5).fill('cancelled'));
    for (const result of Object.values(report.results)) {
      expect(result.error).toMatch(/aborted/);
      expect(result.error).toContain('client went away');
    }
  });

  it('resolves at once with every critic cancelled when the signal is already aborted', async () => {
    const { rec, critics } = fiveSlowCritics();
    const orchestrator = createOrchestrator({ critics });
    const { report, elapsed } = await timed(
      orchestrator.run(REQUEST, { signal: AbortSignal.abort() }),
    );
    expect(elapsed).toBe(0);
    expect(rec.starts()).toEqual([]);
    expect(statuses(report)).toEqual(Array(5).fill('cancelled'));
    expect(report.results['a']?.error).toMatch(/aborted/);
  });

  it("cancels only the timed-out stage's stragglers while other stages succeed", async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      stageTimeoutMs: { CORE_ANALYSIS: 100 },
      critics: [
        sleeper(rec, 'core_fast', 50, { stage: Stage.CORE_ANALYSIS }),
        sleeper(rec, 'core_slow', 1000, { stage: Stage.CORE_ANALYSIS }),
        sleeper(rec, 'early', 500, { stage: Stage.FAST_CRITICS }),
        sleeper(rec, 'core_late', 10, { stage: Stage.CORE_ANALYSIS, dependsOn: ['early'] }),
        sleeper(rec, 'deep', 300, { stage: Stage.DEEP_ANALYSIS, policy: Policy.ALWAYS }),
      ],
    });
    const { report, elapsed } = await timed(orchestrator.run(REQUEST));
    const byName = Object.fromEntries(
      Object.values(report.results).map((r) => [r.critic, r.status]),
    );
    expect(byName).toEqual({
      core_fast: 'success',
      core_slow: 'cancelled',
      early: 'success',
      core_late: 'cancelled',
      deep: 'success',
    });
    expect(report.results['core_slow']?.error).toContain('stage_timeout: CORE_ANALYSIS');
    expect(report.results['core_late']?.error).toContain('stage_timeout: CORE_ANALYSIS');
    // The straggler became ready after its stage's deadline, so it never ran.
    expect(rec.starts()).not.toContain('core_late');
    expect(elapsed).toBe(500);
  });

  it.each([
    {
      why: 'the global timeout',
      options: { globalTimeoutMs: 100 },
      critic: { timeoutMs: 10_000 },
      reasonType: CancelledError,
      reason: 'global_timeout',
      status: 'cancelled',
    },
    {
      why: 'its own timeout',
      options: {},
      critic: { timeoutMs: 100, maxRetries: 0 },
      reasonType: CriticTimeoutError,
      reason: 'timed out after 100 ms',
      status: 'timeout',
    },
  ])(
    "aborts the critic's signal on $why, and the critic observes it",
    async ({ options, critic, reasonType, reason, status }) => {
      let seen: AbortSignal | undefined;
      let abortEvents = 0;
      let abortedWhenNotified = false;
      const orchestrator = createOrchestrator({
        ...options,
        critics: [
          {
            name: 'watcher',
            ...critic,
            evaluate: (_input, { signal }) => {
              seen = signal;
              expect(signal.aborted).toBe(false);
              signal.addEventListener('abort', () => {
                abortEvents++;
                abortedWhenNotified = signal.aborted;
              });
              return untilAborted(signal);
            },
          },
        ],
      });
      const { report, elapsed } = await timed(orchestrator.run(REQUEST));
      expect(elapsed).toBe(100);
      expect(report.results['watcher']?.status).toBe(status);
      expect(seen?.aborted).toBe(true);
      expect(abortEvents).toBe(1);
      expect(abortedWhenNotified).toBe(true);
      expect(seen?.reason).toBeInstanceOf(reasonType);
      expect((seen?.reason as Error).message).toContain(reason);
    },
  );

  it('cancels critics still waiting for their dependencies when the deadline hits', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      globalTimeoutMs: 200,
      critics: [
        sleeper(rec, 'root', 1000, { stage: Stage.CORE_ANALYSIS }),
        sleeper(rec, 'child', 10, { stage: Stage.CORE_ANALYSIS, dependsOn: ['root'] }),
        sleeper(rec, 'grandchild', 10, { stage: Stage.DEEP_ANALYSIS, dependsOn: ['child'] }),
        sleeper(rec, 'independent', 50, { stage: Stage.DEEP_ANALYSIS }),
      ],
    });
    const { report, elapsed } = await timed(orchestrator.run(REQUEST));
    expect(elapsed).toBe(200);
    expect(rec.starts().sort()).toEqual(['independent', 'root']);
    expect(report.results['independent']?.status).toBe('success');
    for (const name of ['root', 'child', 'grandchild']) {
      expect(report.results[name]?.status).toBe('cancelled');
      expect(report.results[name]?.error).toContain('global_timeout');
    }
  });

  it('resolves at the deadline even when a critic ignores its signal', async () => {
    const orchestrator = createOrchestrator({
      globalTimeoutMs: 200,
      critics: [
        { name: 'deaf', evaluate: () => new Promise<CriticOutput>(() => undefined) },
        { name: 'fine', evaluate: () => OK },
      ],
    });
    const { report, elapsed } = await timed(orchestrator.run(REQUEST));
    expect(elapsed).toBe(200);
    expect(report.results['deaf']?.status).toBe('cancelled');
    expect(report.results['fine']?.status).toBe('success');
  });

  it('cancels critics still queued for a concurrency slot at the deadline', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 1,
      globalTimeoutMs: 150,
      critics: [
        sleeper(rec, 'first', 100, { priority: 1 }),
        sleeper(rec, 'second', 100, { priority: 2 }),
        sleeper(rec, 'third', 100, { priority: 3 }),
      ],
    });
    const { report, elapsed } = await timed(orchestrator.run(REQUEST));
    expect(elapsed).toBe(150);
    expect(rec.starts()).toEqual(['first', 'second']);
    expect(report.results['first']?.status).toBe('success');
    expect(report.results['second']?.status).toBe('cancelled');
    expect(report.results['third']).toMatchObject({ status: 'cancelled', queueTimeMs: 150 });
    expect(orchestrator.metrics()).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('cancels a critic whose cache hook never answers at the deadline', async () => {
    const evaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      globalTimeoutMs: 200,
      critics: [{ name: 'cached', evaluate }],
      hooks: { beforeAttempt: () => new Promise<undefined>(() => undefined) },
    });
    const { report, elapsed } = await timed(orchestrator.run(REQUEST));
    expect(elapsed).toBe(200);
    expect(report.results['cached']?.status).toBe('cancelled');
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('aborting one run leaves the other runs on the same orchestrator untouched', async () => {
    const { critics } = fiveSlowCritics();
    const orchestrator = createOrchestrator({ critics });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 150);
    const aborted = orchestrator.run(REQUEST, { signal: controller.signal });
    const untouched = orchestrator.run(REQUEST);
    const [a, b] = await settle(Promise.all([aborted, untouched]));
    expect(statuses(a)).toEqual(Array(5).fill('cancelled'));
    expect(statuses(b)).toEqual(Array(5).fill('success'));
    expect(b.summary.durationMs).toBe(1000);
  });

  function alwaysFailing(calls: { n: number }): CriticSpec {
    return {
      name: 'flaky',
      maxRetries: 5,
      backoff: { initialDelayMs: 300, multiplier: 1, jitter: 0 },
      evaluate: () => {
        calls.n++;
        throw new Error('down');
      },
    };
  }

  it('never backs off past the deadline: the last failure stands', async () => {
    const calls = { n: 0 };
    const orchestrator = createOrchestrator({
      globalTimeoutMs: 1000,
      critics: [alwaysFailing(calls)],
    });
    const { report, elapsed } = await timed(orchestrator.run(REQUEST));
    // Attempts at 0, 300, 600 and 900; a retry at 1200 would be past the deadline at 1000.
    expect(calls.n).toBe(4);
    expect(report.results['flaky']).toMatchObject({ status: 'error', retryCount: 3 });
    expect(report.results['flaky']?.error).toBe('down');
    expect(elapsed).toBe(900);
  });

  it('stops a critic sleeping between retries when the caller aborts; its last error stands', async () => {
    const calls = { n: 0 };
    const orchestrator = createOrchestrator({ critics: [alwaysFailing(calls)] });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 450);
    const { report, elapsed } = await timed(
      orchestrator.run(REQUEST, { signal: controller.signal }),
    );
    // Attempts at 0 and 300; the abort at 450 ends the sleep before the third attempt.
    expect(calls.n).toBe(2);
    expect(report.results['flaky']).toMatchObject({
      status: 'error',
      retryCount: 1,
      error: 'down',
    });
    expect(elapsed).toBe(450);
  });

  const failures: [string, CriticSpec['evaluate']][] = [
    [
      'throws an Error',
      () => {
        throw new Error('boom');
      },
    ],
    [
      'throws a string',
      () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw 'a string';
      },
    ],
    [
      'throws undefined',
      () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw undefined;
      },
    ],
    ['rejects', () => Promise.reject(new Error('rejected'))],
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    ['rejects with null', () => Promise.reject(null)],
    ['returns a non-object', () => 'not an object' as unknown as Record<string, unknown>],
    [
      'returns null asynchronously',
      () => Promise.resolve(null as unknown as Record<string, unknown>),
    ],
  ];

  it.each(failures)('never rejects when a critic %s', async (_why, evaluate) => {
    const orchestrator = createOrchestrator({
      critics: [
        { name: 'broken', maxRetries: 1, backoff: { initialDelayMs: 1, jitter: 0 }, evaluate },
        { name: 'fine', evaluate: () => OK },
      ],
    });
    const report = await settle(orchestrator.run(REQUEST));
    expect(report.results['broken']).toMatchObject({
      status: 'error',
      output: { value: null, score: 0, details: { critic_failed: true } },
    });
    expect(typeof report.results['broken']?.error).toBe('string');
    expect(report.results['fine']?.status).toBe('success');
  });
});
