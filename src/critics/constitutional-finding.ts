/**
 * Turns a constitutional scan into a finding: one violation per category of severity ≥ 1 with
 * its evidence, the highest-tier escalation clause, an uncertainty and the scan's details.
 */
import { buildFinding, round } from './finding.js';
import { DOCTRINE, tierRank, type ClauseId } from './lexicons/doctrine.js';
import { MAX_HITS } from './constitutional-match.js';
import { isDirect } from './constitutional-score.js';
import {
  DEFAULT_SCAN_OPTIONS,
  type CategoryResult,
  type ConstitutionalScan,
  type Hit,
} from './constitutional-types.js';
import type { EscalationSignal, EvidenceSpan, Finding, Violation } from './types.js';

/** Every hit is evidence (at most {@link MAX_HITS} per source). */
const MAX_EVIDENCE = 2 * MAX_HITS;

function strongestFirst(hits: readonly Hit[]): Hit[] {
  return [...hits].sort((a, b) => b.weight - a.weight || a.start - b.start);
}

/** `: "matched text"`, shortened, for descriptions and rationales. */
export function quoteOf(hit: EvidenceSpan | undefined): string {
  if (hit === undefined) return '';
  const text = hit.text.replace(/\s+/g, ' ');
  return `: "${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

function toViolation(category: CategoryResult): Violation {
  const hits = strongestFirst(category.hits);
  const violation: Violation = {
    category: category.id,
    severity: category.severity,
    description: `${category.description}${quoteOf(hits[0])}`,
    evidence: hits
      .slice(0, MAX_EVIDENCE)
      .map(({ source, start, end, text }) => ({ source, start, end, text })),
  };
  if (category.clause !== undefined) violation.clause = category.clause;
  return violation;
}

interface Escalatable {
  readonly clause?: ClauseId;
  readonly severity: number;
  readonly score: number;
  readonly description: string;
  readonly evidence: readonly EvidenceSpan[];
}

/** The highest-tier clause among findings of severity ≥ 2 (then severity, then score). */
export function pickEscalation(candidates: readonly Escalatable[]): EscalationSignal | undefined {
  let best: (Escalatable & { clause: ClauseId }) | undefined;
  for (const c of candidates) {
    if (c.clause === undefined || c.severity < 2) continue;
    const rank = (x: Escalatable & { clause: ClauseId }) => tierRank(DOCTRINE[x.clause].tier);
    const candidate = { ...c, clause: c.clause };
    const better =
      best === undefined ||
      (rank(candidate) - rank(best) || candidate.severity - best.severity || c.score - best.score) >
        0;
    if (better) best = candidate;
  }
  if (best === undefined) return undefined;
  const clause = DOCTRINE[best.clause];
  return {
    tier: clause.tier,
    clause: clause.id,
    rationale: `${clause.id} ${clause.title} — ${best.description}${quoteOf(best.evidence[0])} (severity ${best.severity})`,
  };
}

function escalatable(category: CategoryResult): Escalatable {
  return { ...category, evidence: strongestFirst(category.hits) };
}

/** How unsure a scan is: near a threshold, mostly discounted, or only in the user input. */
export function defaultUncertainty(
  scan: ConstitutionalScan,
  thresholds: readonly [number, number, number] = DEFAULT_SCAN_OPTIONS.severityThresholds,
): number {
  const top = scan.categories.reduce<CategoryResult | undefined>(
    (best, c) => (best === undefined || c.score > best.score ? c : best),
    undefined,
  );
  if (top === undefined) return 0.1;
  const distance = Math.min(...thresholds.map((t) => Math.abs(top.score - t)));
  const proximity = Math.max(0, 1 - distance / 0.1);
  const total = top.hits.reduce((s, h) => s + h.weight, 0);
  const indirect = top.hits.filter((h) => !isDirect(h)).reduce((s, h) => s + h.weight, 0);
  const inputOnly = top.hits.every((h) => h.source === 'input');
  const share = total > 0 ? indirect / total : 0;
  const u = 0.15 + 0.25 * proximity + 0.3 * share + (inputOnly ? 0.1 : 0);
  return round(Math.min(0.9, Math.max(0.05, u)));
}

/** Per-category scores and the strongest hits, for `details`. */
export function describeScan(scan: ConstitutionalScan): Record<string, unknown> {
  const hits = strongestFirst(scan.categories.flatMap((c) => c.hits)).slice(0, 30);
  return {
    categories: Object.fromEntries(
      scan.categories.map((c) => [
        c.id,
        { score: c.score, severity: c.severity, hits: c.hits.length, clause: c.clause ?? null },
      ]),
    ),
    hits: hits.map(({ category, entry, source, start, end, weight, context }) => ({
      category,
      entry,
      source,
      start,
      end,
      weight,
      context,
    })),
    fiction: scan.fiction,
  };
}

export interface FindingFromScanOptions {
  clean: string;
  uncertainty?: number;
  thresholds?: readonly [number, number, number];
  details?: Record<string, unknown>;
}

/** Turns a scan into a {@link Finding}: one violation per category of severity ≥ 1. */
export function findingFromScan(
  scan: ConstitutionalScan,
  options: FindingFromScanOptions,
): Finding {
  const violations = scan.categories.filter((c) => c.severity >= 1).map(toViolation);
  return buildFinding(violations, {
    clean: options.clean,
    uncertainty: options.uncertainty ?? defaultUncertainty(scan, options.thresholds),
    escalation: pickEscalation(scan.categories.map(escalatable)),
    details: { ...describeScan(scan), ...options.details },
  });
}
