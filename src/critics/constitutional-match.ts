/**
 * Finds the raw hits of a compiled lexicon in a prepared text: indexed entries at their start
 * words, scanned entries over the whole text, both readings (folded and un-leeted), leftmost
 * first with no overlaps. Attempt budgets keep adversarial inputs linear.
 */
import type { CompiledEntry, CompiledFragment, CompiledLexicon } from './constitutional-compile.js';
import { prepareText, type PreparedText, type Reading } from './constitutional-text.js';
import { wordIdsOf } from './constitutional-vocabulary.js';

/** Hits kept per category and source; more cannot change a saturated score. */
export const MAX_HITS = 40;
/** Pattern attempts per reading; past it the text is adversarial and scanning stops. */
const ATTEMPT_BUDGET = 20_000;
/** Attempts per entry and reading: an entry tried this often is being fed a repeated near-miss. */
const ENTRY_BUDGET = 1_000;

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface RawHit {
  readonly start: number;
  readonly end: number;
  readonly entry: CompiledEntry;
}

/**
 * Whether the word-boundary look-behind must be checked at a word start: only after a low
 * surrogate (the end of an astral character, which may be a letter or digit). Elsewhere the
 * reading's word split already holds it: the character before a word is no letter, digit or `_`.
 */
function guarded(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  return before >= 0xdc00 && before <= 0xdfff;
}

/** Where a sticky pattern matches from `from` to (-1 if it does not); no match array is built. */
function stickyEnd(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.test(text) ? re.lastIndex : -1;
}

/** Where a lead fragment matched at word start `start` ends (-1 if it does not), memoised. */
function leadEnd(lead: CompiledFragment, text: string, start: number): number {
  if (lead.memo.text !== text || lead.memo.start !== start) {
    lead.memo.text = text;
    lead.memo.start = start;
    lead.memo.end = stickyEnd(guarded(text, start) ? lead.sticky : lead.bare, text, start);
  }
  return lead.memo.end;
}

/** Where an entry matched at word start `start` ends (-1 if it does not). */
function entryEnd(compiled: CompiledEntry, text: string, start: number): number {
  if (compiled.lead !== undefined) {
    const from = leadEnd(compiled.lead, text, start);
    return from === -1 ? -1 : stickyEnd(compiled.sticky, text, from);
  }
  return stickyEnd(guarded(text, start) ? compiled.sticky : compiled.bare, text, start);
}

/** Attempts per entry during one {@link tryIndexed} call (reused: matching is synchronous). */
let attemptScratch = new Uint16Array(256);

/** {@link attemptScratch}, zeroed for `entries` entries. */
function attemptCounts(entries: number): Uint16Array {
  if (attemptScratch.length < entries) attemptScratch = new Uint16Array(entries);
  return attemptScratch.fill(0, 0, entries);
}

/**
 * Tries every entry whose start word (and second word) begins at a word of the reading; with
 * `live`, only at the words it marks.
 */
function tryIndexed(
  lexicon: CompiledLexicon,
  reading: Reading,
  live: Uint8Array | undefined,
  out: RawHit[],
): void {
  const { text, wordStarts } = reading;
  const ids = wordIdsOf(reading);
  const { byId } = lexicon;
  // Cleared at the first attempt: most words of most texts try nothing.
  let perEntry: Uint16Array | undefined;
  let attempts = 0;
  for (let w = 0; w < ids.length; w++) {
    const id = ids[w] ?? -1;
    // In bounds only: an out-of-bounds read would search the prototype chain.
    if (id < 0 || id >= byId.length || (live !== undefined && live[w] === 0)) continue;
    const atWord = byId[id];
    if (atWord === undefined) continue;
    const start = wordStarts[w] ?? 0;
    const candidates =
      atWord.after.size === 0 ? atWord.any : (atWord.after.get(ids[w + 1] ?? -1) ?? atWord.any);
    for (const compiled of candidates) {
      if (++attempts > ATTEMPT_BUDGET) return;
      perEntry ??= attemptCounts(lexicon.entries.length);
      if (perEntry[compiled.ordinal] === ENTRY_BUDGET) continue;
      perEntry[compiled.ordinal] = (perEntry[compiled.ordinal] ?? 0) + 1;
      const end = entryEnd(compiled, text, start);
      if (end > start) out.push({ start, end, entry: compiled });
    }
  }
}

