/**
 * `input_validation` (PRE_VALIDATION): checks that the user input and the model output are
 * well-formed text with nothing hidden in them.
 *
 * - empty or whitespace-only input or output (1), text over `maxChars` (2);
 * - invisible and control characters: zero-width characters (1; runs of 8 or more are
 *   steganography, 2), bidi embeddings and isolates (2, or 1 in right-to-left text), bidi
 *   overrides ("Trojan Source", 2), a mid-text byte-order mark (1), terminal escape sequences
 *   (2). Joiners inside emoji sequences or joining scripts and direction marks in right-to-left
 *   text are legitimate and not reported;
 * - smuggling channels: tag characters outside an emoji flag sequence (3 when they spell text,
 *   else 2) and runs of variation selectors encoding bytes (3 when the bytes spell text, else 2);
 * - homoglyphs: a word mixing Latin letters with Cyrillic/Greek look-alikes (`раypal`, 2);
 * - encoding tricks: base64 runs of 16+ characters and hex runs of 16+ bytes whose decoded text
 *   is printable and reads as instructions (2–3), or as plain prose (1: text dressed up in an
 *   encoding); runs of 6+ HTML numeric character references (`&#73;&#103;…`) likewise; binary
 *   payloads (images, hashes) are ignored;
 * - styled letters: 6+ fullwidth (`ｉｇｎｏｒｅ`) or mathematical alphanumeric (`𝐡𝐨𝐰`) letters
 *   outside CJK text (1, or 2 when the folded text holds an instruction-override phrase);
 * - a soft hyphen between two letters (copied from a hyphenated PDF) is 0.5, not a concern;
 * - malformed UTF-16: lone surrogates (2).
 *
 * Both texts are weighed fully: what is hidden in the input is aimed at the model. Evidence spans
 * point at the offending characters or runs; for an invisible character the span text is the
 * character itself.
 */
import { Buffer } from 'node:buffer';
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { CriticInput, FailureMode } from '../orchestrator/types.js';
import { buildFinding } from './finding.js';
import {
  BLACK_FLAG,
  CHAR_KIND,
  CHAR_NAMES,
  CONFUSABLE_BY_CODE,
  CharKind,
  INSTRUCTION_WORDS,
  NON_LATIN_LOOKALIKE_SCRIPT,
  REQUEST_OPENERS,
  RTL_LETTER,
  STRONG_INSTRUCTION_PHRASES,
  TAG_CANCEL_LOW,
  TAG_HIGH,
  TAG_LOW_LAST,
  VS_SUPPLEMENT_LOW_FIRST,
  VS_SUPPLEMENT_LOW_LAST,
} from './lexicons/input-validation.js';
import { phrasePattern } from './text.js';
import type { BuiltInCritic, EvidenceSource, EvidenceSpan, Finding, Violation } from './types.js';

export const INPUT_VALIDATION = 'input_validation';

export interface InputValidationOptions {
  /** Longest acceptable text in UTF-16 code units; a longer input or output is severity 2. @default 100_000 */
  maxChars?: number;
  /** @default 'escalate' */
  failureMode?: FailureMode;
}

/** Spans kept per group of characters, and runs or words reported per category and text. */
const MAX_EVIDENCE = 10;
/** Longer "words" are not disguised words (and are not worth the per-letter work). */
const MAX_WORD = 64;
/** Encoded runs decoded per text: a flood of base64 stays cheap. */
const MAX_RUNS = 256;
/** Consecutive zero-width characters from which a run is treated as steganography. */
const STEGO_RUN = 8;
/** Consecutive variation selectors from which a run is treated as an encoded payload. */
const VS_RUN = 4;

export function createInputValidation(options: InputValidationOptions = {}): BuiltInCritic {
  const maxChars = options.maxChars ?? 100_000;
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    throw new InvalidOptionError('maxChars', 'an integer >= 1', maxChars, INPUT_VALIDATION);
  }
  return {
    name: INPUT_VALIDATION,
    reads: ['inputText', 'modelResponse'],
    version: '1',
    failureMode: options.failureMode ?? 'escalate',
    evaluate: (input) => ({ ...validateTexts(input, maxChars) }),
  };
}

