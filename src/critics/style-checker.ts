/**
 * `style_checker` (CORE_ANALYSIS, priority 7 by name): how the response is written, never what
 * it says. Shouting, repetition and looping (typical model degeneration), length against
 * `context.maxLength`, unbalanced markup (code fences, brackets, HTML/XML tags, Markdown
 * emphasis), boilerplate refusals and AI disclaimers, excessive exclamation marks. Code (fenced
 * blocks and inline spans) is left out of the prose checks. Severities stay ≤ 2: style never
 * denies.
 */
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { CriticInput, FailureMode } from '../orchestrator/types.js';
import { buildFinding } from './finding.js';
import { ACRONYMS } from './lexicons/style-checker.js';
import {
  AI_DISCLAIMER_CUE,
  AI_DISCLAIMER_PATTERNS,
  REFUSAL_CUE,
  REFUSAL_PATTERNS,
} from './lexicons/refusals.js';
import { markupViolations } from './style-markup.js';
import { repetitionViolations } from './style-repetition.js';
import type { BuiltInCritic, EvidenceSpan, Finding, Violation } from './types.js';
import { WordStartPattern } from './word-start.js';

export const STYLE_CHECKER = 'style_checker';

/** Highest severity a style finding can reach. */
export const MAX_STYLE_SEVERITY = 2;

export interface StyleCheckerOptions {
  /** Consecutive all-caps words (acronyms aside) that count as shouting. @default 5 */
  shoutingRun?: number;
  /** Share of upper-case letters (acronyms aside) that counts as shouting. @default 0.6 */
  capsRatio?: number;
  /** Letters a response needs before the caps ratio is judged. @default 20 */
  minLetters?: number;
  /** Unmatched brackets tolerated in prose. @default 2 */
  bracketTolerance?: number;
  /** @default 'open' (style is advisory) */
  failureMode?: FailureMode;
}

export interface StyleSettings {
  readonly shoutingRun: number;
  readonly capsRatio: number;
  readonly minLetters: number;
  readonly bracketTolerance: number;
}

export function createStyleChecker(options: StyleCheckerOptions = {}): BuiltInCritic {
  const settings = settingsFrom(options);
  return {
    name: STYLE_CHECKER,
    version: '1',
    reads: ['modelResponse', 'context.maxLength'],
    failureMode: options.failureMode ?? 'open',
    maxRetries: 0,
    evaluate: (input: CriticInput) => ({ ...checkStyle(input, settings) }),
  };
}

function settingsFrom(options: StyleCheckerOptions): StyleSettings {
  const { shoutingRun = 5, capsRatio = 0.6, minLetters = 20, bracketTolerance = 2 } = options;
  if (!Number.isInteger(shoutingRun) || shoutingRun < 2) {
    throw new InvalidOptionError('shoutingRun', 'an integer >= 2', shoutingRun, STYLE_CHECKER);
  }
  if (!Number.isFinite(capsRatio) || capsRatio <= 0 || capsRatio > 1) {
    throw new InvalidOptionError('capsRatio', 'a number in (0, 1]', capsRatio, STYLE_CHECKER);
  }
  if (!Number.isInteger(minLetters) || minLetters < 1) {
    throw new InvalidOptionError('minLetters', 'an integer >= 1', minLetters, STYLE_CHECKER);
  }
  if (!Number.isInteger(bracketTolerance) || bracketTolerance < 0) {
    throw new InvalidOptionError(
      'bracketTolerance',
      'an integer >= 0',
      bracketTolerance,
      STYLE_CHECKER,
    );
  }
  return { shoutingRun, capsRatio, minLetters, bracketTolerance };
}

function checkStyle(input: CriticInput, settings: StyleSettings): Finding {
  const text = input.modelResponse;
  const prose = maskBlobs(maskCode(text));
  const violations: Violation[] = [
    ...shouting(text, prose, settings),
    ...repetitionViolations(text, prose),
    ...lengthViolations(text, input.context['maxLength']),
    ...markupViolations(text, prose, settings.bracketTolerance),
    ...boilerplate(text, prose),
    ...exclamations(text, prose),
  ].map((v) => ({ ...v, severity: Math.min(MAX_STYLE_SEVERITY, v.severity) }));
  return buildFinding(violations, {
    clean: 'No style problems found.',
    uncertainty: violations.length === 0 ? 0.1 : 0.2,
    details: { length: text.length, checks: violations.map((v) => v.category) },
  });
}

