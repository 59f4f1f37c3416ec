/**
 * The constitutional scorer shared by `rights`, `autonomy`, `fairness_eval`, `truth`, `risk` and
 * `operations`. Each critic brings a lexicon: categories of weighted phrases and patterns, each
 * category tied to a doctrine clause where one applies. A scan finds every hit in the model
 * output (weighed fully) and the user input (weighed at `inputWeight`), discounts hits that are
 * negated, reported, quoted, asked or fictional, and scores each category with diminishing
 * returns: score = 1 − Π(1 − wᵢ). Discounted and input hits alone stay below the constitutional
 * threshold: only what the response itself asserts can reach it.
 *
 * Speed: a text is folded, lower-cased and split into words once (shared by every critic); a
 * pattern is tried only where one of the words it can begin with starts (its `starts`), as a
 * sticky regex, so the cost grows with the words that matter, not with the lexicon's size.
 */
import type { FailureMode } from '../orchestrator/types.js';
import { compileLexicon } from './constitutional-compile.js';
import { findingFromScan, type FindingFromScanOptions } from './constitutional-finding.js';
import { scanConstitutional } from './constitutional-score.js';
import {
  DEFAULT_SCAN_OPTIONS,
  type ConstitutionalLexicon,
  type ConstitutionalScan,
  type ScanOptions,
} from './constitutional-types.js';
import type { BuiltInCritic, Finding } from './types.js';

export * from './constitutional-types.js';
export { prepareText, type PreparedText, type Reading } from './constitutional-text.js';
export { isFiction, readContext } from './constitutional-context.js';
export {
  captureGroups,
  compileLexicon,
  leadingWord,
  wordsOf,
  type CompiledLexicon,
} from './constitutional-compile.js';
export { auditStarts } from './constitutional-match.js';
export {
  combineWeights,
  gradeScore,
  isDirect,
  scanConstitutional,
  scoreHits,
} from './constitutional-score.js';
export {
  defaultUncertainty,
  describeScan,
  findingFromScan,
  pickEscalation,
  quoteOf,
  type FindingFromScanOptions,
} from './constitutional-finding.js';

// ── The critic ───────────────────────────────────────────────────────────────────────────────

export interface ConstitutionalCriticOptions {
  /** Weight of hits in the user input relative to the model output. @default 0.3 */
  inputWeight?: number;
  /** Category scores from which severities 1, 2 and 3 start. @default [0.2, 0.45, 0.75] */
  severityThresholds?: readonly [number, number, number];
  /** How the decision treats this critic's failure. @default per critic */
  failureMode?: FailureMode;
}

export interface ScanTexts {
  readonly inputText: string;
  readonly modelResponse: string;
}

export interface ConstitutionalDefinition {
  readonly name: string;
  readonly lexicon: ConstitutionalLexicon;
  readonly failureMode: FailureMode;
  /** The justification when nothing was found. */
  readonly clean: string;
  /** Replaces {@link defaultUncertainty}. */
  readonly uncertainty?: (scan: ConstitutionalScan, texts: ScanTexts) => number;
  /** Extra `details` fields. */
  readonly details?: (scan: ConstitutionalScan, texts: ScanTexts) => Record<string, unknown>;
}

/** Checks options up front; the message says what was expected and what came. */
export function resolveScanOptions(options: ConstitutionalCriticOptions): ScanOptions {
  const inputWeight: unknown = options.inputWeight ?? DEFAULT_SCAN_OPTIONS.inputWeight;
  if (typeof inputWeight !== 'number' || !(inputWeight >= 0 && inputWeight <= 1)) {
    throw new TypeError(
      `Expected \`inputWeight\` to be a number in [0, 1], got \`${JSON.stringify(inputWeight)}\``,
    );
  }
  const thresholds = options.severityThresholds ?? DEFAULT_SCAN_OPTIONS.severityThresholds;
  const list: readonly unknown[] = thresholds;
  const [one, two, three] = thresholds;
  if (!(list.length === 3 && 0 < one && one < two && two < three && three <= 1)) {
    throw new TypeError(
      `Expected \`severityThresholds\` to be three increasing numbers in (0, 1], got \`${JSON.stringify(thresholds)}\``,
    );
  }
  const failureMode: unknown = options.failureMode;
  const modes: readonly unknown[] = ['open', 'closed', 'escalate'];
  if (failureMode !== undefined && !modes.includes(failureMode)) {
    throw new TypeError(
      `Expected \`failureMode\` to be open, closed or escalate, got \`${JSON.stringify(failureMode)}\``,
    );
  }
  return { inputWeight, severityThresholds: thresholds };
}

/** Builds a synchronous constitutional critic from its lexicon. */
export function createConstitutionalCritic(
  definition: ConstitutionalDefinition,
  options: ConstitutionalCriticOptions = {},
): BuiltInCritic {
  const scanOptions = resolveScanOptions(options);
  const compiled = compileLexicon(definition.lexicon);
  const evaluate = (texts: ScanTexts): Finding => {
    const scan = scanConstitutional(compiled, texts.inputText, texts.modelResponse, scanOptions);
    const findingOptions: FindingFromScanOptions = {
      clean: definition.clean,
      thresholds: scanOptions.severityThresholds,
    };
    if (definition.uncertainty !== undefined) {
      findingOptions.uncertainty = definition.uncertainty(scan, texts);
    }
    if (definition.details !== undefined) findingOptions.details = definition.details(scan, texts);
    return findingFromScan(scan, findingOptions);
  };
  return {
    name: definition.name,
    // Deterministic: a retry would fail the same way.
    maxRetries: 0,
    failureMode: options.failureMode ?? definition.failureMode,
    reads: ['inputText', 'modelResponse'],
    version: '1',
    tags: ['constitutional', 'deterministic'],
    evaluate: (input) => ({ ...evaluate(input) }),
  };
}
