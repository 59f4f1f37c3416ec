/**
 * The decision aggregator (DESIGN.md "Decision"): turns a run's critic results into one governed
 * decision, with the reasons behind it, every escalation signal, and the dissent kept verbatim.
 * Pure: the same results and policies always give the same outcome, in the same order.
 */
import type { CriticResult, FailureMode } from '../orchestrator/types.js';
import { readFinding } from './read-finding.js';
import type { ReadFinding } from './read-finding.js';
import type {
  CriticPolicy,
  Decision,
  DecisionInput,
  DecisionOutcome,
  Dissent,
  Escalation,
  EscalationSignalRecord,
  Reason,
} from './types.js';

/** A successful critic reporting at least this severity denies on its own. */
export const DENY_SEVERITY = 2.5;
/** Average severity from which the panel's finding weighs (constrained allow, or escalation). */
export const CONCERN_SEVERITY = 1;
/** Population standard deviation of severities at which critics are said to disagree. */
export const DISAGREEMENT_SPREAD = 1;
/** Mean uncertainty at which the panel is said to be unsure. */
export const PANEL_UNCERTAINTY = 0.6;
/** A critic this unsure of its own finding dissents from an allow. */
export const DISSENT_UNCERTAINTY = 0.7;
/** The name under which panel-wide rules (disagreement, uncertainty) report. */
export const PANEL = 'panel';

/** Absorbs floating-point noise in means and deviations (0.1 + 0.2 …), never a real difference. */
const EPSILON = 1e-9;

/** A critic whose output the decision reads. */
interface Entry {
  critic: string;
  output: Record<string, unknown>;
  finding: ReadFinding;
  /** Status `success` and not a fallback: only these can deny by severity. */
  successful: boolean;
}

/** What the results contribute before any rule is applied. */
interface Collected {
  entries: Entry[];
  degraded: string[];
  signals: EscalationSignalRecord[];
  reasons: Reason[];
  closedFailure: boolean;
}

export function decide(input: DecisionInput): DecisionOutcome {
  const { entries, degraded, signals, reasons, closedFailure } = collect(input);
  const severities = entries.map((e) => e.finding.severity);
  const averageSeverity = mean(severities);
  if (atLeast(averageSeverity, CONCERN_SEVERITY)) {
    panelRules(averageSeverity, severities, entries, signals, reasons);
  }
  for (const entry of entries) reasons.push(...findingReasons(entry));

  const decision: Decision =
    closedFailure || entries.some((e) => e.successful && e.finding.severity >= DENY_SEVERITY)
      ? 'deny'
      : signals.length > 0
        ? 'escalate'
        : atLeast(averageSeverity, CONCERN_SEVERITY) || entries.some((e) => e.finding.violation)
          ? 'constrained_allow'
          : 'allow';

  return {
    decision,
    escalation: escalationOf(signals),
    dissent: dissentOf(entries, decision),
    reasons: reasons.sort(compareReasons),
    degraded,
    averageSeverity,
  };
}

/** The decision a finding would lead to on its own. */
export function positionOf(finding: ReadFinding): Decision {
  if (finding.severity >= DENY_SEVERITY) return 'deny';
  if (finding.escalation !== null) return 'escalate';
  if (finding.violation || finding.severity >= CONCERN_SEVERITY) return 'constrained_allow';
  return 'allow';
}

function collect(input: DecisionInput): Collected {
  const collected: Collected = {
    entries: [],
    degraded: [],
    signals: [],
    reasons: [],
    closedFailure: false,
  };
  for (const critic of Object.keys(input.results).sort(compareText)) {
    const result = input.results[critic];
    if (result === undefined || result.status === 'gated') continue;
    const fallback = result.degraded === true;
    if (result.status !== 'success' || fallback) collected.degraded.push(critic);
    if (result.status === 'success' || fallback) {
      const output = isRecord(result.output) ? result.output : {};
      const finding = readFinding(output);
      collected.entries.push({ critic, output, finding, successful: !fallback });
      if (finding.escalation !== null) {
        collected.signals.push({ critic, ...finding.escalation });
      }
    } else {
      applyFailureMode(critic, result, failureModeOf(input.policies[critic]), collected);
    }
  }
  return collected;
}

/** The declared failure mode; none, or one outside the contract (untyped callers), fails open. */
function failureModeOf(policy: CriticPolicy | undefined): FailureMode {
  const mode: unknown = policy?.failureMode;
  return mode === 'closed' || mode === 'escalate' ? mode : 'open';
}

