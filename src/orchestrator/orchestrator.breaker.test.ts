import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BreakerState } from './breaker.js';
import { createOrchestrator, type Orchestrator } from './orchestrator.js';
import { OK, REQUEST, deferred, settle } from './test-helpers/fixtures.js';
import type { CircuitBreakerOptions, CriticOutput } from './types.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const BREAKER = { failureThreshold: 3, cooldownMs: 1000 };

/** One external critic whose behaviour the test switches; counts its calls. */
function panel(circuitBreaker: CircuitBreakerOptions | false = BREAKER) {
  const state = { mode: 'fail' as 'fail' | 'ok', calls: 0 };
  const transitions: string[] = [];
  const orchestrator = createOrchestrator({
    critics: [
      {
        name: 'external_api',
        maxRetries: 0,
        circuitBreaker,
        evaluate: () => {
          state.calls++;
          if (state.mode === 'fail') throw new Error('upstream 502');
          return OK;
        },
      },
    ],
  });
  orchestrator.on('breakerStateChange', ({ critic, from, to }) => {
    transitions.push(`${critic}: ${from}→${to}`);
  });
  const run = async (): Promise<string> => {
    const report = await settle(orchestrator.run(REQUEST));
    return report.results['external_api']!.status;
  };
  const breaker = (): string => orchestrator.metrics().critics['external_api']!.breaker;
  return { orchestrator, state, transitions, run, breaker };
}

async function failThreeTimes(run: () => Promise<string>): Promise<string[]> {
  return [await run(), await run(), await run()];
}

describe('circuit breaker in the orchestrator', () => {
  it('opens after three consecutive failures and answers circuit_open without calling the critic', async () => {
    const { state, run, breaker, orchestrator } = panel();
    expect(breaker()).toBe('closed');
    expect(await failThreeTimes(run)).toEqual(['error', 'error', 'error']);
    expect(breaker()).toBe('open');
    expect(state.calls).toBe(3);

    const report = await settle(orchestrator.run(REQUEST));
    expect(report.results['external_api']).toMatchObject({
      status: 'circuit_open',
      error: 'Circuit breaker for critic `external_api` is open',
      output: { value: null, details: { critic_failed: true } },
      retryCount: 0,
    });
    expect(state.calls).toBe(3);
    expect(orchestrator.metrics()).toMatchObject({ failed: 3, circuitOpen: 1 });
  });

  it('keeps a closed breaker closed when a success interrupts the failures', async () => {
    const { state, run, breaker } = panel();
    await run();
    await run();
    state.mode = 'ok';
    await run();
    state.mode = 'fail';
    await run();
    await run();
    expect(breaker()).toBe('closed');
    expect(await run()).toBe('error');
    expect(breaker()).toBe('open');
    expect(state.calls).toBe(6);
  });

  it('half-opens after the cool-down and closes again on a successful probe', async () => {
    const { state, run, breaker, transitions } = panel();
    await failThreeTimes(run);
    vi.advanceTimersByTime(999);
    expect(await run()).toBe('circuit_open');
    expect(state.calls).toBe(3);
    vi.advanceTimersByTime(1);
    expect(breaker()).toBe('half_open');

    state.mode = 'ok';
    expect(await run()).toBe('success');
    expect(state.calls).toBe(4);
    expect(breaker()).toBe('closed');
    expect(await run()).toBe('success');
    expect(await run()).toBe('success');
    expect(state.calls).toBe(6);
    expect(transitions).toEqual([
      'external_api: closed→open',
      'external_api: open→half_open',
      'external_api: half_open→closed',
    ]);
  });

  it('reopens on a failed probe, for a fresh cool-down', async () => {
    const { state, run, breaker, transitions } = panel();
    await failThreeTimes(run);
    vi.advanceTimersByTime(1000);
    expect(await run()).toBe('error');
    expect(state.calls).toBe(4);
    expect(breaker()).toBe('open');
    expect(await run()).toBe('circuit_open');
    expect(state.calls).toBe(4);

    vi.advanceTimersByTime(1000);
    state.mode = 'ok';
    expect(await run()).toBe('success');
    expect(breaker()).toBe('closed');
    expect(transitions).toEqual([
      'external_api: closed→open',
      'external_api: open→half_open',
      'external_api: half_open→open',
      'external_api: open→half_open',
      'external_api: half_open→closed',
    ]);
  });

  it('lets exactly one probe through while half-open, however many runs arrive', async () => {
    const gate = deferred<CriticOutput>();
    let fail = true;
    let calls = 0;
    const orchestrator: Orchestrator = createOrchestrator({
      critics: [
        {
          name: 'external_api',
          maxRetries: 0,
          circuitBreaker: BREAKER,
          evaluate: () => {
            calls++;
            if (fail) throw new Error('down');
            return gate.promise;
          },
        },
      ],
    });
    for (let i = 0; i < 3; i++) await settle(orchestrator.run(REQUEST));
    vi.advanceTimersByTime(1000);
    fail = false;
    const probe = orchestrator.run(REQUEST);
    const others = await Promise.all([orchestrator.run(REQUEST), orchestrator.run(REQUEST)]);
    expect(others.map((r) => r.results['external_api']?.status)).toEqual([
      'circuit_open',
      'circuit_open',
    ]);
    expect(calls).toBe(4);
    gate.resolve(OK);
    expect((await settle(probe)).results['external_api']?.status).toBe('success');
    expect(orchestrator.metrics().critics['external_api']?.breaker).toBe('closed');
  });

  it('never opens when the breaker is disabled', async () => {
    const { state, run, breaker, transitions } = panel(false);
    const statuses: string[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await run());
    expect(statuses).toEqual(Array(10).fill('error'));
    expect(state.calls).toBe(10);
    expect(breaker()).toBe('disabled');
    expect(transitions).toEqual([]);
  });

  it('counts a timed-out attempt as a failure', async () => {
    let calls = 0;
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'hangs',
          timeoutMs: 50,
          maxRetries: 0,
          circuitBreaker: { failureThreshold: 2, cooldownMs: 1000 },
          evaluate: () => {
            calls++;
            return new Promise<CriticOutput>(() => undefined);
          },
        },
      ],
      abandonAfterMs: 10,
    });
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const report = await settle(orchestrator.run(REQUEST));
      statuses.push(report.results['hangs']!.status);
    }
    expect(statuses).toEqual(['timeout', 'timeout', 'circuit_open']);
    expect(calls).toBe(2);
  });

  it('counts retries towards the threshold within one run', async () => {
    const { orchestrator, state, transitions } = (() => {
      const s = { calls: 0 };
      const t: BreakerState[] = [];
      const o = createOrchestrator({
        critics: [
          {
            name: 'external_api',
            maxRetries: 5,
            backoff: { initialDelayMs: 1, jitter: 0 },
            circuitBreaker: BREAKER,
            evaluate: () => {
              s.calls++;
              throw new Error('down');
            },
          },
        ],
      });
      o.on('breakerStateChange', ({ to }) => t.push(to));
      return { orchestrator: o, state: s, transitions: t };
    })();
    const report = await settle(orchestrator.run(REQUEST));
    // Three failed attempts open the breaker; the next retry finds it open and is not made.
    expect(state.calls).toBe(3);
    expect(report.results['external_api']?.status).toBe('circuit_open');
    // retryCount counts retries actually made: the refused fourth attempt is not one.
    expect(report.results['external_api']?.retryCount).toBe(2);
    expect(report.summary.retried).toBe(2);
    expect(transitions).toEqual(['open']);
  });
});
