import { describe, expect, it } from 'vitest';
import { failureOutput, gatedOutput } from '../orchestrator/failure.js';
import type { CriticResult, FailureMode } from '../orchestrator/types.js';
import type { Status } from '../orchestrator/vocabulary.js';
import { decide, positionOf } from './aggregate.js';
import { readFinding } from './read-finding.js';
import type { DecisionOutcome } from './types.js';

type Output = Record<string, unknown>;

/** A finding-shaped output with one violation of the given severity (none at 0). */
function out(severity: number, extra: Output = {}): Output {
  return {
    value: severity >= 2 ? 'violation' : severity >= 1 ? 'concern' : 'pass',
    score: Math.min(1, severity / 3),
    severity,
    violation: severity >= 2,
    violations:
      severity > 0
        ? [{ category: 'test.issue', severity, description: `issue ${severity}`, evidence: [] }]
        : [],
    justification: severity > 0 ? `issue ${severity}` : 'clean',
    uncertainty: 0.1,
    ...extra,
  };
}

function result(
  critic: string,
  status: Status,
  output: Output,
  extra: Partial<CriticResult> = {},
): CriticResult {
  return {
    critic,
    status,
    output,
    stage: 'CORE_ANALYSIS',
    priority: 5,
    retryCount: 0,
    durationMs: 3,
    queueTimeMs: 0,
    validationErrors: [],
    ...extra,
  };
}

const ok = (critic: string, output: Output, extra: Partial<CriticResult> = {}): CriticResult =>
  result(critic, 'success', output, extra);

const failed = (critic: string, status: Status = 'error', error = 'boom'): CriticResult =>
  result(critic, status, failureOutput(error), { error });

const fallback = (critic: string, output: Output, status: Status = 'timeout'): CriticResult =>
  result(critic, status, output, { degraded: true, error: 'timed out' });

const gated = (critic: string, output: Output = gatedOutput('no violation yet')): CriticResult =>
  result(critic, 'gated', output, { gatingReason: 'no violation yet' });

function run(results: CriticResult[], modes: Record<string, FailureMode> = {}): DecisionOutcome {
  return decide({
    results: Object.fromEntries(results.map((r) => [r.critic, r])),
    policies: Object.fromEntries(
      Object.entries(modes).map(([name, failureMode]) => [name, { failureMode }]),
    ),
  });
}

const escalating = (tier: 'TIER_2' | 'TIER_3', clause: string, severity = 1): Output =>
  out(severity, { escalation: { tier, clause, rationale: `${clause} applies` } });

describe('decide: deny', () => {
  it.each<[number, string]>([
    [2.5, 'deny'],
    [3, 'deny'],
    [2.4, 'constrained_allow'],
  ])('a successful critic at severity %d leads to %s', (severity, decision) => {
    expect(run([ok('risk', out(severity))]).decision).toBe(decision);
  });

  it('denies on a cached success like on a fresh one', () => {
    expect(run([ok('risk', out(3), { fromCache: true })]).decision).toBe('deny');
  });

  it("does not deny on a fallback output's severity, but reports the critic as degraded", () => {
    const outcome = run([fallback('risk', out(3)), ok('truth', out(2))]);
    expect(outcome.decision).toBe('constrained_allow');
    expect(outcome.degraded).toEqual(['risk']);
    expect(outcome.averageSeverity).toBe(2.5);
  });

  it('denies when a critic that fails closed fails, with a critic_failed reason', () => {
    const outcome = run([failed('quick_safety', 'timeout', 'took too long'), ok('truth', out(0))], {
      quick_safety: 'closed',
    });
    expect(outcome.decision).toBe('deny');
    expect(outcome.degraded).toEqual(['quick_safety']);
    expect(outcome.reasons).toEqual([
      {
        critic: 'quick_safety',
        category: 'critic_failed',
        severity: 3,
        description: expect.stringMatching(/timeout: took too long/) as unknown,
        evidence: [],
      },
    ]);
    expect(outcome.escalation).toBeNull();
  });

  it('keeps the escalation alongside a deny', () => {
    const outcome = run([ok('risk', out(3)), ok('autonomy', escalating('TIER_3', 'A2'))]);
    expect(outcome.decision).toBe('deny');
    expect(outcome.escalation?.tier).toBe('TIER_3');
  });
});

