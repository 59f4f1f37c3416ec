/**
 * Fast whole-word scanning with large lexicon regexes. A regex source is analysed once for the
 * first four characters its matches can start with ("trigger keys"); a text is indexed once into
 * its words; the regex then runs (sticky) only at words whose key is a trigger. A text without
 * any trigger word costs one pass over its characters, however large the lexicon. Sources whose
 * start cannot be enumerated (`\p{L}`, `\w`, `.`) fall back to a plain global scan.
 */

import { END, startKeys } from './regex-prefix.js';

/** Trigger keys are the first {@link KEY_LENGTH} characters of a word, or the word + `$`. */
const KEY_LENGTH = 4;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/** Trigger keys of a whole-word regex source, or `null` when its starts cannot be enumerated. */
export function triggerKeys(source: string): ReadonlySet<string> | null {
  return startKeys(source, KEY_LENGTH);
}

/**
 * A key as a number (cheaper than strings): four code units in base 128, so every key is a small
 * integer (a Map looks it up without boxing). Codes above 127 are clamped; clamping only makes
 * distinct keys collide, which costs a failed match, never a miss.
 */
const BASE = 128;
function unit(code: number): number {
  return code < BASE ? code : BASE - 1;
}
function numericKey(key: string): number {
  let n = 0;
  for (let i = 0; i < KEY_LENGTH; i++) n = n * BASE + unit(key.charCodeAt(i) || 0);
  return n;
}

/** The words of a text: start offsets and numeric trigger keys. */
export interface WordIndex {
  readonly starts: Int32Array;
  readonly keys: Int32Array;
  readonly length: number;
}

const END_CODE = END.charCodeAt(0);

function isWordCode(text: string, i: number, code: number): boolean {
  if (code < 0x80) return asciiWord(code);
  if (code >= 0xd800 && code <= 0xdfff) {
    return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
  }
  return WORD_CHAR.test(text[i] ?? '');
}

/** Whether an ASCII code is a word character (a-z, 0-9, _, A-Z). */
function asciiWord(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    (code >= 65 && code <= 90)
  );
}

/** Indexes the words of a (lower-case) text. */
export function indexWords(text: string): WordIndex {
  const n = text.length;
  let starts = new Int32Array(Math.max(16, n >> 2));
  let keys = new Int32Array(starts.length);
  let length = 0;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    if (code < 0x80 ? !asciiWord(code) : !isWordCode(text, i, code)) {
      i++;
      continue;
    }
    const start = i;
    let key = 0;
    let taken = 0;
    do {
      if (taken < KEY_LENGTH) {
        key = key * BASE + unit(code);
        taken++;
      }
      i++;
      code = text.charCodeAt(i);
    } while (i < n && (code < 0x80 ? asciiWord(code) : isWordCode(text, i, code)));
    if (taken < KEY_LENGTH) {
      key = key * BASE + END_CODE;
      taken++;
    }
    for (; taken < KEY_LENGTH; taken++) key *= BASE;
    if (length === starts.length) {
      const grownStarts = new Int32Array(length * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownKeys = new Int32Array(length * 2);
      grownKeys.set(keys);
      keys = grownKeys;
    }
    starts[length] = start;
    keys[length] = key;
    length++;
  }
  return { starts, keys, length };
}

const WORD_BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const WORD_AFTER = String.raw`(?![\p{L}\p{N}_])`;

/**
 * A whole-word lexicon made of alternatives (tried in order at each position, like a regex
 * alternation) that runs only where a word can start one of them.
 */
export class WordScanner {
  /** One sticky regex per alternative. */
  readonly sticky: readonly RegExp[];
  /** Trigger key → indices of the alternatives that can start there (ascending). */
  readonly byKey = new Map<number, number[]>();
  /** Set when some alternative's starts cannot be enumerated: one global regex instead. */
  readonly global: RegExp | null;

