/**
 * Repetition checks of `style_checker`, the signs of model degeneration: the same sentence or
 * line again and again, the same word four or more times in a row, and a phrase looping
 * ("and then we go and then we go and then we go"). Linear in the number of words.
 */
import type { EvidenceSpan, Violation } from './types.js';

const MIN_SENTENCE_WORDS = 4;
/** Longest looping phrase looked for, in words. */
const MAX_PERIOD = 8;
/** Longest evidence text quoted. */
const MAX_QUOTE = 200;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function evidence(text: string, start: number, end: number): EvidenceSpan {
  const stop = Math.min(end, start + MAX_QUOTE);
  return { source: 'output', start, end: stop, text: text.slice(start, stop) };
}

/**
 * The words of the prose as parallel arrays (no object or string per word): offsets in the
 * lower-cased text, an id that is the same number for the same word (cheap comparisons), and
 * flags.
 */
interface Tokens {
  readonly count: number;
  /** Different words: ids run from 0 to `distinct - 1`. */
  readonly distinct: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly ids: Int32Array;
  /** {@link SENTENCE_START} and {@link NUMERIC} bits per word. */
  readonly flags: Uint8Array;
  /** The prose in lower case (same offsets). */
  readonly lower: string;
}

/** A sentence end (`.`, `!`, `?`, newline) lies between this word and the previous one. */
const SENTENCE_START = 1;
/** Digits only: a group of a card, phone or order number ("4242 4242"), not a word. */
const NUMERIC = 2;

function isWordCode(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return WORD_ASCII[code] === 1;
  return WORD_CHAR.test(text[i] ?? '');
}
const WORD_ASCII = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'") {
  WORD_ASCII[ch.charCodeAt(0)] = 1;
}

/** The word `k` of the tokens, as text. */
function wordOf(t: Tokens, k: number): string {
  return t.lower.slice(t.starts[k] ?? 0, t.ends[k] ?? 0);
}

/** Whether two spans of `text` hold the same characters. */
function sameSpan(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++)
    if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * Lower-case words with their offsets and sentence starts, in one pass. Words are interned in an
 * open-addressing table keyed by a hash of their characters (compared character by character on
 * a hash match), so no string is built per word.
 */
