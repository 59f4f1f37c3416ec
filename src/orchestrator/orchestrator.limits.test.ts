import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverloadedError, EleanorError } from './errors.js';
import { createOrchestrator } from './orchestrator.js';
import { OK, recorder, REQUEST, settle, sleeper } from './test-helpers/fixtures.js';
import type { AttemptContext, CriticOutput, RunReport } from './types.js';
import { Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

function statuses(reports: readonly RunReport[]): string[] {
  return reports.flatMap((r) => Object.values(r.results).map((res) => res.status));
}

describe('orchestrator process-wide limits', () => {
  it('keeps 20 concurrent runs within maxConcurrent 3 while using all 3 slots', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 3,
      critics: [sleeper(rec, 'only', 100)],
    });
    const startedAt = performance.now();

    const reports = await settle(
      Promise.all(Array.from({ length: 20 }, () => orchestrator.run(REQUEST))),
    );

    const elapsed = performance.now() - startedAt;
    expect(rec.peak).toBe(3);
    expect(rec.starts()).toHaveLength(20);
    expect(statuses(reports).every((s) => s === 'success')).toBe(true);
    // ceil(20 / 3) = 7 waves of 100 ms, on the fake clock.
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThanOrEqual(800);
    const metrics = orchestrator.metrics();
    expect(metrics.peakInFlight).toBeLessThanOrEqual(3);
    expect(metrics.peakInFlight).toBe(3);
    expect(metrics.inFlight).toBe(0);
    expect(metrics.queued).toBe(0);
    expect(metrics.runs).toBe(20);
  });

  it('holds a per-critic maxConcurrent of 2 across 10 concurrent runs', async () => {
    const limited = recorder();
    const free = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 50,
      critics: [sleeper(limited, 'limited', 100, { maxConcurrent: 2 }), sleeper(free, 'free', 100)],
    });

    const reports = await settle(
      Promise.all(Array.from({ length: 10 }, () => orchestrator.run(REQUEST))),
    );

    expect(limited.peak).toBe(2);
    expect(free.peak).toBe(10);
    expect(statuses(reports).every((s) => s === 'success')).toBe(true);
    expect(limited.starts()).toHaveLength(10);
  });

  it('holds maxConcurrentPerStage caps across concurrent runs', async () => {
    const core = recorder();
    const fast = recorder();
    const other = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 100,
      maxConcurrentPerStage: { CORE_ANALYSIS: 2, FAST_CRITICS: 3 },
      critics: [
        sleeper(core, 'core_a', 50, { stage: Stage.CORE_ANALYSIS }),
        sleeper(core, 'core_b', 70, { stage: Stage.CORE_ANALYSIS }),
        sleeper(fast, 'fast_a', 30, { stage: Stage.FAST_CRITICS }),
        sleeper(other, 'post', 30, { stage: Stage.POST_PROCESSING }),
      ],
    });

    const reports = await settle(
      Promise.all(Array.from({ length: 6 }, () => orchestrator.run(REQUEST))),
    );

    expect(core.peak).toBe(2);
    expect(fast.peak).toBe(3);
    expect(other.peak).toBe(6);
    expect(statuses(reports).every((s) => s === 'success')).toBe(true);
  });

  it('rejects a run at once with OverloadedError past maxQueueSize while accepted runs complete', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 1,
      maxQueueSize: 2,
      critics: [sleeper(rec, 'only', 100)],
    });

    // One in flight, two waiting: the queue is full.
    const accepted = [
      orchestrator.run(REQUEST),
      orchestrator.run(REQUEST),
      orchestrator.run(REQUEST),
    ];
    let settled = false;
    const refused = orchestrator.run(REQUEST).finally(() => {
      settled = true;
    });
    await Promise.resolve();
    await Promise.resolve();

    expect(settled).toBe(true);
    const error: unknown = await refused.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OverloadedError);
    expect(error).toBeInstanceOf(EleanorError);
    expect((error as OverloadedError).status).toBe(503);
    expect((error as OverloadedError).retryAfterMs).toBeGreaterThan(0);
    expect(performance.now()).toBe(0);
    expect(orchestrator.metrics().rejected).toBe(1);

    const reports = await settle(Promise.all(accepted));
    expect(statuses(reports)).toEqual(['success', 'success', 'success']);
    expect(rec.peak).toBe(1);

    // Once the queue drains, runs are admitted again.
    const later = await settle(orchestrator.run(REQUEST));
    expect(later.results['only']?.status).toBe('success');
  });

  it('counts critics still waiting on dependencies against maxQueueSize', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 10,
      maxQueueSize: 3,
      critics: [sleeper(rec, 'first', 100), sleeper(rec, 'second', 100, { dependsOn: ['first'] })],
    });

    const accepted = orchestrator.run(REQUEST);
    const accepted2 = orchestrator.run(REQUEST);
    const refused = orchestrator.run(REQUEST);

    await expect(refused).rejects.toBeInstanceOf(OverloadedError);
    const reports = await settle(Promise.all([accepted, accepted2]));
    expect(statuses(reports).every((s) => s === 'success')).toBe(true);
  });

  it('reclaims the slot of a critic that ignores its AbortSignal and hangs forever after abandonAfterMs', async () => {
    const attempts: number[] = [];
    let call = 0;
    const orchestrator = createOrchestrator({
      maxConcurrent: 1,
      abandonAfterMs: 1_000,
      critics: [
        {
          name: 'stubborn',
          timeoutMs: 100,
          maxRetries: 0,
          evaluate: (_input, _ctx: AttemptContext): CriticOutput | Promise<CriticOutput> => {
            attempts.push(performance.now());
            call++;
            // The first call never settles and never looks at its signal.
            return call === 1 ? new Promise<CriticOutput>(() => undefined) : OK;
          },
        },
      ],
    });

    const first = await settle(orchestrator.run(REQUEST));
    expect(first.results['stubborn']?.status).toBe('timeout');
    expect(first.summary.durationMs).toBe(100);
    // The hung work still holds its slot: limits count real work.
    expect(orchestrator.metrics().inFlight).toBe(1);

    const second = orchestrator.run(REQUEST);
    await vi.advanceTimersByTimeAsync(500);
    expect(attempts).toHaveLength(1);
    expect(orchestrator.metrics().queued).toBe(1);

    const report = await settle(second);
    expect(report.results['stubborn']?.status).toBe('success');
    expect(attempts).toEqual([0, 1_100]);
    expect(report.results['stubborn']?.queueTimeMs).toBe(1_000);
    expect(orchestrator.metrics().inFlight).toBe(0);
  });
});
