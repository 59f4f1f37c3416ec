/**
 * `prompt_injection_check` (PRE_VALIDATION, by its word "check"): instruction override,
 * role-play jailbreaks, system-prompt extraction and tool-output injection (chat-template tokens,
 * fake role lines, instructions hidden in comments or addressed to "AI assistants reading this").
 *
 * Mostly aimed at the input, also run on the output (a model echoing injected tool output or
 * disclosing its system prompt). Text is normalised before matching — lower case, zero-width and
 * bidi characters and combining marks stripped, tag characters decoded, fullwidth / math /
 * Cyrillic / Greek look-alikes folded to Latin, spaced-out letters ("i g n o r e") joined,
 * leetspeak (1→i, 0→o, 3→e, 4→a, 5→s, 7→t, @→a, $→s) undone inside words — and an index map
 * takes every match back to its ORIGINAL offsets for the evidence span. A match that needed
 * de-obfuscation gains `obfuscationBoost` severity.
 *
 * Benign senses stay at or below 1: questions and quotations about injection as a topic ("what
 * is prompt injection?", `"ignore previous instructions" is a classic attack`), git's "ignore a
 * file", "ignore the previous error", a user correcting their own earlier instructions.
 * Escalation signals are left to the constitutional critics.
 */
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { CriticInput, FailureMode } from '../orchestrator/types.js';
import { buildFinding, round } from './finding.js';
import { CONFUSABLE_BY_CODE } from './lexicons/input-validation.js';
import { REFUSAL_CUE, REFUSAL_PATTERNS } from './lexicons/refusals.js';
import {
  COMPLIANCE_CONFIRMATION,
  COMPLIANCE_GENERIC_LABELS,
  EDUCATION_CUE,
  HIDDEN_CUE,
  INJECTION_RULES,
  LEET,
  LEET_L_WORDS,
  NON_COMPLIANCE_PATTERNS,
  PERSONA_LABEL,
  QUESTION_START,
  type InjectionCategory,
  type InjectionRule,
} from './lexicons/prompt-injection-check.js';
import { escapeRegExp } from './text.js';
import { analyseText } from './text-analysis.js';
import { WordStartPattern } from './word-start.js';
import type { BuiltInCritic, EvidenceSource, Finding, Violation } from './types.js';

export const PROMPT_INJECTION_CHECK = 'prompt_injection_check';

export interface PromptInjectionCheckOptions {
  /** Severity added to a match found only after de-obfuscation (leetspeak, spacing, homoglyphs …). @default 0.5 */
  obfuscationBoost?: number;
  /** @default 'escalate' */
  failureMode?: FailureMode;
}

const WINDOW = 160;
const MAX_HITS = 20;
/** Matches graded per rule and text, and hidden-content candidates per kind: floods stay cheap. */
const MAX_MATCHES = 20;
/** Categories that compound: an override together with a jailbreak or an extraction is worse. */
const COMPOUNDING: ReadonlySet<InjectionCategory> = new Set([
  'injection.override',
  'injection.jailbreak',
  'injection.extraction',
]);

export function createPromptInjectionCheck(
  options: PromptInjectionCheckOptions = {},
): BuiltInCritic {
  const boost = options.obfuscationBoost ?? 0.5;
  if (!Number.isFinite(boost) || boost < 0 || boost > 3) {
    throw new InvalidOptionError(
      'obfuscationBoost',
      'a number in [0, 3]',
      boost,
      PROMPT_INJECTION_CHECK,
    );
  }
  return {
    name: PROMPT_INJECTION_CHECK,
    reads: ['inputText', 'modelResponse'],
    version: '1',
    failureMode: options.failureMode ?? 'escalate',
    evaluate: (input) => ({ ...checkInjection(input, boost) }),
  };
}

function checkInjection(input: CriticInput, boost: number): Finding {
  const output = input.modelResponse.replace(/\u2019/g, "'");
  const refused = REFUSAL_CUE_REGEX.test(output) && REFUSAL.test(output);
  const scanned = scanText(input.modelResponse, 'output', boost);
  // A refusing output that quotes the attempt ("that decodes to 'ignore all previous
  // instructions', which I won't do") reports it, it does not follow it.
  const fromOutput = refused ? scanned.map(asQuotedInRefusal) : scanned;
  const attempts = scanText(input.inputText, 'input', boost);
  const obfuscated = [...attempts, ...fromOutput].filter((v) =>
    v.description.endsWith('(obfuscated)'),
  ).length;
  const complied =
    attempts.some((v) => v.severity >= ATTEMPT_SEVERITY) &&
    (fromOutput.some((v) => v.severity >= 2) || showsCompliance(input));
  // With no output yet (a pre-screen) compliance cannot be judged: the attempt keeps its grade.
  const screened = input.modelResponse.trim() === '';
  const fromInput = screened ? attempts : attempts.map(complied ? asComplied : asAttemptOnly);
  const violations = [...fromInput, ...fromOutput];
  return buildFinding(violations, {
    clean: 'no prompt-injection patterns found',
    uncertainty: violations.length === 0 ? 0.15 : 0.25,
    details: {
      inputHits: fromInput.length,
      outputHits: fromOutput.length,
      obfuscated,
      complied,
    },
  });
}

