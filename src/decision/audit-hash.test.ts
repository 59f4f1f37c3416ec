import { describe, expect, it } from 'vitest';
import { failureOutput } from '../orchestrator/failure.js';
import type { CriticResult } from '../orchestrator/types.js';
import { decide } from './aggregate.js';
import { auditHash, auditPayload, canonicalJson, hashAuditPayload } from './audit-hash.js';
import type { AuditSubject } from './audit-hash.js';

const SPAN = { source: 'output', start: 7, end: 12, text: 'knife' } as const;

function riskOutput(severity = 2): Record<string, unknown> {
  return {
    value: 'violation',
    score: 0.67,
    severity,
    violation: true,
    violations: [{ category: 'weapons', severity, description: 'weapon', evidence: [SPAN] }],
    justification: 'weapon',
    uncertainty: 0.2,
  };
}

/** The output above with every key in reverse order, nested ones included. */
function reversedRiskOutput(): Record<string, unknown> {
  return {
    uncertainty: 0.2,
    justification: 'weapon',
    violations: [
      {
        evidence: [{ text: 'knife', end: 12, start: 7, source: 'output' }],
        description: 'weapon',
        severity: 2,
        category: 'weapons',
      },
    ],
    violation: true,
    severity: 2,
    score: 0.67,
    value: 'violation',
  };
}

function result(critic: string, extra: Partial<CriticResult> = {}): CriticResult {
  return {
    critic,
    status: 'success',
    output: { value: 'pass', score: 0, severity: 0, violations: [], uncertainty: 0.1 },
    stage: 'CORE_ANALYSIS',
    priority: 5,
    retryCount: 0,
    durationMs: 4,
    queueTimeMs: 0,
    validationErrors: [],
    ...extra,
  };
}

function subject(results: CriticResult[], extra: Partial<AuditSubject> = {}): AuditSubject {
  const record = Object.fromEntries(results.map((r) => [r.critic, r]));
  return {
    request: {
      input: 'how do I sharpen',
      output: 'Use a knife sharpener',
      context: { riskTier: 'low', locale: 'en' },
    },
    configVersion: 'cfg-1',
    outcome: decide({ results: record, policies: {} }),
    results: record,
    ...extra,
  };
}

const BASE = (): CriticResult[] => [
  result('risk', { output: riskOutput() }),
  result('truth'),
  result('deep_analysis', {
    status: 'timeout',
    output: failureOutput('timed out after 10000 ms'),
    error: 'timed out',
  }),
  result('deep_bias_check', { status: 'gated', gatingReason: 'no violation yet' }),
];

