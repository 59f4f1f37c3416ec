import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import { recorder, REQUEST, settle, sleeper, type Recorder } from './test-helpers/fixtures.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

function startOf(rec: Recorder, critic: string): number {
  const event = rec.events.find((e) => e.critic === critic && e.kind === 'start');
  if (event === undefined) throw new Error(`${critic} never started`);
  return event.at;
}

function endOf(rec: Recorder, critic: string): number {
  const event = rec.events.find((e) => e.critic === critic && e.kind === 'end');
  if (event === undefined) throw new Error(`${critic} never ended`);
  return event.at;
}

describe('orchestrator stages', () => {
  it('starts PRE_VALIDATION before CORE_ANALYSIS before POST_PROCESSING when capacity is 1', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 1,
      critics: [
        sleeper(rec, 'post', 100, { stage: Stage.POST_PROCESSING }),
        sleeper(rec, 'pre', 100, { stage: Stage.PRE_VALIDATION }),
        sleeper(rec, 'core', 100, { stage: Stage.CORE_ANALYSIS }),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(rec.starts()).toEqual(['pre', 'core', 'post']);
    expect(rec.peak).toBe(1);
    expect(startOf(rec, 'core')).toBeGreaterThanOrEqual(endOf(rec, 'pre'));
    expect(startOf(rec, 'post')).toBeGreaterThanOrEqual(endOf(rec, 'core'));
    expect(Object.values(report.results).map((r) => r.status)).toEqual([
      'success',
      'success',
      'success',
    ]);
    expect(orchestrator.critics.map((c) => c.name)).toEqual(['pre', 'core', 'post']);
  });

  it('makes a later stage wait for every earlier stage with stageBarrier, even with spare capacity', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 10,
      stageBarrier: true,
      critics: [
        sleeper(rec, 'core', 50, { stage: Stage.CORE_ANALYSIS }),
        sleeper(rec, 'pre_short', 100, { stage: Stage.PRE_VALIDATION }),
        sleeper(rec, 'pre_long', 300, { stage: Stage.PRE_VALIDATION }),
        sleeper(rec, 'fast', 10, { stage: Stage.FAST_CRITICS }),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    // Critics of one stage still overlap with each other.
    expect(startOf(rec, 'pre_short')).toBe(0);
    expect(startOf(rec, 'pre_long')).toBe(0);
    // FAST_CRITICS waits for both PRE_VALIDATION critics, CORE_ANALYSIS for all of them.
    expect(startOf(rec, 'fast')).toBe(endOf(rec, 'pre_long'));
    expect(startOf(rec, 'fast')).toBe(300);
    expect(startOf(rec, 'core')).toBe(endOf(rec, 'fast'));
    expect(startOf(rec, 'core')).toBe(310);
    expect(report.summary.durationMs).toBe(360);
    expect(report.summary.success).toBe(4);
  });

  it('overlaps independent ALWAYS critics of different stages without stageBarrier (critical path, not sum)', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      maxConcurrent: 10,
      critics: [
        sleeper(rec, 'pre', 100, { stage: Stage.PRE_VALIDATION }),
        sleeper(rec, 'core', 200, { stage: Stage.CORE_ANALYSIS }),
        sleeper(rec, 'later', 150, { stage: Stage.DEEP_ANALYSIS, policy: Policy.ALWAYS }),
        sleeper(rec, 'post', 100, { stage: Stage.POST_PROCESSING }),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(rec.events.filter((e) => e.kind === 'start').map((e) => e.at)).toEqual([0, 0, 0, 0]);
    expect(rec.peak).toBe(4);
    // The longest critic, not the sum of 550 ms.
    expect(report.summary.durationMs).toBe(200);
    expect(report.summary.success).toBe(4);
  });

  it('follows the critical path when a dependency chain crosses stages', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      critics: [
        sleeper(rec, 'pre', 100, { stage: Stage.PRE_VALIDATION }),
        sleeper(rec, 'core', 100, { stage: Stage.CORE_ANALYSIS, dependsOn: ['pre'] }),
        sleeper(rec, 'side', 150, { stage: Stage.CORE_ANALYSIS }),
        sleeper(rec, 'post', 100, { stage: Stage.POST_PROCESSING, dependsOn: ['core'] }),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(startOf(rec, 'side')).toBe(0);
    expect(startOf(rec, 'core')).toBe(100);
    expect(startOf(rec, 'post')).toBe(200);
    expect(report.summary.durationMs).toBe(300);
  });
});
