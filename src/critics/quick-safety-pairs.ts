/**
 * Sexual content involving minors: a sexual term and a minor close together, about each other
 * (no "when", "while", sentence end … between them). Explicit content, a description (several
 * sexual terms) or a request to write or show it is always severe; a bare topic ("sex", "abuse")
 * is a concern. Only protective, medical, news or educational framing lowers it — fiction never.
 */
import { PAIR_BREAKERS } from './lexicons/quick-safety-cues.js';
import {
  type RawHit,
  type SafetyHit,
  type Span,
  type TextScan,
  allowedFramings,
  framingNear,
} from './quick-safety-scan.js';

const BREAKER = new RegExp(PAIR_BREAKERS, 'u');
const TEEN = /^(?:teen|teens|teenagers?|teenage|tween|tweens)$/u;

const PAIR_GAP = 60;

/** Sexual terms about a minor ("… with a 12-year-old", "14yo nudes"). */
export function sexualPairs(scan: TextScan, raw: readonly RawHit[]): SafetyHit[] {
  if (scan.cue('sexual').spans.length === 0 || scan.cue('minors').spans.length === 0) return [];
  const taken = raw.filter((h) => h.rule.category === 'sexual_minors').map((h) => h.span);
  const hits: SafetyHit[] = [];
  for (const kind of ['explicit', 'abuse', 'topics'] as const) {
    for (const sexual of scan.cue(kind).spans) {
      if (hits.length >= scan.options.maxHits) return hits;
      if (
        overlapsAny(sexual, taken) ||
        scan.cue('benign').first(sexual[0], sexual[1]) !== undefined
      )
        continue;
      const minor = pairedMinor(sexual, scan);
      if (minor === undefined) continue;
      taken.push(sexual);
      hits.push(gradePair(kind, sexual, minor, scan));
    }
  }
  return hits;
}

/** Another sexual term about the same minor: a description, not a mention. */
function sexualTermsNear(minor: Span, sexual: Span, scan: TextScan): boolean {
  const lo = minor[0] - PAIR_GAP;
  const hi = minor[1] + PAIR_GAP;
  return (['explicit', 'abuse', 'topics'] as const).some(
    (kind) => scan.cue(kind).first(lo, hi, sexual) !== undefined,
  );
}

function overlapsAny(span: Span, spans: readonly Span[]): boolean {
  return spans.some((s) => s[0] < span[1] && s[1] > span[0]);
}

function pairedMinor(sexual: Span, scan: TextScan): Span | undefined {
  for (const minor of scan.cue('minors').within(sexual[0] - PAIR_GAP, sexual[1] + PAIR_GAP)) {
    if (minor[0] < sexual[1] && minor[1] > sexual[0]) return minor;
    const between =
      minor[0] >= sexual[1]
        ? scan.text.slice(sexual[1], minor[0])
        : scan.text.slice(minor[1], sexual[0]);
    if (!BREAKER.test(between)) return minor;
  }
  return undefined;
}

function gradePair(
  kind: 'explicit' | 'abuse' | 'topics',
  sexual: Span,
  minor: Span,
  scan: TextScan,
): SafetyHit {
  const start = Math.min(sexual[0], minor[0]);
  const end = Math.max(sexual[1], minor[1]);
  const cues: { name: string; span: Span }[] = [{ name: 'minor', span: minor }];
  let base = kind === 'explicit' || sexualTermsNear(minor, sexual, scan) ? 3 : 1;
  const creation = scan.cue('creation').first(start - 100, end + 40, sexual);
  const lead = kind === 'abuse' ? scan.cue('leads').first(start - PAIR_GAP, start) : undefined;
  if (creation !== undefined || lead !== undefined) {
    cues.push({ name: 'request', span: creation ?? lead ?? minor });
    base = 3;
  }
  const framing = framingNear(
    'sexual_minors',
    [start, end],
    scan,
    allowedFramings(scan, false, 'sexual_minors'),
    sexual,
  );
  const severity = Math.max(0, base - framing.strength);
  const teen = TEEN.test(scan.text.slice(minor[0], minor[1]));
  return {
    id:
      kind === 'explicit'
        ? 'sexual_minors.content'
        : kind === 'abuse'
          ? 'sexual_minors.abuse'
          : 'sexual_minors.topic',
    category: 'sexual_minors',
    label: kind === 'abuse' ? 'sexual abuse of a minor' : 'sexual content involving a minor',
    kind: 'pair',
    span: sexual,
    cues,
    framing: framing.names,
    severity,
    confidence: framing.strength > 0 ? 0.45 : teen ? 0.55 : kind === 'explicit' ? 0.85 : 0.6,
  };
}