describe('decide: failure modes', () => {
  it('escalates at TIER_2 when a critic that fails by escalation fails', () => {
    const outcome = run([failed('deep_analysis', 'circuit_open', 'breaker open')], {
      deep_analysis: 'escalate',
    });
    expect(outcome.decision).toBe('escalate');
    expect(outcome.degraded).toEqual(['deep_analysis']);
    expect(outcome.escalation).toEqual({
      tier: 'TIER_2',
      requiredAction: 'human_acknowledgement',
      signals: [
        {
          critic: 'deep_analysis',
          tier: 'TIER_2',
          clause: 'critic_unavailable',
          rationale: expect.stringMatching(/circuit_open: breaker open/) as unknown,
        },
      ],
    });
  });

  it.each<FailureMode | undefined>(['open', undefined])(
    'only lists a failed critic as degraded when it fails open (mode %s)',
    (mode) => {
      const outcome = run(
        [failed('style_checker'), ok('truth', out(0))],
        mode ? { style_checker: mode } : {},
      );
      expect(outcome).toEqual({
        decision: 'allow',
        escalation: null,
        dissent: [],
        reasons: [],
        degraded: ['style_checker'],
        averageSeverity: 0,
      });
    },
  );

  it.each<Status>(['error', 'timeout', 'circuit_open', 'rate_limited', 'cancelled'])(
    'treats status %s as a failure that its failure mode decides',
    (status) => {
      expect(run([failed('a', status)], { a: 'closed' }).decision).toBe('deny');
      expect(run([failed('a', status)], { a: 'escalate' }).decision).toBe('escalate');
      expect(run([failed('a', status)], { a: 'open' }).degraded).toEqual(['a']);
    },
  );

  it('fails open on a failure mode outside the contract', () => {
    const outcome = run([failed('a')], { a: 'strict' as FailureMode });
    expect(outcome).toMatchObject({ decision: 'allow', escalation: null, degraded: ['a'] });
  });

  it('reads a fallback output as the finding instead of applying the failure mode', () => {
    const outcome = run([fallback('a', out(0))], { a: 'closed' });
    expect(outcome.decision).toBe('allow');
    expect(outcome.degraded).toEqual(['a']);
  });

  it('lists degraded critics sorted by name', () => {
    const outcome = run([failed('zeta'), fallback('alpha', out(0)), failed('mid', 'cancelled')]);
    expect(outcome.degraded).toEqual(['alpha', 'mid', 'zeta']);
  });
});

describe('decide: escalation', () => {
  it('lets the highest tier win and sorts signals by tier, then critic', () => {
    const outcome = run([
      ok('rights', escalating('TIER_2', 'D1')),
      ok('fairness_eval', escalating('TIER_2', 'F2')),
      ok('autonomy', escalating('TIER_3', 'A2')),
    ]);
    expect(outcome.decision).toBe('escalate');
    expect(outcome.escalation?.tier).toBe('TIER_3');
    expect(outcome.escalation?.requiredAction).toBe('human_determination');
    expect(outcome.escalation?.signals.map((s) => [s.critic, s.tier, s.clause])).toEqual([
      ['autonomy', 'TIER_3', 'A2'],
      ['fairness_eval', 'TIER_2', 'F2'],
      ['rights', 'TIER_2', 'D1'],
    ]);
  });

  it('escalates on a signal even when nothing else weighs', () => {
    const outcome = run([ok('risk', escalating('TIER_2', 'P3', 0)), ok('truth', out(0))]);
    expect(outcome.decision).toBe('escalate');
    expect(outcome.escalation?.requiredAction).toBe('human_acknowledgement');
  });

  it.each<[string, number[], string]>([
    ['spread 1.13 around 1.6', [2.4, 2.4, 0], 'escalate'],
    ['spread exactly 1 around 1', [2, 0], 'escalate'],
    ['spread 0.5 around 1.5', [2, 1], 'constrained_allow'],
    ['spread 1.13 around an average below 1', [2.4, 0, 0], 'constrained_allow'],
  ])('on disagreement (%s) decides %s', (_label, severities, decision) => {
    const outcome = run(severities.map((s, i) => ok(`c${i}`, out(s))));
    expect(outcome.decision).toBe(decision);
    const panel = outcome.reasons.filter((r) => r.critic === 'panel');
    expect(panel.map((r) => r.category)).toEqual(decision === 'escalate' ? ['disagreement'] : []);
  });

  it.each<[string, number[], number[], string]>([
    ['mean 0.6 at average 1', [1, 1], [0.7, 0.5], 'escalate'],
    ['mean 0.9 at average 1.5', [2, 1], [0.9, 0.9], 'escalate'],
    ['mean 0.5 at average 1', [1, 1], [0.5, 0.5], 'constrained_allow'],
    ['mean 0.9 at an average below 1', [0.5, 0.5], [0.9, 0.9], 'allow'],
  ])('on uncertainty (%s) decides %s', (_label, severities, uncertainties, decision) => {
    const outcome = run(
      severities.map((s, i) => ok(`c${i}`, out(s, { uncertainty: uncertainties[i] }))),
    );
    expect(outcome.decision).toBe(decision);
    const panel = outcome.reasons.filter((r) => r.critic === 'panel');
    expect(panel.map((r) => r.category)).toEqual(decision === 'escalate' ? ['uncertainty'] : []);
  });

  it('gives a panel escalation a TIER_2 signal naming the rule', () => {
    const outcome = run([ok('a', out(2.4)), ok('b', out(2.4)), ok('c', out(0))]);
    expect(outcome.escalation).toEqual({
      tier: 'TIER_2',
      requiredAction: 'human_acknowledgement',
      signals: [
        {
          critic: 'panel',
          tier: 'TIER_2',
          clause: 'disagreement',
          rationale: expect.any(String) as unknown,
        },
      ],
    });
  });
});

