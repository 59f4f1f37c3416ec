/**
 * `operations` (CORE_ANALYSIS by name): operational risks in a response — claimed actions the
 * model cannot take, disabled security controls, leaked configuration, unbounded resource use
 * and tool misuse.
 */
import {
  createConstitutionalCritic,
  type ConstitutionalCriticOptions,
  type ConstitutionalLexicon,
} from './constitutional.js';
import { ACTION_CLAIM_CATEGORY, OPERATIONS_LEXICON } from './lexicons/operations.js';
import type { BuiltInCritic } from './types.js';

export const OPERATIONS_CRITIC = 'operations';

export interface OperationsOptions extends ConstitutionalCriticOptions {
  /**
   * The model acts through tools, so "I've sent the email" may be true: claims of action then
   * weigh 0.3 of their usual weight. @default false
   */
  actionCapable?: boolean;
}

const ACTION_CAPABLE_FACTOR = 0.3;

function forAgents(lexicon: ConstitutionalLexicon): ConstitutionalLexicon {
  return {
    ...lexicon,
    categories: lexicon.categories.map((category) =>
      category.id !== ACTION_CLAIM_CATEGORY
        ? category
        : {
            ...category,
            entries: category.entries.map((e) => ({
              ...e,
              weight: e.weight * ACTION_CAPABLE_FACTOR,
            })),
          },
    ),
  };
}

/** Builds the `operations` critic. Its failure escalates: a disabled control needs a human. */
export function createOperations(options: OperationsOptions = {}): BuiltInCritic {
  const { actionCapable = false, ...rest } = options;
  if (typeof actionCapable !== 'boolean') {
    throw new TypeError(
      `Expected \`actionCapable\` to be a boolean, got \`${JSON.stringify(actionCapable)}\``,
    );
  }
  return createConstitutionalCritic(
    {
      name: OPERATIONS_CRITIC,
      lexicon: actionCapable ? forAgents(OPERATIONS_LEXICON) : OPERATIONS_LEXICON,
      failureMode: 'escalate',
      clean: 'No operational or system risk found.',
    },
    rest,
  );
}
