/**
 * `autonomy` (CORE_ANALYSIS by name): undue influence (A1), coercion and deception (A2) and the
 * manipulation of vulnerable persons (A3), scored by the shared constitutional engine.
 */
import { createConstitutionalCritic, type ConstitutionalCriticOptions } from './constitutional.js';
import { AUTONOMY_LEXICON } from './lexicons/autonomy.js';
import type { BuiltInCritic } from './types.js';

export const AUTONOMY_CRITIC = 'autonomy';

export type AutonomyOptions = ConstitutionalCriticOptions;

/** Builds the `autonomy` critic. Its failure escalates: coercion is a human call. */
export function createAutonomy(options: AutonomyOptions = {}): BuiltInCritic {
  return createConstitutionalCritic(
    {
      name: AUTONOMY_CRITIC,
      lexicon: AUTONOMY_LEXICON,
      failureMode: 'escalate',
      clean: 'No manipulation, coercion or targeting of vulnerable persons found.',
    },
    options,
  );
}
