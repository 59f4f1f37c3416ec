import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import type { OrchestratorEventName } from './orchestrator-events.js';
import { OK, REQUEST, fakeLogger, settle, untilAborted } from './test-helpers/fixtures.js';
import type { CriticOutput, CriticSpec, OrchestratorHooks, RunReport } from './types.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Settles the run, then lets any fire-and-forget hook work finish. */
async function runToEnd(promise: Promise<RunReport>): Promise<RunReport> {
  const report = await settle(promise);
  await vi.runAllTimersAsync();
  return report;
}

const CACHED: CriticOutput = { value: 'from cache', score: 0.5 };

describe('beforeAttempt (cache lookup)', () => {
  it('serves a returned output as a cache hit without calling the critic', async () => {
    const evaluate = vi.fn(() => OK);
    const afterSuccess = vi.fn();
    const beforeAttempt = vi.fn(() => CACHED);
    const orchestrator = createOrchestrator({
      critics: [{ name: 'cached_critic', cost: 4, evaluate }],
      hooks: { beforeAttempt, afterSuccess },
    });
    const report = await runToEnd(orchestrator.run({ ...REQUEST, traceId: 'trace-1' }));
    expect(evaluate).not.toHaveBeenCalled();
    expect(report.results['cached_critic']).toMatchObject({
      status: 'success',
      fromCache: true,
      output: CACHED,
      retryCount: 0,
    });
    expect(report.summary).toMatchObject({ success: 1, cost: 0 });
    expect(beforeAttempt).toHaveBeenCalledTimes(1);
    expect(beforeAttempt.mock.calls[0]).toEqual([
      expect.objectContaining({ critic: 'cached_critic', traceId: 'trace-1', attempt: 0 }),
    ]);
    // afterSuccess is for fresh executions only.
    expect(afterSuccess).not.toHaveBeenCalled();
  });

  it.each([undefined, null, 'a string', 42, ['an', 'array']])(
    'calls the critic when the hook answers %j',
    async (answer) => {
      const evaluate = vi.fn(() => OK);
      const orchestrator = createOrchestrator({
        critics: [{ name: 'fresh', evaluate }],
        hooks: { beforeAttempt: () => answer as CriticOutput | undefined },
      });
      const report = await runToEnd(orchestrator.run(REQUEST));
      expect(evaluate).toHaveBeenCalledTimes(1);
      expect(report.results['fresh']).toMatchObject({ status: 'success', output: OK });
      expect(report.results['fresh']?.fromCache).toBeUndefined();
    },
  );

  it('is asked again before every retry, so a retry can be served from the cache', async () => {
    const evaluate = vi.fn(() => {
      throw new Error('down');
    });
    const orchestrator = createOrchestrator({
      critics: [{ name: 'flaky', backoff: { initialDelayMs: 1, jitter: 0 }, evaluate }],
      hooks: { beforeAttempt: ({ attempt }) => (attempt === 1 ? CACHED : undefined) },
    });
    const report = await runToEnd(orchestrator.run(REQUEST));
    expect(evaluate).toHaveBeenCalledTimes(1);
    expect(report.results['flaky']).toMatchObject({
      status: 'success',
      fromCache: true,
      output: CACHED,
    });
  });

  it("does not charge the time spent answering it to the attempt's timeout", async () => {
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'slow_lookup',
          timeoutMs: 100,
          maxRetries: 0,
          evaluate: () =>
            new Promise<CriticOutput>((resolve) =>
              setTimeout(() => {
                resolve(OK);
              }, 60),
            ),
        },
      ],
      hooks: {
        beforeAttempt: () =>
          new Promise<undefined>((resolve) =>
            setTimeout(() => {
              resolve(undefined);
            }, 80),
          ),
      },
    });
    const report = await runToEnd(orchestrator.run(REQUEST));
    expect(report.results['slow_lookup']).toMatchObject({ status: 'success', output: OK });
  });
});

