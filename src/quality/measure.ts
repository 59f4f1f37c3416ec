/**
 * Measures the panel's quality on a labelled corpus: precision, recall and false-positive rate
 * per critic and for the final decision, the false-positive rate on benign look-alikes, and the
 * mismatches to tune from. Used by `scripts/quality-report.ts`, the benchmark and the regression
 * test; it knows nothing about where the entries come from.
 */
import type { EvaluateRequest, EvaluationResult } from '../engine/types.js';
import type { CriticResult } from '../orchestrator/types.js';
import type {
  BinaryMetrics,
  CriticMetrics,
  DecisionMetrics,
  Evaluate,
  LabelledRequest,
  MeasureOptions,
  Mismatch,
  MismatchKind,
  QualityReport,
} from './types.js';

export type * from './types.js';

/** Evaluates every entry and compares the results with their labels. */
export async function measureQuality(
  entries: readonly LabelledRequest[],
  evaluate: Evaluate,
  options: MeasureOptions = {},
): Promise<QualityReport> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(
      `Expected \`concurrency\` to be an integer >= 1, got \`${String(concurrency)}\``,
    );
  }
  const threshold = options.threshold ?? 1;
  const outcomes = await evaluateAll(entries, evaluate, concurrency, options.signal);
  return compare(entries, outcomes, threshold);
}

type Outcome = { result: EvaluationResult } | { error: string };

