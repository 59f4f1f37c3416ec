/**
 * Person-name scanner built on the `compromise` NLP library (never a two-capitalised-words
 * regex). compromise is the slow part, so it only sees short windows around a trigger — a
 * capitalised word that compromise's lexicon knows as a first name, an honorific ("Dr.") or a
 * person cue ("my neighbour", "named") — within a bounded budget. A person it finds counts only
 * if it has a first name, an honorific or a cue, and is not a place ("Jackson, Mississippi",
 * "Victoria station", "in Chelsea"), a facility ("Lincoln Memorial", "Paris Hilton Hotel"), an
 * organisation or a product ("Julia", "Alexa").
 */
import {
  FACILITY_WORDS,
  HONORIFICS,
  LOCATIVE_WORDS,
  PERSON_LIKE_ORGANISATIONS,
  PLACE_PREFIXES,
  PRODUCT_NAMES,
  RELATION_CUES,
} from '../lexicons/pii.js';
import { escapeRegExp, phrasePattern } from '../text.js';
import { lastCueEnd, MAX_HITS_PER_KIND } from './hit.js';
import type { Claims, PiiHit } from './hit.js';
import {
  FIRST_NAME_TAGS,
  HONORIFIC,
  isFirstNameWord,
  PERSON_CUE,
  triggerWindows,
} from './name-triggers.js';
import { Batch, NlpDoc, plain, tagsOf } from './nlp.js';
import type { NlpMatch, NlpTerm } from './nlp.js';

/** Severity of a person's name on its own (raised by linkage). */
export const NAME_SEVERITY = 1;
/**
 * Severity of a lone first name with no cue, honorific or surname ("You're all set, Sarah",
 * "Jordan for Petra", "Nancy" in a biography): it identifies nobody by itself. A cue ("my
 * neighbour Priya"), an honorific or linkage to another identifier raises it.
 */
export const LONE_FIRST_NAME_SEVERITY = 0.5;

export interface NameScanOptions {
  /** Characters of the text looked at. */
  limit: number;
  /** Characters compromise may parse in total (windows around triggers). */
  budget: number;
}

export interface NameScan {
  hits: PiiHit[];
  /** Whether triggers were left unparsed because the budget ran out or the text was cut. */
  truncated: boolean;
}

const PLACE_TAGS = new Set(['Place', 'City', 'Country', 'Region', 'Organization', 'Month']);

const RELATION_CUE = phrasePattern(RELATION_CUES);
/** What every relation cue contains (case folding maps no other character to m or y). */
const RELATION_START = /my/i;
/** What every {@link HONORIFIC} match contains. */
const HONORIFIC_WORD = new RegExp(
  String.raw`(?:${HONORIFICS.map(escapeRegExp).join('|')})\.?[ \t]`,
  'u',
);
/** Tags of the terms compromise's places and organisations are made of. */
const BLOCKING_TAGS: ReadonlySet<string> = new Set(['Place', 'Address', 'Organization']);

export { triggerWindows };

export function scanNames(text: string, claims: Claims, options: NameScanOptions): NameScan {
  const scanned = text.slice(0, options.limit);
  const { windows, truncated } = triggerWindows(scanned, options.budget);
  const hits: PiiHit[] = [];
  if (windows.length === 0) return { hits, truncated: truncated || text.length > options.limit };
  // One parse for all windows: compromise's cost per call is large, and a blank line keeps
  // the windows apart (a name never runs from one window into the next).
  const batch = new Batch(scanned, windows);
  const doc = new NlpDoc(batch.joined);
  const people = candidates(scanned, windows, batch, doc);
  if (people.length === 0) return { hits, truncated: truncated || text.length > options.limit };
  // A place or organisation can only block a person through a term they share, which bears one
  // of the blocking tags (compromise's places are runs of #Place|#Address terms, organisations
  // of #Organization terms); without such a term the two queries cannot change the result.
  const blocked = people.some((p) => p.terms.some((t) => t.tags.some((g) => BLOCKING_TAGS.has(g))))
    ? batch.place([...doc.places(), ...doc.organizations()]).map((m) => spanOf(m.terms))
    : [];
  for (const person of people) {
    const hit = personHit(scanned, person, blocked);
    if (hit !== undefined && claims.take(hit)) hits.push(hit);
    if (hits.length >= MAX_HITS_PER_KIND) return { hits, truncated: true };
  }
  return { hits, truncated: truncated || text.length > options.limit };
}

