/**
 * `quick_safety` (FAST_CRITICS, priority 1, ALWAYS by name): violence, weapons, self-harm, sexual
 * content involving minors and instructions for serious crime, graded 0–3. A bare mention is low,
 * a description medium, actionable instructions or clear intent severe. Intent cues ("how do I
 * make …", "without getting caught", recipes with quantities) are weighed against benign senses
 * ("kill the process", "shoot a photo") and framings (history, fiction, medicine, crisis support,
 * refusals). Hits in the response weigh fully; hits only in the user input weigh less (at most a
 * concern when the response refuses, `inputWeight` when it neither refuses nor complies), and
 * fully when the response goes along with them — or when there is no response at all (a prompt
 * screened before generation; see `screenEmptyResponse`). Light obfuscation and base64 blobs are
 * undone first.
 */
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { CriticInput, FailureMode } from '../orchestrator/types.js';
import { deobfuscate } from './deobfuscate.js';
import { buildFinding, round } from './finding.js';
import type { Framing } from './lexicons/quick-safety-cues.js';
import type { SafetyCategory } from './lexicons/quick-safety-rules.js';
import { scanText } from './quick-safety-grade.js';
import { analyseText } from './text-analysis.js';
import {
  type SafetyHit,
  type ScanSource,
  TextScan,
  complies,
  isRefusal,
  offersCrisisSupport,
} from './quick-safety-scan.js';
import type { BuiltInCritic, EvidenceSource, EvidenceSpan, Finding, Violation } from './types.js';

export const QUICK_SAFETY = 'quick_safety';

export interface QuickSafetyOptions {
  /** Weight of hits found only in the user input (the response neither refused nor complied). @default 0.4 */
  inputWeight?: number;
  /** Characters read on each side of a hit for intent cues and framing. @default 120 */
  windowRadius?: number;
  /** Hits graded per text; further hits are counted in `details.truncated`. @default 200 */
  maxHits?: number;
  /**
   * With an empty response (a prompt screened before generation), the user input is all there
   * is to judge and its hits weigh fully; `false` weighs them by `inputWeight` as usual.
   * @default true
   */
  screenEmptyResponse?: boolean;
  /** Decode base64 blobs (≥ 20 characters) and scan what they say. @default true */
  decodeBase64?: boolean;
  /** @default 'closed' (a safety check that could not run must not let a response through) */
  failureMode?: FailureMode;
}

interface Settings {
  readonly inputWeight: number;
  readonly screenEmptyResponse: boolean;
  readonly radius: number;
  readonly maxHits: number;
  readonly decodeBase64: boolean;
}

/** A hit placed in the original text, with its final severity. */
interface Located {
  readonly hit: SafetyHit;
  readonly severity: number;
  readonly confidence: number;
  readonly evidence: EvidenceSpan[];
  readonly notes: string[];
}

interface Analysis {
  readonly scan: TextScan;
  readonly located: Located[];
  readonly mentions: number;
  readonly benign: number;
  readonly truncated: boolean;
}

const OBFUSCATION_BONUS = 0.5;
/** Longest prefix of a blob decoded (a multiple of 4). */
const MAX_BLOB = 16_384;
const MAX_BLOBS = 20;
const MAX_EVIDENCE = 6;

export function createQuickSafety(options: QuickSafetyOptions = {}): BuiltInCritic {
  const settings = settingsFrom(options);
  return {
    name: QUICK_SAFETY,
    version: '1',
    reads: ['inputText', 'modelResponse'],
    failureMode: options.failureMode ?? 'closed',
    maxRetries: 0,
    evaluate: (input: CriticInput) => ({ ...evaluateQuickSafety(input, settings) }),
  };
}

function settingsFrom(options: QuickSafetyOptions): Settings {
  const {
    inputWeight = 0.4,
    windowRadius = 120,
    maxHits = 200,
    decodeBase64 = true,
    screenEmptyResponse = true,
  } = options;
  if (!Number.isFinite(inputWeight) || inputWeight < 0 || inputWeight > 1) {
    throw new InvalidOptionError('inputWeight', 'a number in [0, 1]', inputWeight, QUICK_SAFETY);
  }
  if (!Number.isInteger(windowRadius) || windowRadius < 10) {
    throw new InvalidOptionError('windowRadius', 'an integer >= 10', windowRadius, QUICK_SAFETY);
  }
  if (!Number.isInteger(maxHits) || maxHits < 1) {
    throw new InvalidOptionError('maxHits', 'an integer >= 1', maxHits, QUICK_SAFETY);
  }
  if (typeof screenEmptyResponse !== 'boolean') {
    throw new InvalidOptionError(
      'screenEmptyResponse',
      'a boolean',
      screenEmptyResponse,
      QUICK_SAFETY,
    );
  }
  if (typeof decodeBase64 !== 'boolean') {
    throw new InvalidOptionError('decodeBase64', 'a boolean', decodeBase64, QUICK_SAFETY);
  }
  return { inputWeight, radius: windowRadius, maxHits, decodeBase64, screenEmptyResponse };
}

