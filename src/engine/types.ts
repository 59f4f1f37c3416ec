/**
 * The engine's public contract: `createEngine(options).evaluate(request)`.
 */
import type { Decision, Dissent, Escalation, Reason } from '../decision/types.js';
import type { CriticResult, RunContext, RunSummary } from '../orchestrator/types.js';

export interface EvaluateRequest {
  /** The user's input to the model. */
  input: string;
  /** The model's output under review. */
  output: string;
  context?: RunContext;
  traceId?: string;
}

export interface EvaluationResult {
  traceId: string;
  decision: Decision;
  escalation: Escalation | null;
  dissent: Dissent[];
  reasons: Reason[];
  critics: Record<string, CriticResult>;
  summary: RunSummary;
  /** SHA-256 over the canonical JSON of the decision and every finding (no ids, no timings). */
  auditHash: string;
  /** Critics that failed, timed out, were circuit-open, rate-limited or cancelled. */
  degraded: string[];
  /**
   * The decision record was committed to the evidence store. False only when the commit failed
   * and `ELEANOR_AUDIT_REQUIRED=false` (otherwise the evaluation fails instead).
   */
  recorded: boolean;
}
