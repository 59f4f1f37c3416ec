import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_BASE64_RUN, TextAnalysis, analyseText } from './text-analysis.js';

/** Characters that make base64 runs, break them, pad them, or are not ASCII. */
const piece = fc.constantFrom('A', 'z', '0', '9', '+', '/', '=', '_', '-', ' ', '\n', 'é', '—');
const text = fc.oneof(
  fc.array(piece, { maxLength: 120 }).map((cs) => cs.join('')),
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 40 }), piece), { maxLength: 8 })
    .map((parts) => parts.map(([n, sep]) => `${'Qw3+'.repeat(n).slice(0, n)}${sep}`).join('')),
);

function regexRuns(value: string): number[] {
  const out: number[] = [];
  for (const m of value.matchAll(new RegExp(`[A-Za-z0-9+/]{${MIN_BASE64_RUN},}`, 'g'))) {
    out.push(m.index, m.index + m[0].length);
  }
  return out;
}

describe('TextAnalysis', () => {
  it('finds exactly the runs a global base64-run regex finds', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect([...new TextAnalysis(value).base64Runs()]).toEqual(regexRuns(value));
      }),
      { numRuns: 500 },
    );
  });

  it('records a run of exactly the minimum length and skips one a character shorter', () => {
    const long = 'a'.repeat(MIN_BASE64_RUN);
    const short = 'b'.repeat(MIN_BASE64_RUN - 1);
    expect([...new TextAnalysis(`${short} ${long}==`).base64Runs()]).toEqual([
      MIN_BASE64_RUN,
      2 * MIN_BASE64_RUN,
    ]);
  });

  it('lowers the text, keeping offsets when full lowering would change the length', () => {
    expect(new TextAnalysis('Hello WORLD').sameLengthLower()).toBe('hello world');
    const dotted = 'İSTANBUL Mode';
    expect(new TextAnalysis(dotted).lowerCase()).toBe(dotted.toLowerCase());
    expect(new TextAnalysis(dotted).sameLengthLower()).toBe('İstanbul mode');
  });

  it('hands every caller the same analysis of the same text', () => {
    const value = `${'x'.repeat(30)} shared`;
    const first = analyseText(value);
    expect(analyseText(value.slice(0))).toBe(first);
    expect(analyseText('another text')).not.toBe(first);
    expect(analyseText(value)).toBe(first);
  });

  it('forgets the oldest text once more texts than the cache holds were analysed', () => {
    const first = analyseText('the first of many texts');
    for (let k = 0; k < 8; k++) analyseText(`filler text ${String(k)}`);
    expect(analyseText('the first of many texts')).not.toBe(first);
  });
});
