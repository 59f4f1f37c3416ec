/**
 * The audit hash: SHA-256 over the RFC 8785 canonical JSON of what was asked, what the critics
 * found and what was decided. Ids, timings, queue times, retry counts and cache provenance are
 * left out, so the same request judged the same way always hashes the same, and any change to a
 * finding, the decision, the request or the configuration changes the hash.
 */
import { createHash } from 'node:crypto';
import type { CriticResult, RunContext } from '../orchestrator/types.js';
import { canonicalJson, type CanonicalTexts } from './canonical-json.js';
import type { DecisionOutcome } from './types.js';

export { canonicalJson };

/** Identifies the payload layout; bump it when the layout changes. */
export const AUDIT_VERSION = 'eleanor-audit/1';

/** What the hash covers. */
export interface AuditSubject {
  request: { input: string; output: string; context?: RunContext | undefined };
  /** Version of the configuration (panel, thresholds) that decided. */
  configVersion: string;
  outcome: Pick<DecisionOutcome, 'decision' | 'escalation' | 'reasons' | 'dissent' | 'degraded'>;
  results: Readonly<Record<string, CriticResult>>;
}

/** One critic's part of the payload: its status, its output when it produced one, and why it was gated. */
export interface AuditFinding {
  critic: string;
  status: CriticResult['status'];
  output?: Record<string, unknown>;
  gatingReason?: string;
}

/** The hashed payload, as stores keep it to recompute the hash. */
export interface AuditPayload {
  version: typeof AUDIT_VERSION;
  request: { input: string; output: string; context: RunContext };
  configVersion: string;
  decision: DecisionOutcome['decision'];
  escalation: DecisionOutcome['escalation'];
  reasons: DecisionOutcome['reasons'];
  dissent: DecisionOutcome['dissent'];
  degraded: string[];
  /** Per critic, sorted by name. */
  findings: AuditFinding[];
}

export function auditPayload(subject: AuditSubject): AuditPayload {
  const { request, outcome, results } = subject;
  return {
    version: AUDIT_VERSION,
    request: { input: request.input, output: request.output, context: request.context ?? {} },
    configVersion: subject.configVersion,
    decision: outcome.decision,
    escalation: outcome.escalation,
    reasons: outcome.reasons,
    dissent: outcome.dissent,
    degraded: outcome.degraded,
    findings: Object.keys(results)
      .sort()
      .flatMap((critic) => {
        const result = results[critic];
        return result === undefined ? [] : [auditFinding(critic, result)];
      }),
  };
}

/**
 * SHA-256 (hex) of a payload's canonical JSON; parts whose text `texts` holds (the engine's
 * critic outputs) are not written again.
 */
export function hashAuditPayload(payload: AuditPayload, texts?: CanonicalTexts): string {
  return createHash('sha256').update(canonicalJson(payload, texts), 'utf8').digest('hex');
}

export function auditHash(subject: AuditSubject): string {
  return hashAuditPayload(auditPayload(subject));
}

function auditFinding(critic: string, result: CriticResult): AuditFinding {
  const finding: AuditFinding = { critic, status: result.status };
  if (result.status === 'success' || result.degraded === true) finding.output = result.output;
  if (result.gatingReason !== undefined) finding.gatingReason = result.gatingReason;
  return finding;
}