/**
 * An injection attempt in the input that the (non-empty) output neither follows nor echoes is a
 * governance signal, not harm done: it is graded at most {@link ATTEMPT_SEVERITY} (constrained
 * allow). An output that shows compliance (discloses its prompt, speaks as the jailbreak persona)
 * grades the attempt 3.
 */
const ATTEMPT_SEVERITY = 2;

const REFUSAL_BODY = `(?:${[...REFUSAL_PATTERNS, ...NON_COMPLIANCE_PATTERNS].map((p) => `(?:${p})`).join('|')})`;
/** Refusal wording, tried only at words that can start it. */
const REFUSAL = new WordStartPattern(`\\b${REFUSAL_BODY}`, REFUSAL_BODY, 'iu', 'ascii');

/**
 * Found in every refusal match: the refusal cue, or "follow" (the non-compliance wording of
 * NON_COMPLIANCE_PATTERNS: "I won't follow …", "do not follow those …"). Cheap to test first.
 */
const REFUSAL_CUE_REGEX = new RegExp(`${REFUSAL_CUE}|follow\\s`, 'iu');

function asQuotedInRefusal(v: Violation): Violation {
  if (v.severity < ATTEMPT_SEVERITY) return v;
  return {
    ...v,
    severity: Math.min(v.severity, 1),
    description: `${v.description}, quoted in a refusal`,
  };
}

/** The output follows the attempt (discloses its prompt, speaks as the persona): full severity. */
function asComplied(v: Violation): Violation {
  if (v.severity < ATTEMPT_SEVERITY) return v;
  return {
    ...v,
    severity: 3,
    description: v.description.replace(/ in the input/, ' in the input, complied with'),
  };
}

function asAttemptOnly(v: Violation): Violation {
  if (v.severity <= ATTEMPT_SEVERITY) return v;
  return {
    ...v,
    severity: ATTEMPT_SEVERITY,
    description: v.description.replace(/ in the input/, ' in the input, not complied with'),
  };
}

/** Generic answer labels that say nothing about a persona (`Answer:`, `Translation:`). */
const GENERIC_LABELS: ReadonlySet<string> = new Set(COMPLIANCE_GENERIC_LABELS);

/**
 * Signs that the output follows the attempt: it speaks as a persona the input set up (`DAN:`,
 * `Libre:` at the start of a line, the label also named in the input) or confirms a jailbreak
 * mode ("Developer Mode enabled").
 */
