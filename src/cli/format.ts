/**
 * Human-readable rendering for the command line: an evaluation (decision, reasons with their
 * evidence, escalation, dissent, per-critic table) and the panel. Plain text with box tables
 * (cli-table3); no colour codes, so the output reads the same in a log file.
 */
import Table from 'cli-table3';
import type { Reason } from '../decision/types.js';
import type { EvaluationResult } from '../engine/types.js';
import type { PlannedCriticInfo } from '../orchestrator/orchestrator.js';

/** A box table of rows under a header. */
export function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({ head, style: { head: [], border: [], compact: true } });
  t.push(...rows.map((r) => r.map(String)));
  return t.toString();
}

const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));

/** Shortens a quote to one line of at most `max` characters. */
function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** One reason on a line: critic, category, clause, severity and its first evidence span. */
export function formatReason(r: Reason): string {
  const clause = r.clause === undefined ? '' : ` (${r.clause})`;
  const span = r.evidence[0];
  const where =
    span === undefined
      ? ''
      : `  “${quote(span.text)}” [${span.source} ${String(span.start)}–${String(span.end)}]`;
  return `${r.critic} · ${r.category}${clause} · severity ${String(r.severity)}${where}`;
}

export function formatEvaluation(result: EvaluationResult): string {
  const lines: string[] = [];
  lines.push(`Decision: ${result.decision.toUpperCase()}`);
  lines.push(`Trace:    ${result.traceId}`);
  lines.push(`Audit:    ${result.auditHash}`);
  if (result.escalation !== null) {
    const signals = result.escalation.signals.map((s) => `${s.critic}:${s.clause}`).join(', ');
    lines.push(
      `Escalation: ${result.escalation.tier} → ${result.escalation.requiredAction} (${signals})`,
    );
  }
  if (result.reasons.length > 0) {
    lines.push('', 'Reasons:');
    for (const r of result.reasons) lines.push(`  - ${formatReason(r)}`);
  }
  for (const d of result.dissent) {
    lines.push(`Dissent: ${d.critic} would ${d.position} — ${d.justification}`);
  }
  if (result.degraded.length > 0) lines.push(`Degraded: ${result.degraded.join(', ')}`);
  lines.push('', 'Critics:');
  const rows = Object.values(result.critics)
    .sort((a, b) => a.priority - b.priority || a.critic.localeCompare(b.critic))
    .map((c) => {
      const severity = typeof c.output['severity'] === 'number' ? c.output['severity'] : '';
      const note = c.gatingReason ?? c.error ?? (c.fromCache === true ? 'from cache' : '');
      return [
        c.critic,
        c.status,
        severity,
        c.status === 'gated' ? '' : ms(c.durationMs),
        c.retryCount,
        quote(note, 50),
      ];
    });
  lines.push(table(['Critic', 'Status', 'Severity', 'ms', 'Retries', 'Note'], rows));
  const s = result.summary;
  lines.push(
    `${String(s.total)} ran, ${String(s.gated)} gated, ${String(s.failed + s.timedOut)} failed or timed out, ${String(s.retried)} retries · ${ms(s.durationMs)} ms`,
  );
  return lines.join('\n');
}

/** The panel: stage, priority, policy, timeout, retries, and why each was classified so. */
export function formatPanel(critics: readonly PlannedCriticInfo[]): string {
  return table(
    ['Critic', 'Stage', 'Priority', 'Policy', 'Timeout ms', 'Retries', 'Failure mode', 'Why'],
    critics.map((c) => [
      c.name,
      c.stage,
      c.priority,
      c.policy,
      c.timeoutMs,
      c.maxRetries,
      c.failureMode,
      `stage: ${c.reasons.stage}; priority: ${c.reasons.priority}; policy: ${c.reasons.policy}`,
    ]),
  );
}
