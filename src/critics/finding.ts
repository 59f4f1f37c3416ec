/**
 * Builds a {@link Finding} from violations, so every built-in critic grades the same way:
 * severity is the highest violation's, `violation` means the constitutional threshold (2) was
 * reached, and a `concern` is anything from 1 up to it.
 */
import type { EscalationSignal, Finding, Violation } from './types.js';

/** Severity at which a finding is a violation (DESIGN.md: 2 = constitutional threshold). */
export const VIOLATION_THRESHOLD = 2;
/** Severity from which a finding is a concern. */
export const CONCERN_THRESHOLD = 1;

export interface FindingOptions {
  /** Said when nothing was found. */
  clean: string;
  /** @default 0.1 when clean, 0.2 otherwise */
  uncertainty?: number;
  escalation?: EscalationSignal | undefined;
  details?: Record<string, unknown>;
}

export function buildFinding(violations: readonly Violation[], options: FindingOptions): Finding {
  const severity = round(violations.reduce((max, v) => Math.max(max, v.severity), 0));
  const sorted = [...violations].sort((a, b) => b.severity - a.severity);
  const finding: Finding = {
    value:
      severity >= VIOLATION_THRESHOLD
        ? 'violation'
        : severity >= CONCERN_THRESHOLD
          ? 'concern'
          : 'pass',
    score: round(Math.min(1, severity / 3)),
    severity,
    violation: severity >= VIOLATION_THRESHOLD,
    violations: sorted,
    justification:
      sorted.length === 0
        ? options.clean
        : sorted
            .slice(0, 5)
            .map((v) => v.description)
            .join('; '),
    uncertainty: round(options.uncertainty ?? (sorted.length === 0 ? 0.1 : 0.2)),
  };
  if (options.escalation !== undefined) finding.escalation = options.escalation;
  if (options.details !== undefined) finding.details = options.details;
  return finding;
}

/** Rounds to two decimals (stable numbers for audit hashes). */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