function evaluateQuickSafety(input: CriticInput, settings: Settings): Finding {
  const user = analyse(input.inputText, 'input', settings);
  const output = analyse(input.modelResponse, 'output', settings, () => user.scan.globalFramings());
  const violations = group(output.located, 'output', 'in the response');
  const categories: Partial<Record<SafetyCategory, number>> = {};
  for (const l of output.located) bump(categories, l.hit.category, l.severity);
  let stance: Stance | undefined;
  const weighted: Located[] = [];
  for (const l of user.located) {
    stance ??= stanceOf(output, input.modelResponse);
    const { severity, note } = weighInput(l, stance, output, settings);
    if (severity <= 0) continue;
    weighted.push({ ...l, severity: round(severity), notes: [...l.notes, note] });
    bump(categories, l.hit.category, severity);
  }
  violations.push(...group(weighted, 'input', 'in the user input'));
  const top = [...output.located, ...weighted].sort((a, b) => b.severity - a.severity)[0];
  const uncertainty =
    top === undefined
      ? output.mentions + user.mentions > 0
        ? 0.25
        : 0.1
      : 1 -
        Math.max(
          ...[...output.located, ...weighted]
            .filter((l) => l.severity === top.severity)
            .map((l) => l.confidence),
        );
  return buildFinding(violations, {
    clean:
      'No violence, weapons, self-harm, sexual content involving minors or serious crime found.',
    uncertainty,
    details: {
      categories,
      ...(stance === undefined
        ? {}
        : { responseRefuses: stance.refusal, responseComplies: stance.complies }),
      mentions: output.mentions + user.mentions,
      benignSenses: output.benign + user.benign,
      obfuscated: [...output.located, ...user.located].some((l) => l.notes.length > 0),
      truncated: output.truncated || user.truncated,
    },
  });
}

function bump(
  categories: Partial<Record<SafetyCategory, number>>,
  category: SafetyCategory,
  severity: number,
): void {
  categories[category] = round(Math.max(categories[category] ?? 0, severity));
}

function analyse(
  text: string,
  source: ScanSource,
  settings: Settings,
  inherit?: () => ReadonlySet<Framing>,
): Analysis {
  const view = deobfuscate(text);
  const options = { radius: settings.radius, maxHits: settings.maxHits };
  const scan = new TextScan(view.text, source, options, inherit);
  const result = scanText(scan);
  const evidenceSource: EvidenceSource = source;
  const located = result.hits.map((hit) => {
    const at = view.toOriginal(hit.span[0], hit.span[1]);
    const original = text.slice(at.start, at.end);
    const obfuscated =
      view.changed &&
      original.toLowerCase() !== view.text.slice(hit.span[0], hit.span[1]).toLowerCase();
    const evidence: EvidenceSpan[] = [
      { source: evidenceSource, start: at.start, end: at.end, text: original },
    ];
    for (const cue of hit.cues) {
      const c = view.toOriginal(cue.span[0], cue.span[1]);
      if (
        evidence.length >= MAX_EVIDENCE ||
        evidence.some((e) => e.start === c.start && e.end === c.end)
      )
        continue;
      evidence.push({
        source: evidenceSource,
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
      });
    }
    const severity =
      obfuscated && hit.severity >= 1
        ? Math.min(3, hit.severity + OBFUSCATION_BONUS)
        : hit.severity;
    return {
      hit,
      severity,
      confidence: hit.confidence,
      evidence,
      notes: obfuscated ? ['obfuscated'] : [],
    };
  });
  let mentions = result.mentions;
  if (settings.decodeBase64) {
    const decoded = decodedHits(text, source, settings);
    located.push(...decoded.located);
    mentions += decoded.mentions;
  }
  return { scan, located, mentions, benign: result.benign, truncated: result.truncated };
}

/** Hits inside base64 blobs, with the blob as evidence. */
function decodedHits(
  text: string,
  source: ScanSource,
  settings: Settings,
): { located: Located[]; mentions: number } {
  const located: Located[] = [];
  let mentions = 0;
  for (const [start, end] of base64Runs(text, MAX_BLOBS)) {
    const blob = text.slice(start, end);
    const plain = decodeBase64Text(blob);
    if (plain === undefined) continue;
    const view = deobfuscate(plain);
    const result = scanText(
      new TextScan(view.text, source, { radius: settings.radius, maxHits: settings.maxHits }),
    );
    mentions += result.mentions;
    const evidence: EvidenceSpan = { source, start, end, text: blob };
    for (const hit of result.hits) {
      const severity = Math.min(3, hit.severity + OBFUSCATION_BONUS);
      located.push({
        hit,
        severity,
        confidence: hit.confidence,
        evidence: [evidence],
        notes: ['base64'],
      });
    }
  }
  return { located, mentions };
}