function showsCompliance(input: CriticInput): boolean {
  const output = input.modelResponse;
  if (COMPLIANCE_CONFIRMATION.test(output)) return true;
  PERSONA_LABEL.lastIndex = 0;
  let checked = 0;
  for (
    let m = PERSONA_LABEL.exec(output);
    m !== null && checked < 5;
    m = PERSONA_LABEL.exec(output)
  ) {
    checked++;
    const label = m[1] ?? '';
    if (GENERIC_LABELS.has(label.toLowerCase())) continue;
    if (
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(label)}(?![\\p{L}\\p{N}])`, 'u').test(
        input.inputText,
      )
    ) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Normalisation with an index map back to the original text.

/**
 * A normalised view of a text. `starts[i]` is the original offset of code unit `i` of `text`
 * (undefined when the view is the original in lower case, offset for offset); `letters` holds
 * the view's letters only and is computed on first use.
 */
interface View {
  text: string;
  starts: Int32Array | undefined;
  letters: string | undefined;
}

function startOf(view: View, p: number): number {
  return view.starts === undefined ? p : (view.starts[p] ?? 0);
}

function lettersOf(view: View): string {
  if (view.letters !== undefined) return view.letters;
  const text = view.text;
  const buffer = scratch(text.length);
  let len = 0;
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c >= 0x61 && c <= 0x7a) buffer[len++] = c;
  }
  view.letters = utf16.decode(buffer.subarray(0, len));
  return view.letters;
}

let scratchBuffer = new Uint16Array(4096);

/** A reusable buffer for letters (evaluation is synchronous, and the buffer is decoded at once). */
function scratch(size: number): Uint16Array {
  if (scratchBuffer.length < size)
    scratchBuffer = new Uint16Array(Math.max(size, 2 * scratchBuffer.length));
  return scratchBuffer;
}

/** Position in the view of letter `k` of {@link lettersOf} (walks the text; matches are rare). */
function letterPosition(view: View, k: number): number {
  let seen = -1;
  for (let p = 0; p < view.text.length; p++) {
    const c = view.text.charCodeAt(p);
    if (c >= 0x61 && c <= 0x7a && ++seen === k) return p;
  }
  return view.text.length - 1;
}

const utf16 = new TextDecoder('utf-16le');
const foldCache = new Map<number, number>();
const FOLD_CACHE_LIMIT = 20_000;

/** What a non-ASCII code point becomes: a code unit, -1 to drop it, or -2 to keep it as is. */
function fold(cp: number): number {
  if (isDropped(cp)) return -1;
  if (cp >= 0xe0000 && cp <= 0xe007f) {
    const ascii = cp - 0xe0000;
    if (ascii < 0x20 || ascii === 0x7f) return -1;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
  }
  if (cp === 0x2018 || cp === 0x2019) return 0x27;
  if (cp === 0x201c || cp === 0x201d) return 0x22;
  if (
    cp === 0xa0 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  ) {
    return 0x20;
  }
  const look = CONFUSABLE_BY_CODE.get(cp);
  if (look !== undefined) return look.toLowerCase().charCodeAt(0);
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const folded = foldCompatibility(cp);
  if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(cp, folded);
  return folded;
}

/** Zero-width, bidi and other format characters, combining marks, variation selectors. */
function isDropped(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x180e ||
    cp === 0xfeff ||
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Fullwidth, math alphanumeric, circled, squared and regional-indicator letters → ASCII. */
function foldCompatibility(cp: number): number {
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return 0x61 + cp - 0x1f1e6;
  if (cp >= 0x1f150 && cp <= 0x1f169) return 0x61 + cp - 0x1f150;
  if (cp >= 0x1f170 && cp <= 0x1f189) return 0x61 + cp - 0x1f170;
  const nfkc = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
  if (nfkc.length === 1 && nfkc.charCodeAt(0) < 0x80) return nfkc.charCodeAt(0);
  if (cp > 0xffff) return -2;
  const lower = String.fromCharCode(cp).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : cp;
}

/**
 * The fast path: ASCII text needing no joins and no leetspeak is its own lower case. Everything
 * else goes through {@link rewrite}.
 */
function normalise(original: string): View {
  const lower = analyseText(original).lowerCase();
  if (lower.length === original.length) {
    const letters = lettersUnlessRewrite(lower, original);
    if (letters !== undefined) return { text: lower, starts: undefined, letters };
  }
  return rewrite(original);
}

/**
 * Whether a non-ASCII character stays as it is in the normalised view and in lower case (an em
 * dash, a bullet, CJK): then, as for ASCII, the view is the original in lower case unless a join
 * or leetspeak applies (non-ASCII characters are neither word characters nor spacers).
 */
function keptAsIs(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let kept = keptCache.get(c);
  if (kept === undefined) {
    kept = fold(c) === c && String.fromCharCode(c).toLowerCase() === String.fromCharCode(c);
    if (keptCache.size < FOLD_CACHE_LIMIT) keptCache.set(c, kept);
  }
  return kept;
}
const keptCache = new Map<number, boolean>();

/** A non-ASCII code unit. */
const NON_ASCII = /[\u0080-\uffff]/g;
/**
 * Found in every leet word (a word holding a letter and a digit, `@` or `$`: somewhere the two
 * kinds are neighbours). It starts at the rarer kind, the letter is looked for around it.
 */
const LEET_CUE = /[0-9@$](?:[a-z]|(?<=[a-z][0-9@$]))/;
/**
 * Found in every run of three one-character words joined by single spacers ("i g n"); the word
 * start is a lookbehind after the first character, so it is only tried there.
 */
const SPACED_CUE =
  /[a-z0-9@$](?<![a-z0-9@$][a-z0-9@$])[ .\-_*|/,+~][a-z0-9@$][ .\-_*|/,+~][a-z0-9@$](?![a-z0-9@$])/;

/**
 * The letters of lower-case text whose non-ASCII characters are all kept as they are, or
 * undefined when it needs rewriting: it has a leet word or three one-character words in a row.
 * The regex engine answers most texts (no cue of either: the letters are copied in one loop); a
 * text with a cue takes the exact character walk.
 */
export function lettersUnlessRewrite(lower: string, original: string): string | undefined {
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(original); m !== null; m = NON_ASCII.exec(original)) {
    if (!keptAsIs(original.charCodeAt(m.index))) return undefined;
  }
  if (LEET_CUE.test(lower) || SPACED_CUE.test(lower)) return walkLetters(lower, original);
  return asciiLetters(lower);
}

/** The a–z letters of a text, in order. */
function asciiLetters(lower: string): string {
  const buffer = scratch(lower.length);
  let len = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isLetterCode(c)) buffer[len++] = c;
  }
  return utf16.decode(buffer.subarray(0, len));
}

/** {@link lettersUnlessRewrite} character by character (exported for its equivalence test). */
export function walkLetters(lower: string, original: string): string | undefined {
  const buffer = scratch(lower.length);
  let len = 0;
  let tokenStart = -1;
  let letters = 0;
  let leet = 0;
  let run = 0;
  let prevSingleEnd = -2;
  for (let i = 0; i <= lower.length; i++) {
    let c = i < lower.length ? lower.charCodeAt(i) : 0;
    if (c >= 0x80 || original.charCodeAt(i) >= 0x80) {
      // A kept non-ASCII character is a word break, like any non-word character.
      if (!keptAsIs(original.charCodeAt(i))) return undefined;
      c = 0x80;
    }
    if (WORD_CODE[c] === 1) {
      if (tokenStart < 0) {
        tokenStart = i;
        letters = 0;
        leet = 0;
      }
      if (isLetterCode(c)) {
        letters++;
        buffer[len++] = c;
      } else if (c !== 0x32 && c !== 0x36 && c !== 0x38 && c !== 0x39) leet++;
      continue;
    }
    if (tokenStart < 0) continue;
    if (letters > 0 && leet > 0) return undefined;
    if (i - tokenStart === 1) {
      const joined =
        tokenStart === prevSingleEnd + 1 && SPACER_CODE[lower.charCodeAt(prevSingleEnd)] === 1;
      run = joined ? run + 1 : 1;
      if (run >= 3) return undefined;
      prevSingleEnd = i;
    }
    tokenStart = -1;
  }
  return utf16.decode(buffer.subarray(0, len));
}

function rewrite(original: string): View {
  const n = original.length;
  const codes = new Uint16Array(n);
  const starts = new Int32Array(n);
  let len = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (c < 0x80) {
      codes[len] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      starts[len++] = i;
      continue;
    }
    const cp = original.codePointAt(i) ?? c;
    const folded = fold(cp);
    if (folded === -2 || (folded >= 0 && cp <= 0xffff)) {
      codes[len] = folded === -2 ? c : folded;
      starts[len++] = i;
    }
    if (cp > 0xffff) {
      if (folded === -2) {
        codes[len] = original.charCodeAt(i + 1);
        starts[len++] = i;
      } else if (folded >= 0) {
        codes[len] = folded;
        starts[len++] = i;
      }
      i++;
    }
  }
  len = joinSpacedLetters(codes, starts, len);
  undoLeet(codes, len);
  return {
    text: utf16.decode(codes.subarray(0, len)),
    starts: starts.subarray(0, len),
    letters: undefined,
  };
}

/** Original end offset of the view's code unit `p` (a surrogate pair is two units long). */
function endOf(original: string, view: View, p: number): number {
  const start = startOf(view, p);
  const c = original.charCodeAt(start);
  return c >= 0xd800 && c <= 0xdbff && start + 1 < original.length ? start + 2 : start + 1;
}

/** Word characters of the view: a–z, 0–9, `@`, `$`. */
const WORD_CODE = new Uint8Array(0x10000);
for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789@$') WORD_CODE[ch.charCodeAt(0)] = 1;
/** Single-character separators between spaced-out letters: space . - _ * | / , + ~ */
const SPACER_CODE = new Uint8Array(0x10000);
for (const ch of ' .-_*|/,+~') SPACER_CODE[ch.charCodeAt(0)] = 1;

function isLetterCode(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** A one-character word at `p`. */
function singleAt(codes: Uint16Array, len: number, p: number): boolean {
  return (
    p < len &&
    WORD_CODE[codes[p] ?? 0] === 1 &&
    (p === 0 || WORD_CODE[codes[p - 1] ?? 0] !== 1) &&
    (p + 1 >= len || WORD_CODE[codes[p + 1] ?? 0] !== 1)
  );
}

/**
 * Joins runs of three or more one-character words separated by one spacer ("i g n o r e",
 * "i.g.n.o.r.e") when at least two are letters; wider gaps stay as word breaks. Compacts the
 * arrays in place and returns the new length.
 */
function joinSpacedLetters(codes: Uint16Array, starts: Int32Array, len: number): number {
  let out = 0;
  for (let p = 0; p < len; p++) {
    if (
      !singleAt(codes, len, p) ||
      !singleAt(codes, len, p + 2) ||
      SPACER_CODE[codes[p + 1] ?? 0] !== 1
    ) {
      codes[out] = codes[p] ?? 0;
      starts[out++] = starts[p] ?? 0;
      continue;
    }
    let q = p;
    let count = 1;
    let letters = isLetterCode(codes[p] ?? 0) ? 1 : 0;
    while (SPACER_CODE[codes[q + 1] ?? 0] === 1 && singleAt(codes, len, q + 2)) {
      q += 2;
      count++;
      if (isLetterCode(codes[q] ?? 0)) letters++;
    }
    const join = count >= 3 && letters >= 2;
    for (let k = p; k <= q; k++) {
      if (join && (k - p) % 2 === 1) continue;
      codes[out] = codes[k] ?? 0;
      starts[out++] = starts[k] ?? 0;
    }
    p = q;
  }
  return out;
}

/** Inside a word that has letters, leet digits and symbols become the letters they stand for. */
function undoLeet(codes: Uint16Array, len: number): void {
  for (let p = 0; p < len;) {
    if (WORD_CODE[codes[p] ?? 0] !== 1) {
      p++;
      continue;
    }
    let q = p;
    let letters = 0;
    let leet = 0;
    for (; q < len && WORD_CODE[codes[q] ?? 0] === 1; q++) {
      const c = codes[q] ?? 0;
      if (isLetterCode(c)) letters++;
      else if (c !== 0x32 && c !== 0x36 && c !== 0x38 && c !== 0x39) leet++;
    }
    if (letters > 0 && leet > 0) rewriteLeet(codes, p, q);
    p = q;
  }
}

/** {@link LEET} by code unit: the letter's code, or 0 for characters that are not leet. */
const LEET_CODE = new Uint16Array(128);
for (const [from, to] of Object.entries(LEET)) LEET_CODE[from.charCodeAt(0)] = to.charCodeAt(0);

/** Rewrites one leet word; `1` reads as `l` when that spells a known word (`a11` → `all`). */
function rewriteLeet(codes: Uint16Array, p: number, q: number): void {
  if (codes.subarray(p, q).includes(0x31)) {
    let asL = '';
    for (let k = p; k < q; k++) {
      const c = codes[k] ?? 0;
      asL += c === 0x31 ? 'l' : String.fromCharCode(LEET_CODE[c] || c);
    }
    if (LEET_L_WORDS.has(asL)) {
      for (let k = p; k < q; k++) codes[k] = asL.charCodeAt(k - p);
      return;
    }
  }
  for (let k = p; k < q; k++) {
    const c = codes[k] ?? 0;
    codes[k] = LEET_CODE[c] || c;
  }
}

// ---------------------------------------------------------------------------------------------
// Prefilter: one scan finds which rule anchors occur at the start of a word.

/** Anchors of three letters or fewer match whole words only (`ai` is not `aim`). */
const isWholeWord = (anchor: string): boolean => anchor.length <= 3;

/**
 * Each anchor mapped to the shortest prefix anchor that one scan reports for it: the scan tries
 * alternatives in order, so a longer anchor sharing a prefix would otherwise go unseen.
 */
const CANONICAL_ANCHOR: ReadonlyMap<string, string> = (() => {
  const all = [...new Set(INJECTION_RULES.flatMap((r) => r.anchors))].sort(
    (a, b) => a.length - b.length,
  );
  const map = new Map<string, string>();
  for (const anchor of all) {
    const prefix = all.find((p) => !isWholeWord(p) && anchor.startsWith(p));
    map.set(anchor, isWholeWord(anchor) ? anchor : (prefix ?? anchor));
  }
  return map;
})();
/** One scan for every anchor at the start of a word. */
const TRIGGER = new RegExp(
  `\\b(?:${[...new Set(CANONICAL_ANCHOR.values())]
    .map((a) => escapeRegExp(a) + (isWholeWord(a) ? '\\b' : ''))
    .join('|')})`,
  'g',
);

/** Where each (canonical) anchor starts a word of the text. */
type Anchors = ReadonlyMap<string, readonly number[]>;

function foundAnchors(text: string): Anchors {
  const found = new Map<string, number[]>();
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m !== null; m = TRIGGER.exec(text)) {
    const positions = found.get(m[0]);
    if (positions === undefined) found.set(m[0], [m.index]);
    else positions.push(m.index);
  }
  return found;
}

/** Each rule's anchors in canonical form, computed once. */
const RULE_ANCHORS: ReadonlyMap<InjectionRule, readonly string[]> = new Map(
  INJECTION_RULES.map((r) => [r, [...new Set(r.anchors.map((a) => CANONICAL_ANCHOR.get(a) ?? a))]]),
);

/** Positions where an anchored rule can match, or undefined to scan the whole text. */
function anchorPositions(rule: InjectionRule, found: Anchors): number[] | undefined {
  const positions: number[] = [];
  for (const anchor of RULE_ANCHORS.get(rule) ?? []) {
    const at = found.get(anchor);
    if (at === undefined) continue;
    if (positions.length + at.length > MAX_STICKY) return undefined;
    positions.push(...at);
  }
  return positions.sort((a, b) => a - b);
}

/** Sticky copies of the anchored rules' patterns, tried at single positions. */
const STICKY: ReadonlyMap<InjectionRule, RegExp> = new Map(
  INJECTION_RULES.filter((r) => r.anchored === true).map((r) => [
    r,
    new RegExp(r.pattern.source, `${r.pattern.flags.replace('g', '')}y`),
  ]),
);
/** Beyond this many anchor positions, one scan of the text is cheaper than sticky matches. */
const MAX_STICKY = 16;

function triggered(rule: InjectionRule, view: View, found: Anchors): boolean {
  for (const anchor of RULE_ANCHORS.get(rule) ?? []) if (found.has(anchor)) return true;
  if (rule.view === 'compact') return true;
  return rule.literals?.some((l) => view.text.includes(l)) ?? false;
}

// ---------------------------------------------------------------------------------------------
// Matching.

/** What grading needs of a rule (hidden-instruction hits have no pattern of their own). */
type Gradable = Omit<InjectionRule, 'pattern' | 'view' | 'anchors' | 'anchored' | 'literals'>;

interface Hit {
  rule: Gradable;
  start: number;
  end: number;
  severity: number;
  obfuscated: boolean;
  mention: boolean;
}

interface Texts {
  original: string;
  view: View;
  source: EvidenceSource;
  /** The original text in lower case, computed on first use. */
  lower: () => string;
  /** Offsets of ``` fences in the original, computed on first use. */
  fences: () => number[];
}

function scanText(original: string, source: EvidenceSource, boost: number): Violation[] {
  if (original.trim() === '') return [];
  const view = normalise(original);
  let fences: number[] | undefined;
  const texts: Texts = {
    original,
    view,
    source,
    lower: () => analyseText(original).lowerCase(),
    fences: () => (fences ??= fencePositions(original)),
  };
  const found = foundAnchors(view.text);
  const hits: Hit[] = [];
  for (const rule of INJECTION_RULES) {
    if (rule.sources !== undefined && rule.sources !== source) continue;
    if (rule.view === 'compact' || !triggered(rule, view, found)) continue;
    if (rule.view === 'words') matchWords(rule, texts, hits, found);
    else matchRaw(rule, texts, hits);
  }
  for (const rule of INJECTION_RULES) {
    if (rule.view === 'compact' && triggered(rule, view, found)) matchCompact(rule, texts, hits);
  }
  if (original.includes('<')) findHiddenInstructions(texts, hits);
  return toViolations(hits, texts, boost);
}

function matchWords(rule: InjectionRule, t: Texts, hits: Hit[], found: Anchors): void {
  let count = 0;
  for (const m of wordMatches(rule, t.view.text, found)) {
    if (++count > MAX_MATCHES) return;
    gradeWords(rule, t, hits, m);
  }
}

/** The rule's matches: sticky tries at its anchors' positions, or one scan of the text. */
function* wordMatches(
  rule: InjectionRule,
  text: string,
  found: Anchors,
): Generator<RegExpExecArray> {
  const sticky = STICKY.get(rule);
  const positions = sticky === undefined ? undefined : anchorPositions(rule, found);
  if (sticky === undefined || positions === undefined) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) yield m;
    return;
  }
  let next = 0;
  for (const at of positions) {
    if (at < next) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m === null) continue;
    next = at + m[0].length;
    yield m;
  }
}

