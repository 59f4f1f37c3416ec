import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import { recorder, REQUEST, settle, sleeper, type Recorder } from './test-helpers/fixtures.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

function startTimes(rec: Recorder, critic: string): number[] {
  return rec.events.filter((e) => e.critic === critic && e.kind === 'start').map((e) => e.at);
}

describe('orchestrator rate limits', () => {
  it('spaces 5 concurrent runs of a 2-per-second critic 500 ms apart', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      critics: [sleeper(rec, 'limited', 10, { ratePerSecond: 2 })],
    });

    const reports = await settle(
      Promise.all(Array.from({ length: 5 }, () => orchestrator.run(REQUEST))),
    );

    const starts = startTimes(rec, 'limited');
    expect(starts).toHaveLength(5);
    [0, 500, 1_000, 1_500, 2_000].forEach((expected, i) => {
      expect(starts[i]).toBeCloseTo(expected, 0);
    });
    expect(performance.now()).toBeGreaterThanOrEqual(2_000);
    expect(reports.every((r) => r.results['limited']?.status === 'success')).toBe(true);
    // Waiting for a token counts as queue time, not as the critic's own duration.
    const queueTimes = reports
      .map((r) => r.results['limited']?.queueTimeMs ?? -1)
      .sort((a, b) => a - b);
    expect(queueTimes[4]).toBeCloseTo(2_000, 0);
    expect(reports.every((r) => r.results['limited']?.durationMs === 10)).toBe(true);
  });

  it('works with a rate below one per second (0.5/s) without hanging', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      critics: [sleeper(rec, 'slow_rate', 10, { ratePerSecond: 0.5 })],
    });

    const reports = await settle(
      Promise.all([orchestrator.run(REQUEST), orchestrator.run(REQUEST)]),
    );

    const starts = startTimes(rec, 'slow_rate');
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBeCloseTo(2_000, 0);
    expect(reports.map((r) => r.results['slow_rate']?.status)).toEqual(['success', 'success']);
  });

  it('lets the token refill while idle: a run after a pause starts at once', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      critics: [sleeper(rec, 'limited', 10, { ratePerSecond: 1 })],
    });

    await settle(orchestrator.run(REQUEST));
    await vi.advanceTimersByTimeAsync(2_000);
    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['limited']?.queueTimeMs).toBe(0);
    expect(startTimes(rec, 'limited')).toEqual([0, 2_010]);
  });

  it('ends a rate-limited critic still queued at the run deadline with status rate_limited', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      globalTimeoutMs: 500,
      critics: [sleeper(rec, 'limited', 10, { ratePerSecond: 1 })],
    });

    const reports = await settle(
      Promise.all([
        orchestrator.run(REQUEST),
        orchestrator.run(REQUEST),
        orchestrator.run(REQUEST),
      ]),
    );

    const results = reports.map((r) => r.results['limited']);
    expect(results.map((r) => r?.status)).toEqual(['success', 'rate_limited', 'rate_limited']);
    for (const result of results.slice(1)) {
      expect(result?.error).toContain('Rate limit');
      expect(result?.output).toMatchObject({ value: null, details: { critic_failed: true } });
    }
    expect(reports.map((r) => r.summary.rateLimited)).toEqual([0, 1, 1]);
    expect(reports[1].summary.durationMs).toBe(500);
    expect(startTimes(rec, 'limited')).toEqual([0]);
    expect(orchestrator.metrics().rateLimited).toBe(2);
    expect(orchestrator.metrics().queued).toBe(0);
  });

  it('does not block other critics while one waits for a rate token', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 1,
      critics: [
        sleeper(rec, 'limited', 10, { ratePerSecond: 1, priority: 1 }),
        sleeper(rec, 'other', 10, { priority: 5 }),
      ],
    });

    const reports = await settle(
      Promise.all([orchestrator.run(REQUEST), orchestrator.run(REQUEST)]),
    );

    // The second `limited` waits for its token until t = 1000; both `other` critics run meanwhile,
    // even though `limited` has the higher priority and the only slot is free.
    expect(startTimes(rec, 'limited')).toEqual([0, 1_000]);
    expect(startTimes(rec, 'other')).toEqual([10, 20]);
    expect(rec.peak).toBe(1);
    expect(
      reports.every((r) => Object.values(r.results).every((x) => x.status === 'success')),
    ).toBe(true);
  });
});