function tokens(prose: string): Tokens {
  const lowered = prose.toLowerCase();
  const text = lowered.length === prose.length ? lowered : prose;
  const n = text.length;
  // A word takes at least one character and one separator.
  const capacity = (n >> 1) + 1;
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const ids = new Int32Array(capacity);
  const hashes = new Int32Array(capacity);
  const flags = new Uint8Array(capacity);
  let size = 16;
  while (size < 2 * capacity) size <<= 1;
  const mask = size - 1;
  // Slot → 1 + index of the first word with that text (0: empty).
  const table = new Int32Array(size);
  let count = 0;
  let distinct = 0;
  let boundary = true;
  for (let i = 0; i < n;) {
    const code = text.charCodeAt(i);
    if (code < 0x80 ? WORD_ASCII[code] !== 1 : !isWordCode(text, i)) {
      if (code === 46 || code === 33 || code === 63 || code === 10) boundary = true;
      i++;
      continue;
    }
    const start = i;
    let numeric = true;
    let hash = 0x811c9dc5;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80 ? WORD_ASCII[c] !== 1 : !isWordCode(text, i)) break;
      if (c < 48 || c > 57) numeric = false;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    const length = i - start;
    let slot = hash & mask;
    let id = -1;
    for (let entry = table[slot] ?? 0; entry !== 0; entry = table[slot] ?? 0) {
      const other = entry - 1;
      const otherStart = starts[other] ?? 0;
      if (
        hashes[other] === hash &&
        (ends[other] ?? 0) - otherStart === length &&
        sameSpan(text, otherStart, start, length)
      ) {
        id = ids[other] ?? 0;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (id < 0) {
      id = distinct++;
      table[slot] = count + 1;
    }
    starts[count] = start;
    ends[count] = i;
    ids[count] = id;
    hashes[count] = hash;
    flags[count] = (boundary ? SENTENCE_START : 0) | (numeric ? NUMERIC : 0);
    count++;
    boundary = false;
  }
  return { count, distinct, starts, ends, ids, flags, lower: text };
}

export function repetitionViolations(text: string, prose: string): Violation[] {
  const t = tokens(prose);
  return [...repeatedSentences(text, t), ...wordRuns(text, t), ...loops(text, t)];
}

/** The same sentence (or line) several times: twice if long, three times if short. */
function repeatedSentences(text: string, t: Tokens): Violation[] {
  const { count: words, starts, ends, flags, lower } = t;
  const seen = new Map<string, [number, number][]>();
  let from = 0;
  for (let i = 1; i <= words; i++) {
    if (i < words && ((flags[i] ?? 0) & SENTENCE_START) === 0) continue;
    if (i - from >= MIN_SENTENCE_WORDS) {
      const span: [number, number] = [starts[from] ?? 0, ends[i - 1] ?? 0];
      const key = lower.slice(span[0], span[1]);
      const list = seen.get(key);
      if (list === undefined) seen.set(key, [span]);
      else list.push(span);
    }
    from = i;
  }
  let worst: { key: string; spans: [number, number][] } | undefined;
  for (const [key, spans] of seen) {
    if (worst === undefined || spans.length > worst.spans.length) worst = { key, spans };
  }
  if (worst === undefined) return [];
  const count = worst.spans.length;
  const long = (worst.key.match(/\s+/g)?.length ?? 0) >= 5;
  if (count < 2 || (count === 2 && !long)) return [];
  return [
    {
      category: 'style.repetition.sentence',
      severity: count >= 4 ? 2 : 1,
      description: `the same sentence appears ${count} times`,
      evidence: worst.spans.slice(0, 5).map(([s, e]) => evidence(text, s, e)),
    },
  ];
}

/**
 * The same word four or more times in a row. Digit groups are not words: "4242 4242 4242 4242"
 * (a documented test card) or "0000 0000" is a number written in groups, not a stutter.
 */
function wordRuns(text: string, t: Tokens): Violation[] {
  const { count: words, ids, flags } = t;
  let best: [number, number, number] | undefined;
  let start = 0;
  for (let i = 1; i <= words; i++) {
    if (i < words && ((flags[i] ?? 0) & NUMERIC) === 0 && ids[i] === ids[i - 1]) continue;
    const length = i - start;
    if (length >= 4 && (best === undefined || length > best[2])) best = [start, i - 1, length];
    start = i;
  }
  if (best === undefined) return [];
  const first = best[0];
  const last = Math.min(best[1], best[0] + 7);
  return [
    {
      category: 'style.repetition.word',
      severity: best[2] >= 8 ? 2 : 1,
      description: `"${wordOf(t, first)}" repeated ${best[2]} times in a row`,
      evidence: [evidence(text, t.starts[first] ?? 0, t.ends[last] ?? 0)],
    },
  ];
}

/**
 * Whether the words may hold a loop: a loop of period p has 2p ≥ 4 words in a row that each
 * repeat the word p before, so each has an earlier copy within {@link MAX_PERIOD} words. One pass
 * looks for four such words in a row; most prose has none and skips the per-period scans.
 */
function mayLoop(t: Tokens): boolean {
  const { count: words, ids } = t;
  const last = new Int32Array(t.distinct).fill(-MAX_PERIOD - 1);
  let near = 0;
  for (let k = 0; k < words; k++) {
    const id = ids[k] ?? 0;
    near = k - (last[id] ?? 0) <= MAX_PERIOD ? near + 1 : 0;
    if (near >= 4) return true;
    last[id] = k;
  }
  return false;
}

/** A phrase of 2–8 words repeated back to back at least three times. */
function loops(text: string, t: Tokens): Violation[] {
  if (!mayLoop(t)) return [];
  const { count: words, ids } = t;
  let best: { from: number; to: number; period: number; copies: number } | undefined;
  for (let period = 2; period <= MAX_PERIOD; period++) {
    let run = 0;
    // Three copies need a run of at least two periods of equal words.
    const minRun = 2 * period;
    for (let j = 0; j + period < words; j++) {
      if (ids[j] === ids[j + period]) run++;
      else run = 0;
      if (run < minRun) continue;
      const copies = Math.floor((run + period) / period);
      if (degenerate(ids, j - run + 1, period)) continue;
      if (best === undefined || copies > best.copies) {
        best = { from: j - run + 1, to: j + period, period, copies };
      }
    }
  }
  if (best === undefined) return [];
  const first = best.from;
  const last = Math.min(best.to, best.from + 3 * best.period - 1);
  const phrase: string[] = [];
  for (let k = best.from; k < best.from + best.period; k++) phrase.push(wordOf(t, k));
  return [
    {
      category: 'style.repetition.loop',
      severity: best.copies >= 5 ? 2 : 1,
      description: `"${phrase.join(' ')}" loops ${best.copies} times`,
      evidence: [evidence(text, t.starts[first] ?? 0, t.ends[last] ?? 0)],
    },
  ];
}

/** A period whose words are all the same is a word run, not a phrase loop. */
function degenerate(ids: Int32Array, from: number, period: number): boolean {
  const id = ids[from];
  for (let k = 1; k < period; k++) if (ids[from + k] !== id) return false;
  return true;
}
