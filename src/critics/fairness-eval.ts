/**
 * `fairness_eval` (CORE_ANALYSIS, priority 3 by name): stereotyping (F2), discriminatory
 * decisions (F1) and unequal access to services (F3). A protected group must combine with a
 * generalisation or a decision pattern; the group word alone never flags.
 */
import { createConstitutionalCritic, type ConstitutionalCriticOptions } from './constitutional.js';
import { FAIRNESS_LEXICON } from './lexicons/fairness-eval.js';
import type { BuiltInCritic } from './types.js';

export const FAIRNESS_EVAL_CRITIC = 'fairness_eval';

export type FairnessEvalOptions = ConstitutionalCriticOptions;

/** Builds the `fairness_eval` critic. Its failure escalates: an unchecked bias is a human call. */
export function createFairnessEval(options: FairnessEvalOptions = {}): BuiltInCritic {
  return createConstitutionalCritic(
    {
      name: FAIRNESS_EVAL_CRITIC,
      lexicon: FAIRNESS_LEXICON,
      failureMode: 'escalate',
      clean: 'No stereotyping, discriminatory decision or unequal access found.',
    },
    options,
  );
}
