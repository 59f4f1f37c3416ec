/**
 * Undoes light obfuscation before lexicon matching, keeping a map back to the original offsets:
 * invisible characters (zero-width, soft hyphen, bidi controls) are dropped; homoglyphs
 * (Cyrillic and Greek look-alikes, full-width and mathematical letters, accents) fold to ASCII;
 * leetspeak inside words (`k1ll`, `b0mb`, `$ex`) becomes letters; spaced-out letters
 * (`k i l l`, `b.o.m.b`) are joined. Numbers with units (`50g`, `2nd`) and hex ids stay as they
 * are. Linear in the length of the text.
 */

import { CONFUSABLES, LEET } from './lexicons/confusables.js';
import { analyseText } from './text-analysis.js';

/** Text with obfuscation undone and a way back to the original offsets. */
export interface Deobfuscated {
  /** The normalised text, in lower case (ASCII letters lowered; same length as the original when nothing else changed). */
  readonly text: string;
  /** Whether anything was changed. */
  readonly changed: boolean;
  /** The original span `[start, end)` that produced the normalised span `[start, end)`. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

/** Invisible and format characters: zero-width, soft hyphen, bidi controls, variation selectors. */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xe0000, 0xe007f],
];

function isInvisible(codePoint: number): boolean {
  return INVISIBLE_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

/** A text without any of these is returned as is (asked when the quick pass cannot tell). */
const SUSPECT =
  /[\u0080-\uffff]|[a-z][0-9@$!|+][a-z0-9]|[0-9@$][a-z]|(?:^|[^a-z0-9])[a-z0-9@$](?:[ .\-_*][a-z0-9@$]){2}(?![a-z0-9])/i;

/** Leet code → letter code. */
const LEET_CODES: ReadonlyMap<number, number> = new Map(
  Object.entries(LEET).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
);
/** Leet symbols that are punctuation at the end of a word (`wow!`, `C++`). */
/** ASCII word codes of {@link tokenize}: lower-case letters, digits and leet symbols. */
const WORD_ASCII = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (isLetter(code) || isDigit(code) || LEET_CODES.has(code)) WORD_ASCII[code] = 1;
}
const TRAILING_PUNCTUATION: ReadonlySet<number> = new Set([33, 124, 43]);
const SEPARATORS: ReadonlySet<number> = new Set([32, 46, 45, 95, 42, 0xb7]);

const foldCache = new Map<number, string | null>();
const FOLD_CACHE_LIMIT = 4096;

/** ASCII replacement for a non-ASCII code point, or null to keep it. */
function fold(codePoint: number): string | null {
  const cached = foldCache.get(codePoint);
  if (cached !== undefined) return cached;
  const char = String.fromCodePoint(codePoint);
  let folded: string | null = CONFUSABLES[char] ?? null;
  if (folded === null) {
    const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '');
    if (decomposed.length > 0 && decomposed.length <= 2 && /^[\x20-\x7e]+$/.test(decomposed)) {
      folded = decomposed;
    }
  }
  if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(codePoint, folded);
  return folded;
}

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordCode(code: number): boolean {
  return code >= 0x80 || WORD_ASCII[code] === 1;
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** Folded, lower-cased code units, each with the original span it came from. */
class Units {
  readonly codes: Uint16Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }

  push(code: number, from: number, to: number): void {
    this.codes[this.length] = code;
    this.from[this.length] = from;
    this.to[this.length] = to;
    this.length++;
  }
}

function foldUnits(text: string): Units {
  const units = new Units(text.length * 2 + 1);
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      units.push(lower(code), i, i + 1);
      i++;
      continue;
    }
    const codePoint = text.codePointAt(i) ?? code;
    const width = codePoint > 0xffff ? 2 : 1;
    if (!isInvisible(codePoint)) {
      const folded = fold(codePoint);
      if (folded === null) {
        for (let k = 0; k < width; k++) units.push(text.charCodeAt(i + k), i + k, i + k + 1);
      } else {
        for (let k = 0; k < folded.length; k++)
          units.push(lower(folded.charCodeAt(k)), i, i + width);
      }
    }
    i += width;
  }
  return units;
}

