/**
 * Grading of `quick_safety` hits. A `statement` (a threat, a plan, encouragement) carries its own
 * severity, lowered only by framing (a joke, a villain's line, a news quote). A `topic` is graded
 * by points: a request coupled to the term (+2), evasion (+2), a recipe with quantities (+2), a
 * first-person plan (+2), a precursor, a generic request, numbered steps or a cluster of terms
 * (+1 each), minus the strongest benign framing near it; 2 points make it severe, 1 medium.
 */
import type { ActionGroup, HarmRule } from './lexicons/quick-safety-rules.js';
import { sexualPairs } from './quick-safety-pairs.js';
import {
  type SafetyHit,
  type Span,
  type TextScan,
  allowedFramings,
  framingNear,
  ruleHits,
} from './quick-safety-scan.js';

/** A method hit that is about the speaker or asks a question ("… to kill myself", "how many pills"). */
const SELF_METHOD = /(?:^how\s|\bmyself\b|\bme\b|\bmy\s)/u;

/** Result of scanning one text. */
export interface ScanResult {
  readonly hits: SafetyHit[];
  /** Hits graded 0 (bare mentions, benign framings). */
  readonly mentions: number;
  /** Hits dropped as benign senses ("kill the process"). */
  readonly benign: number;
  readonly truncated: boolean;
}

/** Scans one text. */
export function scanText(scan: TextScan): ScanResult {
  const hits: SafetyHit[] = [];
  let mentions = 0;
  let benign = 0;
  const { raw, truncated } = ruleHits(scan);
  for (const { rule, span } of raw) {
    if (scan.cue('benign').first(span[0], span[1]) !== undefined) {
      benign++;
      continue;
    }
    const hit =
      rule.kind === 'statement' ? gradeStatement(rule, span, scan) : gradeTopic(rule, span, scan);
    if (hit.severity > 0) hits.push(hit);
    else mentions++;
  }
  for (const hit of sexualPairs(scan, raw)) {
    if (hit.severity > 0) hits.push(hit);
    else mentions++;
  }
  return { hits, mentions, benign, truncated };
}

/** How much fiction or a game lowers a threat: a villain's line is not a threat. */
const QUOTED_STRENGTH = 2.5;

function gradeStatement(rule: HarmRule, span: Span, scan: TextScan): SafetyHit {
  const framing = framingNear(
    rule.category,
    span,
    scan,
    allowedFramings(scan, true, rule.category),
  );
  const quoted =
    rule.category === 'violence' && framing.names.some((f) => f === 'fiction' || f === 'game');
  const strength = Math.max(framing.strength, quoted ? QUOTED_STRENGTH : 0);
  const severity = Math.max(0, rule.mention - strength);
  return {
    id: rule.id,
    category: rule.category,
    label: rule.label,
    kind: 'statement',
    span,
    cues: [],
    framing: framing.names,
    severity,
    confidence: strength > 0 ? 0.5 : 0.85,
  };
}

/** A request lead and a verb of the rule's families before the term: "how do I make … bomb". */
function coupling(
  rule: HarmRule,
  span: Span,
  scan: TextScan,
): { severity: number; spans: Span[] } | undefined {
  const leads = scan.cue('leads');
  if (rule.verbal !== undefined && scan.imperative(span[0])) {
    return { severity: rule.verbal, spans: [span] };
  }
  if (rule.verbal !== undefined) {
    for (const lead of leads.within(span[0] - 30, span[0] + 1)) {
      if (lead[1] > span[0] || scan.crosses(lead[1], span[0]) || scan.breaks(lead[1], span[0])) {
        continue;
      }
      return { severity: rule.verbal, spans: [lead] };
    }
  }
  let best: { severity: number; spans: Span[] } | undefined;
  const direct = directRequest(span, scan);
  if (direct !== undefined) best = { severity: directSeverity(rule), spans: [direct] };
  for (const [group, severity] of couplings(rule)) {
    for (const action of scan.cue(`action.${group}`).within(span[0] - 60, span[0])) {
      if (action[1] > span[0] || scan.crosses(action[1], span[0])) continue;
      if (scan.imperative(action[0]) && (best === undefined || severity > best.severity)) {
        best = { severity, spans: [action] };
      }
      for (const lead of leads.within(action[0] - 30, action[0] + 1)) {
        if (lead[1] > action[0] || scan.crosses(lead[1], action[0])) continue;
        if (best === undefined || severity > best.severity)
          best = { severity, spans: [lead, action] };
      }
    }
  }
  return best;
}

/** "recipe for TATP", "instructions for building …": a request cue right before the term. */
function directRequest(span: Span, scan: TextScan): Span | undefined {
  for (const request of scan.cue('direct').within(span[0] - 40, span[0])) {
    if (request[1] > span[0] || span[0] - request[1] > 30) continue;
    if (!scan.crosses(request[1], span[0]) && !scan.breaks(request[1], span[0])) return request;
  }
  return undefined;
}

/** The severity a direct request couples a rule at: its verbal or strongest coupling. */
function directSeverity(rule: HarmRule): number {
  const values = Object.values(rule.couples ?? {});
  return rule.verbal ?? (values.length > 0 ? Math.max(...values) : 3);
}

