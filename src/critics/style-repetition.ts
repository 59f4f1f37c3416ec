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

interface Token {
  readonly word: string;
  /** The same number for the same word (cheap comparisons). */
  readonly id: number;
  readonly start: number;
  readonly end: number;
  /** A sentence end (`.`, `!`, `?`, newline) lies between this word and the previous one. */
  readonly sentenceStart: boolean;
  /** Digits only: a group of a card, phone or order number ("4242 4242"), not a word. */
  readonly numeric: boolean;
}

function isWordCode(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return WORD_ASCII[code] === 1;
  return WORD_CHAR.test(text[i] ?? '');
}
const WORD_ASCII = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'") {
  WORD_ASCII[ch.charCodeAt(0)] = 1;
}

interface Tokens {
  readonly list: Token[];
  /** The prose in lower case (same offsets). */
  readonly lower: string;
}

/** Lower-case words with their offsets and sentence starts, in one pass. */
function tokens(prose: string): Tokens {
  const lowered = prose.toLowerCase();
  const text = lowered.length === prose.length ? lowered : prose;
  const ids = new Map<string, number>();
  const out: Token[] = [];
  let boundary = true;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (!isWordCode(text, i)) {
      if (code === 46 || code === 33 || code === 63 || code === 10) boundary = true;
      i++;
      continue;
    }
    const start = i;
    let numeric = true;
    while (i < text.length && isWordCode(text, i)) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) numeric = false;
      i++;
    }
    const word = text.slice(start, i);
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
    }
    out.push({ word, id, start, end: i, sentenceStart: boundary, numeric });
    boundary = false;
  }
  return { list: out, lower: text };
}

export function repetitionViolations(text: string, prose: string): Violation[] {
  const { list, lower } = tokens(prose);
  return [...repeatedSentences(text, list, lower), ...wordRuns(text, list), ...loops(text, list)];
}

/** The same sentence (or line) several times: twice if long, three times if short. */
function repeatedSentences(text: string, words: readonly Token[], lower: string): Violation[] {
  const seen = new Map<string, [number, number][]>();
  let from = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i < words.length && words[i]?.sentenceStart !== true) continue;
    if (i - from >= MIN_SENTENCE_WORDS) {
      const span: [number, number] = [words[from]?.start ?? 0, words[i - 1]?.end ?? 0];
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
function wordRuns(text: string, words: readonly Token[]): Violation[] {
  let best: [number, number, number] | undefined;
  let start = 0;
  for (let i = 1; i <= words.length; i++) {
    const word = words[i];
    if (word !== undefined && !word.numeric && word.id === words[i - 1]?.id) continue;
    const length = i - start;
    if (length >= 4 && (best === undefined || length > best[2])) best = [start, i - 1, length];
    start = i;
  }
  if (best === undefined) return [];
  const first = words[best[0]];
  const last = words[Math.min(best[1], best[0] + 7)];
  if (first === undefined || last === undefined) return [];
  return [
    {
      category: 'style.repetition.word',
      severity: best[2] >= 8 ? 2 : 1,
      description: `"${first.word}" repeated ${best[2]} times in a row`,
      evidence: [evidence(text, first.start, last.end)],
    },
  ];
}

/** A phrase of 2–8 words repeated back to back at least three times. */
function loops(text: string, words: readonly Token[]): Violation[] {
  let best: { from: number; to: number; period: number; copies: number } | undefined;
  const ids = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) ids[i] = words[i]?.id ?? -1;
  for (let period = 2; period <= MAX_PERIOD; period++) {
    let run = 0;
    for (let j = 0; j + period < ids.length; j++) {
      if (ids[j] === ids[j + period]) run++;
      else run = 0;
      const copies = Math.floor((run + period) / period);
      if (copies < 3 || degenerate(words, j - run + 1, period)) continue;
      if (best === undefined || copies > best.copies) {
        best = { from: j - run + 1, to: j + period, period, copies };
      }
    }
  }
  if (best === undefined) return [];
  const first = words[best.from];
  const last = words[Math.min(best.to, best.from + 3 * best.period - 1)];
  if (first === undefined || last === undefined) return [];
  const phrase = words
    .slice(best.from, best.from + best.period)
    .map((t) => t.word)
    .join(' ');
  return [
    {
      category: 'style.repetition.loop',
      severity: best.copies >= 5 ? 2 : 1,
      description: `"${phrase}" loops ${best.copies} times`,
      evidence: [evidence(text, first.start, last.end)],
    },
  ];
}

/** A period whose words are all the same is a word run, not a phrase loop. */
function degenerate(words: readonly Token[], from: number, period: number): boolean {
  const id = words[from]?.id;
  for (let k = 1; k < period; k++) if (words[from + k]?.id !== id) return false;
  return true;
}