/** A critic that failed without a fallback weighs by its declared failure mode. */
function applyFailureMode(
  critic: string,
  result: CriticResult,
  mode: FailureMode,
  collected: Collected,
): void {
  const what = `${result.status}${result.error === undefined ? '' : `: ${result.error}`}`;
  switch (mode) {
    case 'open':
      return;
    case 'closed':
      collected.closedFailure = true;
      collected.reasons.push({
        critic,
        category: 'critic_failed',
        severity: 3,
        description: `Critic \`${critic}\` failed (${what}) and fails closed`,
        evidence: [],
      });
      return;
    case 'escalate':
      collected.signals.push({
        critic,
        tier: 'TIER_2',
        clause: 'critic_unavailable',
        rationale: `Critic \`${critic}\` is unavailable (${what}); a human must stand in for it`,
      });
      return;
    default: {
      const never: never = mode;
      throw new TypeError(`Unexpected failure mode ${String(never)}`);
    }
  }
}

/**
 * Panel-wide rules, applied when the average severity reaches the concern level: critics that
 * disagree, or a panel that is unsure, escalate. Each adds a reason and a TIER_2 signal, so an
 * escalation always carries the signal that caused it.
 */
function panelRules(
  average: number,
  severities: readonly number[],
  entries: readonly Entry[],
  signals: EscalationSignalRecord[],
  reasons: Reason[],
): void {
  const spread = Math.sqrt(mean(severities.map((s) => (s - average) ** 2)));
  const uncertainty = mean(entries.map((e) => e.finding.uncertainty));
  const avg = average.toFixed(2);
  const concerns: [string, boolean, string][] = [
    [
      'disagreement',
      atLeast(spread, DISAGREEMENT_SPREAD),
      `Critics disagree: severities spread by ${spread.toFixed(2)} (standard deviation) around an average of ${avg}`,
    ],
    [
      'uncertainty',
      atLeast(uncertainty, PANEL_UNCERTAINTY),
      `The panel is unsure: mean uncertainty ${uncertainty.toFixed(2)} at an average severity of ${avg}`,
    ],
  ];
  for (const [category, holds, description] of concerns) {
    if (!holds) continue;
    reasons.push({ critic: PANEL, category, severity: round(average), description, evidence: [] });
    signals.push({ critic: PANEL, tier: 'TIER_2', clause: category, rationale: description });
  }
}

/**
 * Every violation of severity ≥ 1 the critic listed; a critic that reports a severity or a
 * violation without listing any (a terse third-party critic) still gets one reason.
 */
function findingReasons({ critic, finding }: Entry): Reason[] {
  const reasons: Reason[] = [];
  for (const v of finding.violations) {
    if (v.severity < CONCERN_SEVERITY) continue;
    const reason: Reason = {
      critic,
      category: v.category,
      severity: v.severity,
      description: v.description,
      evidence: v.evidence,
    };
    if (v.clause !== undefined) reason.clause = v.clause;
    reasons.push(reason);
  }
  const weighs = finding.violation || finding.severity >= CONCERN_SEVERITY;
  if (weighs && reasons.length === 0) {
    reasons.push({
      critic,
      category: 'unspecified',
      severity: finding.severity,
      description: finding.justification,
      evidence: [],
    });
  }
  return reasons;
}

function escalationOf(signals: EscalationSignalRecord[]): Escalation | null {
  if (signals.length === 0) return null;
  const sorted = signals.sort(
    (a, b) => tierRank(b.tier) - tierRank(a.tier) || compareText(a.critic, b.critic),
  );
  const tier = sorted[0]?.tier ?? 'TIER_2';
  return {
    tier,
    requiredAction: tier === 'TIER_3' ? 'human_determination' : 'human_acknowledgement',
    signals: sorted,
  };
}

/**
 * Critics whose own position differs from the decision after reporting something, and critics
 * too unsure of themselves to let an allow pass unremarked. Outputs are kept as returned.
 */
function dissentOf(entries: readonly Entry[], decision: Decision): Dissent[] {
  const allowing = decision === 'allow' || decision === 'constrained_allow';
  const dissent: Dissent[] = [];
  for (const { critic, output, finding } of entries) {
    const position = positionOf(finding);
    const reported =
      finding.severity >= CONCERN_SEVERITY || finding.violation || finding.escalation !== null;
    const differs = position !== decision && reported;
    const unsure = allowing && finding.uncertainty >= DISSENT_UNCERTAINTY;
    if (!differs && !unsure) continue;
    dissent.push({
      critic,
      position,
      severity: finding.severity,
      justification: finding.justification,
      output,
    });
  }
  return dissent;
}

function compareReasons(a: Reason, b: Reason): number {
  return (
    b.severity - a.severity ||
    compareText(a.critic, b.critic) ||
    compareText(a.category, b.category)
  );
}

function tierRank(tier: EscalationSignalRecord['tier']): number {
  return tier === 'TIER_3' ? 3 : 2;
}

/** Code-unit order: the same everywhere, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - EPSILON;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