function validateTexts(input: CriticInput, maxChars: number): Finding {
  const violations = [
    ...checkText(input.inputText, 'input', maxChars),
    ...checkText(input.modelResponse, 'output', maxChars),
  ];
  return buildFinding(violations, {
    clean: 'input and output are well-formed text with nothing hidden in them',
    details: { inputChars: input.inputText.length, outputChars: input.modelResponse.length },
  });
}

function checkText(text: string, source: EvidenceSource, maxChars: number): Violation[] {
  const violations: Violation[] = [];
  if (text.trim() === '') violations.push(empty(text, source));
  if (text.length > maxChars) violations.push(oversized(text, source, maxChars));
  scanCharacters(text, source, violations);
  checkHomoglyphs(text, source, violations);
  checkEncodedRuns(text, source, violations);
  checkEntityRuns(text, source, violations);
  checkStyledLetters(text, source, violations);
  return violations;
}

function empty(text: string, source: EvidenceSource): Violation {
  const which = source === 'output' ? 'the model response' : 'the user input';
  return {
    category: 'validation.empty',
    severity: 1,
    description: `${which} is ${text === '' ? 'empty' : 'whitespace only'}`,
    evidence: [{ source, start: 0, end: text.length, text }],
  };
}

/** Evidence is the first code point past the limit, not the (possibly huge) overflow. */
function oversized(text: string, source: EvidenceSource, maxChars: number): Violation {
  const end = isHigh(text.charCodeAt(maxChars)) ? maxChars + 2 : maxChars + 1;
  return {
    category: 'validation.oversized',
    severity: 2,
    description: `${source} is ${text.length} characters long, over the limit of ${maxChars}`,
    evidence: [{ source, start: maxChars, end, text: text.slice(maxChars, end) }],
  };
}

// ---------------------------------------------------------------------------------------------
// Invisible, control and smuggling characters: one pass over the code units.

/** Characters of one category in one text, reported as one violation. */
interface Group {
  category: string;
  severity: number;
  /** Occurrences per character code. */
  names: Map<number, number>;
  spans: EvidenceSpan[];
  count: number;
}

interface Scan {
  text: string;
  source: EvidenceSource;
  rtl: boolean;
  groups: Map<string, Group>;
  runs: Violation[];
  /** The last word judged for soft hyphens, so the hyphens of one word are judged once. */
  softWord?: { start: number; end: number; benign: boolean };
}

function scanCharacters(text: string, source: EvidenceSource, out: Violation[]): void {
  const scan: Scan = { text, source, rtl: RTL_LETTER.test(text), groups: new Map(), runs: [] };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09) continue;
    const kind = (CHAR_KIND[c] ?? CharKind.NONE) as CharKind;
    if (kind === CharKind.NONE) continue;
    if (kind === CharKind.HIGH_SURROGATE || kind === CharKind.LOW_SURROGATE) {
      i = surrogate(scan, i);
    } else if (kind === CharKind.VARIATION_SELECTOR) {
      i = variationRun(scan, i);
    } else if (isZeroWidthish(c) && zeroWidthRunEnd(text, i) - i >= STEGO_RUN) {
      i = stegoRun(scan, i);
    } else {
      gradeChar(scan, i, c, kind);
    }
  }
  for (const group of scan.groups.values()) out.push(groupViolation(group, source));
  out.push(...scan.runs);
}

function gradeChar(scan: Scan, i: number, c: number, kind: CharKind): void {
  switch (kind) {
    case CharKind.ZERO_WIDTH:
      addChar(scan, i, 1, 'validation.invisible', softHyphenInWord(scan, i, c) ? 0.5 : 1, c);
      return;
    case CharKind.FILLER:
      addChar(scan, i, 1, 'validation.invisible', 1, c);
      return;
    case CharKind.JOINER:
      if (!legitimateJoiner(scan.text, i, c)) addChar(scan, i, 1, 'validation.invisible', 1, c);
      return;
    case CharKind.DIRECTION_MARK:
      if (!scan.rtl) addChar(scan, i, 1, 'validation.invisible', 1, c);
      return;
    case CharKind.BOM:
      if (i > 0) addChar(scan, i, 1, 'validation.invisible', 1, c);
      return;
    case CharKind.BIDI_EMBEDDING:
      addChar(scan, i, 1, 'validation.bidi', scan.rtl ? 1 : 2, c);
      return;
    case CharKind.BIDI_OVERRIDE:
      addChar(scan, i, 1, 'validation.bidi', 2, c);
      return;
    case CharKind.CONTROL:
      addChar(scan, i, 1, 'validation.control', 1, c);
      return;
    case CharKind.ESCAPE: {
      const next = scan.text[i + 1];
      const sequence = next === '[' || next === ']';
      addChar(scan, i, 1, 'validation.control', sequence ? 2 : 1, sequence ? -c : c);
      return;
    }
    case CharKind.NONE:
    case CharKind.HIGH_SURROGATE:
    case CharKind.LOW_SURROGATE:
    case CharKind.VARIATION_SELECTOR:
      return;
    default: {
      const unreachable: never = kind;
      throw new TypeError(`unknown character kind ${String(unreachable)}`);
    }
  }
}