describe('decide: constrained allow and allow', () => {
  it('allows a constrained response when any finding is a violation, whatever the average', () => {
    const outcome = run([ok('a', out(0.5, { violation: true })), ok('b', out(0)), ok('c', out(0))]);
    expect(outcome.decision).toBe('constrained_allow');
  });

  it('allows a constrained response when the average severity reaches 1', () => {
    const outcome = run([ok('a', out(1)), ok('b', out(1))]);
    expect(outcome.decision).toBe('constrained_allow');
    expect(outcome.averageSeverity).toBe(1);
  });

  it('allows when every critic is clean', () => {
    expect(run([ok('a', out(0)), ok('b', out(0.5))])).toMatchObject({
      decision: 'allow',
      escalation: null,
      reasons: [],
      degraded: [],
      averageSeverity: 0.25,
    });
  });

  it('allows an empty panel with an average of 0', () => {
    expect(run([])).toMatchObject({ decision: 'allow', averageSeverity: 0 });
  });

  it('ignores gated critics entirely, whatever their output says', () => {
    const scary = out(3, { escalation: { tier: 'TIER_3', clause: 'A2', rationale: 'r' } });
    const outcome = run([ok('a', out(1)), gated('deep_bias_check', scary), gated('g')], {
      deep_bias_check: 'closed',
    });
    expect(outcome).toMatchObject({
      decision: 'constrained_allow',
      escalation: null,
      degraded: [],
      averageSeverity: 1,
    });
    expect(outcome.reasons.map((r) => r.critic)).toEqual(['a']);
  });
});

describe('decide: dissent', () => {
  it('keeps a critic that reported a lesser finding than the deny, output verbatim', () => {
    const minority = out(1, { details: { custom: [1, { deep: true }] }, vendorField: 'kept' });
    const outcome = run([ok('risk', out(3)), ok('truth', minority), ok('style_checker', out(0))]);
    expect(outcome.decision).toBe('deny');
    expect(outcome.dissent).toEqual([
      {
        critic: 'truth',
        position: 'constrained_allow',
        severity: 1,
        justification: 'issue 1',
        output: minority,
      },
    ]);
    expect(outcome.dissent[0]?.output).toStrictEqual(minority);
  });

  it('keeps a critic that wanted more than the decision (a fallback that would deny)', () => {
    const harsh = out(3);
    const outcome = run([fallback('risk', harsh), ok('truth', out(2)), ok('rights', out(2))]);
    expect(outcome.decision).toBe('constrained_allow');
    expect(outcome.dissent).toEqual([
      { critic: 'risk', position: 'deny', severity: 3, justification: 'issue 3', output: harsh },
    ]);
  });

  it('keeps an unsure critic when the response is allowed, even with nothing to report', () => {
    const unsure = out(0, { uncertainty: 0.7 });
    const outcome = run([ok('truth', unsure), ok('risk', out(0))]);
    expect(outcome.decision).toBe('allow');
    expect(outcome.dissent).toEqual([
      { critic: 'truth', position: 'allow', severity: 0, justification: 'clean', output: unsure },
    ]);
  });

  it('does not count uncertainty as dissent from a deny or an escalation', () => {
    const unsure = out(0, { uncertainty: 0.95 });
    expect(run([ok('risk', out(3)), ok('truth', unsure)]).dissent).toEqual([]);
    expect(run([ok('risk', escalating('TIER_2', 'P3')), ok('truth', unsure)]).dissent).toEqual([]);
  });

  it('keeps no dissent from critics that agree or reported nothing', () => {
    const outcome = run([ok('a', out(1)), ok('b', out(2)), ok('c', out(0, { uncertainty: 0.69 }))]);
    expect(outcome.decision).toBe('constrained_allow');
    expect(outcome.dissent).toEqual([]);
  });

  it('keeps a critic that escalated when the decision is a deny', () => {
    const outcome = run([ok('risk', out(3)), ok('autonomy', escalating('TIER_2', 'A1'))]);
    expect(outcome.dissent.map((d) => [d.critic, d.position])).toEqual([['autonomy', 'escalate']]);
  });

  it.each<[string, Output, string]>([
    ['severity 2.5', out(2.5), 'deny'],
    ['an escalation at severity 2', escalating('TIER_2', 'A1', 2), 'escalate'],
    ['a violation at severity 0.5', out(0.5, { violation: true }), 'constrained_allow'],
    ['severity 1', out(1), 'constrained_allow'],
    ['severity 0.9', out(0.9), 'allow'],
  ])('takes a finding with %s alone to lead to %s', (_label, output, position) => {
    expect(positionOf(readFinding(output))).toBe(position);
  });
});

