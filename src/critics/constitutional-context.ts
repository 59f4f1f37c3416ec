/**
 * How the surroundings of a hit disown it: negated, reported, quoted, asked or fictional. Each
 * reading multiplies the hit's weight by its {@link CONTEXT_FACTORS} entry.
 */
import {
  DESCRIPTIVE_ACTORS,
  DISOWNING_LABEL,
  FICTION_CUES,
  FICTION_STARTS,
  NEGATION_FAR,
  NEGATION_NEAR,
  NORMATIVE_MODAL,
  REFUTATION_AFTER,
  REPORTING_CUES,
} from './lexicons/constitutional.js';
import { keyOf, readingsOf, type Reading } from './constitutional-text.js';
import { CONTEXT_FACTORS, CONTEXT_KINDS, type ContextKind } from './constitutional-types.js';

const CLAUSE_BREAK =
  /[.!?;:\n]|(?<![\p{L}\p{N}_])(?:but|however|yet|although|though|whereas)(?![\p{L}\p{N}_])/gu;
const PRE_WINDOW = 90;
const NEAR_WINDOW = 28;
const POST_WINDOW = 90;
const QUOTE_WINDOW = 400;

/** The words before `end` that no clause boundary separates from it (partial first word dropped). */
function clauseBefore(text: string, end: number, radius: number): string {
  const from = Math.max(0, end - radius);
  let pre = text.slice(from, end);
  if (from > 0) pre = pre.slice(Math.max(0, pre.search(/\s/)));
  CLAUSE_BREAK.lastIndex = 0;
  let cut = 0;
  for (let m = CLAUSE_BREAK.exec(pre); m !== null; m = CLAUSE_BREAK.exec(pre)) {
    cut = m.index + m[0].length;
  }
  return pre.slice(cut);
}

function sentenceAfter(text: string, end: number): string {
  const post = text.slice(end, end + POST_WINDOW);
  const stop = post.search(/[.!?\n]/);
  return stop === -1 ? post : post.slice(0, stop);
}

function isNegated(text: string, start: number, end: number, clause: string): boolean {
  const near =
    clause.length > NEAR_WINDOW ? clauseBefore(clause, clause.length, NEAR_WINDOW) : clause;
  return (
    NEGATION_NEAR.test(near) ||
    NEGATION_FAR.test(clause) ||
    DISOWNING_LABEL.test(text.slice(Math.max(0, start - 40), start)) ||
    REFUTATION_AFTER.test(sentenceAfter(text, end))
  );
}

function isReported(clause: string): boolean {
  if (REPORTING_CUES.test(clause)) return true;
  DESCRIPTIVE_ACTORS.lastIndex = 0;
  let after = -1;
  for (let m = DESCRIPTIVE_ACTORS.exec(clause); m !== null; m = DESCRIPTIVE_ACTORS.exec(clause)) {
    after = m.index + m[0].length;
  }
  return after !== -1 && !NORMATIVE_MODAL.test(clause.slice(after));
}

function isQuoted(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^\s{0,3}>/.test(text.slice(lineStart, lineStart + 4))) return true;
  const from = Math.max(lineStart, start - QUOTE_WINDOW);
  let quotes = 0;
  for (let i = text.indexOf('"', from); i !== -1 && i < start; i = text.indexOf('"', i + 1)) {
    quotes++;
  }
  if (quotes % 2 === 0) return false;
  const closing = text.indexOf('"', end);
  const lineEnd = text.indexOf('\n', end);
  return closing !== -1 && closing - end < QUOTE_WINDOW && (lineEnd === -1 || closing < lineEnd);
}

function isQuestion(text: string, end: number): boolean {
  const post = text.slice(end, end + 200);
  const stop = post.search(/[.!?\n]/);
  return stop !== -1 && post[stop] === '?';
}

/** How the surroundings of `text[start, end)` disown it, among the `allowed` readings. */
export function readContext(
  text: string,
  start: number,
  end: number,
  fiction: boolean,
  allowed: ReadonlySet<ContextKind> = new Set(CONTEXT_KINDS),
): { kinds: ContextKind[]; factor: number } {
  const clause = clauseBefore(text, start, PRE_WINDOW);
  const tests: Record<ContextKind, () => boolean> = {
    negated: () => isNegated(text, start, end, clause),
    reported: () => isReported(clause),
    quoted: () => isQuoted(text, start, end),
    question: () => isQuestion(text, end),
    fiction: () => fiction,
  };
  const kinds = CONTEXT_KINDS.filter((kind) => allowed.has(kind) && tests[kind]());
  return { kinds, factor: kinds.reduce((f, kind) => f * CONTEXT_FACTORS[kind], 1) };
}

/** {@link FICTION_CUES} anchored at one position. */
const FICTION_STICKY = new RegExp(FICTION_CUES.source, `${FICTION_CUES.flags}y`);
/** Word keys of {@link FICTION_STARTS}. */
const FICTION_KEYS = new Set(FICTION_STARTS.map(keyOf));

/**
 * Whether a fiction cue may start at a word: its key is a start word's, or one of its first two
 * characters is not ASCII (a non-ASCII letter may case-fold to an ASCII one, as `ſ` does to `s`).
 */
function mayStartCue(text: string, start: number, end: number, key: number): boolean {
  if (FICTION_KEYS.has(key)) return true;
  return text.charCodeAt(start) >= 128 || (end - start > 1 && text.charCodeAt(start + 1) >= 128);
}

/**
 * `FICTION_CUES.test(reading.text)`, tried only at the words that can begin a cue: a cue opens
 * with a letter not preceded by a word character, so it starts at a word of the reading.
 */
export function hasFictionCue(reading: Reading): boolean {
  const { text, wordStarts, wordEnds, wordKeys } = reading;
  for (let w = 0; w < wordKeys.length; w++) {
    const start = wordStarts[w] ?? 0;
    if (!mayStartCue(text, start, wordEnds[w] ?? 0, wordKeys[w] ?? 0)) continue;
    FICTION_STICKY.lastIndex = start;
    if (FICTION_STICKY.test(text)) return true;
  }
  return false;
}

/** Whether the request or the response frames itself as fiction (cached per text). */
export function isFiction(input: string, output: string): boolean {
  const framed = (text: string): boolean => {
    const readings = readingsOf(text);
    readings.fiction ??= hasFictionCue(readings.folded);
    return readings.fiction;
  };
  return framed(input) || framed(output);
}