function gradeWords(rule: InjectionRule, t: Texts, hits: Hit[], m: RegExpExecArray): void {
  const w0 = m.index;
  const w1 = w0 + m[0].length;
  const start = startOf(t.view, w0);
  const end = endOf(t.original, t.view, w1 - 1);
  const plain = t.lower().slice(start, end).replace(/[‘’]/g, "'").replace(/\s+/g, ' ');
  const obfuscated = plain !== m[0].replace(/\s+/g, ' ');
  grade(rule, t, hits, { start, end, w0, w1, obfuscated });
}

function matchCompact(rule: InjectionRule, t: Texts, hits: Hit[]): void {
  const { view } = t;
  rule.pattern.lastIndex = 0;
  const letters = lettersOf(view);
  let count = 0;
  for (let m = rule.pattern.exec(letters); m !== null; m = rule.pattern.exec(letters)) {
    if (++count > MAX_MATCHES) return;
    const w0 = letterPosition(view, m.index);
    const w1 = letterPosition(view, m.index + m[0].length - 1) + 1;
    const start = startOf(view, w0);
    const end = endOf(t.original, view, w1 - 1);
    if (hits.some((h) => h.start < end && start < h.end)) continue;
    grade(rule, t, hits, { start, end, w0, w1, obfuscated: true });
  }
}

