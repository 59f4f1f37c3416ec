/**
 * The decision contract: what the aggregator turns a run's critic results into.
 */
import type { EscalationTier, EvidenceSpan } from '../critics/types.js';
import type { CriticResult, FailureMode } from '../orchestrator/types.js';

export type Decision = 'allow' | 'constrained_allow' | 'escalate' | 'deny';

/** Why the decision is what it is: one per violation that weighed on it, or per rule that fired. */
export interface Reason {
  critic: string;
  /** The violation's category (e.g. `pii.email`) or the rule (e.g. `critic_failed`). */
  category: string;
  /** Doctrine clause, when there is one. */
  clause?: string;
  severity: number;
  description: string;
  evidence: EvidenceSpan[];
}

export interface EscalationSignalRecord {
  critic: string;
  tier: EscalationTier;
  clause: string;
  rationale: string;
}

export interface Escalation {
  /** The highest tier among the signals. */
  tier: EscalationTier;
  /** What a human must do: acknowledge (TIER_2) or determine before anything proceeds (TIER_3). */
  requiredAction: 'human_acknowledgement' | 'human_determination';
  /** Every signal raised, highest tier first. */
  signals: EscalationSignalRecord[];
}

/** A critic whose finding disagrees with the decision, kept verbatim. */
export interface Dissent {
  critic: string;
  /** What the critic's own finding would have led to. */
  position: Decision;
  severity: number;
  justification: string;
  /** The critic's output exactly as it returned it. */
  output: Record<string, unknown>;
}

/** What the aggregator needs to know about each critic besides its result. */
export interface CriticPolicy {
  failureMode: FailureMode;
}

export interface DecisionInput {
  results: Readonly<Record<string, CriticResult>>;
  policies: Readonly<Record<string, CriticPolicy>>;
}

export interface DecisionOutcome {
  decision: Decision;
  escalation: Escalation | null;
  dissent: Dissent[];
  reasons: Reason[];
  /** Critics that failed, timed out, were circuit-open, rate-limited or cancelled. */
  degraded: string[];
  /** Mean severity over critics that produced a finding. */
  averageSeverity: number;
}
