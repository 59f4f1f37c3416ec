/**
 * Eleanor's shared vocabulary: stages, policies and statuses, as `const` objects whose string
 * values are part of the public contract (they appear in reports, logs and stores).
 */

export const Stage = {
  PRE_VALIDATION: 'PRE_VALIDATION',
  FAST_CRITICS: 'FAST_CRITICS',
  CORE_ANALYSIS: 'CORE_ANALYSIS',
  DEEP_ANALYSIS: 'DEEP_ANALYSIS',
  POST_PROCESSING: 'POST_PROCESSING',
  VALIDATION: 'VALIDATION',
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];

/** Stages in execution order. */
export const STAGE_ORDER: readonly Stage[] = [
  Stage.PRE_VALIDATION,
  Stage.FAST_CRITICS,
  Stage.CORE_ANALYSIS,
  Stage.DEEP_ANALYSIS,
  Stage.POST_PROCESSING,
  Stage.VALIDATION,
];

/** Position of a stage in {@link STAGE_ORDER}. */
export function stageIndex(stage: Stage): number {
  return STAGE_ORDER.indexOf(stage);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGE_ORDER as readonly string[]).includes(value);
}

export const Policy = {
  /** Always runs. */
  ALWAYS: 'ALWAYS',
  /** Runs only if a critic ordered before it reported a violation. */
  ON_VIOLATION: 'ON_VIOLATION',
  /** Runs only if `context.riskTier` is `high`. */
  ON_HIGH_RISK: 'ON_HIGH_RISK',
  /** Runs only if a critic ordered before it reported `uncertainty` above the threshold. */
  ON_UNCERTAINTY: 'ON_UNCERTAINTY',
  /** A predicate over the critic's input decides. */
  CONDITIONAL: 'CONDITIONAL',
} as const;
export type Policy = (typeof Policy)[keyof typeof Policy];

export const POLICIES: readonly Policy[] = Object.values(Policy);

export function isPolicy(value: unknown): value is Policy {
  return typeof value === 'string' && (POLICIES as readonly string[]).includes(value);
}

/** What happened to one critic in one run. A cache hit is `success` with `fromCache: true`. */
export const Status = {
  SUCCESS: 'success',
  GATED: 'gated',
  TIMEOUT: 'timeout',
  ERROR: 'error',
  CIRCUIT_OPEN: 'circuit_open',
  RATE_LIMITED: 'rate_limited',
  CANCELLED: 'cancelled',
} as const;
export type Status = (typeof Status)[keyof typeof Status];

export const STATUSES: readonly Status[] = Object.values(Status);

/** Priority 1 is the highest, 10 the lowest. */
export const MIN_PRIORITY = 1;
export const MAX_PRIORITY = 10;