function matchRaw(rule: InjectionRule, t: Texts, hits: Hit[]): void {
  rule.pattern.lastIndex = 0;
  let count = 0;
  for (let m = rule.pattern.exec(t.original); m !== null; m = rule.pattern.exec(t.original)) {
    if (++count > MAX_MATCHES) return;
    const lead = rule.lead?.exec(m[0])?.[0].length ?? 0;
    const start = m.index + lead;
    const end = m.index + m[0].length;
    if (start === end) continue;
    grade(rule, t, hits, { start, end, obfuscated: false });
  }
}

interface Place {
  start: number;
  end: number;
  /** Range in the normalised view (words and compact rules). */
  w0?: number;
  w1?: number;
  obfuscated: boolean;
}

function grade(rule: Gradable, t: Texts, hits: Hit[], at: Place): void {
  const [before, match, after] = context(t, at);
  let severity = rule.severity;
  if (rule.requires !== undefined) {
    const scope =
      rule.requiresScope === 'line'
        ? t
            .lower()
            .slice(at.end, lineEnd(t.original, at.end))
            .replace(/^[\s*_\]:]+/, '')
        : before + match + after;
    if (!rule.requires.test(scope)) severity = rule.withoutCue ?? 1;
  }
  if (severity > 0 && rule.softens?.test(before.slice(-40) + match + after.slice(0, 24)) === true) {
    severity = Math.min(severity, rule.softened ?? 1);
  }
  if (severity <= 0) return;
  const mention = severity > 1 && isMention(t, at, before, match, after);
  if (mention) severity = 1;
  if (hits.length < MAX_HITS * 4) {
    hits.push({ rule, start: at.start, end: at.end, severity, obfuscated: at.obfuscated, mention });
  }
}

