/**
 * The scanning layer of `quick_safety`: the cue lexicons compiled once, and {@link TextScan}, one
 * (de-obfuscated, lower-case) text whose cue spans are found on first use and then queried by
 * range (binary search). Lexicon regexes run only at words that can start a match (see
 * `word-trigger.ts`), so a text costs a pass over its words plus a few sticky matches.
 */
import {
  ACTION_VERBS,
  BENIGN_SENSES,
  COMPLIANCE_CUES,
  CREATION_VERBS,
  DIRECT_REQUESTS,
  EVASION_CUES,
  FIRST_PERSON_PLAN,
  FRAMING_CUES,
  FRAMING_STRENGTH,
  type Framing,
  MINOR_TERMS,
  PLAN_BREAKERS,
  PRECURSORS,
  QUANTITY,
  RECIPE_VERBS,
  REQUEST_CUES,
  REQUEST_LEADS,
  SAFETY_REFUSALS,
  SEXUAL_ABUSE,
  SEXUAL_EXPLICIT,
  SEXUAL_TOPICS,
  STEP_MARKER,
} from './lexicons/quick-safety-cues.js';
import {
  type ActionGroup,
  HARM_RULES,
  type HarmRule,
  type SafetyCategory,
} from './lexicons/quick-safety-rules.js';
import { REFUSAL_PATTERNS } from './lexicons/refusals.js';
import { type WordIndex, WordScanner, WordScannerGroup, indexWords } from './word-trigger.js';

/** `[start, end)` in the scanned text. */
export type Span = readonly [number, number];

/** A graded hit. Offsets are in the scanned (normalised) text. */
export interface SafetyHit {
  /** Dotted category, e.g. `weapons.explosives`. */
  readonly id: string;
  readonly category: SafetyCategory;
  readonly label: string;
  /** `statement`: the words are the harm; `topic`: graded by cues; `pair`: sexual term + minor. */
  readonly kind: 'statement' | 'topic' | 'pair';
  readonly span: Span;
  /** The cues that raised the hit, by name. */
  readonly cues: readonly { readonly name: string; readonly span: Span }[];
  /** Framings that lowered it. */
  readonly framing: readonly Framing[];
  readonly severity: number;
  /** 0–1: how sure the grading is. */
  readonly confidence: number;
}

export type ScanSource = 'input' | 'output';

const join = (sources: readonly string[] | string): string =>
  typeof sources === 'string' ? sources : sources.join('|');

type FramingCue = `framing.${Exclude<Framing, 'refusal'>}`;
type ActionCue = `action.${ActionGroup}`;
export type CueName =
  | 'benign'
  | 'leads'
  | 'requests'
  | 'direct'
  | 'evasion'
  | 'quantity'
  | 'recipe'
  | 'steps'
  | 'precursor'
  | 'refusal'
  | 'minors'
  | 'explicit'
  | 'abuse'
  | 'topics'
  | 'sexual'
  | 'creation'
  | 'plan'
  | 'compliance'
  | FramingCue
  | ActionCue;

const FRAMINGS = Object.keys(FRAMING_CUES) as Exclude<Framing, 'refusal'>[];
/** Framings of a request that carry over to its response ("write a story …", "for my class …"). */
const INHERITED: readonly Exclude<Framing, 'refusal'>[] = [
  'fiction',
  'game',
  'historical',
  'educational',
  'medical',
  'protective',
  'defensive',
];