const LETTER = /\p{L}/u;

/** Characters looked at on each side of a soft hyphen to rebuild its word. */
const WORD_REACH = 40;

function isWordPart(c: number, ch: string): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return c === 0xad || LETTER.test(ch);
}

/**
 * A soft hyphen between two letters in a word that is no instruction word: a hyphenation point
 * from copied PDF or word-processor text ("dé\u00adcla\u00adra\u00adtion"). One that splits
 * "ig\u00adnore" hides a keyword from filters and stays a concern.
 */
function softHyphenInWord(scan: Scan, i: number, c: number): boolean {
  const text = scan.text;
  if (c !== 0xad || !LETTER.test(text.charAt(i - 1)) || !LETTER.test(text.charAt(i + 1))) {
    return false;
  }
  const judged = scan.softWord;
  if (judged !== undefined && i > judged.start && i < judged.end) {
    return judged.benign;
  }
  let s = i;
  while (s > 0 && i - s < WORD_REACH && isWordPart(text.charCodeAt(s - 1), text.charAt(s - 1))) s--;
  let e = i + 1;
  while (e < text.length && e - i < WORD_REACH && isWordPart(text.charCodeAt(e), text.charAt(e))) {
    e++;
  }
  const word = text
    .slice(s, e)
    .replace(/\u00ad/g, '')
    .toLowerCase();
  WEAK_PATTERN.lastIndex = 0;
  STRONG_PATTERN.lastIndex = 0;
  const benign = !WEAK_PATTERN.test(word) && !STRONG_PATTERN.test(word);
  scan.softWord = { start: s, end: e, benign };
  return benign;
}

/** Records one character; `code` names it in the description (negative: an ESC sequence). */
function addChar(
  scan: Scan,
  start: number,
  length: number,
  category: string,
  severity: number,
  code: number,
): void {
  let group = scan.groups.get(category);
  if (group === undefined) {
    group = { category, severity, names: new Map(), spans: [], count: 0 };
    scan.groups.set(category, group);
  }
  group.severity = Math.max(group.severity, severity);
  group.names.set(code, (group.names.get(code) ?? 0) + 1);
  group.count++;
  if (group.spans.length < MAX_EVIDENCE) group.spans.push(span(scan, start, start + length));
}

const GROUP_LABELS: Readonly<Record<string, string>> = {
  'validation.invisible': 'invisible character',
  'validation.bidi': 'bidirectional control character',
  'validation.control': 'control character',
  'validation.malformed_utf16': 'lone surrogate',
};

function groupViolation(group: Group, source: EvidenceSource): Violation {
  const label = GROUP_LABELS[group.category] ?? group.category;
  const names = [...group.names]
    .map(([code, n]) => {
      const name = charName(code, group.category);
      return n > 1 ? `${name} ×${n}` : name;
    })
    .join(', ');
  const plural = group.count === 1 ? '' : 's';
  return {
    category: group.category,
    severity: group.severity,
    description: `${group.count} ${label}${plural} in the ${source} (${names})`,
    evidence: group.spans,
  };
}

function charName(code: number, category: string): string {
  if (code < 0) return 'terminal escape sequence';
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (category === 'validation.malformed_utf16')
    return `${isHigh(code) ? 'high' : 'low'} surrogate ${hex}`;
  if (code === 0x1b) return 'escape character';
  const name = CHAR_NAMES[code] ?? hex;
  return category === 'validation.control' ? `control character ${name}` : name;
}