/** Longest evidence text quoted. */
const MAX_QUOTE = 200;

/** Evidence in the response (at most {@link MAX_QUOTE} characters of it). */
function evidence(text: string, start: number, end: number): EvidenceSpan {
  const stop = Math.min(end, start + MAX_QUOTE);
  return { source: 'output', start, end: stop, text: text.slice(start, stop) };
}

const FENCE = /^[ \t]*(?:```|~~~)[^\n]*$/gm;
const INLINE_CODE = /`[^`\n]+`/g;

/**
 * The text with code replaced by spaces (offsets kept): fenced blocks (an unclosed fence runs to
 * the end) and inline code spans.
 */
export function maskCode(text: string): string {
  if (!text.includes('`') && !text.includes('~~~')) return text;
  const ranges: [number, number][] = [];
  let open: number | undefined;
  FENCE.lastIndex = 0;
  for (let m = FENCE.exec(text); m !== null; m = FENCE.exec(text)) {
    if (open === undefined) open = m.index;
    else {
      ranges.push([open, m.index + m[0].length]);
      open = undefined;
    }
  }
  if (open !== undefined) ranges.push([open, text.length]);
  let masked = blank(text, ranges);
  const inline: [number, number][] = [];
  INLINE_CODE.lastIndex = 0;
  for (let m = INLINE_CODE.exec(masked); m !== null; m = INLINE_CODE.exec(masked)) {
    inline.push([m.index, m.index + m[0].length]);
  }
  masked = blank(masked, inline);
  return masked;
}

const ARMOUR_BEGIN = /-----BEGIN [A-Z0-9 ]{1,60}-----/g;
const ARMOUR_END = /-----END [A-Z0-9 ]{1,60}-----/g;
/** A line that is one base64/hex blob (a key body, a token, a hash): data, not prose. */
const BLOB_LINE = /^[ \t]*[A-Za-z0-9+/=_-]{40,}[ \t]*$/gm;

/**
 * The text with data blobs replaced by spaces (offsets kept): PEM/OpenSSH armour blocks (header,
 * base64 body, footer; an unclosed block runs to the end) and lines that are one long base64 or
 * hex token. Their capitals are encoding, not shouting.
 */
export function maskBlobs(text: string): string {
  const ranges: [number, number][] = [];
  if (text.includes('-----BEGIN ')) {
    ARMOUR_BEGIN.lastIndex = 0;
    for (let m = ARMOUR_BEGIN.exec(text); m !== null; m = ARMOUR_BEGIN.exec(text)) {
      ARMOUR_END.lastIndex = m.index + m[0].length;
      const end = ARMOUR_END.exec(text);
      const stop = end === null ? text.length : end.index + end[0].length;
      ranges.push([m.index, stop]);
      if (end === null) break;
      ARMOUR_BEGIN.lastIndex = stop;
    }
  }
  BLOB_LINE.lastIndex = 0;
  for (let m = BLOB_LINE.exec(text); m !== null; m = BLOB_LINE.exec(text)) {
    const last = ranges[ranges.length - 1];
    if (last === undefined || m.index >= last[1]) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return blank(text, merged);
}

function blank(text: string, ranges: readonly [number, number][]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

const UPPER_CHAR = /\p{Lu}/u;
const LOWER_CHAR = /\p{Ll}/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const PLURAL_ACRONYM = /^\p{Lu}+s$/u;

/** Letters, digits, `_`, `'`, `’`, `-` (ASCII fast path; other characters by Unicode class). */
function isWordish(prose: string, i: number): boolean {
  const code = prose.charCodeAt(i);
  if (code < 0x80) return WORDISH_ASCII[code] === 1;
  return code === 0x2019 || WORD_CHAR.test(prose[i] ?? '');
}
const WORDISH_ASCII = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'-") {
  WORDISH_ASCII[ch.charCodeAt(0)] = 1;
}

type Run = [start: number, end: number, words: number];

/**
 * Whether two upper-case letters (`\p{Lu}`, code points) follow each other: what `/\p{Lu}\p{Lu}/u`
 * finds, with ASCII read directly (the Unicode class costs the regex engine at every character).
 */
function hasTwoUpper(prose: string): boolean {
  let previous = false;
  for (let i = 0; i < prose.length; i++) {
    const code = prose.charCodeAt(i);
    let upper: boolean;
    if (code < 0x80) upper = code >= 65 && code <= 90;
    else {
      const codePoint = prose.codePointAt(i) ?? code;
      if (codePoint > 0xffff) i++;
      upper = UPPER_CHAR.test(String.fromCodePoint(codePoint));
    }
    if (upper && previous) return true;
    previous = upper;
  }
  return false;
}

/** Runs of ≥ `shoutingRun` all-caps words, and a response mostly in capitals (acronyms aside). */
function shouting(text: string, prose: string, settings: StyleSettings): Violation[] {
  if (!hasTwoUpper(prose)) return [];
  const runs: Run[] = [];
  let run: Run | undefined;
  let letters = 0;
  let shouted = 0;
  const n = prose.length;
  for (let i = 0; i < n;) {
    if (!isWordish(prose, i)) {
      i++;
      continue;
    }
    const start = i;
    // One pass reads the word's extent and its shape (upper- and lower-case letters; digits or `_` make it an identifier or a number).
    let upper = 0;
    let lower = 0;
    let code = false;
    for (; i < n; i++) {
      const c = prose.charCodeAt(i);
      if (c < 0x80) {
        if (WORDISH_ASCII[c] !== 1) break;
        if (c >= 97) lower++;
        else if (c >= 65) {
          if (c <= 90) upper++;
          else if (c === 95) code = true;
        } else if (c >= 48) code = true;
        continue;
      }
      if (!isWordish(prose, i)) break;
      const char = prose[i] ?? '';
      if (UPPER_CHAR.test(char)) upper++;
      else if (LOWER_CHAR.test(char)) lower++;
    }
    if (code || upper + lower === 0) continue;
    if (upper === 0 || lower > 0) {
      if (lower > 0 && upper > 1 && PLURAL_ACRONYM.test(prose.slice(start, i))) continue;
      letters += upper + lower;
      shouted += upper;
      if (run !== undefined) runs.push(run);
      run = undefined;
      continue;
    }
    if (upper < 2 || ACRONYMS.has(prose.slice(start, i).replace(/['’-]/g, ''))) continue;
    letters += upper;
    shouted += upper;
    if (run === undefined) run = [start, i, 1];
    else run = [run[0], i, run[2] + 1];
  }
  if (run !== undefined) runs.push(run);
  const long = runs.filter((r) => r[2] >= settings.shoutingRun);
  const ratio = letters === 0 ? 0 : shouted / letters;
  if (long.length === 0 && (letters < settings.minLetters || ratio <= settings.capsRatio))
    return [];
  const longest = runs.reduce<Run | undefined>(
    (a, r) => (a === undefined || r[2] > a[2] ? r : a),
    undefined,
  );
  const spans = long.length > 0 ? long : longest === undefined ? [] : [longest];
  const all = ratio > 0.9 && letters >= 80;
  return [
    {
      category: 'style.shouting',
      severity: all ? 2 : 1,
      description: `shouting: ${Math.round(ratio * 100)} % capitals${long.length > 0 ? `, ${long.length} run(s) of ${settings.shoutingRun}+ all-caps words` : ''}`,
      evidence: spans.slice(0, 5).map(([s, e]) => evidence(text, s, e)),
    },
  ];
}

/** Length against `context.maxLength` (characters): over it a concern, over twice it a violation. */
function lengthViolations(text: string, maxLength: unknown): Violation[] {
  if (typeof maxLength !== 'number' || !Number.isFinite(maxLength) || maxLength <= 0) return [];
  const limit = Math.floor(maxLength);
  if (text.length <= limit) return [];
  return [
    {
      category: 'style.length',
      severity: text.length > 2 * limit ? 2 : 1,
      description: `response is ${text.length} characters, over the maximum of ${limit}`,
      evidence: [evidence(text, limit, Math.min(text.length, limit + 120))],
    },
  ];
}

const WORD_BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const WORD_AFTER = String.raw`(?![\p{L}\p{N}_])`;
const REFUSAL_BODY = `(?:${REFUSAL_PATTERNS.join('|')})`;
const DISCLAIMER_BODY = `(?:${AI_DISCLAIMER_PATTERNS.join('|')})`;
/** Refusal wording, tried only at the words that can start it. */
const REFUSAL = new WordStartPattern(
  WORD_BEFORE + REFUSAL_BODY + WORD_AFTER,
  REFUSAL_BODY,
  'iu',
  'unicode',
);
/** AI-disclaimer wording, tried only at the words that can start it. */
const DISCLAIMER = new WordStartPattern(
  WORD_BEFORE + DISCLAIMER_BODY + WORD_AFTER,
  DISCLAIMER_BODY,
  'iu',
  'unicode',
);

/** Cheap necessary conditions: a text without its cue cannot match the full pattern. */
const REFUSAL_CUE_REGEX = new RegExp(REFUSAL_CUE, 'iu');
const DISCLAIMER_CUE_REGEX = new RegExp(AI_DISCLAIMER_CUE, 'iu');

/**
 * Severity of a plain refusal. Declining is often exactly right (a harmful request, a prompt
 * extraction) and a short "I can't help with that" is not a style fault, so a refusal alone stays
 * below a concern; what makes it boilerplate is the AI disclaimer around it ("As an AI language
 * model…"), which is reported at 1.
 */
export const REFUSAL_SEVERITY = 0.5;

/** Boilerplate refusals and AI disclaimers: a style concern, not a violation. */
function boilerplate(text: string, prose: string): Violation[] {
  const normalised = /[’‘]/.test(prose) ? prose.replace(/[’‘]/g, "'") : prose;
  const out: Violation[] = [];
  for (const [regex, cue, category, description, severity] of [
    [REFUSAL, REFUSAL_CUE_REGEX, 'style.refusal', 'refusal', REFUSAL_SEVERITY],
    [DISCLAIMER, DISCLAIMER_CUE_REGEX, 'style.ai_disclaimer', 'AI-disclaimer boilerplate', 1],
  ] as const) {
    if (!cue.test(normalised)) continue;
    const spans: EvidenceSpan[] = [];
    for (
      let m = regex.exec(normalised);
      m !== null && spans.length < 5;
      m = regex.exec(normalised, m.index + m[0].length)
    ) {
      spans.push(evidence(text, m.index, m.index + m[0].length));
    }
    if (spans.length > 0) out.push({ category, severity, description, evidence: spans });
  }
  return out;
}

const BANGS = /!{2,}/g;
const SENTENCE_END = /[.!?]+(?=\s|$)/g;

/** Runs of "!!!" or a response where most sentences end in "!". */
function exclamations(text: string, prose: string): Violation[] {
  if (!prose.includes('!')) return [];
  const runs: [number, number][] = [];
  BANGS.lastIndex = 0;
  for (let m = BANGS.exec(prose); m !== null; m = BANGS.exec(prose)) {
    if (m[0].length >= 3) runs.push([m.index, m.index + m[0].length]);
  }
  let sentences = 0;
  let exclaimed = 0;
  const first: [number, number][] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(prose); m !== null; m = SENTENCE_END.exec(prose)) {
    sentences++;
    if (m[0].includes('!')) {
      exclaimed++;
      if (first.length < 5) first.push([m.index, m.index + m[0].length]);
    }
  }
  const mostly = exclaimed >= 3 && exclaimed / sentences > 0.5;
  if (runs.length === 0 && !mostly) return [];
  return [
    {
      category: 'style.exclamation',
      severity: 1,
      description: `excessive exclamation marks (${exclaimed} of ${sentences} sentences${runs.length > 0 ? `, ${runs.length} run(s) of "!!!"` : ''})`,
      evidence: (runs.length > 0 ? runs : first).slice(0, 5).map(([s, e]) => evidence(text, s, e)),
    },
  ];
}
