/**
 * A case-insensitive regex whose matches always begin at the start of a word, run only at the
 * words whose first characters can begin a match. Equivalent to scanning with the regex itself
 * (same matches, same order), but a text costs one pass over its characters plus a sticky match
 * at each candidate word instead of an attempt at every position.
 */
import { END, startKeys } from './regex-prefix.js';

const KEY_LENGTH = 4;
const BASE = 128;
const END_CODE = END.charCodeAt(0);
const UNICODE_WORD = /^[\p{L}\p{N}_]$/u;

/** Where a match may start: `ascii` is `\b` under the `iu` flags, `unicode` is `(?<![\p{L}\p{N}_])`. */
export type WordBoundary = 'ascii' | 'unicode';

/**
 * The code a key uses for a character: what the case-insensitive regex would compare it as.
 * ASCII is lowered, `ſ` and the Kelvin sign fold to `s` and `k` (as `/iu` does), others clamp.
 */
function keyUnit(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code < BASE) return code;
  if (code === 0x17f) return 115;
  if (code === 0x212a) return 107;
  return BASE - 1;
}

function asciiWord(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

/** `\p{L}\p{N}_` at `i` (a whole code point). */
function unicodeWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return asciiWord(code);
  return UNICODE_WORD.test(String.fromCodePoint(text.codePointAt(i) ?? code));
}

/** `\w` under the `iu` flags (ASCII word characters, `ſ` and the Kelvin sign). */
function jsWord(code: number): boolean {
  return asciiWord(code) || code === 0x17f || code === 0x212a;
}

/** Whether the code point ending just before `i` is `\p{L}\p{N}_`. */
function unicodeWordBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const code = text.charCodeAt(i - 1);
  if (code >= 0xdc00 && code <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return unicodeWordAt(text, i - 2);
  }
  return unicodeWordAt(text, i - 1);
}

function numericKey(key: string): number {
  let n = 0;
  for (let i = 0; i < KEY_LENGTH; i++) n = n * BASE + keyUnit(key.charCodeAt(i) || 0);
  return n;
}

export class WordStartPattern {
  private readonly keys: ReadonlySet<number> | null;
  /** The keys' first two units (`unit0 * BASE + unit1`): a cheap filter before a key is built. */
  private readonly pairs: Uint8Array | null;
  private readonly sticky: RegExp;
  private readonly global: RegExp;

  /**
   * `source` is the whole regex source, boundary included (`\b(?:…)` or
   * `(?<![\p{L}\p{N}_])(?:…)`); `body` is the part after the boundary, analysed for its
   * starting words. `flags` must include `i` and `u`.
   */
  constructor(
    source: string,
    body: string,
    flags: string,
    private readonly boundary: WordBoundary,
  ) {
    const clean = flags.replace(/[gy]/g, '');
    this.sticky = new RegExp(source, `${clean}y`);
    this.global = new RegExp(source, `${clean}g`);
    const keys = startKeys(body, KEY_LENGTH);
    this.keys = keys === null ? null : new Set([...keys].map(numericKey));
    if (this.keys === null) this.pairs = null;
    else {
      const pairs = new Uint8Array(BASE * BASE);
      for (const key of this.keys) pairs[Math.floor(key / BASE ** (KEY_LENGTH - 2))] = 1;
      this.pairs = pairs;
    }
  }

  /** The leftmost match starting at or after `from`, as the global regex would find it. */
  exec(text: string, from = 0): RegExpExecArray | null {
    const keys = this.keys;
    const pairs = this.pairs;
    if (keys === null || pairs === null) {
      this.global.lastIndex = from;
      return this.global.exec(text);
    }
    const n = text.length;
    const ascii = this.boundary === 'ascii';
    let previousWord =
      from > 0 && (ascii ? jsWord(text.charCodeAt(from - 1)) : unicodeWordBefore(text, from));
    for (let i = from; i < n; i++) {
      const code = text.charCodeAt(i);
      const word =
        code < 0x80 ? ASCII_WORD[code] === 1 : ascii ? jsWord(code) : unicodeWordAt(text, i);
      if (
        word &&
        !previousWord &&
        pairs[keyUnit(code) * BASE + unitAt(text, i + 1)] === 1 &&
        keys.has(keyAt(text, i))
      ) {
        this.sticky.lastIndex = i;
        const m = this.sticky.exec(text);
        if (m !== null) return m;
      }
      previousWord = word;
    }
    return null;
  }

  /** Whether the text holds a match. */
  test(text: string): boolean {
    return this.exec(text) !== null;
  }
}

/** ASCII word characters (`[A-Za-z0-9_]`). */
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code++) if (asciiWord(code)) ASCII_WORD[code] = 1;
/** The key unit of the character at `i` within a word: {@link END_CODE} past the word or the text. */
function unitAt(text: string, i: number): number {
  if (i >= text.length) return END_CODE;
  const code = text.charCodeAt(i);
  if (code < 0x80 ? ASCII_WORD[code] !== 1 : !unicodeWordAt(text, i)) return END_CODE;
  return keyUnit(code);
}

/** The key of the word at `i`: its first characters, `$` where a non-word character (or the end) comes. */
function keyAt(text: string, i: number): number {
  let key = 0;
  let k = 0;
  for (; k < KEY_LENGTH; k++) {
    const unit = unitAt(text, i + k);
    key = key * BASE + unit;
    if (unit === END_CODE) {
      k++;
      break;
    }
  }
  for (; k < KEY_LENGTH; k++) key *= BASE;
  return key;
}
