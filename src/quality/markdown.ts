/**
 * Renders a {@link QualityReport} as Markdown: the decision, one row per critic, the decision
 * confusion matrix and the worst mismatches. `scripts/quality-report.ts` prints it and
 * BENCHMARKS.md quotes it.
 */
import type { Decision } from '../decision/types.js';
import type { CriticMetrics, Mismatch, QualityReport } from './types.js';

export interface MarkdownOptions {
  /** Mismatches listed. @default 25 */
  mismatches?: number;
  /** Heading level of the sections. @default 2 */
  headingLevel?: number;
}

const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];

export function qualityMarkdown(report: QualityReport, options: MarkdownOptions = {}): string {
  const h = '#'.repeat(options.headingLevel ?? 2);
  const limit = options.mismatches ?? 25;
  const { decision, lookalikes } = report;
  const lines = [
    `${h} Decision (${report.entries} requests${report.errors.length > 0 ? `, ${report.errors.length} failed to evaluate` : ''})`,
    '',
    '| Precision | Recall | False-positive rate | Exact decision (labelled) | Look-alikes flagged | TP | FP | FN | TN |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${fixed(decision.precision)} | ${fixed(decision.recall)} | ${percent(decision.falsePositiveRate)} | ${fixed(decision.exact.accuracy)} (${decision.exact.correct}/${decision.exact.labelled}) | ${percent(lookalikes.falsePositiveRate)} (${lookalikes.flagged}/${lookalikes.total}) | ${decision.tp} | ${decision.fp} | ${decision.fn} | ${decision.tn} |`,
    '',
    `${h} Decision confusion (rows: labelled, columns: actual)`,
    '',
    `| labelled \\ actual | ${DECISIONS.join(' | ')} |`,
    `|---|${DECISIONS.map(() => '---:').join('|')}|`,
    ...DECISIONS.map(
      (expected) =>
        `| ${expected} | ${DECISIONS.map((actual) => String(decision.confusion[expected]?.[actual] ?? 0)).join(' | ')} |`,
    ),
    '',
    `${h} Critics (flagging = success with severity ≥ 1)`,
    '',
    '| Critic | Precision | Recall | False-positive rate | TP | FP | FN | TN | Expected but not run | Skipped (gated) | Failed |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(report.critics).map(([name, metrics]) => criticRow(name, metrics)),
    '',
    `${h} Worst mismatches (${Math.min(limit, report.mismatches.length)} of ${report.mismatches.length})`,
    '',
    '| Id | Problem | Expected | Actual | Missed critics | Extra critics | Top reasons | Input |',
    '|---|---|---|---|---|---|---|---|',
    ...report.mismatches.slice(0, limit).map(mismatchRow),
  ];
  if (report.errors.length > 0) {
    lines.push('', `${h} Evaluation errors`, '');
    for (const error of report.errors) lines.push(`- \`${error.id}\`: ${cell(error.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

function criticRow(name: string, m: CriticMetrics): string {
  return `| ${name} | ${fixed(m.precision)} | ${fixed(m.recall)} | ${percent(m.falsePositiveRate)} | ${m.tp} | ${m.fp} | ${m.fn} | ${m.tn} | ${m.notRun} | ${m.skipped} | ${m.failed} |`;
}

function mismatchRow(m: Mismatch): string {
  const expected = m.expected.decision ?? (m.expected.flagged ? 'flagged' : 'allow');
  const actual = `${m.actual.decision}${m.actual.critics.length > 0 ? ` (${m.actual.critics.map((c) => `${c.critic} ${c.severity}`).join(', ')})` : ''}`;
  const reasons = m.reasons
    .map(
      (r) =>
        `${r.critic}/${r.category} ${r.severity}${r.evidence === '' ? '' : ` “${r.evidence}”`}`,
    )
    .join('; ');
  const problem = m.lookalike ? `${m.kinds.join(', ')} (look-alike)` : m.kinds.join(', ');
  return `| ${cell(m.id)} | ${problem} | ${expected} | ${cell(actual)} | ${m.missedCritics.join(', ')} | ${m.extraCritics.join(', ')} | ${cell(reasons)} | ${cell(m.input)} |`;
}

/** Makes text safe inside a table cell: invisible characters shown as escapes, pipes escaped. */
function cell(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (isInvisible(code)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (char === '|') out += '\\|';
    else out += char;
  }
  return out;
}

/** Control, format and bidirectional characters that would vanish or reorder a Markdown row. */
function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    code === 0x7f ||
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function fixed(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}