/** Text before, of and after a match: from the normalised view when there is one. */
function context(t: Texts, at: Place): [string, string, string] {
  if (at.w0 !== undefined && at.w1 !== undefined) {
    const v = t.view.text;
    return [
      v.slice(Math.max(0, at.w0 - WINDOW), at.w0),
      v.slice(at.w0, at.w1),
      v.slice(at.w1, at.w1 + WINDOW),
    ];
  }
  const l = t.lower();
  return [
    l.slice(Math.max(0, at.start - WINDOW), at.start),
    l.slice(at.start, at.end),
    l.slice(at.end, at.end + WINDOW),
  ];
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

/**
 * Talking about injection is not injecting: a match is a mention when the text around it
 * discusses the topic and the phrase is quoted (or in a code block), or sits in a question about
 * the topic that does not address the model itself.
 */
function isMention(t: Texts, at: Place, before: string, match: string, after: string): boolean {
  if (!EDUCATION_CUE.test(before + match + after)) return false;
  if (isQuoted(t.original, at.start, at.end) || inCodeBlock(t, at.start)) return true;
  // "What is your system prompt?" is a request to the model, not a question about the topic.
  if (/\byou(?:r|rself)?\b/.test(match)) return false;
  const sentenceStart = Math.max(
    before.lastIndexOf('.'),
    before.lastIndexOf('?'),
    before.lastIndexOf('!'),
    before.lastIndexOf('\n'),
  );
  return QUESTION_START.test(before.slice(sentenceStart + 1) + match);
}

/** Inside a fenced code block: an odd number of ``` fences before the position. */
function inCodeBlock(t: Texts, position: number): boolean {
  const fences = t.fences();
  let lo = 0;
  let hi = fences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((fences[mid] ?? 0) < position) lo = mid + 1;
    else hi = mid;
  }
  return lo % 2 === 1;
}