function span(scan: Scan, start: number, end: number): EvidenceSpan {
  return { source: scan.source, start, end, text: scan.text.slice(start, end) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Handles the surrogate at `i`; returns the index of the last code unit consumed. */
function surrogate(scan: Scan, i: number): number {
  const c = scan.text.charCodeAt(i);
  const next = scan.text.charCodeAt(i + 1);
  if (isHigh(c) && isLow(next)) {
    if (c === TAG_HIGH && next <= TAG_LOW_LAST) return tagRun(scan, i);
    if (c === TAG_HIGH && next >= VS_SUPPLEMENT_LOW_FIRST && next <= VS_SUPPLEMENT_LOW_LAST) {
      return variationRun(scan, i);
    }
    return i + 1;
  }
  addChar(scan, i, 1, 'validation.malformed_utf16', 2, c);
  return i;
}

/** A run of tag characters: a subdivision flag (🏴 + a–z/0–9 tags + cancel tag) is legitimate. */
function tagRun(scan: Scan, start: number): number {
  const { text } = scan;
  let end = start;
  let decoded = '';
  while (text.charCodeAt(end) === TAG_HIGH && text.charCodeAt(end + 1) <= TAG_LOW_LAST) {
    const low = text.charCodeAt(end + 1);
    if (!isLow(low)) break;
    decoded += String.fromCharCode(low - 0xdc00);
    end += 2;
  }
  const flag =
    text.slice(start - 2, start) === BLACK_FLAG &&
    text.charCodeAt(end - 1) === TAG_CANCEL_LOW &&
    /^[a-z0-9]{2,6}\x7f$/.test(decoded);
  if (!flag && scan.runs.length < MAX_EVIDENCE) {
    const visible = decoded.replace(/[^\x20-\x7e]/g, '');
    const spells = visible.length >= 3 && /[A-Za-z].*[A-Za-z]/.test(visible);
    scan.runs.push({
      category: 'validation.tag_smuggling',
      severity: spells ? 3 : 2,
      description: spells
        ? `tag characters in the ${scan.source} spell hidden text: "${preview(visible)}"`
        : `${decoded.length} tag character(s) in the ${scan.source} outside an emoji flag`,
      evidence: [span(scan, start, end)],
    });
  }
  return end - 1;
}

/** A run of variation selectors: one after a base character is normal, four or more encode bytes. */
function variationRun(scan: Scan, start: number): number {
  const { text } = scan;
  const bytes: number[] = [];
  let end = start;
  for (;;) {
    const c = text.charCodeAt(end);
    const low = text.charCodeAt(end + 1);
    if (c >= 0xfe00 && c <= 0xfe0f) {
      bytes.push(c - 0xfe00);
      end += 1;
    } else if (c === TAG_HIGH && low >= VS_SUPPLEMENT_LOW_FIRST && low <= VS_SUPPLEMENT_LOW_LAST) {
      bytes.push(16 + low - VS_SUPPLEMENT_LOW_FIRST);
      end += 2;
    } else break;
  }
  if (bytes.length >= VS_RUN && scan.runs.length < MAX_EVIDENCE) {
    const decoded = printableText(Uint8Array.from(bytes));
    scan.runs.push({
      category: 'validation.steganography',
      severity: decoded === undefined ? 2 : 3,
      description:
        decoded === undefined
          ? `${bytes.length} consecutive variation selectors in the ${scan.source} encode hidden bytes`
          : `variation selectors in the ${scan.source} encode hidden text: "${preview(decoded)}"`,
      evidence: [span(scan, start, end)],
    });
  }
  return end - 1;
}

function isZeroWidthish(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0x180e
  );
}

function zeroWidthRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isZeroWidthish(text.charCodeAt(end))) end++;
  return end;
}

function stegoRun(scan: Scan, start: number): number {
  const end = zeroWidthRunEnd(scan.text, start);
  if (scan.runs.length < MAX_EVIDENCE) {
    scan.runs.push({
      category: 'validation.steganography',
      severity: 2,
      description: `${end - start} consecutive zero-width characters in the ${scan.source} (a hidden encoding)`,
      evidence: [span(scan, start, end)],
    });
  }
  return end - 1;
}

const EMOJI_PART = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;
const JOINING_SCRIPT_LETTER =
  /^(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}])[\p{L}\p{M}]$/u;

