import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import { deferred, OK, recorder, REQUEST, settle, sleeper } from './test-helpers/fixtures.js';
import type { CriticInput, CriticOutput, CriticSpec } from './types.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets every pending promise callback run (no fake time passes). */
async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

/** A critic that records what it received and answers `output`. */
function seeing(
  name: string,
  seen: Map<string, CriticInput>,
  extra: Partial<CriticSpec> = {},
  output: CriticOutput = OK,
): CriticSpec {
  return {
    name,
    ...extra,
    evaluate: (input) => {
      seen.set(name, input);
      return output;
    },
  };
}

describe('orchestrator dependencies', () => {
  it('starts each critic only after its dependencies settled and hands it exactly their outputs', async () => {
    const outA = { value: 'a', score: 0.1, details: { from: 'a' } };
    const outB = { value: 'b', score: 0.2, violations: ['x'] };
    const holdA = deferred<CriticOutput>();
    const holdB = deferred<CriticOutput>();
    const started: string[] = [];
    const seen = new Map<string, CriticInput>();
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'c',
          dependsOn: ['a', 'b'],
          evaluate: (input) => {
            started.push('c');
            seen.set('c', input);
            return OK;
          },
        },
        {
          name: 'b',
          dependsOn: ['a'],
          evaluate: (input) => {
            started.push('b');
            seen.set('b', input);
            return holdB.promise;
          },
        },
        {
          name: 'a',
          evaluate: (input) => {
            started.push('a');
            seen.set('a', input);
            return holdA.promise;
          },
        },
      ],
    });

    const pending = orchestrator.run(REQUEST);
    await flush();
    expect(started).toEqual(['a']);

    holdA.resolve(outA);
    await flush();
    expect(started).toEqual(['a', 'b']);
    expect(seen.get('b')?.priorResults).toEqual({ a: outA });

    holdB.resolve(outB);
    const report = await settle(pending);

    expect(started).toEqual(['a', 'b', 'c']);
    const priors = seen.get('c')?.priorResults;
    expect(Object.keys(priors ?? {}).sort()).toEqual(['a', 'b']);
    expect(priors).toEqual({ a: outA, b: outB });
    expect(seen.get('a')?.priorResults).toEqual({});
    expect(report.results['c']?.status).toBe('success');
  });

  it('waits for the slowest dependency, not the first to settle', async () => {
    const rec = recorder();
    const orchestrator = createOrchestrator({
      critics: [
        sleeper(rec, 'fast_dep', 50),
        sleeper(rec, 'slow_dep', 200),
        sleeper(rec, 'dependent', 10, { dependsOn: ['fast_dep', 'slow_dep'] }),
      ],
    });

    await settle(orchestrator.run(REQUEST));

    const at = (critic: string, kind: 'start' | 'end'): number =>
      rec.events.find((e) => e.critic === critic && e.kind === kind)?.at ?? Number.NaN;
    expect(at('dependent', 'start')).toBe(at('slow_dep', 'end'));
    expect(at('dependent', 'start')).toBe(200);
    for (const dep of ['fast_dep', 'slow_dep']) {
      expect(at('dependent', 'start')).toBeGreaterThanOrEqual(at(dep, 'end'));
    }
  });

  it.each([
    ['with spare capacity', 10],
    ['with capacity 1', 1],
  ])(
    'gives a critic without dependencies an empty priorResults even when others finished first (%s)',
    async (_label, maxConcurrent) => {
      const seen = new Map<string, CriticInput>();
      const orchestrator = createOrchestrator({
        maxConcurrent,
        stageBarrier: true,
        critics: [
          seeing(
            'early',
            seen,
            { stage: Stage.PRE_VALIDATION },
            { value: 1, score: 1, violation: true },
          ),
          seeing('middle', seen, { stage: Stage.CORE_ANALYSIS, dependsOn: ['early'] }),
          seeing('late', seen, { stage: Stage.POST_PROCESSING }),
        ],
      });

      const report = await settle(orchestrator.run(REQUEST));

      expect(report.results['early']?.status).toBe('success');
      expect(report.results['middle']?.status).toBe('success');
      expect(seen.get('middle')?.priorResults).toEqual({
        early: { value: 1, score: 1, violation: true },
      });
      expect(seen.get('late')?.priorResults).toEqual({});
      expect(seen.has('late')).toBe(true);
    },
  );

  it('runs a dependent of a gated critic and shows it no output from that critic', async () => {
    const seen = new Map<string, CriticInput>();
    const gatedEvaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      critics: [
        seeing('first', seen, {}, { value: 1, score: 0, violation: false }),
        { name: 'only_on_violation', policy: Policy.ON_VIOLATION, evaluate: gatedEvaluate },
        seeing('dependent', seen, { dependsOn: ['only_on_violation', 'first'] }),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['only_on_violation']?.status).toBe('gated');
    expect(gatedEvaluate).not.toHaveBeenCalled();
    expect(report.results['dependent']?.status).toBe('success');
    expect(seen.get('dependent')?.priorResults).toEqual({
      first: { value: 1, score: 0, violation: false },
    });
    expect(seen.get('dependent')?.priorResults).not.toHaveProperty('only_on_violation');
  });

  it('runs a dependent of a failed critic, which sees the failure template', async () => {
    const seen = new Map<string, CriticInput>();
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'broken',
          maxRetries: 0,
          evaluate: () => {
            throw new Error('boom');
          },
        },
        seeing('dependent', seen, { dependsOn: ['broken'] }),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['broken']?.status).toBe('error');
    expect(report.results['dependent']?.status).toBe('success');
    expect(seen.get('dependent')?.priorResults['broken']).toMatchObject({
      value: null,
      score: 0,
      details: { critic_failed: true, error: 'boom' },
    });
  });

  it('runs a dependent of a timed-out critic once the timeout fires', async () => {
    const seen = new Map<string, CriticInput>();
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'hanging',
          timeoutMs: 100,
          maxRetries: 0,
          evaluate: () => new Promise<CriticOutput>(() => undefined),
        },
        seeing('dependent', seen, { dependsOn: ['hanging'] }),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['hanging']?.status).toBe('timeout');
    expect(report.results['dependent']?.status).toBe('success');
    expect(report.summary.durationMs).toBe(100);
    expect(seen.has('dependent')).toBe(true);
  });
});
