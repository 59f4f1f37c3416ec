import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import {
  deferred,
  OK,
  recorder,
  REQUEST,
  settle,
  sleeper,
  type Deferred,
} from './test-helpers/fixtures.js';
import type { CriticOutput, CriticResult, CriticSpec } from './types.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

describe('orchestrator priority', () => {
  it('starts queued critics in priority order 1, 5, 10 with capacity 1', async () => {
    const started: string[] = [];
    const holds = new Map<string, Deferred<CriticOutput>>();
    const held = (name: string, priority: number): CriticSpec => ({
      name,
      priority,
      stage: Stage.CORE_ANALYSIS,
      evaluate: () => {
        started.push(name);
        const hold = deferred<CriticOutput>();
        holds.set(name, hold);
        return hold.promise;
      },
    });
    const orchestrator = createOrchestrator({
      maxConcurrent: 1,
      critics: [held('p10', 10), held('p1', 1), held('p5', 5)],
    });

    const pending = orchestrator.run(REQUEST);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['p1']);
    expect(orchestrator.metrics().queued).toBe(2);

    await vi.advanceTimersByTimeAsync(40);
    holds.get('p1')?.resolve(OK);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['p1', 'p5']);

    await vi.advanceTimersByTimeAsync(60);
    holds.get('p5')?.resolve(OK);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['p1', 'p5', 'p10']);

    holds.get('p10')?.resolve(OK);
    const report = await settle(pending);
    expect(report.results['p1']?.queueTimeMs).toBe(0);
    expect(report.results['p5']?.queueTimeMs).toBe(40);
    expect(report.results['p10']?.queueTimeMs).toBe(100);
    expect(report.summary.success).toBe(3);
  });

  it("lets a later run's priority-1 critic overtake an earlier run's queued priority-10 critic", async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 1,
      critics: [
        sleeper(rec, 'blocker', 100, { policy: Policy.CONDITIONAL, condition: when('block') }),
        sleeper(rec, 'low', 10, {
          priority: 10,
          policy: Policy.CONDITIONAL,
          condition: when('low'),
        }),
        sleeper(rec, 'high', 10, {
          priority: 1,
          policy: Policy.CONDITIONAL,
          condition: when('high'),
        }),
      ],
    });

    const runs = [
      orchestrator.run(withRole('block')),
      orchestrator.run(withRole('low')),
      orchestrator.run(withRole('high')),
    ];
    await settle(Promise.all(runs));

    expect(rec.starts()).toEqual(['blocker', 'high', 'low']);
  });

  it.each([
    { label: 'after 0.5 s', arrivesAt: 500, first: 'high', order: ['high', 'low'] },
    { label: 'after 9.5 s', arrivesAt: 9_500, first: 'low', order: ['low', 'high'] },
  ])(
    'ages a waiting priority-10 critic so it is not starved: with a priority-1 critic arriving $label, $first goes first',
    async ({ arrivesAt, order }) => {
      const rec = recorder();
      const orchestrator = createOrchestrator({
        maxConcurrent: 1,
        critics: [
          sleeper(rec, 'blocker', 10_000, {
            timeoutMs: 60_000,
            policy: Policy.CONDITIONAL,
            condition: when('block'),
          }),
          sleeper(rec, 'low', 10, {
            priority: 10,
            policy: Policy.CONDITIONAL,
            condition: when('low'),
          }),
          sleeper(rec, 'high', 10, {
            priority: 1,
            policy: Policy.CONDITIONAL,
            condition: when('high'),
          }),
        ],
      });

      const block = orchestrator.run(withRole('block'));
      const low = orchestrator.run(withRole('low'));
      await vi.advanceTimersByTimeAsync(arrivesAt);
      const high = orchestrator.run(withRole('high'));
      await settle(Promise.all([block, low, high]));

      expect(rec.starts()).toEqual(['blocker', ...order]);
    },
  );

  it('gives priority-1 critics shorter queue times than priority-7 critics under contention, and finishes every run', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 2,
      critics: [
        sleeper(rec, 'urgent', 10, { priority: 1 }),
        sleeper(rec, 'routine', 10, { priority: 7 }),
      ],
    });

    const reports = await settle(
      Promise.all(Array.from({ length: 30 }, () => orchestrator.run(REQUEST))),
    );

    const all: CriticResult[] = reports.flatMap((r) => Object.values(r.results));
    expect(all).toHaveLength(60);
    expect(all.every((r) => r.status === 'success')).toBe(true);
    expect(rec.peak).toBe(2);

    const queueOf = (critic: string): number[] =>
      all.filter((r) => r.critic === critic).map((r) => r.queueTimeMs);
    const urgent = mean(queueOf('urgent'));
    const routine = mean(queueOf('routine'));
    expect(urgent).toBeLessThan(routine);
    // Every priority-1 critic is served before any queued priority-7 critic.
    expect(Math.max(...queueOf('urgent'))).toBeLessThanOrEqual(
      Math.min(...queueOf('routine').filter((t) => t > 0)),
    );

    const byPriority = orchestrator.metrics().queueTimeByPriority;
    expect(byPriority[1]?.count).toBe(30);
    expect(byPriority[7]?.count).toBe(30);
    expect(byPriority[1]?.mean).toBeCloseTo(urgent, 6);
    expect(byPriority[7]?.mean).toBeCloseTo(routine, 6);
    expect(byPriority[1]!.mean).toBeLessThan(byPriority[7]!.mean);
    expect(byPriority[5]).toBeUndefined();
  });
});

function when(role: string) {
  return (input: { context: Readonly<Record<string, unknown>> }) => input.context['role'] === role;
}

function withRole(role: string) {
  return { ...REQUEST, context: { role } };
}
