/**
 * Prepared texts for the constitutional engine: a text is folded (quotes, spaces, homoglyphs,
 * full-width letters), lower-cased and split into words once, with offsets kept, so spans index
 * the original. The last few texts are memoised: every constitutional critic of a run reads the
 * same request and response.
 */
import { CONFUSABLES, LEET } from './lexicons/constitutional.js';
import { analyseText } from './text-analysis.js';
import type { EvidenceSource } from './types.js';

/** One same-length reading of a text and its words. */
export interface Reading {
  /** Lower-cased, folded text: offsets are the original's. */
  readonly text: string;
  readonly wordStarts: Int32Array;
  readonly wordEnds: Int32Array;
  /** {@link wordKey} of each word: a cheap filter before any string is built. */
  readonly wordKeys: Int32Array;
}

/** A text prepared for scanning: the original plus same-length normalised readings. */
export interface PreparedText {
  readonly source: EvidenceSource;
  readonly original: string;
  /** Quotes, spaces, homoglyphs and full-width letters folded, then lower-cased. */
  readonly folded: Reading;
  /** `folded` with leetspeak undone, when that changes anything. */
  readonly unleeted: Reading | undefined;
  /**
   * Per word of `unleeted`, 1 where undoing leetspeak changed something within reach of a match
   * starting there. Elsewhere the un-leeted reading matches exactly as the folded one does.
   */
  readonly unleetedLive: Uint8Array | undefined;
}

const WORD_TABLE = new Uint8Array(128).map((_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0,
);
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function isWordCode(code: number): boolean {
  return code < 128 ? WORD_TABLE[code] === 1 : NON_ASCII_WORD.test(String.fromCharCode(code));
}

function asciiLower(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}

/** A cheap 32-bit key for a word: its first two letters (ASCII-lowered) and length (≤ 63). */
function wordKey(c0: number, c1: number, length: number): number {
  return (Math.imul((asciiLower(c0) << 16) | asciiLower(c1), 64) + Math.min(length, 63)) | 0;
}

export function keyOf(word: string): number {
  return wordKey(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0, word.length);
}

/** Word bounds while splitting (`start, end` pairs), reused: splitting is synchronous. */
let boundsScratch = new Int32Array(2048);

/** Splits a text into words: one pass for the bounds, one allocation for the three columns. */
function readingOf(text: string): Reading {
  const n = text.length;
  // Words are separated, so a text has at most ⌈n / 2⌉ of them.
  if (boundsScratch.length < n + 2) boundsScratch = new Int32Array(n + 2);
  const bounds = boundsScratch;
  let count = 0;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
    bounds[2 * count] = start;
    bounds[2 * count + 1] = i;
    count++;
  }
  const columns = new Int32Array(3 * count);
  const wordStarts = columns.subarray(0, count);
  const wordEnds = columns.subarray(count, 2 * count);
  const wordKeys = columns.subarray(2 * count);
  for (let w = 0; w < count; w++) {
    const start = bounds[2 * w] ?? 0;
    const end = bounds[2 * w + 1] ?? 0;
    wordStarts[w] = start;
    wordEnds[w] = end;
    const c1 = end - start > 1 ? text.charCodeAt(start + 1) : 0;
    wordKeys[w] = wordKey(text.charCodeAt(start), c1, end - start);
  }
  return { text, wordStarts, wordEnds, wordKeys };
}

const UTF16 = new TextDecoder('utf-16le');

/** {@link CONFUSABLES} by character code. */
const FOLDS = new Map(
  Object.entries(CONFUSABLES).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
);

/** 1 at each character code {@link fold} changes (full-width forms and the confusables). */
const FOLDABLE = new Uint8Array(0x10000).fill(1, 0xff01, 0xff5f);
for (const code of FOLDS.keys()) FOLDABLE[code] = 1;

/**
 * Folds quotes, spaces, homoglyphs and full-width letters, one code unit for one. A text with
 * nothing to fold (most non-ASCII text: accents, dashes) comes back as it is, without a copy;
 * `first` is the index of its first non-ASCII character (nothing before it folds).
 */
function fold(text: string, first: number): string {
  let at = first;
  while (at < text.length && FOLDABLE[text.charCodeAt(at)] !== 1) at++;
  if (at === text.length) return text;
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) codes[i] = code;
    else if (code >= 0xff01 && code <= 0xff5e) codes[i] = code - 0xfee0;
    else codes[i] = FOLDS.get(code) ?? code;
  }
  return UTF16.decode(codes);
}

