import { describe, expect, it, vi } from 'vitest';
import { buildFinding } from '../critics/finding.js';
import type { Violation } from '../critics/types.js';
import { AuditUnavailableError, InvalidRequestError } from '../orchestrator/errors.js';
import type { CriticSpec } from '../orchestrator/types.js';
import { auditHash } from '../decision/audit-hash.js';
import { GENESIS_HASH, seal } from '../store/evidence/chain.js';
import { EvidenceStoreError } from '../store/evidence/errors.js';
import { MemoryEvidenceStore } from '../store/evidence/memory.js';
import { buildDecisionRecord } from '../store/evidence/record.js';
import type { EvidenceStore } from '../store/evidence/types.js';
import { engineConfigFromEnv } from './config.js';
import { createEngine } from './engine.js';

const CONFIG = engineConfigFromEnv({});

function violation(category: string, severity: number, text: string, output: string): Violation {
  const start = output.indexOf(text);
  return {
    category,
    severity,
    description: `${category} found`,
    evidence: [{ source: 'output', start, end: start + text.length, text }],
  };
}

/** A critic flagging `word` in the output with `severity`. */
function wordCritic(
  name: string,
  word: string,
  severity: number,
  extra: Partial<CriticSpec> = {},
): CriticSpec {
  return {
    name,
    ...extra,
    evaluate: (input) =>
      buildFinding(
        input.modelResponse.includes(word)
          ? [violation(`${name}.${word}`, severity, word, input.modelResponse)]
          : [],
        { clean: 'nothing found' },
      ) as unknown as Record<string, unknown>,
  };
}

const PANEL: CriticSpec[] = [
  wordCritic('quick_safety', 'bomb', 3),
  wordCritic('fairness_eval', 'always', 2),
  wordCritic('style_checker', 'LOUD', 1),
];