/** ZWJ between emoji, or ZWNJ/ZWJ next to a letter of a script that uses joiners (Persian, Indic …). */
function legitimateJoiner(text: string, i: number, c: number): boolean {
  if (text.charCodeAt(i - 1) < 0x80 && !(text.charCodeAt(i + 1) >= 0x80)) return false;
  const before = codePointBefore(text, i);
  const after = text.codePointAt(i + 1);
  const prev = before === undefined ? '' : String.fromCodePoint(before);
  const next = after === undefined ? '' : String.fromCodePoint(after);
  if (c === 0x200d && EMOJI_PART.test(prev) && EMOJI_PART.test(next)) return true;
  return JOINING_SCRIPT_LETTER.test(prev) || JOINING_SCRIPT_LETTER.test(next);
}

function codePointBefore(text: string, i: number): number | undefined {
  if (i === 0) return undefined;
  const c = text.charCodeAt(i - 1);
  if (isLow(c) && i >= 2 && isHigh(text.charCodeAt(i - 2))) return text.codePointAt(i - 2);
  return c;
}

function preview(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}

// ---------------------------------------------------------------------------------------------
// Homoglyphs: words mixing Latin letters with Cyrillic / Greek / Armenian look-alikes.

const WORD = /[\p{L}\p{M}]+/gu;

interface WordScripts {
  latin: number;
  cyrillic: number;
  greek: number;
  /** Non-Latin look-alike-script letters that are in the confusables table. */
  confusable: number;
  /** Greek letters strictly inside the word (not first or last). */
  greekInside: number;
  skeleton: string;
}

function checkHomoglyphs(text: string, source: EvidenceSource, out: Violation[]): void {
  if (!NON_LATIN_LOOKALIKE_SCRIPT.test(text)) return;
  let latinLetters = 0;
  let lookalikeLetters = 0;
  const wholeScript: { start: number; word: string; scripts: WordScripts }[] = [];
  let reported = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (word.length > MAX_WORD) continue;
    const scripts = wordScripts(word);
    latinLetters += scripts.latin;
    lookalikeLetters += scripts.cyrillic + scripts.greek;
    const severity = mixedWordSeverity(word, scripts);
    if (severity > 0 && reported < MAX_EVIDENCE) {
      reported++;
      out.push(homoglyphViolation(source, m.index, word, scripts, severity, 'mixes Latin with'));
    } else if (scripts.latin === 0 && isWholeScriptConfusable(word, scripts)) {
      wholeScript.push({ start: m.index, word, scripts });
    }
  }
  const latinText =
    latinLetters >= 20 && lookalikeLetters <= 0.2 * (latinLetters + lookalikeLetters);
  if (!latinText) return;
  for (const w of wholeScript.slice(0, Math.max(0, MAX_EVIDENCE - reported))) {
    out.push(
      homoglyphViolation(source, w.start, w.word, w.scripts, 1.5, 'in Latin text is spelled in'),
    );
  }
}

function wordScripts(word: string): WordScripts {
  const s: WordScripts = {
    latin: 0,
    cyrillic: 0,
    greek: 0,
    confusable: 0,
    greekInside: 0,
    skeleton: '',
  };
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const look = CONFUSABLE_BY_CODE.get(c);
    if (isLatinLetter(c)) s.latin++;
    else if ((c >= 0x400 && c <= 0x52f) || (c >= 0x531 && c <= 0x58f)) s.cyrillic++;
    else if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) {
      s.greek++;
      if (i > 0 && i < word.length - 1) s.greekInside++;
    }
    if (look !== undefined && !isLatinLetter(c)) s.confusable++;
    s.skeleton += look ?? word.charAt(i);
  }
  return s;
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/**
 * Cyrillic (or Armenian) inside a Latin word is never legitimate: 2 when every such letter is a
 * look-alike, else 1. Greek next to Latin is common in science (`μm`, `ρgh`, `νmax`), so a Greek
 * mix counts only when it reads as a disguised word: two or more Greek look-alikes, one inside
 * the word, or a capital one leading lower-case Latin (`Αpple`).
 */
function mixedWordSeverity(word: string, s: WordScripts): number {
  if (s.latin === 0) return 0;
  const letters = s.latin + s.cyrillic + s.greek;
  if (s.cyrillic > 0) {
    return s.confusable === s.cyrillic + s.greek && letters >= 3 ? 2 : 1;
  }
  if (s.greek === 0 || s.confusable < s.greek || letters < 4 || s.latin < 2) return 0;
  const capitalLead = /^\p{Lu}\p{Ll}/u.test(word) && !isLatinLetter(word.charCodeAt(0));
  return s.greek >= 2 || s.greekInside > 0 || capitalLead ? 2 : 0;
}

