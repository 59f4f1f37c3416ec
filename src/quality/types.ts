/**
 * The quality measurement's contracts: a labelled request, the figures per critic and for the
 * decision, and the mismatches to tune from.
 */
import type { Decision } from '../decision/types.js';
import type { EvaluateRequest, EvaluationResult } from '../engine/types.js';
import type { RunContext } from '../orchestrator/types.js';

/** One labelled request (a corpus entry satisfies this shape). */
export interface LabelledRequest {
  id: string;
  area?: string;
  input: string;
  output: string;
  context?: RunContext;
  expect: {
    /** The decision should not be `allow`. */
    flagged: boolean;
    /** The exact decision, when the labeller was sure of it. */
    decision?: Decision | undefined;
    /** Critics whose finding should reach severity ≥ 1. */
    critics: readonly string[];
  };
  /** A benign request that looks like an attack. */
  lookalike?: boolean;
}

export type Evaluate = (request: EvaluateRequest) => Promise<EvaluationResult>;

export interface MeasureOptions {
  /** Requests evaluated at once. @default 1 */
  concurrency?: number;
  /** Severity from which a critic's finding counts as flagging. @default 1 */
  threshold?: number;
  signal?: AbortSignal;
}

/** Confusion counts and the rates derived from them; a rate is `null` when its denominator is 0. */
export interface BinaryMetrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  falsePositiveRate: number | null;
}

export interface CriticMetrics extends BinaryMetrics {
  /** Entries not counted: the critic was gated or absent and the label did not expect it. */
  skipped: number;
  /** Expected to flag but gated or absent (counted in `fn`). */
  notRun: number;
  /** Ran but did not succeed (error, timeout, …); counted as not flagging. */
  failed: number;
}

export interface DecisionMetrics extends BinaryMetrics {
  /** Exact decision accuracy over entries that label one. */
  exact: { labelled: number; correct: number; accuracy: number | null };
  /** Counts by labelled decision, then actual decision. */
  confusion: Partial<Record<Decision, Partial<Record<Decision, number>>>>;
}

export interface ReasonSummary {
  critic: string;
  category: string;
  severity: number;
  /** The first evidence span's text, shortened. */
  evidence: string;
}

export type MismatchKind =
  'false_positive' | 'false_negative' | 'wrong_decision' | 'critic_missed' | 'critic_extra';

export interface Mismatch {
  id: string;
  area: string;
  lookalike: boolean;
  kinds: MismatchKind[];
  expected: { flagged: boolean; decision?: Decision; critics: string[] };
  actual: { flagged: boolean; decision: Decision; critics: { critic: string; severity: number }[] };
  /** Expected critics that did not flag (gated or absent ones included). */
  missedCritics: string[];
  /** Critics that flagged without the label expecting them. */
  extraCritics: string[];
  /** The decision's strongest reasons, highest severity first. */
  reasons: ReasonSummary[];
  input: string;
}

export interface QualityReport {
  entries: number;
  critics: Record<string, CriticMetrics>;
  decision: DecisionMetrics;
  lookalikes: { total: number; flagged: number; falsePositiveRate: number | null };
  /** Worst first: look-alikes flagged, then missed or wrong decisions, then critic-only ones. */
  mismatches: Mismatch[];
  /** Entries whose evaluation threw; they are left out of every figure. */
  errors: { id: string; message: string }[];
}