function fencePositions(text: string): number[] {
  const positions: number[] = [];
  for (let i = text.indexOf('```'); i !== -1; i = text.indexOf('```', i + 3)) positions.push(i);
  return positions;
}

const OPENING_QUOTES = '"\'“‘«`';
const CLOSING_QUOTES = '"\'”’»`';

function isQuoted(text: string, start: number, end: number): boolean {
  let open = false;
  for (let i = start - 1; i >= Math.max(0, start - 60) && text[i] !== '\n'; i--) {
    if (OPENING_QUOTES.includes(text[i] ?? '')) {
      open = true;
      break;
    }
  }
  if (!open) return false;
  for (let i = end; i < Math.min(text.length, end + 60) && text[i] !== '\n'; i++) {
    if (CLOSING_QUOTES.includes(text[i] ?? '')) return true;
  }
  return false;
}

/** HTML / markdown comments and invisible HTML elements whose text addresses the model. */
function findHiddenInstructions(t: Texts, hits: Hit[]): void {
  const { original } = t;
  let comments = 0;
  for (
    let open = original.indexOf('<!--');
    open !== -1 && ++comments <= MAX_MATCHES;
    open = original.indexOf('<!--', open + 4)
  ) {
    const close = original.indexOf('-->', open + 4);
    const end = close === -1 ? original.length : close + 3;
    hiddenHit(
      t,
      hits,
      open,
      end,
      original.slice(open + 4, close === -1 ? end : close),
      'HTML comment',
    );
    if (close === -1) break;
  }
  for (const m of take(original.matchAll(HIDDEN_MARKDOWN), MAX_MATCHES)) {
    hiddenHit(t, hits, m.index, m.index + m[0].length, m[0], 'markdown comment');
  }
  for (const m of take(original.matchAll(HIDDEN_ELEMENT), MAX_MATCHES)) {
    const textStart = m.index + m[0].length;
    const textEnd = original.indexOf('<', textStart);
    const end = textEnd === -1 ? Math.min(original.length, textStart + 500) : textEnd;
    hiddenHit(t, hits, m.index, end, original.slice(textStart, end), 'invisible HTML element');
  }
}

