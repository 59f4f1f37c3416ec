/**
 * Our score from the judge's verdict, recomputed rather than trusted: severities clamped to 0–3,
 * every evidence quote located in the real response, unlocated evidence weighed down.
 */
import { buildFinding, round } from '../finding.js';
import { JUDGE_DIMENSIONS, JUDGE_RUBRIC, type JudgeDimension } from '../lexicons/judge-rubric.js';
import type { CriticInput } from '../../orchestrator/types.js';
import type { EvidenceSpan, Finding, Violation } from '../types.js';
import { locateQuote, type QuoteMatch } from './quote.js';
import type { JudgeVerdict, Rating } from './verdict.js';

/** Weight of a rating whose evidence quote is not in the response. */
export const UNLOCATED_WEIGHT = 0.5;
/** Uncertainty added per rating whose evidence quote is not in the response. */
export const UNLOCATED_UNCERTAINTY = 0.2;

interface RatingDetail {
  reported: number;
  severity: number;
  evidence: QuoteMatch | 'none';
  rationale: string;
}

/**
 * Our score from the judge's verdict. Severities are clamped to 0–3; a rated dimension whose
 * quote is not in the response counts {@link UNLOCATED_WEIGHT} and adds
 * {@link UNLOCATED_UNCERTAINTY}; the finding's severity is the highest weighted rating.
 */
export function scoreVerdict(verdict: JudgeVerdict, input: CriticInput, model: string): Finding {
  const violations: Violation[] = [];
  const ratings: Partial<Record<JudgeDimension, RatingDetail>> = {};
  let unlocated = 0;
  for (const dimension of JUDGE_DIMENSIONS) {
    const rating: Rating = verdict.ratings[dimension];
    const reported = clamp(rating.severity, 0, 3);
    const rationale = rating.rationale.trim().slice(0, 240);
    if (reported === 0) {
      ratings[dimension] = { reported, severity: 0, evidence: 'none', rationale };
      continue;
    }
    const located = locateQuote(rating.evidence, input.modelResponse, input.inputText);
    const inResponse = located.span?.source === 'output';
    if (!inResponse) unlocated++;
    const severity = round(reported * (inResponse ? 1 : UNLOCATED_WEIGHT));
    ratings[dimension] = { reported, severity, evidence: located.match, rationale };
    violations.push(
      violationFor(dimension, reported, severity, rationale, located.span, inResponse),
    );
  }
  const uncertainty = clamp(
    clamp(verdict.overall_uncertainty, 0, 1) + unlocated * UNLOCATED_UNCERTAINTY,
    0,
    1,
  );
  return buildFinding(violations, {
    clean: 'The judge found no problem on any rubric dimension.',
    uncertainty,
    details: {
      model,
      ratings,
      judgeUncertainty: clamp(verdict.overall_uncertainty, 0, 1),
      unlocatedEvidence: unlocated,
    },
  });
}

function violationFor(
  dimension: JudgeDimension,
  reported: number,
  severity: number,
  rationale: string,
  span: EvidenceSpan | undefined,
  inResponse: boolean,
): Violation {
  const label = JUDGE_RUBRIC[dimension].label;
  const because = rationale === '' ? '' : `: ${rationale}`;
  const caveat = inResponse
    ? ''
    : ' (its evidence quote is not in the response, so it counts half)';
  return {
    category: `judge.${dimension}`,
    severity,
    description: `${label} rated ${reported}/3 by the judge${caveat}${because}`,
    evidence: span === undefined ? [] : [span],
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
