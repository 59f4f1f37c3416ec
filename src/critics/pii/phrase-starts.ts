/**
 * Where a `phrasePattern` (case-insensitive, whole-word phrases) matches in a long text, without
 * running its alternation at every position: the pattern is tried only where the text's first
 * two characters can begin one of its phrases. Under the `iu` flags an ASCII character matches
 * only its own upper or lower case, and the only other characters that fold to ASCII letters
 * are the Kelvin sign (k) and the long s (s), so the matches are exactly those of the pattern's
 * own global search.
 */
import { splitLookbehind } from './boundary.js';
import type { Boundary } from './boundary.js';

/** Non-ASCII characters that case-fold to an ASCII letter: KELVIN SIGN, LATIN SMALL LONG S. */
const FOLDS_TO_ASCII = new Set([0x212a, 0x017f]);
const WHITESPACE = /^\s$/;

/** Per ASCII code: its key — lower case for a letter, a space for any blank, else itself. */
const KEYS = Int16Array.from({ length: 128 }, (_, code) =>
  code >= 65 && code <= 90 ? code + 32 : WHITESPACE.test(String.fromCharCode(code)) ? 32 : code,
);

/** A character's key, or -1 beyond ASCII (and past the end of the text). */
function keyOf(code: number): number {
  return code < 0x80 ? (KEYS[code] ?? -1) : -1;
}

export class PhraseStarts {
  /** The pattern without its lookbehind, tried at one position. */
  private readonly sticky: RegExp;
  private readonly boundary: Boundary;
  /** Keys of the first character of some phrase. */
  private readonly first = new Uint8Array(128);
  /** `first * 128 + second` keys of the first two characters of some phrase. */
  private readonly pairs = new Set<number>();
  /** A phrase cannot be keyed (one character, or not ASCII): try the pattern everywhere. */
  private readonly everywhere: boolean;

  /** `pattern` must be `phrasePattern(phrases)`. */
  constructor(pattern: RegExp, phrases: readonly string[]) {
    const { body, start } = splitLookbehind(pattern);
    this.sticky = new RegExp(body.source, body.flags.replace('g', '') + 'y');
    this.boundary = start;
    let everywhere = false;
    for (const phrase of phrases) {
      const trimmed = phrase.trim();
      const a = keyOf(trimmed.charCodeAt(0));
      const b = keyOf(trimmed.charCodeAt(1));
      if (a < 0 || b < 0) everywhere = true;
      else {
        this.first[a] = 1;
        this.pairs.add(a * 128 + b);
      }
    }
    this.everywhere = everywhere;
  }

  /** Start offsets of every match, ascending. */
  starts(text: string): number[] {
    const out: number[] = [];
    let i = 0;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (this.mayStart(text, i, code) && this.boundary(text, i)) {
        this.sticky.lastIndex = i;
        const m = this.sticky.exec(text);
        if (m !== null) {
          out.push(i);
          i += Math.max(1, m[0].length);
          continue;
        }
      }
      i = nextStart(text, i, code);
    }
    return out;
  }

  private mayStart(text: string, i: number, code: number): boolean {
    if (this.everywhere) return true;
    if (code >= 0x80) return FOLDS_TO_ASCII.has(code);
    const a = keyOf(code);
    if (this.first[a] !== 1) return false;
    if (i + 1 >= text.length) return false;
    const next = text.charCodeAt(i + 1);
    return next >= 0x80 || this.pairs.has(a * 128 + keyOf(next));
  }
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether an ASCII code is a word character (letter, digit, `_`). */
export function isAsciiWord(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

/**
 * The next position after `i` where a match whose lookbehind rejects word characters may
 * start: past the rest of an ASCII word (every position inside it follows a word character),
 * else past one code point.
 */
export function nextStart(text: string, i: number, code: number): number {
  if (isAsciiWord(code)) {
    let j = i + 1;
    while (j < text.length && isAsciiWord(text.charCodeAt(j))) j++;
    return j;
  }
  return i + (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1)) ? 2 : 1);
}
