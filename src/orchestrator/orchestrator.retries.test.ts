import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import type { OrchestratorEvents } from './orchestrator-events.js';
import { OK, REQUEST, settle } from './test-helpers/fixtures.js';
import type { AttemptContext, CriticOutput, OrchestratorOptions } from './types.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

const HANG = (): Promise<CriticOutput> => new Promise<CriticOutput>(() => undefined);

/** Deterministic orchestrator options: no jitter from randomness. */
function options(
  critics: OrchestratorOptions['critics'],
  extra: Partial<OrchestratorOptions> = {},
) {
  return { random: () => 0, ...extra, critics };
}

describe('orchestrator retries', () => {
  it('retries timed-out attempts and reports the retries made', async () => {
    const attempts: number[] = [];
    const orchestrator = createOrchestrator(
      options([
        {
          name: 'flaky',
          timeoutMs: 500,
          maxRetries: 3,
          retryOnTimeout: true,
          evaluate: (_input, { attempt }: AttemptContext) => {
            attempts.push(attempt);
            return attempt < 2 ? HANG() : OK;
          },
        },
      ]),
    );

    const report = await settle(orchestrator.run(REQUEST));

    const result = report.results['flaky'];
    expect(result?.status).toBe('success');
    expect(result?.retryCount).toBe(2);
    expect(attempts).toEqual([0, 1, 2]);
    expect(report.summary.retried).toBe(2);
    // Two timeouts (500 ms each) plus back-offs of 200 ms and 400 ms.
    expect(report.summary.durationMs).toBe(1_600);
  });

  it('retries thrown errors', async () => {
    const attempts: number[] = [];
    const orchestrator = createOrchestrator(
      options([
        {
          name: 'flaky',
          maxRetries: 3,
          evaluate: async (_input, { attempt }) => {
            attempts.push(attempt);
            if (attempt < 2) throw new Error(`failure ${attempt}`);
            return OK;
          },
        },
      ]),
    );

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['flaky']?.status).toBe('success');
    expect(report.results['flaky']?.retryCount).toBe(2);
    expect(attempts).toEqual([0, 1, 2]);
  });

  it('retries a synchronous throw as well', async () => {
    const evaluate = vi.fn((_input: unknown, { attempt }: AttemptContext): CriticOutput => {
      if (attempt === 0) throw new Error('sync failure');
      return OK;
    });
    const orchestrator = createOrchestrator(options([{ name: 'flaky', evaluate }]));

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['flaky']?.status).toBe('success');
    expect(report.results['flaky']?.retryCount).toBe(1);
    expect(evaluate).toHaveBeenCalledTimes(2);
  });

  it('ends with status error and retryCount = maxRetries once retries are exhausted', async () => {
    const evaluate = vi.fn((): CriticOutput => {
      throw new Error('always down');
    });
    const orchestrator = createOrchestrator(
      options([{ name: 'down', maxRetries: 3, circuitBreaker: false, evaluate }]),
    );

    const report = await settle(orchestrator.run(REQUEST));

    const result = report.results['down'];
    expect(result?.status).toBe('error');
    expect(result?.retryCount).toBe(3);
    expect(result?.error).toBe('always down');
    expect(result?.output).toMatchObject({ value: null, details: { critic_failed: true } });
    expect(evaluate).toHaveBeenCalledTimes(4);
    expect(report.summary).toMatchObject({ failed: 1, retried: 3 });
  });

  it.each([
    {
      label: 'a missing required field with failOnValidation',
      output: { score: 0.5 } as unknown,
      extra: { failOnValidation: true },
    },
    { label: 'a string output', output: 'not an object', extra: {} },
    { label: 'an array output', output: [OK], extra: {} },
  ])('does not retry $label', async ({ output, extra }) => {
    const evaluate = vi.fn(() => output as CriticOutput);
    const orchestrator = createOrchestrator(
      options([{ name: 'invalid', maxRetries: 3, evaluate }], extra),
    );

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['invalid']?.status).toBe('error');
    expect(report.results['invalid']?.retryCount).toBe(0);
    expect(evaluate).toHaveBeenCalledOnce();
  });

  it('never sleeps a back-off past the run deadline', async () => {
    const retries: OrchestratorEvents['retry'][] = [];
    const evaluate = vi.fn(async (): Promise<CriticOutput> => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('slow failure');
    });
    const orchestrator = createOrchestrator(
      options([{ name: 'slow', maxRetries: 3, backoff: { initialDelayMs: 1_000 }, evaluate }], {
        globalTimeoutMs: 300,
      }),
    );
    orchestrator.on('retry', (event) => retries.push(event));

    const report = await settle(orchestrator.run(REQUEST));

    expect(performance.now()).toBeLessThanOrEqual(300);
    expect(report.summary.durationMs).toBe(100);
    expect(report.results['slow']?.status).toBe('error');
    expect(report.results['slow']?.error).toBe('slow failure');
    expect(report.results['slow']?.retryCount).toBe(0);
    expect(evaluate).toHaveBeenCalledOnce();
    expect(retries).toEqual([]);
  });

  it('retries while the deadline allows and stops before the back-off would cross it', async () => {
    const evaluate = vi.fn((): CriticOutput => {
      throw new Error('down');
    });
    const orchestrator = createOrchestrator(
      options(
        [
          {
            name: 'down',
            maxRetries: 5,
            circuitBreaker: false,
            backoff: { initialDelayMs: 100, multiplier: 2 },
            evaluate,
          },
        ],
        { globalTimeoutMs: 500 },
      ),
    );

    const report = await settle(orchestrator.run(REQUEST));

    // Back-offs of 100 and 200 ms fit (t = 300); the next, 400 ms, would end past 500.
    expect(report.results['down']?.retryCount).toBe(2);
    expect(report.results['down']?.status).toBe('error');
    expect(evaluate).toHaveBeenCalledTimes(3);
    expect(report.summary.durationMs).toBe(300);
  });

  it('makes exactly one attempt when enableRetries is false', async () => {
    const evaluate = vi.fn((): CriticOutput => {
      throw new Error('down');
    });
    const orchestrator = createOrchestrator(
      options([{ name: 'down', maxRetries: 3, evaluate }], { enableRetries: false }),
    );

    const report = await settle(orchestrator.run(REQUEST));

    expect(evaluate).toHaveBeenCalledOnce();
    expect(report.results['down']?.status).toBe('error');
    expect(report.results['down']?.retryCount).toBe(0);
  });

  it('makes a timeout final when retryOnTimeout is false', async () => {
    const evaluate = vi.fn(HANG);
    const orchestrator = createOrchestrator(
      options([{ name: 'slow', timeoutMs: 500, maxRetries: 3, retryOnTimeout: false, evaluate }]),
    );

    const report = await settle(orchestrator.run(REQUEST));

    expect(evaluate).toHaveBeenCalledOnce();
    expect(report.results['slow']?.status).toBe('timeout');
    expect(report.results['slow']?.retryCount).toBe(0);
    expect(report.summary.timedOut).toBe(1);
    expect(report.summary.durationMs).toBe(500);
  });

  it.each([
    { label: 'no jitter (random 0)', random: 0, delays: [100, 200, 400, 800] },
    { label: 'jitter 0.2 at random 0.5', random: 0.5, delays: [90, 180, 360, 720] },
  ])(
    'reports exponentially growing back-off delays in retry events, $label',
    async ({ random, delays }) => {
      const events: OrchestratorEvents['retry'][] = [];
      const orchestrator = createOrchestrator({
        random: () => random,
        critics: [
          {
            name: 'down',
            maxRetries: 4,
            circuitBreaker: false,
            backoff: { initialDelayMs: 100, multiplier: 2, maxDelayMs: 10_000, jitter: 0.2 },
            evaluate: () => {
              throw new Error('down');
            },
          },
        ],
      });
      orchestrator.on('retry', (event) => events.push(event));

      const report = await settle(orchestrator.run(REQUEST));

      expect(events.map((e) => e.delayMs)).toEqual(delays);
      expect(events.map((e) => e.retry)).toEqual([1, 2, 3, 4]);
      expect(events.every((e) => e.maxRetries === 4 && e.critic === 'down')).toBe(true);
      expect(report.results['down']?.retryCount).toBe(4);
      expect(report.summary.durationMs).toBe(delays.reduce((a, b) => a + b, 0));
    },
  );

  it('caps the back-off delay at maxDelayMs', async () => {
    const events: OrchestratorEvents['retry'][] = [];
    const orchestrator = createOrchestrator(
      options([
        {
          name: 'down',
          maxRetries: 4,
          circuitBreaker: false,
          backoff: { initialDelayMs: 100, multiplier: 3, maxDelayMs: 500 },
          evaluate: () => {
            throw new Error('down');
          },
        },
      ]),
    );
    orchestrator.on('retry', (event) => events.push(event));

    await settle(orchestrator.run(REQUEST));

    expect(events.map((e) => e.delayMs)).toEqual([100, 300, 500, 500]);
  });
});
