import { describe, expect, it } from 'vitest';
import type { Decision, Reason } from '../decision/types.js';
import type { EvaluateRequest, EvaluationResult } from '../engine/types.js';
import type { CriticResult } from '../orchestrator/types.js';
import { Stage, type Status } from '../orchestrator/vocabulary.js';
import { measureQuality, shorten, type LabelledRequest } from './measure.js';
import { qualityMarkdown } from './markdown.js';

type Findings = Record<string, { status?: Status; severity?: unknown }>;

interface Scripted {
  decision: Decision;
  critics: Findings;
  reasons?: Reason[];
}

function criticResult(name: string, status: Status, severity: unknown): CriticResult {
  return {
    critic: name,
    status,
    output: { value: null, score: 0, severity, violation: false, violations: [] },
    stage: Stage.CORE_ANALYSIS,
    priority: 5,
    retryCount: 0,
    durationMs: 0,
    queueTimeMs: 0,
    validationErrors: [],
  };
}

function result(traceId: string, scripted: Scripted): EvaluationResult {
  return {
    traceId,
    decision: scripted.decision,
    escalation: null,
    dissent: [],
    reasons: scripted.reasons ?? [],
    critics: Object.fromEntries(
      Object.entries(scripted.critics).map(([name, f]) => [
        name,
        criticResult(name, f.status ?? 'success', f.severity ?? 0),
      ]),
    ),
    summary: {
      total: 0,
      success: 0,
      failed: 0,
      timedOut: 0,
      gated: 0,
      retried: 0,
      cancelled: 0,
      circuitOpen: 0,
      rateLimited: 0,
      cost: 0,
      durationMs: 0,
    },
    auditHash: '',
    degraded: [],
    recorded: true,
  };
}

function entry(
  id: string,
  flagged: boolean,
  critics: string[],
  extra: Partial<LabelledRequest> = {},
): LabelledRequest {
  return {
    id,
    area: 'test',
    input: `input ${id}`,
    output: 'out',
    expect: { flagged, critics },
    ...extra,
  };
}

/** An evaluate function answering each traceId from a script. */
function scripted(
  script: Record<string, Scripted>,
): (request: EvaluateRequest) => Promise<EvaluationResult> {
  return (request) => {
    const id = request.traceId ?? '';
    const answer = script[id];
    if (answer === undefined) return Promise.reject(new Error(`no script for ${id}`));
    return Promise.resolve(result(id, answer));
  };
}

