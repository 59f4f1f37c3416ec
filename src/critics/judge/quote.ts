/**
 * Locating the judge's evidence quotes in the texts it was shown, with real offsets.
 */
import type { EvidenceSpan } from '../types.js';

/** How an evidence quote was found: in the response (by which pass), only in the input, or not at all. */
export type QuoteMatch =
  'exact' | 'whitespace' | 'case' | 'fragments' | 'input' | 'not_found' | 'missing';

export interface LocatedQuote {
  match: QuoteMatch;
  span: EvidenceSpan | undefined;
}

/** Non-space characters a quote needs to count as evidence (unless it is the whole response). */
const MIN_QUOTE_CHARS = 3;

/**
 * Finds the judge's quote in the response: exactly, then with whitespace runs collapsed, then
 * also ignoring case and typographic quotes and dashes, then as `…`-separated fragments in order.
 * A quote found only in the user's input gets an input span (it is still not evidence about the
 * response). Offsets are the real ones in the searched text.
 */
export function locateQuote(quote: string, response: string, inputText: string): LocatedQuote {
  const needle = quote.trim();
  const nonSpace = needle.replace(/\s/g, '').length;
  if (nonSpace === 0 || (nonSpace < MIN_QUOTE_CHARS && needle !== response.trim())) {
    return { match: 'missing', span: undefined };
  }
  const inResponse = find(needle, response);
  if (inResponse !== undefined)
    return { match: inResponse.how, span: toSpan('output', response, inResponse) };
  const pieces = findFragments(needle, response);
  if (pieces !== undefined) return { match: 'fragments', span: toSpan('output', response, pieces) };
  const inInput = find(needle, inputText);
  if (inInput !== undefined) return { match: 'input', span: toSpan('input', inputText, inInput) };
  return { match: 'not_found', span: undefined };
}

interface Found {
  how: 'exact' | 'whitespace' | 'case';
  start: number;
  end: number;
}

function find(needle: string, haystack: string): Found | undefined {
  const exact = haystack.indexOf(needle);
  if (exact !== -1) return { how: 'exact', start: exact, end: exact + needle.length };
  for (const how of ['whitespace', 'case'] as const) {
    const folded = fold(haystack, how === 'case');
    const target = fold(needle, how === 'case').text;
    const at = folded.text.indexOf(target);
    if (at !== -1) return { how, ...folded.original(at, at + target.length) };
  }
  return undefined;
}

/** The quote split at ellipses, each piece found after the previous one (loosely). */
function findFragments(
  needle: string,
  haystack: string,
): { start: number; end: number } | undefined {
  const pieces = needle
    .split(/\.\.\.|…/)
    .map((piece) => fold(piece.trim(), true).text)
    .filter((piece) => piece.replace(/\s/g, '').length >= MIN_QUOTE_CHARS);
  if (pieces.length < 2) return undefined;
  const folded = fold(haystack, true);
  let from = 0;
  let first = -1;
  for (const piece of pieces) {
    const at = folded.text.indexOf(piece, from);
    if (at === -1) return undefined;
    if (first === -1) first = at;
    from = at + piece.length;
  }
  return folded.original(first, from);
}

const TYPOGRAPHY: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

interface Folded {
  text: string;
  /** The original range behind folded positions [start, end). */
  original(start: number, end: number): { start: number; end: number };
}

/**
 * Collapses whitespace runs to one space and, when `loose`, lower-cases and folds typographic
 * punctuation, remembering where each folded character came from.
 */
function fold(source: string, loose: boolean): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let inSpace = false;
  for (let i = 0; i < source.length;) {
    const width = (source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const char = source.slice(i, i + width);
    const space = /^\s$/u.test(char);
    const out = space
      ? inSpace
        ? ''
        : ' '
      : loose
        ? (TYPOGRAPHY[char] ?? char.toLowerCase())
        : char;
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    text += out;
    inSpace = space;
    i += width;
  }
  return {
    text,
    original: (start, end) => ({ start: starts[start] ?? 0, end: ends[end - 1] ?? source.length }),
  };
}

function toSpan(
  source: 'output' | 'input',
  text: string,
  range: { start: number; end: number },
): EvidenceSpan {
  return { source, start: range.start, end: range.end, text: text.slice(range.start, range.end) };
}
