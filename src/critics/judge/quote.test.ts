import { describe, expect, it } from 'vitest';
import type { EvidenceSpan } from '../types.js';
import { locateQuote } from './quote.js';

function expectSpanOf(span: EvidenceSpan | undefined, source: string, text: string): void {
  expect(span).toBeDefined();
  expect(span!.text).toBe(source.slice(span!.start, span!.end));
  expect(span!.text).toBe(text);
}

describe("locateQuote: the judge's evidence quotes", () => {
  const text = 'The “quick” brown fox — it\tjumps\n\nover the lazy dog. Then it sleeps soundly.';

  it.each([
    ['exact', 'brown fox', 'exact', 'brown fox'],
    ['whitespace-normalised', 'it jumps over the', 'whitespace', 'it\tjumps\n\nover the'],
    ['case-insensitive', 'THE LAZY DOG', 'case', 'the lazy dog'],
    [
      'typographic quotes and dashes',
      'the "quick" brown fox - it',
      'case',
      'The “quick” brown fox — it',
    ],
    [
      'ellipsis fragments in order',
      'brown fox ... the lazy dog',
      'fragments',
      'brown fox — it\tjumps\n\nover the lazy dog',
    ],
  ])('finds a %s quote with real offsets', (_name, quote, match, expected) => {
    const located = locateQuote(quote, text, 'question');
    expect(located.match).toBe(match);
    expectSpanOf(located.span, text, expected);
  });

  it.each([
    ['an invented quote', 'the cat sat', 'not_found'],
    ['fragments out of order', 'the lazy dog ... brown fox', 'not_found'],
    ['an empty quote', '   ', 'missing'],
    ['a two-letter quote', 'it', 'missing'],
  ])('does not locate %s', (_name, quote, match) => {
    const located = locateQuote(quote, text, 'question');
    expect(located.match).toBe(match);
    expect(located.span).toBeUndefined();
  });

  it('keeps offsets right around astral characters', () => {
    const withEmoji = '😀😀 Do NOT   trust him';
    const located = locateQuote('do not trust', withEmoji, '');
    expectSpanOf(located.span, withEmoji, 'Do NOT   trust');
  });
});
