/**
 * Privacy of stored texts. `redacted` masks every span the critics reported as personal data
 * (`pii.*`) or a secret (`secret.*`) — in the stored input and output by offset, and wherever
 * else the same text is quoted (evidence, descriptions, justifications, dissent, context) — with
 * one `█` per UTF-16 code unit, so every stored evidence offset still points at the same place.
 * `hash` does the same and then replaces the input, the output and every evidence quote with
 * `sha256:<hex>` of the text: the record proves what was judged without keeping it.
 */
import { createHash } from 'node:crypto';
import type { CriticResult } from '../../orchestrator/types.js';
import type { TextMode } from './types.js';

export const MASK_CHAR = '█';

/** Quotes shorter than this are not masked elsewhere (they would mask ordinary words). */
const MIN_LITERAL = 3;

interface Span {
  start: number;
  end: number;
}

/** The sensitive spans of one evaluation, by source, and their texts. */
export interface SensitiveText {
  input: Span[];
  output: Span[];
  /** Every distinct sensitive text, longest first. */
  literals: string[];
}

function isSensitiveCategory(category: unknown): boolean {
  return (
    typeof category === 'string' &&
    (category.startsWith('pii.') ||
      (category.startsWith('secret.') && category !== 'secret.example'))
  );
}

/** Collects the PII and secret spans every critic reported (read defensively). */
export function sensitiveText(
  results: Readonly<Record<string, CriticResult>>,
  texts: { input: string; output: string },
): SensitiveText {
  const found: SensitiveText = { input: [], output: [], literals: [] };
  const literals = new Set<string>();
  for (const result of Object.values(results)) {
    const violations = (result.output as { violations?: unknown }).violations;
    if (!Array.isArray(violations)) continue;
    for (const violation of violations as unknown[]) {
      if (typeof violation !== 'object' || violation === null) continue;
      const { category, evidence } = violation as { category?: unknown; evidence?: unknown };
      if (!isSensitiveCategory(category) || !Array.isArray(evidence)) continue;
      for (const span of evidence as unknown[]) collectSpan(span, texts, found, literals);
    }
  }
  found.literals = [...literals].sort((a, b) => b.length - a.length);
  return found;
}

function collectSpan(
  span: unknown,
  texts: { input: string; output: string },
  found: SensitiveText,
  literals: Set<string>,
): void {
  if (typeof span !== 'object' || span === null) return;
  const { source, start, end, text } = span as Record<string, unknown>;
  if (typeof text === 'string' && text.length >= MIN_LITERAL && !text.includes('…')) {
    literals.add(text);
  }
  if (source !== 'input' && source !== 'output') return;
  const whole = texts[source];
  if (!Number.isInteger(start) || !Number.isInteger(end)) return;
  const s = start as number;
  const e = end as number;
  if (s < 0 || e > whole.length || s >= e) return;
  found[source].push({ start: s, end: e });
  const slice = whole.slice(s, e);
  if (slice.length >= MIN_LITERAL) literals.add(slice);
}

/** The text with each span replaced by as many mask characters as it is long. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const { start, end } of spans) chars.fill(MASK_CHAR, start, end);
  return chars.join('');
}

/** The text with every occurrence of every literal masked. */
export function maskLiterals(text: string, literals: readonly string[]): string {
  let out = text;
  for (const literal of literals) {
    if (out.includes(literal)) out = out.split(literal).join(MASK_CHAR.repeat(literal.length));
  }
  return out;
}

export function sha256Text(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * A deep copy of `value` with every string masked (the value itself when there is nothing to
 * mask), and in `hash` mode every evidence span's `text` replaced by its digest. Object keys are
 * kept; non-plain values are copied as JSON would.
 */
export function redactDeep(value: unknown, literals: readonly string[], mode: TextMode): unknown {
  // Nothing to mask: the value stands as it is (most evaluations find no personal data).
  if (mode === 'full' || (mode === 'redacted' && literals.length === 0)) return value;
  if (typeof value === 'string') return maskLiterals(value, literals);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, literals, mode));
  if (typeof value !== 'object' || value === null) return value;
  // No prototype: a `__proto__` key stays an ordinary key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, literals, mode);
  if (mode === 'hash' && isEvidenceSpan(out)) out['text'] = sha256Text(out['text'] as string);
  return out;
}

function isEvidenceSpan(value: Record<string, unknown>): boolean {
  return (
    typeof value['text'] === 'string' &&
    typeof value['start'] === 'number' &&
    typeof value['end'] === 'number' &&
    (value['source'] === 'input' || value['source'] === 'output' || value['source'] === 'context')
  );
}