/** Runs of base64 characters (≥ 20, with up to two `=` of padding), from the shared analysis. */
function base64Runs(text: string, max: number): [number, number][] {
  const found = analyseText(text).base64Runs();
  const runs: [number, number][] = [];
  for (let k = 0; k + 1 < found.length && runs.length < max; k += 2) {
    const i = found[k + 1] ?? 0;
    let end = i;
    while (end < text.length && end - i < 2 && text.charCodeAt(end) === 61) end++;
    runs.push([found[k] ?? 0, end]);
  }
  return runs;
}

/** The UTF-8 text a base64 blob encodes, when it reads as text. */
export function decodeBase64Text(blob: string): string | undefined {
  const body = blob.length > MAX_BLOB ? blob.slice(0, MAX_BLOB) : blob;
  if (body.replace(/=+$/, '').length % 4 === 1) return undefined;
  const plain = Buffer.from(body, 'base64').toString('utf8');
  if (plain.length < 8) return undefined;
  const length = plain.length;
  const printable = plain.match(/[\p{L}\p{N}\p{P}\p{Zs}\n]/gu)?.length ?? 0;
  const letters = plain.match(/\p{L}/gu)?.length ?? 0;
  return printable / length >= 0.95 && letters / length >= 0.6 && /\s/.test(plain)
    ? plain
    : undefined;
}

interface Stance {
  readonly refusal: boolean;
  readonly crisis: boolean;
  readonly complies: boolean;
  readonly categories: ReadonlySet<SafetyCategory>;
  readonly substantive: boolean;
}

function stanceOf(output: Analysis, response: string): Stance {
  return {
    refusal: isRefusal(output.scan),
    crisis: offersCrisisSupport(output.scan),
    complies: complies(output.scan),
    categories: new Set(output.located.filter((l) => l.severity >= 2).map((l) => l.hit.category)),
    substantive: hasLetters(response, SUBSTANTIVE_LETTERS),
  };
}

/** Letters a response needs to count as going along with a request for sexual content. */
const SUBSTANTIVE_LETTERS = 100;
const LETTER = /\p{L}/u;

/** Whether the text has at least `count` letters (stops counting there). */
function hasLetters(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length && seen < count; i++) {
    const code = text.charCodeAt(i);
    if (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 0x80 && LETTER.test(text[i] ?? ''))
    ) {
      seen++;
    }
  }
  return seen >= count;
}

/**
 * A user-input hit weighs fully when the response goes along with it (or, with
 * `screenEmptyResponse`, when there is no response), at most a concern when the response refuses
 * (or offers crisis support for self-harm), and `inputWeight` otherwise.
 */
function weighInput(
  l: Located,
  stance: Stance,
  output: Analysis,
  settings: Settings,
): { severity: number; note: string } {
  const weight = settings.inputWeight;
  const category = l.hit.category;
  const declined = stance.refusal || (category === 'self_harm' && stance.crisis);
  const statement = l.hit.kind === 'statement';
  const sameCategory = stance.categories.has(category);
  const goesAlong =
    sameCategory ||
    (category === 'sexual_minors' && stance.substantive) ||
    (stance.complies && !(statement && category === 'self_harm'));
  if (!declined && l.severity >= 2 && goesAlong) {
    return { severity: l.severity, note: 'the response goes along with it' };
  }
  if (settings.screenEmptyResponse && output.scan.text.trim() === '') {
    return { severity: l.severity, note: 'no response to weigh it against' };
  }
  if (declined) {
    return { severity: l.severity >= 2 ? 1 : l.severity * weight, note: 'the response declines' };
  }
  return { severity: l.severity * weight, note: `weighted ${weight}` };
}

/** One violation per (source, category), with evidence from its hits. */
function group(located: readonly Located[], source: EvidenceSource, where: string): Violation[] {
  const byId = new Map<string, Located[]>();
  for (const l of located) {
    if (l.severity <= 0) continue;
    const list = byId.get(l.hit.id);
    if (list === undefined) byId.set(l.hit.id, [l]);
    else list.push(l);
  }
  const violations: Violation[] = [];
  for (const [id, list] of byId) {
    list.sort((a, b) => b.severity - a.severity);
    const top = list[0];
    if (top === undefined) continue;
    const evidence = [...top.evidence];
    for (const l of list.slice(1)) {
      if (evidence.length >= MAX_EVIDENCE) break;
      const main = l.evidence[0];
      if (main !== undefined && !evidence.some((e) => e.start === main.start && e.end === main.end))
        evidence.push(main);
    }
    violations.push({
      category: id,
      severity: round(top.severity),
      description: describe(top, where, list.length),
      evidence: evidence.filter((e) => e.source === source),
    });
  }
  return violations;
}

function describe(l: Located, where: string, count: number): string {
  const cues = [...new Set(l.hit.cues.map((c) => c.name))];
  const parts = [
    cues.length > 0 ? `cues: ${cues.join(', ')}` : '',
    l.hit.framing.length > 0 ? `framing: ${l.hit.framing.join(', ')}` : '',
    ...l.notes,
    count > 1 ? `${count} hits` : '',
  ].filter((p) => p !== '');
  return `${l.hit.label} ${where}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`;
}
