/**
 * Reads any critic's output as a finding. Built-in critics return a {@link Finding}; third-party
 * critics may return anything that passed the orchestrator's validation, so every field is read
 * defensively: wrong types fall back to "nothing found", numbers are clamped to their scales,
 * and malformed evidence or escalations are dropped rather than trusted.
 */
import type {
  EscalationSignal,
  EvidenceSource,
  EvidenceSpan,
  Violation,
} from '../critics/types.js';

/** Severity scale bounds (DESIGN.md: 0 none … 3 severe). */
export const MAX_SEVERITY = 3;

/** A critic output reduced to the fields the decision reads, every one well-formed. */
export interface ReadFinding {
  /** 0–3; 0 when missing or not a finite number. */
  severity: number;
  /** True only when the critic said exactly `violation: true`. */
  violation: boolean;
  violations: Violation[];
  justification: string;
  /** 0–1; 0 when missing or not a finite number. */
  uncertainty: number;
  /** Kept only when the tier is known and the clause is named. */
  escalation: EscalationSignal | null;
}

const SOURCES: readonly EvidenceSource[] = ['input', 'output', 'context'];

export function readFinding(output: Record<string, unknown>): ReadFinding {
  const severity = clamp(output['severity'], 0, MAX_SEVERITY, 0);
  return {
    severity,
    violation: output['violation'] === true,
    violations: readViolations(output['violations'], severity),
    justification: text(output['justification']),
    uncertainty: clamp(output['uncertainty'], 0, 1, 0),
    escalation: readEscalation(output['escalation']),
  };
}

function readViolations(value: unknown, findingSeverity: number): Violation[] {
  if (!Array.isArray(value)) return [];
  const violations: Violation[] = [];
  for (const entry of value as unknown[]) {
    if (!isRecord(entry)) continue;
    const category = entry['category'];
    const clause = entry['clause'];
    const violation: Violation = {
      category: typeof category === 'string' && category !== '' ? category : 'unspecified',
      severity: clamp(entry['severity'], 0, MAX_SEVERITY, findingSeverity),
      description: text(entry['description']),
      evidence: readEvidence(entry['evidence']),
    };
    if (typeof clause === 'string' && clause !== '') violation.clause = clause;
    violations.push(violation);
  }
  return violations;
}

/** Spans whose shape is consistent: a known source, integer offsets in order, matching text. */
function readEvidence(value: unknown): EvidenceSpan[] {
  if (!Array.isArray(value)) return [];
  const spans: EvidenceSpan[] = [];
  for (const entry of value as unknown[]) {
    if (!isRecord(entry)) continue;
    const { source, start, end, text: matched } = entry;
    if (
      typeof source === 'string' &&
      (SOURCES as readonly string[]).includes(source) &&
      isOffset(start) &&
      isOffset(end) &&
      start <= end &&
      typeof matched === 'string' &&
      matched.length === end - start
    ) {
      spans.push({ source: source as EvidenceSource, start, end, text: matched });
    }
  }
  return spans;
}

function readEscalation(value: unknown): EscalationSignal | null {
  if (!isRecord(value)) return null;
  const { tier, clause, rationale } = value;
  if (tier !== 'TIER_2' && tier !== 'TIER_3') return null;
  if (typeof clause !== 'string' || clause === '') return null;
  return { tier, clause, rationale: text(rationale) };
}

/** A finite number clamped to [min, max]; anything else gives the fallback. */
function clamp(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