function* take<T>(items: Iterable<T>, limit: number): Generator<T> {
  let n = 0;
  for (const item of items) {
    if (++n > limit) return;
    yield item;
  }
}

const HIDDEN_MARKDOWN = /^\[(?:\/\/|comment|_)\]:\s*(?:#|<>)\s*\([^)\n]{0,500}\)/gim;
const HIDDEN_ELEMENT =
  /<[a-z][a-z0-9]{0,10}\s[^<>]{0,300}?(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|opacity\s*:\s*0(?![.\d])|color\s*:\s*(?:white|#fff(?:fff)?|transparent)|(?<!-)\bhidden\b)[^<>]{0,300}>/gi;

function hiddenHit(
  t: Texts,
  hits: Hit[],
  start: number,
  end: number,
  content: string,
  where: string,
): void {
  if (!HIDDEN_CUE.test(normalise(content).text)) return;
  const rule: Gradable = {
    id: 'hidden.instructions',
    category: 'injection.hidden',
    severity: 2,
    description: `instructions hidden in an ${where}`,
  };
  grade(rule, t, hits, { start, end, obfuscated: false });
}

// ---------------------------------------------------------------------------------------------
// From hits to violations.

function toViolations(hits: readonly Hit[], t: Texts, boost: number): Violation[] {
  const kept = dedupe(hits);
  const strong = new Set(
    kept
      .filter((h) => h.severity >= 2 && COMPOUNDING.has(h.rule.category))
      .map((h) => h.rule.category),
  );
  const compound = strong.size >= 2 ? 0.5 : 0;
  return kept.slice(0, MAX_HITS).map((h) => {
    let severity = h.severity;
    if (!h.mention && severity >= 1.5 && h.obfuscated) severity += boost;
    if (severity >= 2 && COMPOUNDING.has(h.rule.category)) severity += compound;
    const label = h.mention ? `mention of ${h.rule.description}` : h.rule.description;
    return {
      category: h.rule.category,
      severity: round(Math.min(3, severity)),
      description: `${label} in the ${t.source}${h.obfuscated && !h.mention ? ' (obfuscated)' : ''}`,
      evidence: [
        { source: t.source, start: h.start, end: h.end, text: t.original.slice(h.start, h.end) },
      ],
    };
  });
}

/** Of overlapping hits in one category, the most severe stays. */
function dedupe(hits: readonly Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.severity - a.severity || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of sorted) {
    const overlaps = kept.some(
      (k) => k.rule.category === h.rule.category && k.start < h.end && h.start < k.end,
    );
    if (!overlaps) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}
