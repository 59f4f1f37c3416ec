/**
 * The audit hash: SHA-256 over the RFC 8785 canonical JSON of what was asked, what the critics
 * found and what was decided. Ids, timings, queue times, retry counts and cache provenance are
 * left out, so the same request judged the same way always hashes the same, and any change to a
 * finding, the decision, the request or the configuration changes the hash.
 */
import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { CriticResult, RunContext } from '../orchestrator/types.js';
import type { DecisionOutcome } from './types.js';

type Serialize = (input: unknown) => string | undefined;

/**
 * `canonicalize` is CommonJS (`module.exports = fn`) typed as `export default fn`: under
 * `nodenext` TypeScript sees the default import as the module object, Node hands over the
 * function itself. Accept either.
 */
const canonicalize: Serialize = serializerOf(canonicalizeModule);

function serializerOf(loaded: unknown): Serialize {
  if (typeof loaded === 'function') return loaded as Serialize;
  const inner: unknown = (loaded as { default?: unknown } | null)?.default;
  if (typeof inner === 'function') return inner as Serialize;
  throw new TypeError('Expected the `canonicalize` package to export a function');
}

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

/** SHA-256 (hex) of a payload's canonical JSON. */
export function hashAuditPayload(payload: AuditPayload): string {
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}

export function auditHash(subject: AuditSubject): string {
  return hashAuditPayload(auditPayload(subject));
}

/**
 * RFC 8785 canonical JSON of any value, made safe first: undefined, functions and symbols are
 * dropped from objects (null in arrays), non-finite numbers become null, bigints strings, and a
 * cycle the marker `"[Circular]"` — so hashing never throws on what a critic returned.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(jsonSafe(value, new Set())) ?? 'null';
}

function auditFinding(critic: string, result: CriticResult): AuditFinding {
  const finding: AuditFinding = { critic, status: result.status };
  if (result.status === 'success' || result.degraded === true) finding.output = result.output;
  if (result.gatingReason !== undefined) finding.gatingReason = result.gatingReason;
  return finding;
}

function jsonSafe(value: unknown, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'string':
    case 'boolean':
      return value;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      return value === null ? null : jsonSafeObject(value, ancestors);
  }
}

function jsonSafeObject(value: object, ancestors: Set<object>): unknown {
  if (ancestors.has(value)) return '[Circular]';
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    return jsonSafe((toJSON as () => unknown).call(value), ancestors);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return (value as unknown[]).map((item) => jsonSafe(item, ancestors) ?? null);
    }
    // No prototype: a `__proto__` key stays an ordinary key.
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) {
      const safe = jsonSafe(item, ancestors);
      if (safe !== undefined) out[key] = safe;
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}