function isWholeScriptConfusable(word: string, s: WordScripts): boolean {
  return word.length >= 4 && s.confusable === word.length;
}

function homoglyphViolation(
  source: EvidenceSource,
  start: number,
  word: string,
  s: WordScripts,
  severity: number,
  verb: string,
): Violation {
  const script = s.cyrillic > 0 ? 'Cyrillic' : 'Greek';
  return {
    category: 'validation.homoglyph',
    severity,
    description: `word "${word}" ${verb} ${script} look-alike letters (reads as "${s.skeleton}")`,
    evidence: [{ source, start, end: start + word.length, text: word }],
  };
}

// ---------------------------------------------------------------------------------------------
// Encoding tricks: base64 / hex runs whose decoded text reads as instructions.

type Encoding = 'base64' | 'hex';

interface EncodedRun {
  start: number;
  end: number;
  encoding: Encoding;
}

/** Escaped hex bytes: `\x69\x67…` and `%69%67…`. */
const ESCAPED_HEX_RUNS: readonly { marker: string; pattern: RegExp }[] = [
  { marker: '\\x', pattern: /(?:\\x[0-9A-Fa-f]{2}){16,}/g },
  { marker: '%', pattern: /(?:%[0-9A-Fa-f]{2}){16,}/g },
];
const MIN_BASE64 = 16;
const MIN_HEX_BYTES = 16;

const B64 = new Uint8Array(128);
const HEX = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') {
  B64[ch.charCodeAt(0)] = 1;
}
for (const ch of '0123456789abcdefABCDEF') HEX[ch.charCodeAt(0)] = 1;

const STRONG_PATTERN = phrasePattern(STRONG_INSTRUCTION_PHRASES);
const WEAK_PATTERN = phrasePattern(INSTRUCTION_WORDS);
const decoder = new TextDecoder('utf-8');

function checkEncodedRuns(text: string, source: EvidenceSource, out: Violation[]): void {
  let reported = 0;
  let inspected = 0;
  for (const run of findEncodedRuns(text)) {
    if (reported >= MAX_EVIDENCE || ++inspected > MAX_RUNS) return;
    const raw = text.slice(run.start, run.end);
    const verdict = inspectRun(raw, run.encoding, 0);
    if (verdict === undefined) {
      if (source !== 'input' || !requestRun(raw, run.encoding)) continue;
      reported++;
      out.push({
        category: 'validation.encoded_instructions',
        severity: 1,
        description: `${run.encoding} run in the ${source} decodes to a request or question`,
        evidence: [{ source, start: run.start, end: run.end, text: raw }],
      });
      continue;
    }
    reported++;
    out.push({
      category: 'validation.encoded_instructions',
      severity: verdict.severity,
      description: `${verdict.layers} run in the ${source} decodes to instructions (${verdict.words.join(', ')})`,
      evidence: [{ source, start: run.start, end: run.end, text: raw }],
    });
  }
}

/**
 * Candidate runs, found in one pass (character-class regexes are slow here): base64 runs of 16+
 * characters (with padding), hex runs of 16+ bytes (optionally `0x`-prefixed), hex bytes
 * separated by spaces, colons or commas (`69 67 6e …`, `0x69, 0x67, …`), and escaped hex bytes.
 */
function findEncodedRuns(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  const n = text.length;
  let pairStart = -1;
  let pairs = 0;
  let lastPairEnd = -1;
  const flushPairs = (): void => {
    if (pairs >= MIN_HEX_BYTES) runs.push({ start: pairStart, end: lastPairEnd, encoding: 'hex' });
    pairs = 0;
    pairStart = -1;
  };
  for (let i = 0; i < n;) {
    if (B64[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    const prefixed = text.charCodeAt(i) === 0x30 && text.charCodeAt(i + 1) === 0x78;
    let j = prefixed ? i + 2 : i;
    let hexOnly = true;
    for (; j < n && B64[text.charCodeAt(j)] === 1; j++)
      if (HEX[text.charCodeAt(j)] !== 1) hexOnly = false;
    const body = j - (prefixed ? i + 2 : i);
    if (hexOnly && body === 2) {
      const joined = pairs > 0 && isPairSeparator(text, lastPairEnd, i);
      if (!joined) {
        flushPairs();
        pairStart = i;
      }
      pairs++;
      lastPairEnd = j;
    } else {
      flushPairs();
      if (hexOnly && body >= 2 * MIN_HEX_BYTES) runs.push({ start: i, end: j, encoding: 'hex' });
      else if (!hexOnly && !prefixed && j - i >= MIN_BASE64)
        runs.push({ start: i, end: padded(text, j), encoding: 'base64' });
    }
    i = j;
  }
  flushPairs();
  for (const { marker, pattern } of ESCAPED_HEX_RUNS) {
    if (!text.includes(marker)) continue;
    for (const m of text.matchAll(pattern))
      runs.push({ start: m.index, end: m.index + m[0].length, encoding: 'hex' });
  }
  return runs;
}

/** One or two of space, colon, comma between hex pairs. */
function isPairSeparator(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x3a && c !== 0x2c) return false;
  }
  return true;
}

