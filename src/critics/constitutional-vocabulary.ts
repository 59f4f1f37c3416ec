/**
 * The words the compiled lexicons can begin with or continue with, numbered once for every
 * lexicon, and each reading's words as those numbers. A reading is numbered once and the result
 * shared by the six constitutional critics, so each critic's scan compares small integers
 * instead of building and hashing a string per word.
 *
 * Numbering hashes each word's characters in place and looks the hash up in an open-addressing
 * table of the vocabulary, comparing characters on a hit: no string is built for any word.
 */
import type { Reading } from './constitutional-text.js';

const IDS = new Map<string, number>();
/** The vocabulary by number. */
const WORDS: string[] = [];

/** The number of a lexicon word, registering it on first sight. */
export function internWord(word: string): number {
  let id = IDS.get(word);
  if (id === undefined) {
    id = IDS.size;
    IDS.set(word, id);
    WORDS.push(word);
  }
  return id;
}

/** FNV-1a over `text[start, end)`. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

interface Table {
  /** Vocabulary number + 1 per slot, 0 where empty. */
  readonly slots: Int32Array;
  readonly mask: number;
  /** The vocabulary's size when built: a lexicon compiled since adds words. */
  readonly size: number;
}

let table: Table = { slots: new Int32Array(1), mask: 0, size: 0 };

function currentTable(): Table {
  if (table.size === WORDS.length) return table;
  let capacity = 16;
  while (capacity < WORDS.length * 2) capacity *= 2;
  const slots = new Int32Array(capacity);
  const mask = capacity - 1;
  WORDS.forEach((word, id) => {
    let i = hashOf(word, 0, word.length) & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  });
  table = { slots, mask, size: WORDS.length };
  return table;
}

/** Whether `text[start, end)` is exactly `word`. */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) {
    if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  }
  return true;
}

/** The number of the word `text[start, end)`, −1 when no lexicon knows it. */
function lookUp({ slots, mask }: Table, text: string, start: number, end: number): number {
  for (let i = hashOf(text, start, end) & mask; ; i = (i + 1) & mask) {
    const slot = slots[i] ?? 0;
    if (slot === 0) return -1;
    if (sameWord(WORDS[slot - 1] ?? '', text, start, end)) return slot - 1;
  }
}

interface WordIds {
  readonly ids: Int32Array;
  /** The vocabulary's size when numbered. */
  readonly size: number;
}

const NUMBERED = new WeakMap<Reading, WordIds>();

/** Each word's number in the vocabulary, −1 where no lexicon knows the word (memoised). */
export function wordIdsOf(reading: Reading): Int32Array {
  const memo = NUMBERED.get(reading);
  if (memo !== undefined && memo.size === IDS.size) return memo.ids;
  const { text, wordStarts, wordEnds } = reading;
  const vocabulary = currentTable();
  const ids = new Int32Array(wordStarts.length);
  for (let w = 0; w < ids.length; w++) {
    ids[w] = lookUp(vocabulary, text, wordStarts[w] ?? 0, wordEnds[w] ?? 0);
  }
  NUMBERED.set(reading, { ids, size: IDS.size });
  return ids;
}