  /** Each body is a regex source without word boundaries (they are added). Text must be lower-case. */
  constructor(bodies: readonly string[] | string) {
    const list = typeof bodies === 'string' ? [bodies] : bodies;
    this.sticky = list.map((body) => new RegExp(`${WORD_BEFORE}(?:${body})${WORD_AFTER}`, 'uy'));
    let enumerable = true;
    for (const [index, body] of list.entries()) {
      const keys = triggerKeys(body);
      if (keys === null) {
        enumerable = false;
        continue;
      }
      for (const key of keys) {
        const n = numericKey(key);
        const indices = this.byKey.get(n);
        if (indices === undefined) this.byKey.set(n, [index]);
        else indices.push(index);
      }
    }
    this.global = enumerable
      ? null
      : new RegExp(`${WORD_BEFORE}(?:${list.map((b) => `(${b})`).join('|')})${WORD_AFTER}`, 'gu');
  }

  /**
   * Every match (non-overlapping, in order), up to `limit`. `onMatch` receives the index of the
   * alternative that matched and the span.
   */
  scan(
    text: string,
    words: WordIndex,
    limit: number,
    onMatch?: (alternative: number, start: number, end: number) => void,
  ): [number, number][] {
    if (this.global !== null) return this.scanGlobal(this.global, text, limit, onMatch);
    const out: [number, number][] = [];
    let after = 0;
    for (let w = 0; w < words.length && out.length < limit; w++) {
      const start = words.starts[w] ?? 0;
      if (start < after) continue;
      const candidates = this.byKey.get(words.keys[w] ?? 0);
      if (candidates === undefined) continue;
      for (const alternative of candidates) {
        const regex = this.sticky[alternative];
        if (regex === undefined) continue;
        regex.lastIndex = start;
        const m = regex.exec(text);
        if (m === null || m[0] === '') continue;
        const end = start + m[0].length;
        out.push([start, end]);
        after = end;
        onMatch?.(alternative, start, end);
        break;
      }
    }
    return out;
  }

  private scanGlobal(
    regex: RegExp,
    text: string,
    limit: number,
    onMatch?: (alternative: number, start: number, end: number) => void,
  ): [number, number][] {
    const out: [number, number][] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null && out.length < limit; m = regex.exec(text)) {
      if (m[0] === '') {
        regex.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      out.push([m.index, end]);
      if (onMatch !== undefined) {
        const groups: readonly (string | undefined)[] = m;
        onMatch(groups.findIndex((g, k) => k > 0 && g !== undefined) - 1, m.index, end);
      }
    }
    return out;
  }
}

/** One member's candidates at a trigger key. */
interface GroupEntry {
  readonly member: number;
  readonly alternatives: readonly number[];
}

/**
 * Several scanners run in one pass over the words (one map lookup per word for all of them);
 * members whose starts cannot be enumerated are scanned on their own. Each member's matches are
 * exactly what its own {@link WordScanner.scan} would return.
 */
export class WordScannerGroup<Name extends string> {
  private readonly byKey = new Map<number, GroupEntry[]>();

  constructor(private readonly members: readonly (readonly [Name, WordScanner])[]) {
    members.forEach(([, scanner], member) => {
      if (scanner.global !== null) return;
      for (const [key, alternatives] of scanner.byKey) {
        const entries = this.byKey.get(key);
        if (entries === undefined) this.byKey.set(key, [{ member, alternatives }]);
        else entries.push({ member, alternatives });
      }
    });
  }

  /** Every member's matches, up to `limit` each. */
  scanAll(text: string, words: WordIndex, limit: number): Map<Name, [number, number][]> {
    const found = this.members.map((): [number, number][] => []);
    const after = new Int32Array(this.members.length);
    for (let w = 0; w < words.length; w++) {
      const entries = this.byKey.get(words.keys[w] ?? 0);
      if (entries === undefined) continue;
      const start = words.starts[w] ?? 0;
      for (const { member, alternatives } of entries) {
        const out = found[member];
        const sticky = this.members[member]?.[1].sticky;
        if (out === undefined || sticky === undefined) continue;
        if (start < (after[member] ?? 0) || out.length >= limit) continue;
        for (const alternative of alternatives) {
          const regex = sticky[alternative];
          if (regex === undefined) continue;
          regex.lastIndex = start;
          const m = regex.exec(text);
          if (m === null || m[0] === '') continue;
          out.push([start, start + m[0].length]);
          after[member] = start + m[0].length;
          break;
        }
      }
    }
    const result = new Map<Name, [number, number][]>();
    this.members.forEach(([name, scanner], member) => {
      result.set(
        name,
        scanner.global === null ? (found[member] ?? []) : scanner.scan(text, words, limit),
      );
    });
    return result;
  }
}
