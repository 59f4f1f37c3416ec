import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import { OK, recorder, REQUEST, settle, sleeper } from './test-helpers/fixtures.js';
import type { CriticOutput, CriticSpec, RunContext } from './types.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

function answering(
  name: string,
  output: CriticOutput,
  extra: Partial<CriticSpec> = {},
): CriticSpec {
  return { name, ...extra, evaluate: () => output };
}

function request(context: RunContext = {}) {
  return { ...REQUEST, context };
}

describe('orchestrator gating', () => {
  it('completes a run once when the last settling critic releases one that is gated at once', async () => {
    // Settling `fast` releases `deep` (ON_VIOLATION waits for all before it), which is gated
    // synchronously inside that settle: the run must still finish exactly once.
    const orchestrator = createOrchestrator({
      critics: [
        answering('fast', OK),
        answering('deep', OK, { policy: Policy.ON_VIOLATION, stage: Stage.DEEP_ANALYSIS }),
      ],
    });
    const completions = vi.fn();
    orchestrator.on('runComplete', completions);

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['deep']?.status).toBe('gated');
    expect(completions).toHaveBeenCalledOnce();
    expect(orchestrator.metrics().runs).toBe(1);
  });

  it('runs ALWAYS critics', async () => {
    const evaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      critics: [{ name: 'always', policy: Policy.ALWAYS, evaluate }],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(evaluate).toHaveBeenCalledOnce();
    expect(report.results['always']?.status).toBe('success');
    expect(report.results['always']?.gatingReason).toBeUndefined();
  });

  it('gates ON_VIOLATION critics with no_prior_violations and never calls them', async () => {
    const evaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      critics: [
        answering('clean', { value: 1, score: 0, violation: false }, { priority: 1 }),
        { name: 'follow_up', policy: Policy.ON_VIOLATION, priority: 5, evaluate },
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    const result = report.results['follow_up'];
    expect(result?.status).toBe('gated');
    expect(result?.gatingReason).toBe('no_prior_violations');
    expect(result?.output).toMatchObject({ value: null, score: 0, violation: false });
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('runs a same-stage ON_VIOLATION critic of lower priority when a higher-priority critic reported a violation', async () => {
    const rec = recorder();
    const evaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      critics: [
        // Declared first, but ordered after the finder by priority.
        {
          name: 'follow_up',
          stage: Stage.CORE_ANALYSIS,
          priority: 8,
          policy: Policy.ON_VIOLATION,
          evaluate,
        },
        sleeper(
          rec,
          'finder',
          100,
          { stage: Stage.CORE_ANALYSIS, priority: 2 },
          { value: 1, score: 0.9, violation: true },
        ),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['finder']?.status).toBe('success');
    expect(report.results['follow_up']?.status).toBe('success');
    expect(evaluate).toHaveBeenCalledOnce();
    expect(report.summary.durationMs).toBe(100);
  });

  it('does not count a failed critic as a violation', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'broken',
          priority: 1,
          maxRetries: 0,
          evaluate: () => {
            throw new Error('boom');
          },
        },
        answering('follow_up', OK, { priority: 5, policy: Policy.ON_VIOLATION }),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['follow_up']?.gatingReason).toBe('no_prior_violations');
  });

  it('gates ON_HIGH_RISK on a medium risk tier and runs it on high with the same orchestrator', async () => {
    const evaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      critics: [{ name: 'risky', policy: Policy.ON_HIGH_RISK, evaluate }],
    });

    const medium = await settle(orchestrator.run(request({ riskTier: 'medium' })));
    expect(medium.results['risky']?.status).toBe('gated');
    expect(medium.results['risky']?.gatingReason).toBe('risk_tier_not_high: medium');
    expect(evaluate).not.toHaveBeenCalled();

    const high = await settle(orchestrator.run(request({ riskTier: 'high' })));
    expect(high.results['risky']?.status).toBe('success');
    expect(high.results['risky']?.gatingReason).toBeUndefined();
    expect(evaluate).toHaveBeenCalledOnce();

    const unset = await settle(orchestrator.run(REQUEST));
    expect(unset.results['risky']?.status).toBe('gated');
    expect(unset.results['risky']?.gatingReason).toMatch(/^risk_tier_not_high: /);
  });

  it.each([
    { label: 'true', condition: () => true, status: 'success', reason: undefined },
    {
      label: 'false',
      condition: () => false,
      status: 'gated',
      reason: 'conditional_policy_not_met',
    },
  ])('follows a CONDITIONAL predicate returning $label', async ({ condition, status, reason }) => {
    const evaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      critics: [{ name: 'conditional', policy: Policy.CONDITIONAL, condition, evaluate }],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['conditional']?.status).toBe(status);
    expect(report.results['conditional']?.gatingReason).toBe(reason);
    expect(evaluate).toHaveBeenCalledTimes(status === 'success' ? 1 : 0);
  });

  it('hands the CONDITIONAL predicate the request', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        answering('medical', OK, {
          policy: Policy.CONDITIONAL,
          condition: (input) => input.inputText.includes('dose'),
        }),
      ],
    });

    const yes = await settle(orchestrator.run({ ...REQUEST, inputText: 'what dose?' }));
    const no = await settle(orchestrator.run({ ...REQUEST, inputText: 'what weather?' }));

    expect(yes.results['medical']?.status).toBe('success');
    expect(no.results['medical']?.status).toBe('gated');
  });

  it('gates with policy_evaluation_error when the CONDITIONAL predicate throws, and the run goes on', async () => {
    const evaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'conditional',
          policy: Policy.CONDITIONAL,
          condition: () => {
            throw new Error('predicate broke');
          },
          evaluate,
        },
        answering('other', OK),
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    const result = report.results['conditional'];
    expect(result?.status).toBe('gated');
    expect(result?.gatingReason?.startsWith('policy_evaluation_error')).toBe(true);
    expect(result?.gatingReason).toContain('predicate broke');
    expect(evaluate).not.toHaveBeenCalled();
    expect(report.results['other']?.status).toBe('success');
  });

  it('runs ON_UNCERTAINTY when an earlier critic reports uncertainty 0.9', async () => {
    const rec = recorder();
    const evaluate = vi.fn(() => OK);
    const orchestrator = createOrchestrator({
      critics: [
        sleeper(rec, 'unsure', 50, { stage: Stage.FAST_CRITICS }, { ...OK, uncertainty: 0.9 }),
        {
          name: 'second_look',
          stage: Stage.CORE_ANALYSIS,
          policy: Policy.ON_UNCERTAINTY,
          evaluate,
        },
      ],
    });

    const report = await settle(orchestrator.run(REQUEST));

    expect(report.results['second_look']?.status).toBe('success');
    expect(evaluate).toHaveBeenCalledOnce();
  });

  it.each([
    { label: 'missing', output: { ...OK } },
    { label: 'the string "high"', output: { ...OK, uncertainty: 'high' } },
    { label: 'NaN', output: { ...OK, uncertainty: Number.NaN } },
    { label: 'null', output: { ...OK, uncertainty: null } },
    { label: 'at the threshold (0.7)', output: { ...OK, uncertainty: 0.7 } },
  ])(
    'gates ON_UNCERTAINTY with no_high_uncertainty when the earlier uncertainty is $label',
    async ({ output }) => {
      const evaluate = vi.fn(() => OK);
      const orchestrator = createOrchestrator({
        critics: [
          answering('reporter', output, { priority: 1 }),
          { name: 'second_look', priority: 5, policy: Policy.ON_UNCERTAINTY, evaluate },
        ],
      });

      const report = await settle(orchestrator.run(REQUEST));

      expect(report.results['reporter']?.status).toBe('success');
      expect(report.results['second_look']?.status).toBe('gated');
      expect(report.results['second_look']?.gatingReason).toBe('no_high_uncertainty');
      expect(evaluate).not.toHaveBeenCalled();
    },
  );

  it('runs every critic when enableGating is false', async () => {
    const calls: string[] = [];
    const spy = (name: string, extra: Partial<CriticSpec>): CriticSpec => ({
      name,
      ...extra,
      evaluate: () => {
        calls.push(name);
        return OK;
      },
    });
    const orchestrator = createOrchestrator({
      enableGating: false,
      critics: [
        spy('violation_only', { policy: Policy.ON_VIOLATION }),
        spy('high_risk_only', { policy: Policy.ON_HIGH_RISK }),
        spy('uncertain_only', { policy: Policy.ON_UNCERTAINTY }),
        spy('never', { policy: Policy.CONDITIONAL, condition: () => false }),
        spy('always', { policy: Policy.ALWAYS }),
      ],
    });

    const report = await settle(orchestrator.run(request({ riskTier: 'low' })));

    expect(calls.sort()).toEqual(
      ['always', 'high_risk_only', 'never', 'uncertain_only', 'violation_only'].sort(),
    );
    expect(Object.values(report.results).every((r) => r.status === 'success')).toBe(true);
    expect(report.summary).toMatchObject({ total: 5, success: 5, gated: 0 });
  });

  it('counts gated critics in the summary and the metrics, outside the total', async () => {
    const gatedEvents: { critic: string; reason: string }[] = [];
    const orchestrator = createOrchestrator({
      critics: [
        answering('first', OK, { priority: 1 }),
        answering('on_violation', OK, { priority: 5, policy: Policy.ON_VIOLATION }),
        answering('high_risk', OK, { policy: Policy.ON_HIGH_RISK }),
        answering('conditional', OK, { policy: Policy.CONDITIONAL, condition: () => false }),
      ],
    });
    orchestrator.on('gated', ({ critic, reason }) => gatedEvents.push({ critic, reason }));

    const first = await settle(orchestrator.run(request({ riskTier: 'low' })));
    const second = await settle(orchestrator.run(request({ riskTier: 'high' })));

    expect(first.summary).toMatchObject({ total: 1, success: 1, gated: 3 });
    expect(second.summary).toMatchObject({ total: 2, success: 2, gated: 2 });
    const metrics = orchestrator.metrics();
    expect(metrics.gated).toBe(5);
    expect(metrics.total).toBe(3);
    expect(metrics.success).toBe(3);
    expect(metrics.critics['on_violation']?.gated).toBe(2);
    expect(metrics.critics['high_risk']?.gated).toBe(1);
    expect(metrics.critics['high_risk']?.success).toBe(1);
    expect(metrics.critics['conditional']?.gated).toBe(2);
    expect(metrics.critics['first']?.gated).toBe(0);
    expect(gatedEvents).toContainEqual({ critic: 'high_risk', reason: 'risk_tier_not_high: low' });
    expect(gatedEvents).toHaveLength(5);
  });
});
