/**
 * `risk` (CORE_ANALYSIS by name): dangerous advice — medication without safeguards, all-in
 * financial bets, legal certainty, unsafe electrical and gas work — and irreversible actions.
 */
import { createConstitutionalCritic, type ConstitutionalCriticOptions } from './constitutional.js';
import { RISK_LEXICON } from './lexicons/risk.js';
import type { BuiltInCritic } from './types.js';

export const RISK_CRITIC = 'risk';

export type RiskOptions = ConstitutionalCriticOptions;

/** Builds the `risk` critic. Its failure escalates: unchecked dangerous advice needs a human. */
export function createRisk(options: RiskOptions = {}): BuiltInCritic {
  return createConstitutionalCritic(
    {
      name: RISK_CRITIC,
      lexicon: RISK_LEXICON,
      failureMode: 'escalate',
      clean: 'No dangerous advice or irreversible action found.',
    },
    options,
  );
}