/** Word tokens over the units: `starts[t]`, `ends[t]` (end exclusive). */
interface Tokens {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

function tokenize(units: Units): Tokens {
  const starts = new Int32Array((units.length >> 1) + 1);
  const ends = new Int32Array(starts.length);
  let count = 0;
  let start = -1;
  for (let i = 0; i <= units.length; i++) {
    const inWord = i < units.length && isWordCode(units.codes[i] ?? 0);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      starts[count] = start;
      ends[count] = i;
      count++;
      start = -1;
    }
  }
  return { starts, ends, count };
}

/** Token index ranges `[first, last]` of one-character tokens, one same separator between each. */
function spacedRuns(units: Units, tokens: Tokens): [number, number][] {
  const runs: [number, number][] = [];
  const { starts, ends, count } = tokens;
  for (let t = 0; t < count;) {
    const separator = units.codes[ends[t] ?? 0] ?? 0;
    let j = t;
    if (SEPARATORS.has(separator)) {
      while (j + 1 < count) {
        const a0 = starts[j] ?? 0;
        const a1 = ends[j] ?? 0;
        const b0 = starts[j + 1] ?? 0;
        const b1 = ends[j + 1] ?? 0;
        if (a1 - a0 !== 1 || b1 - b0 !== 1 || b0 !== a1 + 1 || units.codes[a1] !== separator) break;
        j++;
      }
    }
    if (j > t) runs.push([t, j]);
    t = j + 1;
  }
  return runs;
}

function lettersIn(units: Units, start: number, end: number): number {
  let letters = 0;
  for (let i = start; i < end; i++) if (isLetter(units.codes[i] ?? 0)) letters++;
  return letters;
}

/**
 * Joins spaced-out words (`k i l l`, `b.o.m.b`): runs of at least three one-character tokens with
 * the same single separator, or of two next to such a run (`h o w  t o  m a k e`). Marks the
 * separators dropped; returns the word spans with each joined run as one.
 */
function joinSpacedRuns(units: Units, tokens: Tokens, drop: Uint8Array): [number, number][] {
  const runs = spacedRuns(units, tokens);
  const long = (k: number): boolean => {
    const run = runs[k];
    return run !== undefined && run[1] - run[0] >= 2;
  };
  const near = (a: [number, number] | undefined, b: [number, number] | undefined): boolean =>
    a !== undefined &&
    b !== undefined &&
    (tokens.starts[b[0]] ?? 0) - (tokens.ends[a[1]] ?? 0) <= 4;
  const joinedLast = new Map<number, number>();
  runs.forEach((run, k) => {
    const from = tokens.starts[run[0]] ?? 0;
    const to = tokens.ends[run[1]] ?? 0;
    const joined =
      long(k) || (long(k - 1) && near(runs[k - 1], run)) || (long(k + 1) && near(run, runs[k + 1]));
    if (joined && lettersIn(units, from, to) >= 2) joinedLast.set(run[0], run[1]);
  });
  const words: [number, number][] = [];
  for (let t = 0; t < tokens.count; t++) {
    const last = joinedLast.get(t);
    const start = tokens.starts[t] ?? 0;
    if (last === undefined) {
      words.push([start, tokens.ends[t] ?? start]);
      continue;
    }
    for (let k = t; k < last; k++) drop[tokens.ends[k] ?? 0] = 1;
    words.push([start, tokens.ends[last] ?? start]);
    t = last;
  }
  return words;
}

/** Two-character leetspeak function words (`h0w t0`, `d0 1`): too short for the letter rule. */
const SHORT_LEET_WORDS: ReadonlySet<string> = new Set(['t0', 'd0', 'g0', 'n0', 's0']);
const NUMBER_WITH_UNIT = /^\d+(?:[.,]\d+)?[a-z]{1,3}$/;
const HEX_ID = /^[0-9a-f]{7,}$/;

/**
 * Replaces leetspeak in one word when it reads as a word (≥ 2 letters or a listed short word,
 * not `50mg`, not hex).
 */