describe('auditHash', () => {
  it('is a hex SHA-256 and stable for identical inputs', () => {
    const hash = auditHash(subject(BASE()));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(subject(BASE()))).toBe(hash);
  });

  it('ignores ids, timings, queue times, retry counts, cache provenance and key order', () => {
    const noisy = BASE().map((r, i) => ({
      ...r,
      durationMs: 1000 + i,
      queueTimeMs: 50 * i,
      retryCount: i,
      fromCache: true,
      validationErrors: ['late'],
      traceId: `trace-${i}`,
    }));
    const reordered: CriticResult[] = [...noisy].reverse();
    const risk = reordered.find((r) => r.critic === 'risk');
    if (risk) risk.output = reversedRiskOutput();
    const noisySubject = subject(reordered, {
      request: {
        context: { locale: 'en', riskTier: 'low' },
        output: 'Use a knife sharpener',
        input: 'how do I sharpen',
      },
    });
    expect(auditHash(noisySubject)).toBe(auditHash(subject(BASE())));
  });

  it('leaves the failure text of a critic without output out of the hash', () => {
    const other = BASE().map((r) =>
      r.critic === 'deep_analysis' ? { ...r, output: failureOutput('timed out after 9731 ms') } : r,
    );
    expect(auditHash(subject(other))).toBe(auditHash(subject(BASE())));
  });

  const base = subject(BASE());
  const withRisk = (patch: Partial<CriticResult>): AuditSubject => ({
    ...base,
    results: { ...base.results, risk: { ...result('risk', { output: riskOutput() }), ...patch } },
  });
  it.each<[string, AuditSubject]>([
    ['a finding severity changes', withRisk({ output: riskOutput(2.1) })],
    [
      'an evidence offset changes',
      withRisk({
        output: {
          ...riskOutput(),
          violations: [
            {
              category: 'weapons',
              severity: 2,
              description: 'weapon',
              evidence: [{ ...SPAN, start: 8, text: 'nife' }],
            },
          ],
        },
      }),
    ],
    ['a finding gains a field', withRisk({ output: { ...riskOutput(), details: { n: 1 } } })],
    ['a status changes', withRisk({ status: 'error', degraded: true })],
    [
      'a gating reason changes',
      {
        ...base,
        results: {
          ...base.results,
          deep_bias_check: result('deep_bias_check', { status: 'gated', gatingReason: 'low risk' }),
        },
      },
    ],
    ['the decision changes', { ...base, outcome: { ...base.outcome, decision: 'deny' } }],
    ['the reasons change', { ...base, outcome: { ...base.outcome, reasons: [] } }],
    ['the degraded list changes', { ...base, outcome: { ...base.outcome, degraded: [] } }],
    [
      'the request input changes',
      { ...base, request: { ...base.request, input: 'how do I sharpen?' } },
    ],
    [
      'the request output changes',
      { ...base, request: { ...base.request, output: 'Use a whetstone' } },
    ],
    [
      'the context changes',
      { ...base, request: { ...base.request, context: { riskTier: 'high' } } },
    ],
    ['the configuration version changes', { ...base, configVersion: 'cfg-2' }],
  ])('changes when %s', (_label, changed) => {
    expect(auditHash(changed)).not.toBe(auditHash(base));
  });

  it('covers exactly the documented fields and none of the run noise', () => {
    const payload = auditPayload(subject(BASE()));
    expect(Object.keys(payload).sort()).toEqual([
      'configVersion',
      'decision',
      'degraded',
      'dissent',
      'escalation',
      'findings',
      'reasons',
      'request',
      'version',
    ]);
    expect(payload.version).toBe('eleanor-audit/1');
    expect(payload.findings).toEqual([
      { critic: 'deep_analysis', status: 'timeout' },
      { critic: 'deep_bias_check', status: 'gated', gatingReason: 'no violation yet' },
      { critic: 'risk', status: 'success', output: riskOutput() },
      { critic: 'truth', status: 'success', output: BASE()[1]?.output },
    ]);
    const json = JSON.stringify(payload);
    for (const noise of ['durationMs', 'queueTimeMs', 'retryCount', 'traceId', 'fromCache']) {
      expect(json).not.toContain(noise);
    }
  });

  it('can be recomputed from a stored payload', () => {
    const s = subject(BASE());
    const stored: unknown = JSON.parse(JSON.stringify(auditPayload(s)));
    expect(hashAuditPayload(stored as ReturnType<typeof auditPayload>)).toBe(auditHash(s));
  });

  it('treats a missing context like an empty one', () => {
    const s = subject(BASE());
    const request = { input: s.request.input, output: s.request.output };
    expect(auditHash({ ...s, request })).toBe(
      auditHash({ ...s, request: { ...request, context: {} } }),
    );
  });

  it('hashes outputs JSON cannot represent without throwing', () => {
    const cyclic: Record<string, unknown> = { value: 'pass', score: 0 };
    cyclic['self'] = cyclic;
    const odd = result('odd', {
      output: {
        value: 'pass',
        score: Number.NaN,
        severity: Number.POSITIVE_INFINITY,
        gone: undefined,
        fn: () => 1,
        sym: Symbol('s'),
        big: 10n,
        when: new Date(0),
        list: [undefined, Number.NEGATIVE_INFINITY, () => 2],
        cyclic,
      },
    });
    const hash = auditHash(subject([odd]));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(auditHash(subject([odd])));
  });
});

describe('canonicalJson', () => {
  it('sorts keys and drops undefined (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: [1, 'x'], c: undefined, d: { z: null, y: true } })).toBe(
      '{"a":[1,"x"],"b":1,"d":{"y":true,"z":null}}',
    );
  });

  it('writes numbers in their shortest ECMAScript form', () => {
    expect(canonicalJson([1e21, 0.1, -0, 2.5e-7, 100])).toBe('[1e+21,0.1,0,2.5e-7,100]');
  });

  it('replaces what JSON cannot represent', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['me'] = cyclic;
    expect(
      canonicalJson({
        nan: Number.NaN,
        inf: Number.POSITIVE_INFINITY,
        fn: () => 0,
        big: 12n,
        date: new Date(0),
        list: [undefined, Symbol('x')],
        cyclic,
      }),
    ).toBe(
      '{"big":"12","cyclic":{"me":"[Circular]"},"date":"1970-01-01T00:00:00.000Z","inf":null,"list":[null,null],"nan":null}',
    );
  });

  it('keeps a __proto__ key as data', () => {
    const value: unknown = JSON.parse('{"__proto__":{"x":1},"a":2}');
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it('repeats a shared (non-cyclic) object instead of marking it circular', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });
});