async function evaluateAll(
  entries: readonly LabelledRequest[],
  evaluate: Evaluate,
  concurrency: number,
  signal: AbortSignal | undefined,
): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(entries.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < entries.length; index = next++) {
      signal?.throwIfAborted();
      const entry = entries[index] as LabelledRequest;
      const request: EvaluateRequest = {
        input: entry.input,
        output: entry.output,
        traceId: entry.id,
      };
      if (entry.context !== undefined) request.context = entry.context;
      try {
        outcomes[index] = { result: await evaluate(request) };
      } catch (error) {
        signal?.throwIfAborted();
        outcomes[index] = { error: error instanceof Error ? error.message : String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  return outcomes;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

function compare(
  entries: readonly LabelledRequest[],
  outcomes: readonly Outcome[],
  threshold: number,
): QualityReport {
  const critics = new Map<string, CriticMetrics>();
  const decision = emptyCounts();
  const exact = { labelled: 0, correct: 0 };
  const confusion: DecisionMetrics['confusion'] = {};
  const lookalikes = { total: 0, flagged: 0 };
  const mismatches: Mismatch[] = [];
  const errors: QualityReport['errors'] = [];

  const names = new Set<string>(entries.flatMap((entry) => entry.expect.critics));
  for (const outcome of outcomes) {
    if ('result' in outcome)
      for (const name of Object.keys(outcome.result.critics)) names.add(name);
  }
  for (const name of [...names].sort()) critics.set(name, { ...emptyCriticMetrics() });

  entries.forEach((entry, index) => {
    const outcome = outcomes[index] as Outcome;
    if ('error' in outcome) {
      errors.push({ id: entry.id, message: outcome.error });
      return;
    }
    const { result } = outcome;
    const expected = entry.expect;
    const actualFlagged = result.decision !== 'allow';
    tally(decision, expected.flagged, actualFlagged);
    if (expected.decision !== undefined) {
      exact.labelled += 1;
      if (expected.decision === result.decision) exact.correct += 1;
      const row = (confusion[expected.decision] ??= {});
      row[result.decision] = (row[result.decision] ?? 0) + 1;
    }
    if (entry.lookalike === true) {
      lookalikes.total += 1;
      if (actualFlagged) lookalikes.flagged += 1;
    }
    const { missed, extra, flagging } = scoreCritics(critics, expected.critics, result, threshold);
    const kinds: MismatchKind[] = [];
    if (actualFlagged && !expected.flagged) kinds.push('false_positive');
    if (!actualFlagged && expected.flagged) kinds.push('false_negative');
    if (expected.decision !== undefined && expected.decision !== result.decision) {
      kinds.push('wrong_decision');
    }
    if (missed.length > 0) kinds.push('critic_missed');
    if (extra.length > 0) kinds.push('critic_extra');
    if (kinds.length > 0) {
      mismatches.push(mismatch(entry, result, kinds, { missed, extra, flagging }));
    }
  });

  mismatches.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
  return {
    entries: entries.length,
    critics: Object.fromEntries(
      [...critics].map(([name, metrics]) => [name, { ...metrics, ...rates(metrics) }]),
    ),
    decision: {
      ...decision,
      ...rates(decision),
      exact: { ...exact, accuracy: ratio(exact.correct, exact.labelled) },
      confusion,
    },
    lookalikes: { ...lookalikes, falsePositiveRate: ratio(lookalikes.flagged, lookalikes.total) },
    mismatches,
    errors,
  };
}

function emptyCriticMetrics(): CriticMetrics {
  return {
    ...emptyCounts(),
    precision: null,
    recall: null,
    falsePositiveRate: null,
    skipped: 0,
    notRun: 0,
    failed: 0,
  };
}

/** Counts one entry for every critic; returns the critics that disagreed with the label. */
function scoreCritics(
  critics: Map<string, CriticMetrics>,
  expectedCritics: readonly string[],
  result: EvaluationResult,
  threshold: number,
): { missed: string[]; extra: string[]; flagging: { critic: string; severity: number }[] } {
  const missed: string[] = [];
  const extra: string[] = [];
  const flagging: { critic: string; severity: number }[] = [];
  for (const [name, metrics] of critics) {
    const expected = expectedCritics.includes(name);
    const criticResult = result.critics[name];
    if (criticResult === undefined || criticResult.status === 'gated') {
      if (expected) {
        metrics.fn += 1;
        metrics.notRun += 1;
        missed.push(name);
      } else {
        metrics.skipped += 1;
      }
      continue;
    }
    if (criticResult.status !== 'success') metrics.failed += 1;
    const severity = severityOf(criticResult);
    const flagged = criticResult.status === 'success' && severity >= threshold;
    if (flagged) flagging.push({ critic: name, severity });
    tally(metrics, expected, flagged);
    if (expected && !flagged) missed.push(name);
    if (!expected && flagged) extra.push(name);
  }
  return { missed, extra, flagging };
}

function severityOf(result: CriticResult): number {
  const severity = result.output['severity'];
  return typeof severity === 'number' && Number.isFinite(severity) ? severity : 0;
}

function tally(counts: Counts, expected: boolean, actual: boolean): void {
  if (expected) {
    if (actual) counts.tp += 1;
    else counts.fn += 1;
  } else if (actual) counts.fp += 1;
  else counts.tn += 1;
}

function rates(counts: Counts): Pick<BinaryMetrics, 'precision' | 'recall' | 'falsePositiveRate'> {
  return {
    precision: ratio(counts.tp, counts.tp + counts.fp),
    recall: ratio(counts.tp, counts.tp + counts.fn),
    falsePositiveRate: ratio(counts.fp, counts.fp + counts.tn),
  };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function mismatch(
  entry: LabelledRequest,
  result: EvaluationResult,
  kinds: MismatchKind[],
  critics: { missed: string[]; extra: string[]; flagging: { critic: string; severity: number }[] },
): Mismatch {
  const expected: Mismatch['expected'] = {
    flagged: entry.expect.flagged,
    critics: [...entry.expect.critics],
  };
  if (entry.expect.decision !== undefined) expected.decision = entry.expect.decision;
  return {
    id: entry.id,
    area: entry.area ?? '',
    lookalike: entry.lookalike === true,
    kinds,
    expected,
    actual: {
      flagged: result.decision !== 'allow',
      decision: result.decision,
      critics: critics.flagging,
    },
    missedCritics: critics.missed,
    extraCritics: critics.extra,
    reasons: [...result.reasons]
      .sort((a, b) => b.severity - a.severity)
      .slice(0, 3)
      .map((reason) => ({
        critic: reason.critic,
        category: reason.category,
        severity: reason.severity,
        evidence: shorten(reason.evidence[0]?.text ?? '', 60),
      })),
    input: shorten(entry.input, 120),
  };
}

/** Lower is worse: a flagged look-alike, a wrong flag, a wrong decision, a critic-only miss. */
function rank(mismatch: Mismatch): number {
  if (mismatch.kinds.includes('false_positive')) return mismatch.lookalike ? 0 : 1;
  if (mismatch.kinds.includes('false_negative')) return 1;
  if (mismatch.kinds.includes('wrong_decision')) return 2;
  return mismatch.kinds.includes('critic_missed') ? 3 : 4;
}

/** Collapses whitespace and cuts to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
