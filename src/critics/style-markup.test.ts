import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_BRACKETS, withoutNotBrackets } from './style-markup.js';

/** List markers, emoticons, brackets, roman numerals and the spaces and newlines around them. */
const piece = fc.constantFrom(
  '(',
  ')',
  '[',
  ']',
  ':',
  ';',
  '=',
  '8',
  '-',
  '^',
  "'",
  'o',
  'i',
  'v',
  'x',
  'a',
  'B',
  '1',
  '42',
  ' ',
  '\n',
  '{',
  '}',
);
const prose = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('withoutNotBrackets', () => {
  it('blanks exactly what replacing every list-marker and emoticon match with spaces blanks', () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(withoutNotBrackets(text)).toBe(
          text.replace(NOT_BRACKETS, (m) => ' '.repeat(m.length)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps real brackets and blanks a list marker and an emoticon', () => {
    expect(withoutNotBrackets('see (this) 1) first :) ok')).toBe('see (this)    first    ok');
  });
});
