/**
 * `truth` (CORE_ANALYSIS by name): overconfident absolutes, conspiracy markers, fabricated-
 * citation markers and medical or financial misinformation. Its uncertainty grows with how
 * mixed the evidence is: absolute claims alongside hedges are harder to call than either alone.
 */
import { round } from './finding.js';
import {
  createConstitutionalCritic,
  defaultUncertainty,
  isDirect,
  type ConstitutionalCriticOptions,
  type ConstitutionalScan,
  type ScanTexts,
} from './constitutional.js';
import { alt } from './lexicons/constitutional.js';
import { HEDGES, TRUTH_LEXICON } from './lexicons/truth.js';
import type { BuiltInCritic } from './types.js';

export const TRUTH_CRITIC = 'truth';

export type TruthOptions = ConstitutionalCriticOptions;

const HEDGE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}_])${alt(HEDGES)}(?![\\p{L}\\p{N}_])`, 'giu');
const MAX_COUNTED = 20;

/** Hedges in the response (counted up to {@link MAX_COUNTED}). */
export function countHedges(text: string): number {
  HEDGE_PATTERN.lastIndex = 0;
  let count = 0;
  while (count < MAX_COUNTED && HEDGE_PATTERN.exec(text) !== null) count++;
  return count;
}

/**
 * How mixed the evidence is: hedges against absolute claims (balanced → unsure), plus the
 * engine's reading of discounted hits and closeness to a threshold.
 */
function mixedUncertainty(scan: ConstitutionalScan, texts: ScanTexts): number {
  const claims = scan.categories.flatMap((c) => c.hits).filter(isDirect).length;
  if (scan.categories.length === 0) return 0.1;
  const hedges = countHedges(texts.modelResponse);
  const mix = claims === 0 ? 0 : Math.min(hedges, claims) / Math.max(hedges, claims);
  return round(Math.min(0.9, 0.5 * defaultUncertainty(scan) + 0.45 * mix + 0.05));
}

/** Builds the `truth` critic. Its failure is reported, not counted: it judges accuracy, not harm. */
export function createTruth(options: TruthOptions = {}): BuiltInCritic {
  return createConstitutionalCritic(
    {
      name: TRUTH_CRITIC,
      lexicon: TRUTH_LEXICON,
      failureMode: 'open',
      clean: 'No overconfident, conspiratorial or misleading claim found.',
      uncertainty: mixedUncertainty,
      details: (scan, texts) =>
        scan.categories.length === 0 ? {} : { hedges: countHedges(texts.modelResponse) },
    },
    options,
  );
}
