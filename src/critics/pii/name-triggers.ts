/**
 * Where the name scanner lets compromise look: windows around trigger words — a capitalised word
 * that compromise's lexicon knows as a first name, an honorific ("Dr.") or a person cue ("my
 * neighbour", "named") — merged and cut to a character budget.
 *
 * The triggers are found in one pass over the text each, without regex lookbehinds at every
 * position (see `boundary.ts`): a text with no capital letter, honorific or cue costs little more
 * than reading it.
 */
import { HONORIFICS, RELATION_CUES, ROLE_CUES } from '../lexicons/pii.js';
import { escapeRegExp, phrasePattern } from '../text.js';
import { execAfter, splitLookbehind } from './boundary.js';
import { plain, tagsOf } from './nlp.js';
import { nextStart, PhraseStarts } from './phrase-starts.js';

/** Characters of context before and after a trigger (snapped outwards to whitespace). */
const BEFORE = 24;
const AFTER = 48;

/** compromise's lexicon tags of a first name. */
export const FIRST_NAME_TAGS: ReadonlySet<string> = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
]);

/** A capitalised word: a trigger when the lexicon knows it as a first name. */
const CAPITALISED = /(?<![\p{L}\p{N}_'’])\p{Lu}\p{Ll}{1,24}(?![\p{L}\p{N}])/gu;
const CAPITALISED_SCAN = splitLookbehind(CAPITALISED);
/** {@link CAPITALISED} without its lookbehind, tried at one position. */
const CAPITALISED_AT = new RegExp(CAPITALISED_SCAN.body.source, 'uy');

/** An honorific before a capital ("Dr. ", "Mrs "). */
export const HONORIFIC = new RegExp(
  String.raw`(?<![\p{L}])(?:${HONORIFICS.map(escapeRegExp).join('|')})\.?[ \t]{1,3}(?=\p{Lu})`,
  'gu',
);
/** A relation or role cue that introduces a person ("my neighbour", "named"). */
export const PERSON_CUE = phrasePattern([...RELATION_CUES, ...ROLE_CUES]);
const HONORIFIC_SCAN = splitLookbehind(HONORIFIC);
const PERSON_CUE_STARTS = new PhraseStarts(PERSON_CUE, [...RELATION_CUES, ...ROLE_CUES]);

/** Whether a word is a first name in compromise's lexicon. */
export function isFirstNameWord(word: string): boolean {
  return tagsOf(plain(word)).some((t) => FIRST_NAME_TAGS.has(t));
}

/** Merged windows around every trigger, in text order, within the budget. */
export function triggerWindows(
  text: string,
  budget: number,
): { windows: [number, number][]; truncated: boolean } {
  const windows: [number, number][] = [];
  let used = 0;
  for (const at of triggers(text)) {
    const from = snap(text, Math.max(0, at - BEFORE), -1);
    const to = snap(text, Math.min(text.length, at + AFTER), 1);
    const last = windows[windows.length - 1];
    if (last !== undefined && from <= last[1]) {
      used += Math.max(0, to - last[1]);
      last[1] = Math.max(last[1], to);
    } else {
      used += to - from;
      windows.push([from, to]);
    }
    if (used > budget) {
      const final = windows[windows.length - 1];
      if (final !== undefined) final[1] = Math.max(final[0], final[1] - (used - budget));
      return { windows, truncated: true };
    }
  }
  return { windows, truncated: false };
}

/** Offsets of trigger words, ascending. */
function triggers(text: string): number[] {
  const out = firstNames(text);
  HONORIFIC_SCAN.body.lastIndex = 0;
  for (let m = execAfter(HONORIFIC_SCAN, text); m !== null; m = execAfter(HONORIFIC_SCAN, text)) {
    out.push(m.index);
  }
  out.push(...PERSON_CUE_STARTS.starts(text));
  return out.sort((a, b) => a - b);
}

/**
 * Starts of the {@link CAPITALISED} matches that are first names. A match starts at an upper-case
 * letter, so the pattern is tried only at ASCII capitals and non-ASCII characters, and the
 * search goes on from the end of a match or the next code point, as a global search would.
 */
function firstNames(text: string): number[] {
  const out: number[] = [];
  const { start } = CAPITALISED_SCAN;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 || (code >= 65 && code <= 90)) {
      const end = code < 0x80 ? asciiCapitalised(text, i) : -2;
      let word: string | undefined;
      if (end === -2) {
        CAPITALISED_AT.lastIndex = i;
        word = CAPITALISED_AT.exec(text)?.[0];
      } else if (end !== -1) word = text.slice(i, end);
      if (word !== undefined && start(text, i)) {
        if (isFirstNameWord(word)) out.push(i);
        i += word.length;
        continue;
      }
    }
    // Its lookbehind rejects letters, digits and `_`, so no match starts inside an ASCII word.
    i = nextStart(text, i, code);
  }
  return out;
}

/**
 * Where {@link CAPITALISED_AT} matching at the ASCII capital at `i` ends, read without the regex
 * engine: -1 when it cannot match, -2 when a non-ASCII character decides (ask the regex). The
 * match is the capital and its run of 1–24 lower-case letters, followed by no letter or digit
 * (a longer run, or one running into a capital or digit, backtracks to no match).
 */
function asciiCapitalised(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
  if (j === text.length) return j - i >= 2 && j - i <= 25 ? j : -1;
  const next = text.charCodeAt(j);
  if (next >= 0x80) return -2;
  if (j - i < 2 || j - i > 25) return -1;
  const alphanumeric =
    (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
  return alphanumeric ? -1 : j;
}

/** Moves an offset outwards to the nearest whitespace (at most 20 characters). */
function snap(text: string, at: number, direction: -1 | 1): number {
  let i = at;
  for (let n = 0; n < 20 && i > 0 && i < text.length && !/\s/.test(text.charAt(i)); n++) {
    i += direction;
  }
  return i;
}