function padded(text: string, end: number): number {
  let e = end;
  while (e < text.length && e - end < 2 && text.charCodeAt(e) === 0x3d) e++;
  return e;
}

interface RunVerdict {
  severity: number;
  words: string[];
  layers: string;
}

function inspectRun(run: string, encoding: Encoding, depth: number): RunVerdict | undefined {
  if (encoding === 'base64' && (!/[a-z]/.test(run) || !/[A-Z]/.test(run))) return undefined;
  const decoded = printableText(decode(run, encoding));
  if (decoded === undefined) return undefined;
  const verdict = instructionVerdict(decoded.toLowerCase());
  if (verdict !== undefined) return { ...verdict, layers: encoding };
  if (depth > 0) return undefined;
  for (const inner of findEncodedRuns(decoded)) {
    const nested = inspectRun(decoded.slice(inner.start, inner.end), inner.encoding, depth + 1);
    if (nested !== undefined) return { ...nested, layers: `${encoding}-wrapped ${nested.layers}` };
  }
  return undefined;
}

/**
 * Whether an encoded run decodes to a request or question in ordinary prose — four or more
 * words, mostly letters and spaces, opening with a request word or ending in "?" ("What's the
 * best way to …?"): a request wrapped in an encoding to get past filters. Keys, hashes, JSON,
 * `user:password` pairs and plain statements ("Hello world, this is a test") are not.
 */