/**
 * compromise's people, plus proper nouns it did not take for people right after a relation cue
 * or an honorific ("my colleague Priya", "Dr. Okafor") — unless the lexicon knows the word as
 * something else ("my friend Google") — in text order.
 */
function candidates(
  text: string,
  windows: readonly [number, number][],
  batch: Batch,
  doc: NlpDoc,
): NlpMatch[] {
  const people = batch
    .place(doc.people())
    .filter((p) => p.terms.some((t) => !t.tags.includes('Honorific')));
  const taken = people.map((p) => spanOf(p.terms));
  const byStart = (a: NlpMatch, b: NlpMatch): number => spanOf(a.terms)[0] - spanOf(b.terms)[0];
  if (!mayIntroduce(text, windows, doc)) return joinAdjacent(text, [...people].sort(byStart));
  const introduced = batch.place(doc.properNouns()).filter((m) => {
    const [start, end] = spanOf(m.terms);
    if (taken.some(([s, e]) => s < end && start < e)) return false;
    const titled = m.terms[0]?.tags.includes('Honorific') === true;
    const words = titled ? m.terms.slice(1) : m.terms;
    if (words.length === 0) return false;
    if (words.some((t) => tagsOf(plain(t.text)).length > 0 && !isFirstName(t))) return false;
    return titled || cueBefore(text, start, RELATION_CUE) || honorificBefore(text, start);
  });
  const all = [...people, ...introduced].sort(byStart);
  return joinAdjacent(text, all);
}

/**
 * Whether a proper noun in the windows may be introduced by an honorific or a relation cue: the
 * parse holds an #Honorific term, or the text a window's proper nouns are checked against (30
 * characters before a window to 2 after it) holds "my" (every relation cue starts with it) or an
 * honorific followed by a blank. When not, the proper-noun query cannot add a candidate.
 */
function mayIntroduce(text: string, windows: readonly [number, number][], doc: NlpDoc): boolean {
  if (doc.hasTag('Honorific')) return true;
  return windows.some(([from, to]) => {
    const around = text.slice(Math.max(0, from - 30), to + 2);
    return RELATION_START.test(around) || HONORIFIC_WORD.test(around);
  });
}

/**
 * Joins person matches separated by one space: compromise splits "Emily Watson's" into
 * "Emily" and "Watson's".
 */
function joinAdjacent(text: string, people: readonly NlpMatch[]): NlpMatch[] {
  const out: NlpMatch[] = [];
  for (const person of people) {
    const previous = out[out.length - 1];
    const end = previous === undefined ? -2 : spanOf(previous.terms)[1];
    if (previous !== undefined && spanOf(person.terms)[0] === end + 1 && text.charAt(end) === ' ') {
      out[out.length - 1] = {
        text: `${previous.text} ${person.text}`,
        terms: [...previous.terms, ...person.terms],
      };
    } else {
      out.push(person);
    }
  }
  return out;
}

/** `[start, end)` of a run of terms. */
function spanOf(terms: readonly NlpTerm[]): [number, number] {
  const first = terms[0];
  const last = terms[terms.length - 1];
  if (first === undefined || last === undefined) return [0, 0];
  return [first.offset.start, last.offset.start + last.offset.length];
}