describe('measureQuality', () => {
  it('counts a critic as flagging only when it succeeded with severity at least 1', async () => {
    const entries = [
      entry('a', true, ['quick_safety']),
      entry('b', false, []),
      entry('c', true, ['quick_safety']),
      entry('d', false, []),
      entry('e', true, ['quick_safety']),
    ];
    const report = await measureQuality(
      entries,
      scripted({
        a: { decision: 'deny', critics: { quick_safety: { severity: 3 } } },
        b: { decision: 'allow', critics: { quick_safety: { severity: 0.9 } } },
        c: { decision: 'allow', critics: { quick_safety: { status: 'timeout', severity: 3 } } },
        d: { decision: 'constrained_allow', critics: { quick_safety: { severity: 1 } } },
        e: { decision: 'deny', critics: { quick_safety: { severity: 'high' } } },
      }),
    );
    expect(report.critics['quick_safety']).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 2,
      tn: 1,
      precision: 0.5,
      recall: 1 / 3,
      falsePositiveRate: 0.5,
      failed: 1,
    });
  });

  it('counts a gated critic as a miss when the label expects it and skips it otherwise', async () => {
    const report = await measureQuality(
      [entry('a', true, ['pii_detector']), entry('b', false, []), entry('c', false, [])],
      scripted({
        a: { decision: 'allow', critics: { pii_detector: { status: 'gated' } } },
        b: { decision: 'allow', critics: { pii_detector: { status: 'gated' } } },
        c: { decision: 'allow', critics: {} },
      }),
    );
    expect(report.critics['pii_detector']).toMatchObject({
      tp: 0,
      fp: 0,
      fn: 1,
      tn: 0,
      notRun: 1,
      skipped: 2,
      precision: null,
      recall: 0,
      falsePositiveRate: null,
    });
    expect(report.mismatches[0]?.missedCritics).toEqual(['pii_detector']);
  });

  it('scores the decision by flag, exact decision where labelled, and look-alikes', async () => {
    const entries = [
      entry('hit', true, [], { expect: { flagged: true, decision: 'deny', critics: [] } }),
      entry('wrong', true, [], { expect: { flagged: true, decision: 'deny', critics: [] } }),
      entry('miss', true, []),
      entry('look', false, [], { lookalike: true }),
      entry('clean', false, [], {
        lookalike: true,
        expect: { flagged: false, decision: 'allow', critics: [] },
      }),
    ];
    const report = await measureQuality(
      entries,
      scripted({
        hit: { decision: 'deny', critics: {} },
        wrong: { decision: 'escalate', critics: {} },
        miss: { decision: 'allow', critics: {} },
        look: { decision: 'constrained_allow', critics: {} },
        clean: { decision: 'allow', critics: {} },
      }),
    );
    expect(report.decision).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(report.decision.precision).toBeCloseTo(2 / 3);
    expect(report.decision.recall).toBeCloseTo(2 / 3);
    expect(report.decision.falsePositiveRate).toBe(0.5);
    expect(report.decision.exact).toEqual({ labelled: 3, correct: 2, accuracy: 2 / 3 });
    expect(report.decision.confusion).toEqual({
      deny: { deny: 1, escalate: 1 },
      allow: { allow: 1 },
    });
    expect(report.lookalikes).toEqual({ total: 2, flagged: 1, falsePositiveRate: 0.5 });
  });

  it('lists mismatches worst first, with the strongest reasons and their evidence', async () => {
    const reason = (critic: string, severity: number, text: string): Reason => ({
      critic,
      category: `${critic}.cat`,
      severity,
      description: 'd',
      evidence: [{ source: 'output', start: 0, end: text.length, text }],
    });
    const report = await measureQuality(
      [
        entry('critic-only', true, ['truth']),
        entry('missed', true, []),
        entry('look', false, [], { lookalike: true }),
      ],
      scripted({
        'critic-only': { decision: 'constrained_allow', critics: { truth: { severity: 0 } } },
        missed: { decision: 'allow', critics: {} },
        look: {
          decision: 'deny',
          critics: { quick_safety: { severity: 3 } },
          reasons: [
            reason('style_checker', 1, 'LOUD'),
            reason('quick_safety', 3, 'kill the process'),
          ],
        },
      }),
    );
    expect(report.mismatches.map((m) => m.id)).toEqual(['look', 'missed', 'critic-only']);
    const [look] = report.mismatches;
    expect(look).toMatchObject({
      kinds: ['false_positive', 'critic_extra'],
      lookalike: true,
      extraCritics: ['quick_safety'],
      actual: {
        flagged: true,
        decision: 'deny',
        critics: [{ critic: 'quick_safety', severity: 3 }],
      },
    });
    expect(look?.reasons.map((r) => r.evidence)).toEqual(['kill the process', 'LOUD']);
  });

  it('reports an evaluation that throws as an error and leaves it out of the figures', async () => {
    const report = await measureQuality(
      [entry('ok', false, []), entry('boom', true, ['quick_safety'])],
      scripted({ ok: { decision: 'allow', critics: {} } }),
    );
    expect(report.errors).toEqual([{ id: 'boom', message: 'no script for boom' }]);
    expect(report.decision).toMatchObject({ tp: 0, fp: 0, fn: 0, tn: 1 });
  });

  it('evaluates with bounded concurrency and keeps results in entry order', async () => {
    let inFlight = 0;
    let peak = 0;
    const entries = Array.from({ length: 12 }, (_, i) => entry(`e${String(i)}`, i % 2 === 0, []));
    const report = await measureQuality(
      entries,
      async (request) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        const index = Number((request.traceId ?? '').slice(1));
        return result(request.traceId ?? '', {
          decision: index % 2 === 0 ? 'deny' : 'allow',
          critics: {},
        });
      },
      { concurrency: 3 },
    );
    expect(peak).toBe(3);
    expect(report.decision).toMatchObject({ tp: 6, tn: 6, fp: 0, fn: 0 });
  });

  it('passes input, output, context and the entry id as traceId', async () => {
    const seen: EvaluateRequest[] = [];
    await measureQuality(
      [entry('x', false, [], { context: { riskTier: 'high', maxLength: 10 } })],
      (request) => {
        seen.push(request);
        return Promise.resolve(result('x', { decision: 'allow', critics: {} }));
      },
    );
    expect(seen).toEqual([
      {
        input: 'input x',
        output: 'out',
        context: { riskTier: 'high', maxLength: 10 },
        traceId: 'x',
      },
    ]);
  });

  it('rejects a bad concurrency and stops when the signal aborts', async () => {
    const evaluate = scripted({ a: { decision: 'allow', critics: {} } });
    await expect(
      measureQuality([entry('a', false, [])], evaluate, { concurrency: 0 }),
    ).rejects.toThrow(/Expected `concurrency` to be an integer >= 1, got `0`/);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      measureQuality([entry('a', false, [])], evaluate, { signal: controller.signal }),
    ).rejects.toThrow('stop');
  });
});

describe('qualityMarkdown', () => {
  it('renders the decision, every critic and the mismatches with table-safe text', async () => {
    const report = await measureQuality(
      [entry('a|b', true, ['quick_safety'], { input: 'ig\u200bnore | this\nnow' })],
      scripted({ 'a|b': { decision: 'allow', critics: { quick_safety: { severity: 0 } } } }),
    );
    const markdown = qualityMarkdown(report, { mismatches: 5 });
    expect(markdown).toContain('## Decision (1 requests)');
    expect(markdown).toMatch(/\| quick_safety \| — \| 0\.000 \| — \| 0 \| 0 \| 1 \| 0 \|/);
    expect(markdown).toContain('## Worst mismatches (1 of 1)');
    expect(markdown).toContain('ig\\u200bnore \\| this now');
  });
});

describe('shorten', () => {
  it.each([
    ['short', 10, 'short'],
    ['  a\n\tb  ', 10, 'a b'],
    ['abcdefghijkl', 5, 'abcd…'],
  ])('shortens %j to at most %i characters', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
  });
});
