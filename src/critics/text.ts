/**
 * Text scanning helpers shared by the built-in critics. Every pattern they build is linear-time:
 * alternations of escaped literals with word boundaries, never nested quantifiers.
 */
import type { EvidenceSource, EvidenceSpan } from './types.js';

/** Every match of a global regex as an evidence span. */
export function spans(pattern: RegExp, text: string, source: EvidenceSource): EvidenceSpan[] {
  if (!pattern.global) throw new TypeError(`pattern ${String(pattern)} must have the g flag`);
  const out: EvidenceSpan[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    out.push({ source, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A case-insensitive, global, whole-word pattern matching any of the phrases. Spaces in a phrase
 * match any run of whitespace. Longer phrases are tried first.
 */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const alternatives = [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p.trim()).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** A window of text around a span (for reading intent cues near a match). */
export function around(text: string, start: number, end: number, radius: number): string {
  return text.slice(Math.max(0, start - radius), Math.min(text.length, end + radius));
}