function personHit(
  text: string,
  person: NlpMatch,
  blocked: readonly [number, number][],
): PiiHit | undefined {
  const terms = person.terms.filter((t) => !t.tags.includes('Honorific') || t !== person.terms[0]);
  const [start, spanEnd] = spanOf(person.terms);
  let end = spanEnd;
  if (terms.length === 0 || end <= start) return undefined;
  const raw = text.slice(start, end);
  const possessive = /['’]s$/.exec(raw);
  if (possessive !== null) end -= possessive[0].length;
  if (blocked.some(([s, e]) => s < end && start < e)) return undefined;
  if (terms.some((t) => t.tags.some((tag) => PLACE_TAGS.has(tag)))) return undefined;
  const honorific = terms.length < person.terms.length || honorificBefore(text, start);
  const cued = cueBefore(text, start);
  const firstName = terms.some((t) => t.tags.some((tag) => FIRST_NAME_TAGS.has(tag)));
  if (!firstName && !honorific && !cued) return undefined;
  if (placeLike(text, start, end, terms, honorific || cued)) return undefined;
  const name = text.slice(start, end);
  return {
    kind: 'person_name',
    subtype: terms.length > 1 ? 'full_name' : 'single_name',
    start,
    end,
    text: name,
    severity: terms.length > 1 || honorific || cued ? NAME_SEVERITY : LONE_FIRST_NAME_SEVERITY,
    linkable: true,
    normalized: name.toLowerCase(),
  };
}

/**
 * Whether an honorific ends right at `start`. The window reaches past `start` so that the
 * pattern's lookahead sees the capital the name begins with.
 */
function honorificBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 14);
  const window = text.slice(from, start + 2);
  HONORIFIC.lastIndex = 0;
  for (let m = HONORIFIC.exec(window); m !== null; m = HONORIFIC.exec(window)) {
    if (from + m.index + m[0].length === start) return true;
  }
  return false;
}

function cueBefore(text: string, start: number, cue = PERSON_CUE): boolean {
  const cueEnd = lastCueEnd(cue, text, start, 30);
  return cueEnd >= 0 && /^[\s:,"“'‘]*(?:is[\s]+)?$/.test(text.slice(cueEnd, start));
}

/** Whether the name is used as a place, facility, organisation or product name. */
function placeLike(
  text: string,
  start: number,
  end: number,
  terms: readonly NlpTerm[],
  introduced: boolean,
): boolean {
  const after = /^(\s*)(,?)\s*(\p{L}+)(?:\s(\p{Lu}\p{L}*))?/u.exec(text.slice(end, end + 60));
  if (after !== null) {
    const [, , comma, next = '', second] = after;
    const word = next.toLowerCase();
    // "Lincoln Memorial", "Victoria station"; "Jackson, Mississippi", "Charlotte, North Carolina"
    if (comma === '' && FACILITY_WORDS.has(word)) return true;
    if (comma === ',' && /^\p{Lu}/u.test(next) && isPlace(word, second?.toLowerCase())) return true;
  }
  if (facilityAhead(text, end)) return true;
  const words = terms.map((t) => t.text.toLowerCase().replace(/['’]s$/, ''));
  const previous = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '';
  if (
    PLACE_PREFIXES.has(words[0] ?? '') ||
    (/^\p{Lu}/u.test(previous) && PLACE_PREFIXES.has(previous.toLowerCase()))
  )
    return true;
  if (PERSON_LIKE_ORGANISATIONS.has(words.join(' '))) return true;
  if (terms.length > 1 || introduced) return false;
  if (PRODUCT_NAMES.has(words.join(' '))) return true;
  return LOCATIVE_WORDS.has(previous.toLowerCase());
}

const NEXT_WORD = /^[ \t]+(\p{L}+)(\.?)/u;
/** Capitalised words after a name that may still belong to it before the facility word. */
const MAX_NAME_TAIL = 3;

/**
 * Whether a facility word follows the name after a few more capitalised words or a suffix:
 * "Martin Luther King Jr. Boulevard", "John F Kennedy International Airport".
 */
function facilityAhead(text: string, end: number): boolean {
  let at = end;
  for (let n = 0; n <= MAX_NAME_TAIL; n++) {
    const m = NEXT_WORD.exec(text.slice(at, at + 40));
    if (m === null) return false;
    const word = m[1] ?? '';
    if (n > 0 && FACILITY_WORDS.has(word.toLowerCase())) return true;
    if (!/^\p{Lu}/u.test(word)) return false;
    at += m[0].length;
  }
  return false;
}

/** Whether one word, or two words together, name a place in compromise's lexicon. */
function isFirstName(term: NlpTerm): boolean {
  return isFirstNameWord(term.text);
}

function isPlace(word: string, second: string | undefined): boolean {
  const candidates = second === undefined ? [word] : [word, `${word} ${second}`, second];
  return candidates.some((w) => tagsOf(w).some((t) => PLACE_TAGS.has(t)));
}