describe('afterSuccess', () => {
  it('is called once per fresh success with the duration and the output', async () => {
    const afterSuccess = vi.fn<NonNullable<OrchestratorHooks['afterSuccess']>>();
    const slowOutput = { value: 'slow', score: 1 };
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'slow',
          evaluate: async () => {
            await new Promise((resolve) => setTimeout(resolve, 30));
            return slowOutput;
          },
        },
        {
          name: 'flaky',
          backoff: { initialDelayMs: 5, jitter: 0 },
          evaluate: (_input, { attempt }) => {
            if (attempt === 0) throw new Error('first try fails');
            return OK;
          },
        },
        {
          name: 'broken',
          maxRetries: 0,
          evaluate: () => {
            throw new Error('always');
          },
        },
      ],
      hooks: { afterSuccess },
    });
    await runToEnd(orchestrator.run(REQUEST));
    expect(afterSuccess).toHaveBeenCalledTimes(2);
    const byCritic = new Map(afterSuccess.mock.calls.map(([ctx]) => [ctx.critic, ctx]));
    expect(byCritic.get('slow')).toMatchObject({ output: slowOutput, durationMs: 30, attempt: 0 });
    expect(byCritic.get('flaky')).toMatchObject({ output: OK, attempt: 1 });
    for (const ctx of byCritic.values()) {
      expect(typeof ctx.durationMs).toBe('number');
      expect(ctx.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(byCritic.has('broken')).toBe(false);
  });
});

describe('onFailure', () => {
  const FALLBACK: CriticOutput = { value: 'fallback', score: 0, severity: 1 };

  it.each([
    {
      kind: 'error',
      spec: {
        evaluate: () => {
          throw new Error('upstream down');
        },
      },
      error: 'upstream down',
    },
    {
      kind: 'timeout',
      spec: {
        timeoutMs: 100,
        evaluate: (_input, { signal }) => untilAborted(signal),
      } satisfies Partial<CriticSpec>,
      error: 'Critic `failing` timed out after 100 ms',
    },
  ])(
    'keeps status $kind but serves the fallback as a degraded output',
    async ({ kind, spec, error }) => {
      const onFailure = vi.fn(() => FALLBACK);
      const orchestrator = createOrchestrator({
        critics: [{ name: 'failing', maxRetries: 1, ...spec }],
        hooks: { onFailure },
        random: () => 0.5,
      });
      const report = await runToEnd(orchestrator.run(REQUEST));
      expect(report.results['failing']).toMatchObject({
        status: kind,
        degraded: true,
        output: FALLBACK,
        error,
        retryCount: 1,
      });
      // Called once, when the critic finally fails, not per attempt.
      expect(onFailure).toHaveBeenCalledTimes(1);
      expect(onFailure.mock.calls[0]).toEqual([
        expect.objectContaining({ critic: 'failing', status: kind, error }),
      ]);
      expect(orchestrator.metrics()).toMatchObject({ degraded: 1, success: 0 });
    },
  );

  it('leaves the failure template when the hook returns nothing', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'failing',
          maxRetries: 0,
          evaluate: () => {
            throw new Error('nope');
          },
        },
      ],
      hooks: { onFailure: () => undefined },
    });
    const report = await runToEnd(orchestrator.run(REQUEST));
    expect(report.results['failing']?.degraded).toBeUndefined();
    expect(report.results['failing']?.output).toEqual({
      value: null,
      score: 0,
      severity: 0,
      violation: false,
      violations: [],
      details: { error: 'nope', critic_failed: true },
    });
  });

  it('lets a degraded output count as evidence for a later ON_VIOLATION critic', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'first',
          stage: Stage.FAST_CRITICS,
          maxRetries: 0,
          evaluate: () => {
            throw new Error('down');
          },
        },
        {
          name: 'second',
          stage: Stage.DEEP_ANALYSIS,
          policy: Policy.ON_VIOLATION,
          evaluate: () => OK,
        },
      ],
      hooks: { onFailure: () => ({ value: 1, score: 1, violation: true }) },
    });
    const report = await runToEnd(orchestrator.run(REQUEST));
    expect(report.results['second']?.status).toBe('success');
  });
});