function couplings(rule: HarmRule): [ActionGroup, number][] {
  return Object.entries(rule.couples ?? {}) as [ActionGroup, number][];
}

/** A verb of the rule's families just before the term, without a request: "built a bomb". */
function actionBefore(rule: HarmRule, span: Span, scan: TextScan): Span | undefined {
  for (const [group] of couplings(rule)) {
    for (const action of scan.cue(`action.${group}`).within(span[0] - 40, span[0])) {
      if (action[1] <= span[0] && !scan.crosses(action[1], span[0])) return action;
    }
  }
  return undefined;
}

function gradeTopic(rule: HarmRule, span: Span, scan: TextScan): SafetyHit {
  const r = scan.options.radius;
  const lo = span[0] - r;
  const hi = span[1] + r;
  const cues: { name: string; span: Span }[] = [];
  const add = (name: string, s: Span | undefined, weight: number): number => {
    if (s === undefined) return 0;
    cues.push({ name, span: s });
    return weight;
  };
  let points = 0;
  const coupled = coupling(rule, span, scan);
  if (coupled !== undefined) {
    for (const s of coupled.spans) cues.push({ name: 'request', span: s });
    points += 2;
  } else {
    points += add('action', actionBefore(rule, span, scan), 1);
  }
  const evasion = scan.cue('evasion').first(lo, hi, span);
  points += add('evasion', evasion, 2);
  const recipe = rule.category === 'violence' ? undefined : recipeNear(span, scan);
  points += add('recipe', recipe, 2);
  if (rule.category === 'weapons' || rule.category === 'serious_crime') {
    const precursor = scan.cue('precursor').first(lo, hi, span);
    if (rule.companion === true && precursor === undefined) return unpaired(rule, span);
    points += add('precursor', precursor, 1);
  }
  points += add('request', scan.cue('requests').first(lo, hi, span), 1);
  if (rule.clusters === true) points += add('description', nearbySame(rule, span, scan), 1);
  if (rule.category === 'violence') points += add('plan', planBefore(span, scan), 2);
  if (rule.id === 'self_harm.methods' && SELF_METHOD.test(scan.text.slice(span[0], span[1]))) {
    points += add('self-directed', span, 2);
  }
  if (scan.cue('steps').count(span[0] - 2 * r, span[1] + 2 * r) >= 2) {
    points += add('steps', scan.cue('steps').first(span[0] - 2 * r, span[1] + 2 * r), 1);
  }
  const framing = framingNear(
    rule.category,
    span,
    scan,
    allowedFramings(scan, false, rule.category),
  );
  const net = points - framing.strength;
  const strong = evasion !== undefined || recipe !== undefined;
  let severity = net >= 2 ? 3 : net === 1 ? Math.max(rule.mention, 2) : rule.mention;
  if (net <= 0 && framing.strength > 0) {
    severity = Math.min(severity, points > 0 ? (rule.framedCap ?? 0) : 0);
  }
  const limit = strong ? 3 : coupled !== undefined ? coupled.severity : (rule.ceiling ?? 3);
  severity = Math.min(severity, Math.max(limit, rule.mention));
  const confidence =
    framing.strength > 0 ? 0.45 : net >= 2 ? (strong ? 0.9 : 0.8) : net === 1 ? 0.6 : 0.5;
  return {
    id: rule.id,
    category: rule.category,
    label: rule.label,
    kind: 'topic',
    span,
    cues,
    framing: framing.names,
    severity,
    confidence,
  };
}

/** "I'm going to … and shoot him": a first-person plan earlier in the sentence. */
function planBefore(span: Span, scan: TextScan): Span | undefined {
  for (const plan of scan.cue('plan').within(span[0] - 80, span[0])) {
    if (plan[1] > span[0] || scan.crosses(plan[1], span[0])) continue;
    if (!scan.breaks(plan[1], span[0])) return plan;
  }
  return undefined;
}

/** Another hit of the same rule near the span (a description rather than a mention). */
function nearbySame(rule: HarmRule, span: Span, scan: TextScan): Span | undefined {
  const r = scan.options.radius;
  return scan.ruleSpans
    .get(rule.id)
    ?.find((s) => s !== span && s[0] < span[1] + r && s[1] > span[0] - r);
}

/** A companion-only term with no companion: a bare mention. */
function unpaired(rule: HarmRule, span: Span): SafetyHit {
  return {
    id: rule.id,
    category: rule.category,
    label: rule.label,
    kind: 'topic',
    span,
    cues: [],
    framing: [],
    severity: 0,
    confidence: 0.5,
  };
}

/** Quantities with a recipe verb, or several quantities, near the span. */
function recipeNear(span: Span, scan: TextScan): Span | undefined {
  const r = 2 * scan.options.radius;
  const quantities = scan.cue('quantity');
  const first = quantities.first(span[0] - r, span[1] + r, span);
  if (first === undefined) return undefined;
  if (quantities.count(span[0] - r, span[1] + r, span) >= 2) return first;
  return scan.cue('recipe').first(span[0] - r, span[1] + r, span) === undefined ? undefined : first;
}