/** Whether `text` holds one of an entry's required literals (always, when it has none). */
function mayMatch(compiled: CompiledEntry, text: string): boolean {
  const { requires } = compiled;
  if (requires === undefined) return true;
  for (const literal of requires) if (text.includes(literal)) return true;
  return false;
}

function tryScanned(lexicon: CompiledLexicon, text: string, out: RawHit[]): void {
  for (const compiled of lexicon.scanned) {
    if (!mayMatch(compiled, text)) continue;
    const re = compiled.global;
    re.lastIndex = 0;
    let found = 0;
    for (let m = re.exec(text); m !== null && found < MAX_HITS; m = re.exec(text)) {
      if (m[0] === '') re.lastIndex++;
      else {
        out.push({ start: m.index, end: m.index + m[0].length, entry: compiled });
        found++;
      }
    }
  }
}

/** Raw hits per category: leftmost first, the heavier entry on ties, no overlaps. */
export function findRaw(lexicon: CompiledLexicon, text: PreparedText): RawHit[][] {
  const all: RawHit[] = [];
  tryIndexed(lexicon, text.folded, undefined, all);
  tryScanned(lexicon, text.folded.text, all);
  if (text.unleeted !== undefined) {
    tryIndexed(lexicon, text.unleeted, text.unleetedLive, all);
    tryScanned(lexicon, text.unleeted.text, all);
  }
  const byCategory: RawHit[][] = lexicon.categories.map(() => []);
  if (all.length === 0) return byCategory;
  all.sort((a, b) => a.start - b.start || b.entry.entry.weight - a.entry.entry.weight);
  for (const hit of all) {
    const kept = byCategory[hit.entry.category];
    if (kept === undefined || kept.length >= MAX_HITS) continue;
    if (kept.some((h) => h.start < hit.end && hit.start < h.end)) continue;
    kept.push(hit);
  }
  return byCategory;
}

/** Whether the index would try `compiled` at the word starting at `start`. */
function indexed(
  lexicon: CompiledLexicon,
  reading: Reading,
  compiled: CompiledEntry,
  start: number,
) {
  const { text, wordStarts, wordEnds } = reading;
  const w = wordStarts.indexOf(start);
  if (w === -1) return false;
  const word = text.slice(start, wordEnds[w]);
  const next = w + 1 < wordStarts.length ? text.slice(wordStarts[w + 1], wordEnds[w + 1]) : '';
  return (lexicon.index.get(word) ?? []).some(
    (c) => c.compiled === compiled && (c.seconds === undefined || c.seconds.has(next)),
  );
}

/** Whether the scan would try `compiled` on a text holding `match`: one of its literals is in it. */
function required(compiled: CompiledEntry, match: string): boolean {
  return compiled.requires === undefined || mayMatch(compiled, match);
}

/**
 * Matches of an entry's whole pattern that the start-word index would never try, or that hold
 * none of a scanned entry's required literals: a lexicon authoring check for `starts` that omit
 * a word a pattern can begin with and `requires` that omit a literal. Empty when sound.
 */
export function auditStarts(lexicon: CompiledLexicon, text: string): string[] {
  const reading = prepareText(text, 'output').folded;
  const missed: string[] = [];
  for (const compiled of lexicon.entries) {
    const scanned = lexicon.scanned.includes(compiled);
    if (scanned && compiled.requires === undefined) continue;
    const re = compiled.global;
    re.lastIndex = 0;
    for (let m = re.exec(reading.text); m !== null; m = re.exec(reading.text)) {
      if (m[0] === '') re.lastIndex++;
      else if (
        scanned ? !required(compiled, m[0]) : !indexed(lexicon, reading, compiled, m.index)
      ) {
        missed.push(`${compiled.entry.id}@${m.index}: ${m[0]}`);
      }
    }
  }
  return missed;
}
