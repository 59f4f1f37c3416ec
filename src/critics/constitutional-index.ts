/**
 * The start-word index by vocabulary number: for each word a lexicon entry can begin with, the
 * entries to try there, already narrowed by the word that follows. A scan then looks up one list
 * per word instead of testing every entry's second words one by one.
 */
import type { CompiledEntry } from './constitutional-compile.js';
import { internWord } from './constitutional-vocabulary.js';

/** An entry worth trying at a word, if the next word is one of `seconds` (any when undefined). */
export interface Candidate {
  readonly compiled: CompiledEntry;
  readonly seconds: ReadonlySet<string> | undefined;
}

/** The entries to try at one start word. */
export interface WordCandidates {
  /** Tried whatever word follows, in lexicon order. */
  readonly any: readonly CompiledEntry[];
  /**
   * By the next word's vocabulary number: `any` merged with the entries that expect that word,
   * in lexicon order (the order hits are found in, which breaks ties between equal hits).
   */
  readonly after: ReadonlyMap<number, readonly CompiledEntry[]>;
}

function candidatesOf(candidates: readonly Candidate[]): WordCandidates {
  const numbered = candidates.map(({ compiled, seconds }) => ({
    compiled,
    seconds: seconds === undefined ? undefined : new Set([...seconds].map(internWord)),
  }));
  const nexts = new Set(numbered.flatMap(({ seconds }) => [...(seconds ?? [])]));
  const after = new Map<number, CompiledEntry[]>();
  for (const next of nexts) {
    const list = numbered.filter((c) => c.seconds === undefined || c.seconds.has(next));
    after.set(
      next,
      list.map((c) => c.compiled),
    );
  }
  const any = numbered.filter((c) => c.seconds === undefined).map((c) => c.compiled);
  return { any, after };
}

/** The index by vocabulary number: an array, so a scan looks a word up without hashing. */
export function numberIndex(
  index: ReadonlyMap<string, readonly Candidate[]>,
): (WordCandidates | undefined)[] {
  const ids = [...index.keys()].map(internWord);
  // Dense (holes would turn a large sparse array into a dictionary, hashed on every look-up).
  const byId = Array.from<WordCandidates | undefined>({
    length: Math.max(-1, ...ids) + 1,
  }).fill(undefined);
  let i = 0;
  for (const candidates of index.values()) byId[ids[i++] ?? 0] = candidatesOf(candidates);
  return byId;
}
