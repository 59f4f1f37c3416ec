/**
 * Builds the decision record of one evaluation: request metadata, decision, escalation,
 * dissent, reasons, every critic's result and the configuration version, with the texts kept
 * as the text mode says.
 */
import type { CriticResult, RunContext } from '../../orchestrator/types.js';
import type { EvaluationResult } from '../../engine/types.js';
import { maskLiterals, maskSpans, redactDeep, sensitiveText, sha256Text } from './redact.js';
import type { DecisionRecordInput, RecordedCriticResult, TextMode } from './types.js';

export interface RecordSource {
  /** The evaluation's result (its `recorded` field is not stored). */
  result: Omit<EvaluationResult, 'recorded'>;
  /** The request as checked. */
  request: { input: string; output: string; context?: RunContext | undefined };
  configVersion: string;
  textMode: TextMode;
  /** Milliseconds since the epoch. */
  recordedAt: number;
}

export function buildDecisionRecord(source: RecordSource): DecisionRecordInput {
  const { result, request, textMode } = source;
  const context = request.context ?? {};
  const sensitive =
    textMode === 'full'
      ? { input: [], output: [], literals: [] }
      : sensitiveText(result.critics, request);
  const literals = sensitive.literals;
  const text = (whole: string, spans: Parameters<typeof maskSpans>[1]): string => {
    if (textMode === 'full') return whole;
    if (textMode === 'hash') return sha256Text(whole);
    return maskLiterals(maskSpans(whole, spans), literals);
  };
  const redact = <T>(value: T): T => redactDeep(value, literals, textMode) as T;
  return {
    traceId: result.traceId,
    recordedAt: source.recordedAt,
    request: {
      input: text(request.input, sensitive.input),
      output: text(request.output, sensitive.output),
      context: redact(context),
      textMode,
      inputChars: request.input.length,
      outputChars: request.output.length,
      maskedSpans: sensitive.input.length + sensitive.output.length,
    },
    decision: result.decision,
    escalation: redact(result.escalation),
    dissent: redact(result.dissent),
    reasons: redact(result.reasons),
    critics: Object.keys(result.critics)
      .sort()
      .flatMap((name) => {
        const r = result.critics[name];
        return r === undefined ? [] : [redact(criticRecord(r))];
      }),
    summary: result.summary,
    degraded: result.degraded,
    configVersion: source.configVersion,
    auditHash: result.auditHash,
  };
}

function criticRecord(r: CriticResult): RecordedCriticResult {
  const record: RecordedCriticResult = {
    critic: r.critic,
    status: r.status,
    stage: r.stage,
    priority: r.priority,
    retryCount: r.retryCount,
    durationMs: r.durationMs,
    queueTimeMs: r.queueTimeMs,
    validationErrors: r.validationErrors,
    degraded: r.degraded === true,
    fromCache: r.fromCache === true,
    output: r.output,
  };
  if (r.gatingReason !== undefined) record.gatingReason = r.gatingReason;
  if (r.error !== undefined) record.error = r.error;
  return record;
}
