/**
 * `--fail-on <decision>`: a pipeline can make the command exit 3 when a decision is at least
 * as severe as the one named (allow < constrained_allow < escalate < deny).
 */
import type { Decision } from '../decision/types.js';
import { UsageError } from './io.js';

const ORDER: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];

/** Parses the option value; throws a {@link UsageError} naming the accepted values. */
export function parseDecision(value: string): Decision {
  const found = ORDER.find((d) => d === value.trim().toLowerCase());
  if (found === undefined) {
    throw new UsageError(`--fail-on: expected one of ${ORDER.join(', ')}, got '${value}'`);
  }
  return found;
}

export function atLeast(decision: Decision, threshold: Decision): boolean {
  return ORDER.indexOf(decision) >= ORDER.indexOf(threshold);
}