describe('failing hooks', () => {
  type HookName = keyof OrchestratorHooks;
  const failures = [
    [
      'throws',
      () => {
        throw new Error('hook exploded');
      },
    ],
    ['rejects', () => Promise.reject(new Error('hook exploded'))],
  ] as const;
  const hookNames: HookName[] = ['beforeAttempt', 'afterSuccess', 'onFailure'];

  it.each(hookNames.flatMap((hook) => failures.map(([how, fn]) => [hook, how, fn] as const)))(
    'keeps the run going when %s %s, and logs it',
    async (hook, _how, fn) => {
      const logger = fakeLogger();
      const evaluateOk = vi.fn(() => OK);
      const orchestrator = createOrchestrator({
        critics: [
          { name: 'good', evaluate: evaluateOk },
          {
            name: 'bad',
            maxRetries: 0,
            evaluate: () => {
              throw new Error('critic failed');
            },
          },
        ],
        hooks: { [hook]: fn },
        logger,
      });
      const report = await runToEnd(orchestrator.run(REQUEST));
      expect(evaluateOk).toHaveBeenCalledTimes(1);
      expect(report.results['good']).toMatchObject({ status: 'success', output: OK });
      expect(report.results['good']?.fromCache).toBeUndefined();
      expect(report.results['bad']).toMatchObject({ status: 'error', error: 'critic failed' });
      expect(report.results['bad']?.degraded).toBeUndefined();
      expect(report.results['bad']?.output).toMatchObject({ details: { critic_failed: true } });
      const warnings = logger.calls.filter(
        (c) => c.level === 'warn' && c.msg?.startsWith(`Hook ${hook} failed`) === true,
      );
      expect(warnings.length).toBeGreaterThanOrEqual(1);
      expect(warnings[0]?.obj).toMatchObject({ hook, err: 'hook exploded' });
      // The orchestrator keeps serving.
      const again = await runToEnd(orchestrator.run(REQUEST));
      expect(again.results['good']?.status).toBe('success');
    },
  );
});

describe('event listeners', () => {
  const events: OrchestratorEventName[] = [
    'runStart',
    'criticStart',
    'criticFinish',
    'retry',
    'gated',
    'breakerStateChange',
    'runComplete',
  ];

  it.each(events)('never lets a throwing %s listener break the run', async (event) => {
    const logger = fakeLogger();
    const orchestrator = createOrchestrator({
      critics: [
        { name: 'good', evaluate: () => OK },
        {
          name: 'flaky',
          // The first failure opens the breaker; the retry after the cool-down is its probe.
          backoff: { initialDelayMs: 20, jitter: 0 },
          circuitBreaker: { failureThreshold: 1, cooldownMs: 10 },
          evaluate: (_input, { attempt }) => {
            if (attempt === 0) throw new Error('first try fails');
            return OK;
          },
        },
        { name: 'skipped', policy: Policy.ON_HIGH_RISK, evaluate: () => OK },
      ],
      logger,
    });
    const delivered: string[] = [];
    orchestrator.on(event, () => {
      throw new Error('listener exploded');
    });
    orchestrator.on(event, () => {
      delivered.push(event);
    });
    const report = await runToEnd(orchestrator.run(REQUEST));
    expect(report.results['good']?.status).toBe('success');
    expect(report.results['flaky']).toMatchObject({ status: 'success', retryCount: 1 });
    expect(report.results['skipped']?.status).toBe('gated');
    // The listener after the throwing one still hears the event.
    expect(delivered.length).toBeGreaterThan(0);
    const warning = logger.calls.find((c) => c.msg === 'Event listener failed; continuing');
    expect(warning?.obj).toMatchObject({ err: 'listener exploded' });
  });
});
