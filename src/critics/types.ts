/**
 * The contract between critics and the decision engine: what a built-in critic returns.
 * Every built-in critic's output is a {@link Finding}; the decision engine also reads third-party
 * critics' outputs defensively (any field may be missing or of the wrong type).
 */
import type { CriticSpec } from '../orchestrator/types.js';

/** Where a piece of evidence was found. */
export type EvidenceSource = 'input' | 'output' | 'context';

/** The matched text and its offsets (UTF-16 code units, end exclusive) in its source. */
export interface EvidenceSpan {
  source: EvidenceSource;
  start: number;
  end: number;
  text: string;
}

/** Escalation tiers: TIER_2 needs human acknowledgement, TIER_3 a human determination and blocks. */
export type EscalationTier = 'TIER_2' | 'TIER_3';

export interface EscalationSignal {
  tier: EscalationTier;
  /** Clause id of the escalation doctrine, e.g. `P1`, `A2`, `D3`, `F1`. */
  clause: string;
  rationale: string;
}

/** One problem a critic found. */
export interface Violation {
  /** Dotted category, e.g. `violence.instructions`, `pii.email`, `injection.override`. */
  category: string;
  /** Severity 0–3: 0 none, 1 minor, 2 constitutional threshold, 3 severe. */
  severity: number;
  /** A short human-readable statement of the problem. */
  description: string;
  /** Doctrine clause, when the category maps to one. */
  clause?: string;
  evidence: EvidenceSpan[];
}

/** What a built-in critic returns (a plain object, as the orchestrator requires). */
export interface Finding {
  /** `pass`, `concern` (something minor) or `violation`. */
  value: 'pass' | 'concern' | 'violation';
  /** 0–1: how strongly the critic objects. */
  score: number;
  /** 0–3, the highest severity among the violations (0 when none). */
  severity: number;
  /** True when any violation reaches the constitutional threshold (severity ≥ 2)… or as the critic decides. */
  violation: boolean;
  violations: Violation[];
  justification: string;
  /** 0–1: how unsure the critic is of its own finding. */
  uncertainty: number;
  escalation?: EscalationSignal;
  /** Critic-specific extras (counts, scores per category …). */
  details?: Record<string, unknown>;
}

/**
 * A built-in critic: an orchestrator spec plus what the engine and the cache need to know.
 * Built by a factory (`createQuickSafety(options)`), never registered globally.
 */
export interface BuiltInCritic extends CriticSpec {
  /** The request fields and context keys the critic reads (cache keys use exactly these). */
  reads: readonly ('inputText' | 'modelResponse' | `context.${string}`)[];
  /** Version of the critic's logic and lexicons; bump when behaviour changes. */
  version: string;
}