function unleet(units: Units, drop: Uint8Array, start: number, end: number): void {
  let letters = 0;
  let leet = 0;
  let lastKept = -1;
  for (let i = start; i < end; i++) {
    if (drop[i] === 1) continue;
    const code = units.codes[i] ?? 0;
    if (isLetter(code)) letters++;
    else if (LEET_CODES.has(code)) leet++;
    lastKept = i;
  }
  if (leet === 0 || letters < 1) return;
  let word = '';
  for (let i = start; i < end; i++)
    if (drop[i] !== 1) word += String.fromCharCode(units.codes[i] ?? 0);
  if (letters < 2 && !SHORT_LEET_WORDS.has(word.toLowerCase())) return;
  if (NUMBER_WITH_UNIT.test(word) || HEX_ID.test(word)) return;
  for (let i = start; i < end; i++) {
    const code = units.codes[i] ?? 0;
    const replacement = LEET_CODES.get(code);
    if (replacement === undefined || drop[i] === 1) continue;
    if (i === lastKept && TRAILING_PUNCTUATION.has(code)) continue;
    units.codes[i] = replacement;
  }
}

type Quick =
  { readonly kind: 'same' | 'full' } | { readonly kind: 'folded'; readonly text: string };
const SAME: Quick = { kind: 'same' };
const FULL: Quick = { kind: 'full' };

/**
 * One cheap pass over the text that settles the common cases without the full machinery of
 * {@link deobfuscate}: `'same'` when nothing can change (no invisible character, no fold, no word
 * mixing letters and leet symbols — a trailing `!`, `|`, `+` aside — and no two one-character
 * words with one separator between them, the start of a spaced run); the folded, lower-cased text
 * when the only changes are one-for-one character folds (offsets unchanged); `'full'` otherwise.
 * Words are delimited on the folded code units exactly as {@link tokenize} does.
 */
function quickPass(text: string): Quick {
  const n = text.length;
  let folded: Uint16Array | undefined;
  let start = -1;
  let letters = 0;
  let leet = 0;
  let last = 0;
  let singleEnd = -2;
  let separator = 0;
  // A lone surrogate (a pair is skipped whole): the folded text cannot be decoded natively.
  let lone = false;
  for (let i = 0; i <= n; i++) {
    let code = i < n ? text.charCodeAt(i) : 0;
    let kind: number;
    if (code < 0x80) {
      kind = QUICK_KIND[code] ?? 0;
      code = lower(code);
    } else {
      const codePoint = text.codePointAt(i) ?? code;
      if (codePoint > 0xffff) {
        if (isInvisible(codePoint) || fold(codePoint) !== null) return FULL;
        // Both halves of a kept pair are word units.
        if (start < 0) {
          start = i;
          letters = 0;
          leet = 0;
        }
        last = 0x80;
        i++;
        continue;
      }
      if (isInvisible(codePoint)) return FULL;
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) lone = true;
      const replacement = fold(codePoint);
      if (replacement !== null) {
        if (replacement.length !== 1) return FULL;
        folded ??= lowerCodes(text);
        code = lower(replacement.charCodeAt(0));
        folded[i] = code;
      }
      kind = code < 0x80 ? (QUICK_KIND[code] ?? 0) : OTHER_WORD;
    }
    if (kind === SEPARATOR) {
      if (start < 0) continue;
      // A trailing `!`, `|` or `+` is punctuation, not leetspeak.
      if (letters > 0 && leet > 0 && (leet > 1 || !TRAILING_PUNCTUATION.has(last))) return FULL;
      if (i - start === 1) {
        if (start === singleEnd + 1 && SEPARATORS.has(separator)) return FULL;
        singleEnd = i;
        separator = code;
      }
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      letters = 0;
      leet = 0;
    }
    if (kind === LETTER) letters++;
    else if (kind === LEET_WORD) leet++;
    last = code;
  }
  if (folded === undefined) return SAME;
  return { kind: 'folded', text: lone ? fromCodes(folded, n) : utf16.decode(folded) };
}

