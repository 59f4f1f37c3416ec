/**
 * Scores a scan: each hit weighed by its source, its context, the category's modifiers and
 * repetition; a category's score is 1 − Π(1 − wᵢ), with discounted and input hits together
 * capped just under the constitutional threshold.
 */
import { round } from './finding.js';
import type { CompiledCategory, CompiledLexicon } from './constitutional-compile.js';
import { isFiction, readContext } from './constitutional-context.js';
import { findRaw, type RawHit, type Span } from './constitutional-match.js';
import { prepareText, type PreparedText } from './constitutional-text.js';
import {
  CONTEXT_FACTORS,
  DEFAULT_SCAN_OPTIONS,
  NON_DIRECT_CAP,
  type CategoryResult,
  type ConstitutionalScan,
  type Hit,
  type ScanOptions,
} from './constitutional-types.js';

/** A hit whose context factor falls below this is discounted, not asserted. */
const DIRECT_FACTOR = 0.5;

/** Maps a category score to the 0–3 severity scale. */
export function gradeScore(score: number, thresholds: readonly [number, number, number]): number {
  const [one, two, three] = thresholds;
  return score >= three ? 3 : score >= two ? 2 : score >= one ? 1 : 0;
}

/** Where each modifier matches (a few spans suffice: one that is not the hit itself counts). */
function modifierSpans(category: CompiledCategory, text: string, input: string): Span[][] {
  return category.modifiers.map((modifier) => {
    const target = modifier.scope === 'input' ? input : text;
    const re = modifier.pattern;
    const spans: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(target); m !== null && spans.length < 4; m = re.exec(target)) {
      if (m[0] === '') re.lastIndex++;
      else spans.push({ start: m.index, end: m.index + m[0].length });
    }
    return spans;
  });
}

function modifierFactor(category: CompiledCategory, spans: readonly Span[][], hit: RawHit): number {
  let factor = 1;
  category.modifiers.forEach((modifier, i) => {
    const apart = (s: Span) =>
      modifier.scope === 'input' || s.end <= hit.start || hit.end <= s.start;
    if ((spans[i] ?? []).some(apart)) factor *= modifier.factor;
  });
  return factor;
}

function weigh(
  category: CompiledCategory,
  raws: readonly RawHit[],
  text: PreparedText,
  input: PreparedText,
  sourceWeight: number,
  fiction: boolean,
): Hit[] {
  const seen = new Map<string, number>();
  const folded = text.folded.text;
  const spans = modifierSpans(category, folded, input.folded.text);
  return raws.map((raw) => {
    const reading = readContext(folded, raw.start, raw.end, fiction, category.contexts);
    const id = raw.entry.entry.id;
    const repeat = seen.get(id) ?? 0;
    seen.set(id, repeat + 1);
    const modified = raw.entry.entry.weight * modifierFactor(category, spans, raw);
    return {
      source: text.source,
      start: raw.start,
      end: raw.end,
      text: text.original.slice(raw.start, raw.end),
      category: category.lexicon.id,
      entry: id,
      weight: round(Math.min(1, modified) * sourceWeight * reading.factor * 0.5 ** repeat),
      context: reading.kinds,
    };
  });
}

/** 1 − Π(1 − wᵢ): each further hit adds less. */
export function combineWeights(weights: readonly number[]): number {
  return 1 - weights.reduce((keep, w) => keep * (1 - Math.min(1, Math.max(0, w))), 1);
}

/** Whether a hit is asserted by the response: in the output and not discounted below 0.5. */
export function isDirect(hit: Hit): boolean {
  const factor = hit.context.reduce((f, kind) => f * CONTEXT_FACTORS[kind], 1);
  return hit.source === 'output' && factor >= DIRECT_FACTOR;
}

/** A category's score: direct hits in full, all other hits together capped at {@link NON_DIRECT_CAP}. */
export function scoreHits(hits: readonly Hit[]): number {
  const direct = hits.filter(isDirect).map((h) => h.weight);
  const other = hits.filter((h) => !isDirect(h)).map((h) => h.weight);
  const capped = Math.min(NON_DIRECT_CAP, combineWeights(other));
  return round(1 - (1 - combineWeights(direct)) * (1 - capped));
}

/** Scans the request and the response with a compiled lexicon. */
export function scanConstitutional(
  lexicon: CompiledLexicon,
  inputText: string,
  modelResponse: string,
  options: ScanOptions = DEFAULT_SCAN_OPTIONS,
): ConstitutionalScan {
  const input = prepareText(inputText, 'input');
  const output = prepareText(modelResponse, 'output');
  const rawOut = findRaw(lexicon, output);
  const rawIn = findRaw(lexicon, input);
  let fiction: boolean | undefined;
  const categories: CategoryResult[] = [];
  lexicon.categories.forEach((category, i) => {
    const out = rawOut[i] ?? [];
    const inp = rawIn[i] ?? [];
    if (out.length + inp.length === 0) return;
    fiction ??= isFiction(inputText, modelResponse);
    const hits = [
      ...weigh(category, out, output, input, 1, fiction),
      ...weigh(category, inp, input, input, options.inputWeight, fiction),
    ];
    const score = scoreHits(hits);
    const result: CategoryResult = {
      id: category.lexicon.id,
      description: category.lexicon.description,
      score,
      severity: gradeScore(score, options.severityThresholds),
      hits,
    };
    if (category.lexicon.clause !== undefined) result.clause = category.lexicon.clause;
    categories.push(result);
  });
  return { categories, fiction: fiction ?? false };
}
