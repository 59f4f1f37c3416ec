/**
 * Policy gating: decides whether a ready critic runs, from the request and the results of the
 * critics ordered before it. Returns the gating reason, or `undefined` to run.
 */
import { errorMessage } from './errors.js';
import type { CriticInput, CriticResult } from './types.js';
import { Policy, Status } from './vocabulary.js';

export interface GateInput {
  policy: Policy;
  condition: ((input: CriticInput) => boolean) | undefined;
  input: CriticInput;
  /** Results of the critics ordered before this one (all settled when the policy reads them). */
  earlier: readonly (CriticResult | undefined)[];
  uncertaintyThreshold: number;
}

export function gate(g: GateInput): string | undefined {
  switch (g.policy) {
    case Policy.ALWAYS:
      return undefined;
    case Policy.ON_VIOLATION:
      return g.earlier.some((r) => hasOutput(r) && r.output['violation'] === true)
        ? undefined
        : 'no_prior_violations';
    case Policy.ON_UNCERTAINTY:
      return g.earlier.some(
        (r) => hasOutput(r) && isAbove(r.output['uncertainty'], g.uncertaintyThreshold),
      )
        ? undefined
        : 'no_high_uncertainty';
    case Policy.ON_HIGH_RISK: {
      const tier = g.input.context.riskTier;
      return tier === 'high' ? undefined : `risk_tier_not_high: ${tier ?? 'unset'}`;
    }
    case Policy.CONDITIONAL:
      return conditional(g);
    default: {
      const never: never = g.policy;
      return `policy_evaluation_error: unknown policy ${String(never)}`;
    }
  }
}

/** A result whose output is a real finding: a success, or a failure's fallback output. */
function hasOutput(result: CriticResult | undefined): result is CriticResult {
  return result !== undefined && (result.status === Status.SUCCESS || result.degraded === true);
}

function isAbove(value: unknown, threshold: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > threshold;
}

function conditional(g: GateInput): string | undefined {
  if (g.condition === undefined) return 'policy_evaluation_error: no condition';
  try {
    const verdict: unknown = g.condition(g.input);
    if (typeof verdict === 'object' && verdict !== null && 'then' in verdict) {
      return 'policy_evaluation_error: the condition returned a promise; CONDITIONAL predicates must be synchronous';
    }
    return verdict ? undefined : 'conditional_policy_not_met';
  } catch (error) {
    return `policy_evaluation_error: ${errorMessage(error)}`;
  }
}