/** {@link quickPass}'s classes of a (lowered) code: not a word code, letter, leet, other word code. */
const SEPARATOR = 0;
const LETTER = 1;
const LEET_WORD = 2;
const OTHER_WORD = 3;
/** The class of each ASCII code, upper-case letters read as lower case. */
const QUICK_KIND = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const lowered = lower(code);
  if (isLetter(lowered)) QUICK_KIND[code] = LETTER;
  else if (LEET_CODES.has(lowered)) QUICK_KIND[code] = LEET_WORD;
  else if (isWordCode(lowered)) QUICK_KIND[code] = OTHER_WORD;
}

/** The text's code units with ASCII letters lowered (what {@link foldUnits} keeps unfolded). */
function lowerCodes(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = lower(text.charCodeAt(i));
  return codes;
}

const CHUNK = 8192;

const utf16 = new TextDecoder('utf-16le');

/**
 * The string of the first `n` code units. The native decoder is fast but replaces lone
 * surrogates, so text holding one is built code by code instead.
 */
function fromCodes(codes: Uint16Array, n: number): string {
  if (!hasLoneSurrogate(codes, n)) return utf16.decode(codes.subarray(0, n));
  let out = '';
  for (let i = 0; i < n; i += CHUNK)
    out += String.fromCharCode(...codes.subarray(i, Math.min(n, i + CHUNK)));
  return out;
}

function hasLoneSurrogate(codes: Uint16Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const code = codes[i] ?? 0;
    if (code < 0xd800 || code > 0xdfff) continue;
    if (code >= 0xdc00) return true;
    const next = i + 1 < n ? (codes[i + 1] ?? 0) : 0;
    if (next < 0xdc00 || next > 0xdfff) return true;
    i++;
  }
  return false;
}

/** Normalises light obfuscation; see the module comment. */
export function deobfuscate(text: string): Deobfuscated {
  const quick = quickPass(text);
  if (quick.kind === 'same') return identity(text);
  if (quick.kind === 'folded') {
    return quick.text === lowerText(text) ? identity(text) : substituted(text, quick.text);
  }
  // Asked after the quick pass, which settles most texts in one walk (a folded text always
  // holds a suspect: its non-ASCII character).
  if (!SUSPECT.test(text)) return identity(text);
  const units = foldUnits(text);
  const drop = new Uint8Array(units.length);
  for (const [start, end] of joinSpacedRuns(units, tokenize(units), drop))
    unleet(units, drop, start, end);
  const kept = new Uint16Array(units.length);
  const starts = new Int32Array(units.length);
  const ends = new Int32Array(units.length);
  let n = 0;
  for (let i = 0; i < units.length; i++) {
    if (drop[i] === 1) continue;
    kept[n] = units.codes[i] ?? 0;
    starts[n] = units.from[i] ?? 0;
    ends[n] = units.to[i] ?? 0;
    n++;
  }
  const out = fromCodes(kept, n);
  if (out === lowerText(text)) return identity(text);
  return {
    text: out,
    changed: true,
    toOriginal(start, end) {
      if (end <= start) {
        const at = start < n ? (starts[start] ?? text.length) : text.length;
        return { start: at, end: at };
      }
      return {
        start: start < n ? (starts[start] ?? text.length) : text.length,
        end: end - 1 < n ? (ends[end - 1] ?? text.length) : text.length,
      };
    },
  };
}

/** One-for-one folds only: offsets are the original's (clamped to its length, as in the full pass). */
function substituted(original: string, text: string): Deobfuscated {
  const n = original.length;
  return {
    text,
    changed: true,
    toOriginal(start, end) {
      if (end <= start) {
        const at = start < n ? start : n;
        return { start: at, end: at };
      }
      return { start: start < n ? start : n, end: end - 1 < n ? end : n };
    },
  };
}

function identity(text: string): Deobfuscated {
  return { text: lowerText(text), changed: false, toOriginal: (start, end) => ({ start, end }) };
}

/** Lower case with the same length (shared with the other critics reading this text). */
function lowerText(text: string): string {
  return analyseText(text).sameLengthLower();
}
