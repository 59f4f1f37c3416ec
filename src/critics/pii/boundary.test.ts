import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointStart, execAfter, notAfter, splitLookbehind } from './boundary.js';

/** Every match of a pattern with its lookbehind, as [index, text]. */
function withLookbehind(pattern: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) out.push([m.index, m[0]]);
  return out;
}

/** Every match found through {@link splitLookbehind} and {@link execAfter}. */
function split(pattern: RegExp, text: string): [number, string][] {
  const bounded = splitLookbehind(pattern);
  const out: [number, string][] = [];
  bounded.body.lastIndex = 0;
  for (let m = execAfter(bounded, text); m !== null; m = execAfter(bounded, text)) {
    out.push([m.index, m[0]]);
  }
  return out;
}

const PATTERNS = [
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,5}@\p{L}{1,4}/gu,
  /(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{1,4}:{1,2}){1,3}[0-9A-Fa-f]{1,4}(?![\p{L}\p{N}_:])/gu,
  /(?<![\p{L}\p{N}_'’])\p{Lu}\p{Ll}{1,24}(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}_])(?:my\s+friend|named|σ)(?![\p{L}\p{N}_])/giu,
  /(?<![\p{L}\p{N}_#.,\-/])\d{1,3}[ \t]\p{Lu}\p{L}*/gu,
  /(?<![\p{L}])(?:Dr|Mr)\.?[ \t]{1,3}(?=\p{Lu})/gu,
];

/** Characters that exercise the boundaries: ASCII, accents, scripts, surrogates, case folding. */
const ALPHABET = [
  ...['a', 'A', 'z', 'Z', '0', '9', '_', '.', ',', ':', '-', '/', '#', '%', '+', '@', ' ', '\t'],
  ...['\n', "'", '’'],
  'é',
  'É',
  'ß',
  'Σ',
  'ς',
  'σ',
  'K',
  'ǅ',
  '٣',
  '李',
  '\u0301',
  '\ud835\udc00',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  'my friend ',
  'named ',
  'Dr. ',
  '12 ',
  'ab:cd::1 ',
  'x@yz ',
  'Anna ',
];
const texts = fc
  .array(fc.constantFrom(...ALPHABET), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('splitLookbehind', () => {
  it.each(PATTERNS.map((p) => [String(p), p] as const))(
    'finds exactly the matches of %s',
    (_name, pattern) => {
      fc.assert(
        fc.property(texts, (text) => {
          expect(split(pattern, text)).toEqual(withLookbehind(pattern, text));
        }),
        { numRuns: 400 },
      );
    },
  );

  it('keeps the flags and drops only the lookbehind', () => {
    const { body } = splitLookbehind(/(?<![\p{L}\]])a(?<!b)c/giu);
    expect(body.source).toBe('a(?<!b)c');
    expect(body.flags).toBe('giu');
  });

  it('rejects a pattern without a leading lookbehind class or without the u flag', () => {
    expect(() => splitLookbehind(/a(?<![b])/gu)).toThrow(TypeError);
    expect(() => splitLookbehind(/(?<![b])a/g)).toThrow(/u-flag pattern/);
  });
});

describe('notAfter', () => {
  it('reads a surrogate pair before the index as one code point', () => {
    const notLetter = notAfter(String.raw`\p{L}`);
    expect(notLetter('\ud835\udc00x', 2)).toBe(false);
    expect(notLetter('\ud83d\ude00x', 2)).toBe(true);
    expect(notLetter('\udc00x', 1)).toBe(true);
    expect(notLetter('x', 0)).toBe(true);
  });

  it('folds case like the pattern when given the i flag', () => {
    expect(notAfter('k', 'iu')('\u212ax', 1)).toBe(false);
    expect(notAfter('k', 'u')('\u212ax', 1)).toBe(true);
  });
});

describe('codePointStart', () => {
  it('moves an index inside a surrogate pair back to its start and leaves others alone', () => {
    const text = 'a\ud83d\ude00b';
    expect(codePointStart(text, 2)).toBe(1);
    expect(codePointStart(text, 1)).toBe(1);
    expect(codePointStart(text, 3)).toBe(3);
    expect(codePointStart(text, 0)).toBe(0);
  });
});
