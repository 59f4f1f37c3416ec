/**
 * The data contracts of the constitutional engine: lexicons (weighted entries, fragments,
 * modifiers), the readings that discount a hit, and what a scan produces.
 */
import type { ClauseId } from './lexicons/doctrine.js';
import type { EvidenceSpan } from './types.js';

/** One weighted lexicon entry: literal phrases, or one linear-time pattern without captures. */
export interface LexiconEntry {
  readonly id: string;
  readonly phrases?: readonly string[];
  /** Lower-case regex source (the scanned text is lower-cased); no capture groups. */
  readonly pattern?: string;
  /** 0.1–1: how strongly one direct hit in the output signals the category. */
  readonly weight: number;
  /** Phrases whose leading words are every word a `pattern` match can begin with. */
  readonly starts?: readonly string[];
  /** A `pattern` that begins with punctuation: scanned over the whole text instead. */
  readonly scan?: boolean;
  /**
   * For a `scan` entry: lower-case literals of which every match contains one. A text holding
   * none of them is not scanned for the entry (a cheap substring search saves a regex pass).
   */
  readonly requires?: readonly string[];
  /** A fragment of the lexicon the match begins with; `pattern` matches what follows it. */
  readonly lead?: string;
}

/** A pattern several entries begin with, matched once per position for all of them. */
export interface Fragment {
  readonly pattern: string;
  readonly starts: readonly string[];
}

/** Phrases that change the weight of a category's hits when present (and not part of the hit). */
export interface Modifier {
  readonly id: string;
  readonly phrases?: readonly string[];
  readonly pattern?: string;
  /** Multiplies the weight of every hit: < 1 mitigates, > 1 boosts (weights stay ≤ 1). */
  readonly factor: number;
  /** Where to look: the hit's own text, or the user input. @default 'same' */
  readonly scope?: 'same' | 'input';
}

/** How a hit's surroundings disown it. */
export type ContextKind = 'negated' | 'reported' | 'quoted' | 'question' | 'fiction';
export const CONTEXT_KINDS: readonly ContextKind[] = [
  'negated',
  'reported',
  'quoted',
  'question',
  'fiction',
];
/** Weight multipliers per reading; they multiply when several apply. */
export const CONTEXT_FACTORS: Readonly<Record<ContextKind, number>> = Object.freeze({
  negated: 0.2,
  reported: 0.4,
  quoted: 0.6,
  question: 0.45,
  fiction: 0.6,
});

export interface CategoryLexicon {
  /** Dotted id, e.g. `dignity.dehumanisation`. */
  readonly id: string;
  readonly clause?: ClauseId;
  readonly description: string;
  readonly entries: readonly LexiconEntry[];
  readonly modifiers?: readonly Modifier[];
  /** Readings that discount this category's hits (actions are not excused by quotes). @default all */
  readonly contexts?: readonly ContextKind[];
}

export interface ConstitutionalLexicon {
  readonly critic: string;
  readonly categories: readonly CategoryLexicon[];
  readonly fragments?: Readonly<Record<string, Fragment>>;
}

/** One hit: its evidence span plus what it weighed and why. */
export interface Hit extends EvidenceSpan {
  category: string;
  entry: string;
  /** Effective weight after source, context, modifiers and repetition. */
  weight: number;
  context: ContextKind[];
}

export interface CategoryResult {
  id: string;
  clause?: ClauseId;
  description: string;
  score: number;
  severity: number;
  hits: Hit[];
}

export interface ConstitutionalScan {
  /** Categories with at least one hit, in lexicon order. */
  categories: CategoryResult[];
  /** Whether fiction framing was found in the request or the response. */
  fiction: boolean;
}

export interface ScanOptions {
  /** Weight of hits in the user input relative to the model output. @default 0.3 */
  inputWeight: number;
  /** Category scores from which severities 1, 2 and 3 start. @default [0.2, 0.45, 0.75] */
  severityThresholds: readonly [number, number, number];
}

export const DEFAULT_SCAN_OPTIONS: Readonly<ScanOptions> = Object.freeze({
  inputWeight: 0.3,
  severityThresholds: [0.2, 0.45, 0.75] as const,
});

/** The most a category scores from discounted and input hits alone (just under severity 2). */
export const NON_DIRECT_CAP = 0.44;
