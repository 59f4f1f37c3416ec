/**
 * The output every critic result carries when the critic did not succeed (DESIGN.md §11),
 * so consumers can read the same fields whatever happened.
 */
import type { CriticOutput } from './types.js';

export function failureOutput(error: string): CriticOutput {
  return {
    value: null,
    score: 0,
    severity: 0,
    violation: false,
    violations: [],
    details: { error, critic_failed: true },
  };
}

/** The output of a critic its policy skipped: no finding, and why it did not run. */
export function gatedOutput(reason: string): CriticOutput {
  return {
    value: null,
    score: 0,
    severity: 0,
    violation: false,
    violations: [],
    details: { gated: true, reason },
  };
}