function requestRun(run: string, encoding: Encoding): boolean {
  if (encoding === 'base64' && (!/[a-z]/.test(run) || !/[A-Z]/.test(run))) return false;
  const decoded = printableText(decode(run, encoding));
  if (decoded === undefined || !isProse(decoded)) return false;
  const trimmed = decoded.trim();
  const opener = (/^[\p{L}'’]+/u.exec(trimmed)?.[0] ?? '').toLowerCase().replace(/’/g, "'");
  return trimmed.endsWith('?') || REQUEST_OPENERS.has(opener);
}

const PROSE_CHAR = /[\p{L}\s'’,.?!-]/u;

function isProse(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 4) return false;
  let letters = 0;
  for (const ch of text) if (PROSE_CHAR.test(ch)) letters++;
  return letters >= text.length * 0.85;
}

/** Runs of HTML numeric character references, optionally space-separated. */
const ENTITY_RUN = /(?:&#(?:[0-9]{1,7}|[xX][0-9A-Fa-f]{1,6});[ ]?){6,}/g;
const ENTITY = /&#(?:([0-9]{1,7})|[xX]([0-9A-Fa-f]{1,6}));/g;
/** Characters after an entity run read together with it (the rest of the sentence). */
const ENTITY_TAIL = 80;

/**
 * Letters spelled as HTML numeric character references in a chat message (`&#73;&#103;…` for
 * "Ig…"): 6+ references that decode to letters are dressing-up (1); when the decoded text, read
 * with the rest of its sentence, holds instructions, the instruction severity.
 */
function checkEntityRuns(text: string, source: EvidenceSource, out: Violation[]): void {
  if (!text.includes('&#')) return;
  let reported = 0;
  ENTITY_RUN.lastIndex = 0;
  for (let m = ENTITY_RUN.exec(text); m !== null; m = ENTITY_RUN.exec(text)) {
    const raw = m[0].trimEnd();
    let letters = 0;
    const decoded = raw.replace(
      ENTITY,
      (_all, dec: string | undefined, hex: string | undefined) => {
        const code = dec === undefined ? Number.parseInt(hex ?? '', 16) : Number(dec);
        if (!Number.isFinite(code) || code > 0x10ffff) return '';
        const ch = String.fromCodePoint(code);
        if (LETTER.test(ch)) letters++;
        return ch;
      },
    );
    if (letters < 6) continue;
    const end = m.index + raw.length;
    const tail = text.slice(end, end + ENTITY_TAIL).split(/[.!?\n]/)[0] ?? '';
    const verdict = instructionVerdict(`${decoded}${tail}`.toLowerCase());
    out.push({
      category:
        verdict === undefined ? 'validation.encoded_text' : 'validation.encoded_instructions',
      severity: verdict?.severity ?? 1,
      description:
        verdict === undefined
          ? `HTML character references in the ${source} spell out text`
          : `HTML character references in the ${source} spell out instructions (${verdict.words.join(', ')})`,
      evidence: [{ source, start: m.index, end, text: raw }],
    });
    if (++reported >= MAX_EVIDENCE) return;
  }
}

/** Fullwidth Latin letters (U+FF21–FF3A, U+FF41–FF5A). */
function isFullwidthLetter(c: number): boolean {
  return (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}
/** Mathematical alphanumeric letters (U+1D400–1D6A5, the styled A–Z/a–z alphabets). */
function isMathLetter(cp: number): boolean {
  return cp >= 0x1d400 && cp <= 0x1d6a5;
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Styled letters from which a text counts as dressed up. */
const MIN_STYLED = 6;

/**
 * Text written in fullwidth or mathematical "font" letters (`ｉｇｎｏｒｅ ａｌｌ`, `𝐡𝐨𝐰 𝐭𝐨`): keyword
 * filters see no Latin letters, the model reads it fine. Fullwidth letters inside CJK text are
 * ordinary typography there and are left alone.
 */
function checkStyledLetters(text: string, source: EvidenceSource, out: Violation[]): void {
  let count = 0;
  let first = -1;
  let last = -1;
  let fullwidth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800) continue;
    let styled = false;
    if (isFullwidthLetter(c)) {
      styled = true;
      fullwidth++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i) ?? c;
      if (isMathLetter(cp)) styled = true;
    }
    if (!styled) continue;
    count++;
    if (first === -1) first = i;
    last = c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1;
  }
  if (count < MIN_STYLED || (fullwidth > 0 && fullwidth === count && CJK.test(text))) return;
  const folded = text.slice(first, last).normalize('NFKC').toLowerCase();
  const strong = distinct(STRONG_PATTERN, folded);
  out.push({
    category: 'validation.styled_letters',
    severity: strong.length > 0 ? 2 : 1,
    description: `${count} fullwidth or mathematical-alphabet letters in the ${source}${strong.length > 0 ? ` spelling instructions (${strong.join(', ')})` : ''}`,
    evidence: [{ source, start: first, end: last, text: text.slice(first, last) }],
  });
}

function decode(run: string, encoding: Encoding): Uint8Array {
  if (encoding === 'base64') return Buffer.from(run, 'base64');
  return Buffer.from(run.replace(/0x|\\x|[^0-9A-Fa-f]/g, ''), 'hex');
}

/** The bytes as UTF-8 text when at least 90 % of it is printable, else undefined. */
function printableText(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  const text = decoder.decode(bytes);
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0xfffd
    ) {
      bad++;
    }
  }
  return bad <= text.length * 0.1 ? text : undefined;
}

/**
 * A strong phrase ("ignore previous", "system prompt") is severity 3. Otherwise the decoded text
 * must be sentence-like (three words or more; `user:password` is not) and contain instruction
 * words: two distinct ones 2.5, one 2.
 */
function instructionVerdict(decoded: string): Omit<RunVerdict, 'layers'> | undefined {
  const strong = distinct(STRONG_PATTERN, decoded);
  if (strong.length > 0) return { severity: 3, words: strong };
  if (decoded.trim().split(/\s+/).length < 3) return undefined;
  const weak = distinct(WEAK_PATTERN, decoded);
  if (weak.length === 0) return undefined;
  return { severity: weak.length >= 2 ? 2.5 : 2, words: weak };
}

function distinct(pattern: RegExp, text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) found.add(m[0].replace(/\s+/g, ' '));
  return [...found];
}
