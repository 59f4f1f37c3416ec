import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AI_DISCLAIMER_PATTERNS, REFUSAL_PATTERNS } from './lexicons/refusals.js';
import { WordStartPattern } from './word-start.js';

const REFUSAL_BODY = `(?:${REFUSAL_PATTERNS.join('|')})`;
const DISCLAIMER_BODY = `(?:${AI_DISCLAIMER_PATTERNS.join('|')})`;
const UNICODE_SOURCE = String.raw`(?<![\p{L}\p{N}_])${DISCLAIMER_BODY}(?![\p{L}\p{N}_])`;

function allMatches(next: (from: number) => RegExpExecArray | null): string[] {
  const out: string[] = [];
  for (let m = next(0); m !== null; m = next(m.index + m[0].length)) {
    out.push(`${m.index}:${m[0]}`);
  }
  return out;
}

function regexMatches(regex: RegExp, text: string): string[] {
  return allMatches((from) => {
    regex.lastIndex = from;
    return regex.exec(text);
  });
}

const WORDS = [
  'I',
  'i',
  "I'm",
  'sorry',
  'ſorry',
  'can',
  "can't",
  'cannot',
  'help',
  'with',
  'that',
  'as',
  'an',
  'AI',
  'language',
  'model',
  'éi',
  'x',
  '😀',
  "won't",
  'assist',
  'unfortunately',
  'we',
  'not',
  'able',
  'to',
  'decline',
  'must',
  'ı',
  'İ',
  'do',
  'have',
  'opinions',
];
const SEPARATORS = [' ', '  ', '\n', ',', '', '\u00a0', '.', 'é', '😀', '_'];
const texts = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 14 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('WordStartPattern', () => {
  it('finds exactly the matches of the `\\b` regex it stands for', () => {
    const pattern = new WordStartPattern(`\\b${REFUSAL_BODY}`, REFUSAL_BODY, 'iu', 'ascii');
    const regex = new RegExp(`\\b${REFUSAL_BODY}`, 'giu');
    fc.assert(
      fc.property(texts, (text) => {
        expect(allMatches((from) => pattern.exec(text, from))).toEqual(regexMatches(regex, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds exactly the matches of the whole-word regex it stands for', () => {
    const pattern = new WordStartPattern(UNICODE_SOURCE, DISCLAIMER_BODY, 'iu', 'unicode');
    const regex = new RegExp(UNICODE_SOURCE, 'giu');
    fc.assert(
      fc.property(texts, (text) => {
        expect(allMatches((from) => pattern.exec(text, from))).toEqual(regexMatches(regex, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches case-insensitively, long s included, and only at a word start', () => {
    const pattern = new WordStartPattern(`\\b${REFUSAL_BODY}`, REFUSAL_BODY, 'iu', 'ascii');
    expect(pattern.test("Sorry, but I can't do that.")).toBe(true);
    expect(pattern.test("ſorry, I can't")).toBe(true);
    expect(pattern.test("xsorry, I can't")).toBe(false);
    expect(pattern.test('Here is the summary you asked for.')).toBe(false);
  });

  it('falls back to a plain scan when the starts cannot be enumerated', () => {
    const pattern = new WordStartPattern(
      String.raw`\b\p{L}+ing`,
      String.raw`\p{L}+ing`,
      'iu',
      'ascii',
    );
    expect(pattern.exec('we are walking home', 0)?.[0]).toBe('walking');
  });
});
