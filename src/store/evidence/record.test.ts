import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../engine/types.js';
import type { CriticResult } from '../../orchestrator/types.js';
import { buildDecisionRecord } from './record.js';
import { sha256Text } from './redact.js';
import type { TextMode } from './types.js';
import { successSummary } from './test-helpers/records.js';

const PHONE = '+44 20 7946 0958';
const KEY = 'AKIAZZZZQQQQ7777WWWW';
const INPUT = `call ${PHONE} please`;
const OUTPUT = `Sure: ${PHONE}. Your key is ${KEY}, and the word is bomb.`;

function critic(name: string, output: Record<string, unknown>): CriticResult {
  return {
    critic: name,
    status: 'success',
    output: { value: 'violation', score: 1, ...output },
    stage: 'CORE_ANALYSIS',
    priority: 4,
    retryCount: 0,
    durationMs: 1,
    queueTimeMs: 0,
    validationErrors: [],
  };
}

function span(source: 'input' | 'output', text: string, quoted = text) {
  const whole = source === 'input' ? INPUT : OUTPUT;
  const start = whole.indexOf(text);
  return { source, start, end: start + text.length, text: quoted };
}

function evaluation(): Omit<EvaluationResult, 'recorded'> {
  const phoneViolation = {
    category: 'pii.phone',
    severity: 2,
    description: `phone number ${PHONE} in the response`,
    evidence: [span('output', PHONE)],
  };
  const critics = {
    pii_detector: critic('pii_detector', {
      violations: [
        phoneViolation,
        {
          category: 'pii.phone',
          severity: 1,
          description: 'input',
          evidence: [span('input', PHONE)],
        },
      ],
      justification: `found ${PHONE}`,
    }),
    secrets_scan: critic('secrets_scan', {
      violations: [
        {
          category: 'secret.aws_access_key',
          severity: 3,
          description: 'AWS access key',
          evidence: [span('output', KEY, 'AKIA…WW')],
        },
      ],
    }),
    quick_safety: critic('quick_safety', {
      violations: [
        {
          category: 'violence',
          severity: 1,
          description: 'bomb',
          evidence: [span('output', 'bomb')],
        },
      ],
    }),
  };
  return {
    traceId: 't',
    decision: 'deny',
    escalation: null,
    dissent: [],
    reasons: [{ critic: 'pii_detector', ...phoneViolation }],
    critics,
    summary: successSummary(3, 3),
    auditHash: 'f'.repeat(64),
    degraded: [],
  };
}

function build(textMode: TextMode) {
  return buildDecisionRecord({
    result: evaluation(),
    request: { input: INPUT, output: OUTPUT, context: { caller: `phone ${PHONE}` } },
    configVersion: 'v1',
    textMode,
    recordedAt: 1,
  });
}

const mask = (text: string) => '█'.repeat(text.length);

describe('buildDecisionRecord', () => {
  it('keeps everything verbatim in full mode', () => {
    const record = build('full');
    expect(record.request).toMatchObject({ input: INPUT, output: OUTPUT, maskedSpans: 0 });
    expect(JSON.stringify(record)).toContain(PHONE);
  });

  it('masks PII and secret spans everywhere in redacted mode, keeping offsets and other text', () => {
    const record = build('redacted');
    expect(record.request.output).toBe(
      `Sure: ${mask(PHONE)}. Your key is ${mask(KEY)}, and the word is bomb.`,
    );
    expect(record.request.input).toBe(`call ${mask(PHONE)} please`);
    expect(record.request).toMatchObject({
      textMode: 'redacted',
      maskedSpans: 3,
      inputChars: INPUT.length,
      outputChars: OUTPUT.length,
      context: { caller: `phone ${mask(PHONE)}` },
    });
    const stored = JSON.stringify(record);
    expect(stored).not.toContain(PHONE);
    expect(stored).not.toContain(KEY);
    expect(record.reasons[0]?.description).toBe(`phone number ${mask(PHONE)} in the response`);
    expect(record.critics.find((c) => c.critic === 'pii_detector')?.output['justification']).toBe(
      `found ${mask(PHONE)}`,
    );
    const s = record.reasons[0]!.evidence[0]!;
    expect(record.request.output.slice(s.start, s.end)).toBe(mask(PHONE));
    // Non-sensitive evidence is kept.
    expect(stored).toContain('"text":"bomb"');
  });

  it('stores digests instead of the texts in hash mode', () => {
    const record = build('hash');
    expect(record.request.input).toBe(sha256Text(INPUT));
    expect(record.request.output).toBe(sha256Text(OUTPUT));
    const stored = JSON.stringify(record);
    expect(stored).not.toContain(PHONE);
    expect(stored).not.toContain('"text":"bomb"');
    expect(stored).toContain(`"text":"${sha256Text('bomb')}"`);
    expect(record.request.context).toEqual({ caller: `phone ${mask(PHONE)}` });
  });

  it('lists every critic by name with its result', () => {
    expect(build('full').critics.map((c) => c.critic)).toEqual([
      'pii_detector',
      'quick_safety',
      'secrets_scan',
    ]);
  });
});