/** Lower-cases without moving offsets (ASCII only when full lower-casing would change lengths). */
function lowerInPlace(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** The characters of {@link LEET}, one at a time. */
const LEET_ANY = new RegExp(
  `[${Object.keys(LEET)
    .join('')
    .replace(/[$\\]^-]/g, '\\$&')}]`,
  'g',
);
/** {@link LEET} by character code (0 where a character is not leetspeak). */
const LEET_CODES = Uint16Array.from({ length: 128 }, (_, c) =>
  (LEET[String.fromCharCode(c)] ?? '\0').charCodeAt(0),
);
const LETTER = /\p{L}/u;

function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(String.fromCharCode(code));
}

/** Undoes leetspeak: a digit or symbol touching a letter becomes the letter it stands for. */
function unleet(text: string): string {
  // Only leetspeak characters are visited; the copy is made at the first change (most texts
  // with digits have none touching a letter).
  let codes: Uint16Array | undefined;
  LEET_ANY.lastIndex = 0;
  while (LEET_ANY.test(text)) {
    const i = LEET_ANY.lastIndex - 1;
    const letter = LEET_CODES[text.charCodeAt(i)] ?? 0;
    const touching =
      (i > 0 && isLetterCode(text.charCodeAt(i - 1))) ||
      (i + 1 < text.length && isLetterCode(text.charCodeAt(i + 1)));
    if (!touching) continue;
    if (codes === undefined) {
      codes = new Uint16Array(text.length);
      for (let k = 0; k < text.length; k++) codes[k] = text.charCodeAt(k);
    }
    codes[i] = letter;
  }
  return codes === undefined ? text : UTF16.decode(codes);
}

export interface Readings {
  readonly folded: Reading;
  readonly unleeted: Reading | undefined;
  readonly unleetedLive: Uint8Array | undefined;
  fiction?: boolean;
}

/** How far past its first character a lexicon match can reach (patterns are far shorter). */
const MATCH_REACH = 512;

/**
 * Marks the words of the un-leeted reading near a changed character: one at or after the
 * character before the word (a match's look-behind) and within {@link MATCH_REACH} of its start.
 */
function liveWords(reading: Reading, folded: string): Uint8Array {
  const { text, wordStarts } = reading;
  const live = new Uint8Array(wordStarts.length);
  let change = 0;
  for (let w = 0; w < wordStarts.length; w++) {
    const from = Math.max(0, (wordStarts[w] ?? 0) - 1);
    if (change < from) change = from;
    while (change < text.length && text.charCodeAt(change) === folded.charCodeAt(change)) {
      change++;
      if (change - from >= MATCH_REACH) break;
    }
    if (change < text.length && change - from < MATCH_REACH) live[w] = 1;
  }
  return live;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/** The last few texts prepared: every constitutional critic of a run reads the same two. */
const PREPARED = new Map<string, Readings>();
const PREPARED_MAX = 8;

export function readingsOf(text: string): Readings {
  const cached = PREPARED.get(text);
  if (cached !== undefined) return cached;
  const first = text.search(NON_ASCII);
  const unfolded = first === -1 ? text : fold(text, first);
  // Nothing folded: the same-length lower case the other critics share is this one.
  const folded = unfolded === text ? analyseText(text).sameLengthLower() : lowerInPlace(unfolded);
  const unleeted = unleet(folded);
  const unleetedReading = unleeted === folded ? undefined : readingOf(unleeted);
  const readings: Readings = {
    folded: readingOf(folded),
    unleeted: unleetedReading,
    unleetedLive: unleetedReading === undefined ? undefined : liveWords(unleetedReading, folded),
  };
  if (PREPARED.size >= PREPARED_MAX) {
    const oldest = PREPARED.keys().next();
    if (oldest.done !== true) PREPARED.delete(oldest.value);
  }
  PREPARED.set(text, readings);
  return readings;
}

/** Folds and splits a text without moving any offset, so spans index the original. */
export function prepareText(text: string, source: EvidenceSource): PreparedText {
  const { folded, unleeted, unleetedLive } = readingsOf(text);
  return { source, original: text, folded, unleeted, unleetedLive };
}

// ── Context reading ──────────────────────────────────────────────────────────────────────────