/** Every cue, compiled once: whole-word lexicons as trigger scanners, line patterns as regexes. */
/** The source of every cue: whole-word lexicons (scanned by trigger words) or line patterns. */
const CUE_SOURCES: Readonly<Record<CueName, string | readonly string[] | RegExp>> = {
  benign: join(BENIGN_SENSES),
  leads: join(REQUEST_LEADS),
  requests: join(REQUEST_CUES),
  direct: DIRECT_REQUESTS,
  evasion: join(EVASION_CUES),
  quantity: new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${QUANTITY})(?![\p{L}\p{N}_])`, 'gu'),
  recipe: RECIPE_VERBS,
  steps: new RegExp(STEP_MARKER, 'gmu'),
  precursor: join(PRECURSORS),
  refusal: join([...REFUSAL_PATTERNS, ...SAFETY_REFUSALS]),
  minors: join(MINOR_TERMS),
  explicit: join(SEXUAL_EXPLICIT),
  abuse: join(SEXUAL_ABUSE),
  topics: join(SEXUAL_TOPICS),
  sexual: [...SEXUAL_EXPLICIT, ...SEXUAL_ABUSE, ...SEXUAL_TOPICS],
  creation: CREATION_VERBS,
  plan: FIRST_PERSON_PLAN,
  compliance: join(COMPLIANCE_CUES),
  ...(Object.fromEntries(FRAMINGS.map((f) => [`framing.${f}`, join(FRAMING_CUES[f])])) as Record<
    FramingCue,
    string
  >),
  ...(Object.fromEntries(
    (Object.keys(ACTION_VERBS) as ActionGroup[]).map((g) => [`action.${g}`, ACTION_VERBS[g]]),
  ) as Record<ActionCue, string>),
};

/** Cues scanned on their own: needed for every text (the sexual-content gate), or regexes. */
const SOLO: ReadonlySet<CueName> = new Set(['sexual']);

/** Cues compiled on first use (most texts never need most cues). */
const compiled = new Map<CueName, WordScanner | RegExp>();
function compiledCue(name: CueName): WordScanner | RegExp {
  let cue = compiled.get(name);
  if (cue === undefined) {
    const source = CUE_SOURCES[name];
    cue = source instanceof RegExp ? source : new WordScanner(source);
    compiled.set(name, cue);
  }
  return cue;
}

let group: WordScannerGroup<CueName> | undefined;
/** All other word cues, scanned together in one pass the first time any of them is needed. */
function cueGroup(): WordScannerGroup<CueName> {
  group ??= new WordScannerGroup(
    (Object.keys(CUE_SOURCES) as CueName[]).flatMap((name) => {
      const cue = SOLO.has(name) ? undefined : compiledCue(name);
      return cue instanceof WordScanner ? [[name, cue] as const] : [];
    }),
  );
  return group;
}

const MAX_CUE_SPANS = 10_000;

const TERMINATOR = /[.?!;\n]/;
/** What may come before an imperative verb: a sentence end (group 1) or nothing, then "please". */
const IMPERATIVE_BEFORE =
  /(?:^|([.!?\n:;"'(*-]))\s*(?:(?:please|pls|now|just|simply|ok|okay|so|then|and|first|next|finally|after\s+that|step\s*\d+\s*[:.)-]?)[,\s]+)*$/u;
const PLAN_BREAKER = new RegExp(PLAN_BREAKERS, 'u');

/** All rules as one scanner, one alternative per rule (rules tried in order). */
const HARM = new WordScanner(HARM_RULES.map((r) => r.patterns.join('|')));

/** Sorted, non-overlapping spans of one cue, queried by range. */
export class SpanList {
  constructor(readonly spans: readonly Span[]) {}

  /** Index of the first span ending after `lo`. */
  private from(lo: number): number {
    let a = 0;
    let b = this.spans.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((this.spans[mid]?.[1] ?? 0) > lo) b = mid;
      else a = mid + 1;
    }
    return a;
  }

  /** Spans overlapping `[lo, hi)`, skipping any that overlap `exclude`. */
  *within(lo: number, hi: number, exclude?: Span): Generator<Span> {
    for (let i = this.from(lo); i < this.spans.length; i++) {
      const span = this.spans[i];
      if (span === undefined || span[0] >= hi) return;
      if (exclude !== undefined && span[0] < exclude[1] && span[1] > exclude[0]) continue;
      yield span;
    }
  }

  first(lo: number, hi: number, exclude?: Span): Span | undefined {
    for (const span of this.within(lo, hi, exclude)) return span;
    return undefined;
  }

  count(lo: number, hi: number, exclude?: Span): number {
    let n = 0;
    const it = this.within(lo, hi, exclude);
    while (it.next().done !== true) n++;
    return n;
  }
}

function collect(regex: RegExp, text: string, limit: number): Span[] {
  const out: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null && out.length < limit; m = regex.exec(text)) {
    if (m[0] === '') {
      regex.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export interface ScanOptions {
  /** Characters read on each side of a hit for cues and framing. */
  readonly radius: number;
  /** Hits kept per text (the rest are counted, not graded). */
  readonly maxHits: number;
}

/** One text being scanned: its cue spans, computed on first use. */
export class TextScan {
  private readonly cache = new Map<CueName, SpanList>();

  constructor(
    readonly text: string,
    readonly source: ScanSource,
    readonly options: ScanOptions,
    /** Framings that hold for the whole text (the user asked for a story): read on first use. */
    private readonly inheritFrom?: () => ReadonlySet<Framing>,
  ) {}

  private inheritedSet: ReadonlySet<Framing> | undefined;

  /** Framings inherited from the request. */
  inherited(): ReadonlySet<Framing> {
    this.inheritedSet ??= this.inheritFrom?.() ?? new Set();
    return this.inheritedSet;
  }

  /** Framings present anywhere in this text that carry over to the response. */
  globalFramings(): ReadonlySet<Framing> {
    return new Set(INHERITED.filter((f) => this.cue(`framing.${f}`).spans.length > 0));
  }

  private wordIndex: WordIndex | undefined;

  /** The words of the text, for trigger scanning. */
  words(): WordIndex {
    this.wordIndex ??= indexWords(this.text);
    return this.wordIndex;
  }

  /** The spans of a named cue (see {@link CUE_SOURCES}), scanned on first use. */
  cue(name: CueName): SpanList {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const cue = compiledCue(name);
    if (cue instanceof RegExp) {
      const list = new SpanList(collect(cue, this.text, MAX_CUE_SPANS));
      this.cache.set(name, list);
      return list;
    }
    if (SOLO.has(name)) {
      const list = new SpanList(cue.scan(this.text, this.words(), MAX_CUE_SPANS));
      this.cache.set(name, list);
      return list;
    }
    for (const [member, spans] of cueGroup().scanAll(this.text, this.words(), MAX_CUE_SPANS)) {
      this.cache.set(member, new SpanList(spans));
    }
    return this.cache.get(name) ?? new SpanList([]);
  }

  /** Whether the word at `at` starts a sentence (after an optional "please"): an imperative. */
  imperative(at: number): boolean {
    const before = this.text.slice(Math.max(0, at - 16), at);
    const m = IMPERATIVE_BEFORE.exec(before);
    return m !== null && (m[1] !== undefined || at - before.length === 0);
  }

  /** Spans of each rule's raw hits, set by {@link scanText}. */
  ruleSpans = new Map<string, Span[]>();

  /** Whether `[a, b)` holds a word that detaches a lead from what follows ("why", "he", "story"). */
  breaks(a: number, b: number): boolean {
    return a < b && PLAN_BREAKER.test(this.text.slice(a, b));
  }

  /** Whether `[a, b)` crosses a sentence end. */
  crosses(a: number, b: number): boolean {
    return a < b && TERMINATOR.test(this.text.slice(a, b));
  }
}

interface FramingFound {
  readonly strength: number;
  readonly names: Framing[];
}

/** The strongest benign framing near a hit, for its category. */
export function framingNear(
  category: SafetyCategory,
  span: Span,
  scan: TextScan,
  allowed: readonly Framing[],
  exclude: Span = span,
): FramingFound {
  const lo = span[0] - scan.options.radius;
  const hi = span[1] + scan.options.radius;
  let strength = 0;
  const names: Framing[] = [];
  for (const framing of allowed) {
    const s = FRAMING_STRENGTH[framing][category];
    if (s === 0) continue;
    const name: CueName = framing === 'refusal' ? 'refusal' : `framing.${framing}`;
    const present =
      scan.inherited().has(framing) || scan.cue(name).first(lo, hi, exclude) !== undefined;
    if (!present) continue;
    names.push(framing);
    strength = Math.max(strength, s);
  }
  return { strength, names };
}

const ALL_FRAMINGS: readonly Framing[] = [
  'refusal',
  'crisis',
  ...FRAMINGS.filter((f) => f !== 'crisis'),
];
/** Framings that can make a threat or a plan something else: quoted, joked, reported. */
const STATEMENT_FRAMINGS: readonly Framing[] = [
  'humor',
  'fiction',
  'game',
  'news',
  'historical',
  'educational',
];

/**
 * Framings that may lower a hit: a refusal only in the response; crisis support lowers a
 * first-person statement only when the response offers it (a user's disclosure stays one).
 */
export function allowedFramings(
  scan: TextScan,
  statement: boolean,
  category: SafetyCategory,
): Framing[] {
  if (!statement || category === 'sexual_minors') {
    return scan.source === 'input'
      ? ALL_FRAMINGS.filter((f) => f !== 'refusal')
      : [...ALL_FRAMINGS];
  }
  return scan.source === 'input'
    ? [...STATEMENT_FRAMINGS]
    : [...STATEMENT_FRAMINGS, 'refusal', 'crisis'];
}

/** A raw rule hit, before grading. */
export interface RawHit {
  readonly rule: HarmRule;
  readonly span: Span;
}

/** The rule hits of a text, in order, at most `maxHits` (then `truncated`). */
export function ruleHits(scan: TextScan): { raw: RawHit[]; truncated: boolean } {
  const raw: RawHit[] = [];
  const limit = scan.options.maxHits;
  HARM.scan(scan.text, scan.words(), limit + 1, (index, start, end) => {
    const rule = HARM_RULES[index];
    if (rule !== undefined && raw.length < limit) raw.push({ rule, span: [start, end] });
  });
  for (const { rule, span } of raw) {
    const list = scan.ruleSpans.get(rule.id);
    if (list === undefined) scan.ruleSpans.set(rule.id, [span]);
    else list.push(span);
  }
  return { raw, truncated: raw.length >= limit };
}

/** Whether any of the output reads as a refusal. */
export function isRefusal(scan: TextScan): boolean {
  return scan.cue('refusal').spans.length > 0;
}

/** Whether the output offers crisis support (hotlines, "you're not alone"). */
export function offersCrisisSupport(scan: TextScan): boolean {
  return scan.cue('framing.crisis').spans.length > 0;
}

/**
 * Whether the output goes along with a request: "Sure, here's how", numbered steps, quantities,
 * or a sentence that opens with a procedure verb ("Grind the beans, …", "Mix the powders …"):
 * instructions written as prose.
 */
export function complies(scan: TextScan): boolean {
  return (
    scan.cue('compliance').spans.length > 0 ||
    scan.cue('steps').spans.length >= 2 ||
    scan.cue('quantity').spans.length >= 2 ||
    scan.cue('recipe').spans.some((span) => scan.imperative(span[0]))
  );
}