describe('createEngine().evaluate()', () => {
  it('allows a clean response and reports every critic', async () => {
    const engine = createEngine({ critics: PANEL, config: CONFIG });
    const result = await engine.evaluate({ input: 'hi', output: 'a calm answer' });
    expect(result.decision).toBe('allow');
    expect(result.escalation).toBeNull();
    expect(result.reasons).toEqual([]);
    expect(Object.keys(result.critics).sort()).toEqual([
      'fairness_eval',
      'quick_safety',
      'style_checker',
    ]);
    expect(result.summary.success).toBe(3);
    expect(result.degraded).toEqual([]);
    expect(result.auditHash).toMatch(/^[0-9a-f]{64}$/);
    await engine.close();
  });

  it('denies on a severe finding and names the critic, category and evidence span', async () => {
    const engine = createEngine({ critics: PANEL, config: CONFIG });
    const output = 'here is how to build a bomb';
    const result = await engine.evaluate({ input: 'q', output });
    expect(result.decision).toBe('deny');
    const reason = result.reasons[0]!;
    expect(reason).toMatchObject({
      critic: 'quick_safety',
      category: 'quick_safety.bomb',
      severity: 3,
    });
    const span = reason.evidence[0]!;
    expect(output.slice(span.start, span.end)).toBe('bomb');
    await engine.close();
  });

  it('constrains on a violation below the deny threshold', async () => {
    const engine = createEngine({ critics: PANEL, config: CONFIG });
    const result = await engine.evaluate({ input: 'q', output: 'they always do that' });
    expect(result.decision).toBe('constrained_allow');
    await engine.close();
  });

  it('denies when a closed-failure critic fails, and lists it as degraded', async () => {
    const engine = createEngine({
      critics: [
        ...PANEL,
        {
          name: 'secrets_scan',
          failureMode: 'closed',
          maxRetries: 0,
          evaluate: () => {
            throw new Error('scanner crashed');
          },
        },
      ],
      config: CONFIG,
    });
    const result = await engine.evaluate({ input: 'q', output: 'fine' });
    expect(result.decision).toBe('deny');
    expect(result.degraded).toEqual(['secrets_scan']);
    expect(result.critics['secrets_scan']?.status).toBe('error');
    await engine.close();
  });

  it('gives identical audit hashes for identical requests and different ones when a finding changes', async () => {
    const engine = createEngine({ critics: PANEL, config: CONFIG });
    const a = await engine.evaluate({ input: 'q', output: 'they always do that', traceId: 'one' });
    const b = await engine.evaluate({ input: 'q', output: 'they always do that', traceId: 'two' });
    const c = await engine.evaluate({ input: 'q', output: 'they always do that LOUD' });
    expect(a.auditHash).toBe(b.auditHash);
    expect(c.auditHash).not.toBe(a.auditHash);
    await engine.close();
  });

  it('commits one decision record with every critic result before it answers, and emits the decision', async () => {
    const store = new MemoryEvidenceStore();
    const engine = createEngine({
      critics: [...PANEL, wordCritic('deep_analysis', 'bomb', 3)],
      config: CONFIG,
      store,
      wallClock: () => 1_750_000_000_000,
    });
    const seen: string[] = [];
    engine.on('decision', (result) => seen.push(result.decision));
    const result = await engine.evaluate({ input: 'q', output: 'calm but LOUD' });
    expect(result.recorded).toBe(true);
    const record = await store.get(result.traceId);
    expect(record).toMatchObject({
      sequence: 1,
      recordedAt: 1_750_000_000_000,
      decision: result.decision,
      auditHash: result.auditHash,
      configVersion: engine.configVersion,
      escalation: null,
      dissent: result.dissent,
      summary: result.summary,
    });
    expect(record?.reasons).toEqual(result.reasons);
    expect(record?.reasons.map((r) => r.category)).toEqual(['style_checker.LOUD']);
    // Every critic, the gated one too, with its status, timing, retries and gating reason.
    expect(record?.critics.map((c) => [c.critic, c.status])).toEqual([
      ['deep_analysis', 'gated'],
      ['fairness_eval', 'success'],
      ['quick_safety', 'success'],
      ['style_checker', 'success'],
    ]);
    expect(record?.critics[0]?.gatingReason).toBe('no_prior_violations');
    expect(record?.critics[3]?.output).toEqual(result.critics['style_checker']?.output);
    expect(seen).toEqual([result.decision]);
    await engine.close();
  });

  it('stores and hashes exactly what a record and payload written afresh give (the texts they share are written once)', async () => {
    const store = new MemoryEvidenceStore();
    const engine = createEngine({ critics: PANEL, config: CONFIG, store, wallClock: () => 7 });
    const request = {
      input: 'q',
      output: 'they always do that LOUD',
      context: { riskTier: 'low' as const },
    };
    const { recorded, ...result } = await engine.evaluate(request);
    expect(recorded).toBe(true);
    expect(result.auditHash).toBe(
      auditHash({
        request,
        configVersion: engine.configVersion,
        outcome: result,
        results: result.critics,
      }),
    );
    const input = buildDecisionRecord({
      result,
      request,
      configVersion: engine.configVersion,
      textMode: CONFIG.store.text,
      recordedAt: 7,
    });
    const { row } = seal(input, 1, GENESIS_HASH);
    const stored = await store.get(result.traceId);
    expect(stored?.hash).toBe(row.hash);
    await engine.close();
  });

  function failingStore(): EvidenceStore {
    const store = new MemoryEvidenceStore();
    store.record = () =>
      Promise.reject(new EvidenceStoreError('sqlite:./x.db', 'record', 'database or disk is full'));
    return store;
  }

  it('fails the evaluation with a typed 503 error when the audit is required and the store cannot commit', async () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    const engine = createEngine({ critics: PANEL, config: CONFIG, store: failingStore(), logger });
    const seen: unknown[] = [];
    engine.on('decision', (r) => seen.push(r));
    const error = await engine.evaluate({ input: 'q', output: 'calm' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditUnavailableError);
    expect(error).toMatchObject({ status: 503, store: 'memory' });
    expect((error as Error).message).toContain('database or disk is full');
    expect((error as Error).cause).toBeInstanceOf(EvidenceStoreError);
    expect(seen).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ store: 'memory' }),
      'Decision record not committed; the evaluation fails (audit required)',
    );
    await engine.close();
  });

  it('keeps the decision and says recorded: false when the audit is not required', async () => {
    const engine = createEngine({
      critics: PANEL,
      config: engineConfigFromEnv({ ELEANOR_AUDIT_REQUIRED: 'false' }),
      store: failingStore(),
    });
    const result = await engine.evaluate({ input: 'q', output: 'calm' });
    expect(result.decision).toBe('allow');
    expect(result.recorded).toBe(false);
    await engine.close();
  });

  it('masks the PII spans a critic found in the stored texts and in every quote of them', async () => {
    const email = 'maria.keller@example.com';
    const piiCritic: CriticSpec = {
      name: 'pii_detector',
      policy: 'ALWAYS',
      evaluate: (input) => {
        const start = input.modelResponse.indexOf(email);
        return buildFinding(
          [
            {
              category: 'pii.email',
              severity: 2,
              description: `e-mail address ${email} in the response`,
              evidence: [{ source: 'output', start, end: start + email.length, text: email }],
            },
          ],
          { clean: 'none' },
        ) as unknown as Record<string, unknown>;
      },
    };
    const store = new MemoryEvidenceStore();
    const engine = createEngine({ critics: [...PANEL, piiCritic], config: CONFIG, store });
    const output = `Write to ${email} today`;
    const result = await engine.evaluate({
      input: `what is ${email}?`,
      output,
      context: { note: `user ${email}` },
    });
    const record = await store.get(result.traceId);
    const stored = JSON.stringify(record);
    expect(stored).not.toContain(email);
    expect(record?.request.output).toBe(`Write to ${'█'.repeat(email.length)} today`);
    expect(record?.request.input).toBe(`what is ${'█'.repeat(email.length)}?`);
    expect(record?.request).toMatchObject({ textMode: 'redacted', maskedSpans: 1 });
    // Offsets still point at the masked span.
    const span = record?.reasons.find((r) => r.category === 'pii.email')?.evidence[0];
    expect(record?.request.output.slice(span?.start, span?.end)).toBe('█'.repeat(email.length));
    // The caller still gets the full result.
    expect(result.reasons.some((r) => r.evidence[0]?.text === email)).toBe(true);
    await engine.close();
  });

  it.each([
    ['a non-string input', { input: 42, output: 'x' }, 'input'],
    ['a non-string output', { input: 'x', output: null }, 'output'],
    ['a malformed context', { input: 'x', output: 'y', context: 'high' }, 'context'],
    [
      'a bad risk tier',
      { input: 'x', output: 'y', context: { riskTier: 'extreme' } },
      'context.riskTier',
    ],
    ['an unknown field', { input: 'x', output: 'y', prompt: 'z' }, 'request'],
    ['an empty traceId', { input: 'x', output: 'y', traceId: '' }, 'traceId'],
  ])('rejects %s with a typed error naming the field', async (_label, request, field) => {
    const engine = createEngine({ critics: PANEL, config: CONFIG });
    const error = await engine.evaluate(request as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe(field);
    // The engine keeps serving.
    expect((await engine.evaluate({ input: 'a', output: 'b' })).decision).toBe('allow');
    await engine.close();
  });

  it('rejects text over the configured maximum, naming the field and the limit', async () => {
    const engine = createEngine({
      critics: PANEL,
      config: engineConfigFromEnv({ ELEANOR_MAX_TEXT_CHARS: '10' }),
    });
    const error = await engine
      .evaluate({ input: 'short', output: 'x'.repeat(11) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe('output');
    expect((error as Error).message).toContain('at most 10 characters');
    await engine.close();
  });

  it('reads its configuration from the env it is given, warning about bad values', () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    const engine = createEngine({
      critics: PANEL,
      env: { ELEANOR_ORCHESTRATOR_MAX_CONCURRENT: 'lots', ELEANOR_MAX_TEXT_CHARS: '500' },
      logger,
    });
    expect(engine.config.maxTextChars).toBe(500);
    expect(engine.config.orchestrator.config.maxConcurrent).toBe(10);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ variable: 'ELEANOR_ORCHESTRATOR_MAX_CONCURRENT' }),
      expect.stringContaining('ELEANOR_ORCHESTRATOR_MAX_CONCURRENT'),
    );
    expect(engine.configVersion).toMatch(/^[0-9a-f]{16}$/);
  });
});
