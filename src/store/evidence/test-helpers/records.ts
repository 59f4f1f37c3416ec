/**
 * Decision record inputs for store tests: small, deterministic, with the fields a test wants
 * to vary (decision, time, critics and their statuses, retries, durations).
 */
import type { Decision } from '../../../decision/types.js';
import type { Status } from '../../../orchestrator/vocabulary.js';
import type { DecisionRecordInput, RecordedCriticResult } from '../types.js';

export interface CriticSketch {
  status?: Status;
  retryCount?: number;
  durationMs?: number;
}

export interface RecordSketch {
  traceId?: string;
  decision?: Decision;
  recordedAt?: number;
  durationMs?: number;
  critics?: Record<string, CriticSketch>;
}

export const T0 = Date.UTC(2025, 0, 1);

let counter = 0;

export function recordInput(sketch: RecordSketch = {}): DecisionRecordInput {
  counter += 1;
  const critics = sketch.critics ?? { quick_safety: {}, style_checker: {} };
  return {
    traceId: sketch.traceId ?? `trace-${counter}`,
    recordedAt: sketch.recordedAt ?? T0,
    request: {
      input: 'question',
      output: 'answer',
      context: { riskTier: 'low' },
      textMode: 'full',
      inputChars: 8,
      outputChars: 6,
      maskedSpans: 0,
    },
    decision: sketch.decision ?? 'allow',
    escalation: null,
    dissent: [],
    reasons: [],
    critics: Object.keys(critics)
      .sort()
      .map((name) => criticResult(name, critics[name] ?? {})),
    summary: successSummary(Object.keys(critics).length, sketch.durationMs ?? 5),
    degraded: [],
    configVersion: 'test-config',
    auditHash: 'a'.repeat(64),
  };
}

function criticResult(name: string, sketch: CriticSketch): RecordedCriticResult {
  const status = sketch.status ?? 'success';
  const result: RecordedCriticResult = {
    critic: name,
    status,
    stage: 'CORE_ANALYSIS',
    priority: 5,
    retryCount: sketch.retryCount ?? 0,
    durationMs: sketch.durationMs ?? 1,
    queueTimeMs: 0,
    validationErrors: [],
    degraded: false,
    fromCache: false,
    output: { value: 'pass', score: 0, severity: 0, violation: false, violations: [] },
  };
  if (status === 'gated') result.gatingReason = 'no_prior_violations';
  return result;
}

/** The run summary of `total` critics that all succeeded at the first attempt. */
export function successSummary(total: number, durationMs: number): DecisionRecordInput['summary'] {
  return {
    total,
    success: total,
    failed: 0,
    timedOut: 0,
    gated: 0,
    retried: 0,
    cancelled: 0,
    circuitOpen: 0,
    rateLimited: 0,
    cost: 0,
    durationMs,
  };
}
