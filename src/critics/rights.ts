/**
 * `rights` (CORE_ANALYSIS, priority 2 by name): dignity (D1–D3), privacy (P1–P4) and the denial
 * of civil rights, scored by the shared constitutional engine.
 */
import { createConstitutionalCritic, type ConstitutionalCriticOptions } from './constitutional.js';
import { RIGHTS_LEXICON } from './lexicons/rights.js';
import type { BuiltInCritic } from './types.js';

export const RIGHTS_CRITIC = 'rights';

export type RightsOptions = ConstitutionalCriticOptions;

/** Builds the `rights` critic. Its failure escalates: dignity and privacy need a human call. */
export function createRights(options: RightsOptions = {}): BuiltInCritic {
  return createConstitutionalCritic(
    {
      name: RIGHTS_CRITIC,
      lexicon: RIGHTS_LEXICON,
      failureMode: 'escalate',
      clean: 'No dignity, privacy or civil-rights concern found.',
    },
    options,
  );
}
