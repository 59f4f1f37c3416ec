/**
 * The words the compiled lexicons can begin with or continue with, numbered once for every
 * lexicon, and each reading's words as those numbers. A reading is numbered once and the result
 * shared by the six constitutional critics, so each critic's scan compares small integers
 * instead of building and hashing a string per word.
 */
import { keyOf, type Reading } from './constitutional-text.js';

const IDS = new Map<string, number>();
/** Cheap keys of the vocabulary's words: a word whose key is absent is never sliced. */
const KEYS = new Set<number>();

/** The number of a lexicon word, registering it on first sight. */
export function internWord(word: string): number {
  let id = IDS.get(word);
  if (id === undefined) {
    id = IDS.size;
    IDS.set(word, id);
    KEYS.add(keyOf(word));
  }
  return id;
}

interface WordIds {
  readonly ids: Int32Array;
  /** The vocabulary's size when numbered: a lexicon compiled since adds words. */
  readonly size: number;
}

const NUMBERED = new WeakMap<Reading, WordIds>();

/** Each word's number in the vocabulary, −1 where no lexicon knows the word (memoised). */
export function wordIdsOf(reading: Reading): Int32Array {
  const memo = NUMBERED.get(reading);
  if (memo !== undefined && memo.size === IDS.size) return memo.ids;
  const { text, wordStarts, wordEnds, wordKeys } = reading;
  const ids = new Int32Array(wordKeys.length).fill(-1);
  for (let w = 0; w < wordKeys.length; w++) {
    if (!KEYS.has(wordKeys[w] ?? 0)) continue;
    ids[w] = IDS.get(text.slice(wordStarts[w], wordEnds[w])) ?? -1;
  }
  NUMBERED.set(reading, { ids, size: IDS.size });
  return ids;
}