describe('decide: reasons', () => {
  it('lists every violation of severity 1 or more, sorted by severity, critic, category', () => {
    const span = { source: 'output', start: 0, end: 5, text: 'knife' } as const;
    const outcome = run([
      ok('zeta', {
        severity: 2,
        violations: [
          { category: 'b.cat', severity: 2, description: 'z-b', evidence: [span] },
          { category: 'a.cat', severity: 2, description: 'z-a', clause: 'D1', evidence: [] },
          { category: 'minor', severity: 0.9, description: 'too small', evidence: [] },
        ],
      }),
      ok('alpha', {
        severity: 2,
        violations: [{ category: 'c.cat', severity: 2, description: 'a-c', evidence: [] }],
      }),
      ok('mid', {
        severity: 2.4,
        violations: [{ category: 'x', severity: 2.4, description: 'm-x', evidence: [span] }],
      }),
    ]);
    expect(outcome.reasons.map((r) => [r.critic, r.category, r.severity])).toEqual([
      ['mid', 'x', 2.4],
      ['alpha', 'c.cat', 2],
      ['zeta', 'a.cat', 2],
      ['zeta', 'b.cat', 2],
    ]);
    expect(outcome.reasons[0]?.evidence).toEqual([span]);
    expect(outcome.reasons[2]).toEqual({
      critic: 'zeta',
      category: 'a.cat',
      clause: 'D1',
      severity: 2,
      description: 'z-a',
      evidence: [],
    });
    expect(outcome.reasons[3]).not.toHaveProperty('clause');
  });

  it('gives a critic that reports a severity without listing violations one reason', () => {
    const outcome = run([ok('vendor_moderation', { severity: 2, justification: 'flagged: hate' })]);
    expect(outcome.reasons).toEqual([
      {
        critic: 'vendor_moderation',
        category: 'unspecified',
        severity: 2,
        description: 'flagged: hate',
        evidence: [],
      },
    ]);
  });

  it('places the critic_failed reason among violations by severity', () => {
    const outcome = run([failed('b'), ok('a', out(2))], { b: 'closed' });
    expect(outcome.reasons.map((r) => [r.critic, r.category])).toEqual([
      ['b', 'critic_failed'],
      ['a', 'test.issue'],
    ]);
  });
});

describe('decide: robustness', () => {
  it('decides on garbage outputs without throwing, reading them as nothing found', () => {
    const outcome = run([
      ok('a', { value: 1, score: 0, severity: '3', violation: 'yes', violations: 'many' }),
      ok('b', { value: 1, score: 0, severity: Number.NaN, uncertainty: Number.NaN }),
      ok('c', { value: 1, score: 0, severity: -5, escalation: { tier: 'TIER_9', clause: 'A2' } }),
      ok('d', { value: 1, score: 0, violations: [null, 7, { evidence: [{ start: -1 }] }] }),
    ]);
    expect(outcome).toMatchObject({ decision: 'allow', escalation: null, averageSeverity: 0 });
  });

  it('clamps a huge severity to 3 and denies', () => {
    const outcome = run([ok('a', { value: 1, score: 1, severity: 1e308 })]);
    expect(outcome.decision).toBe('deny');
    expect(outcome.averageSeverity).toBe(3);
  });

  it('gives the same outcome whatever order the results come in, and leaves them untouched', () => {
    const results = [
      ok('b', escalating('TIER_2', 'F2', 2)),
      ok('a', out(1, { uncertainty: 0.9 })),
      failed('c'),
      ok('d', escalating('TIER_3', 'P1')),
    ];
    const frozen = results.map((r) => Object.freeze(structuredClone(r)));
    const forward = run(frozen, { c: 'escalate' });
    const backward = run([...frozen].reverse(), { c: 'escalate' });
    expect(backward).toEqual(forward);
    expect(frozen).toEqual(results);
  });
});
