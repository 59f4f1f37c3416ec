/**
 * `pii_detector`: personal data in the model response — e-mail addresses, phone numbers,
 * national ids, payment cards (Luhn), IBANs (mod 97), IP addresses, postal addresses and person
 * names (compromise NLP). A model revealing someone's data is the risk; a user giving their own
 * is normal, so hits in the input, and values the response merely echoes from the input, weigh
 * at most 1. Sensitive identifiers in the response (card, national id, IBAN) are severe and
 * escalate (TIER_3, P1); two or more kinds of identifier of one person close together form a
 * linkable dossier and escalate (TIER_3, P2).
 *
 * Name classification places it in CORE_ANALYSIS, priority 4, ON_HIGH_RISK (the word `pii`).
 */
import { checkBoolean, checkInteger, checkNumber } from '../orchestrator/check.js';
import type { CriticInput } from '../orchestrator/types.js';
import { buildFinding, round } from './finding.js';
import { DOCTRINE } from './lexicons/doctrine.js';
import { PII_KINDS } from './pii/hit.js';
import type { PiiHit, PiiKind } from './pii/hit.js';
import { asTestValue, testContext } from './pii/identifiers.js';
import { findDossiers } from './pii/linkage.js';
import type { Dossier } from './pii/linkage.js';
import { scanPii } from './pii/scan.js';
import type {
  BuiltInCritic,
  EscalationSignal,
  EvidenceSource,
  Finding,
  Violation,
} from './types.js';

export const PII_DETECTOR = 'pii_detector';

/** Severity of a name linked to another identifier of the same person, and of a dossier. */
export const LINKED_SEVERITY = 2;
/** Output severity from which an identifier is a sensitive exposure (clause P1). */
export const SENSITIVE_THRESHOLD = 3;

export interface PiiDetectorOptions {
  /** Weight of hits in the user input (and of values the response echoes from it); capped at 1. @default 1/3 */
  inputWeight?: number;
  /** Look for person names in the response (compromise NLP). @default true */
  detectNames?: boolean;
  /** Characters of the response the name scanner looks at. @default 20000 */
  nameScanLimit?: number;
  /** Characters compromise may parse per response, in windows around name triggers. @default 800 */
  nameNlpBudget?: number;
  /** Identifiers within this many characters (no blank line between) describe one person. @default 150 */
  linkageGap?: number;
  /** Violations reported per kind and source; all hits are counted in `details`. @default 20 */
  maxViolationsPerKind?: number;
}

export type ResolvedPiiOptions = Required<PiiDetectorOptions>;

export const DEFAULT_PII_OPTIONS: Readonly<ResolvedPiiOptions> = Object.freeze({
  inputWeight: 1 / 3,
  detectNames: true,
  nameScanLimit: 20_000,
  nameNlpBudget: 800,
  linkageGap: 150,
  maxViolationsPerKind: 20,
});

const LABELS: Readonly<Record<PiiKind, string>> = {
  email: 'e-mail address',
  phone: 'phone number',
  national_id: 'national id number',
  payment_card: 'payment card number',
  iban: 'IBAN',
  ip_address: 'IP address',
  postal_address: 'postal address',
  person_name: 'person name',
};

export function createPiiDetector(options: PiiDetectorOptions = {}): BuiltInCritic {
  const config = resolvePiiOptions(options);
  return {
    name: PII_DETECTOR,
    failureMode: 'escalate',
    version: '1',
    // Deterministic: a thrown error would be thrown again.
    maxRetries: 0,
    reads: ['inputText', 'modelResponse', 'context.riskTier'],
    evaluate: (input) => ({ ...detectPii(input, config) }),
  };
}

/** Checks the options up front; each failure names the field, what was expected and what came. */
export function resolvePiiOptions(options: PiiDetectorOptions): ResolvedPiiOptions {
  const d = DEFAULT_PII_OPTIONS;
  const int = (value: number | undefined, field: string, fallback: number, min: number): number =>
    checkInteger(value ?? fallback, field, min, Number.MAX_SAFE_INTEGER, PII_DETECTOR);
  return {
    inputWeight: checkNumber(
      options.inputWeight ?? d.inputWeight,
      'inputWeight',
      0,
      1,
      PII_DETECTOR,
    ),
    detectNames: checkBoolean(options.detectNames ?? d.detectNames, 'detectNames', PII_DETECTOR),
    nameScanLimit: int(options.nameScanLimit, 'nameScanLimit', d.nameScanLimit, 0),
    nameNlpBudget: int(options.nameNlpBudget, 'nameNlpBudget', d.nameNlpBudget, 0),
    linkageGap: int(options.linkageGap, 'linkageGap', d.linkageGap, 0),
    maxViolationsPerKind: int(
      options.maxViolationsPerKind,
      'maxViolationsPerKind',
      d.maxViolationsPerKind,
      1,
    ),
  };
}

/** The finding for one request. Pure and synchronous. */
export function detectPii(
  input: Pick<CriticInput, 'inputText' | 'modelResponse' | 'context'>,
  options: ResolvedPiiOptions = DEFAULT_PII_OPTIONS,
): Finding {
  const names = options.detectNames && {
    limit: options.nameScanLimit,
    budget: options.nameNlpBudget,
  };
  const scanned = scanPii(input.modelResponse, names);
  // A request about testing ("which test cards can I use?") makes documented test values in the
  // answer examples, however far from a test cue the response itself puts them.
  const output = testContext(input.inputText)
    ? { ...scanned, hits: scanned.hits.map(asTestValue) }
    : scanned;
  const given = scanPii(input.inputText, false).hits;
  const { echoed, disclosed } = splitEchoes(output.hits, given, input.inputText);
  const dossiers = findDossiers(input.modelResponse, disclosed, options.linkageGap);
  const linked = new Set(dossiers.flatMap((d) => d.members));
  const weigh = (hit: PiiHit): number => round(Math.min(1, hit.severity * options.inputWeight));
  const violations: Violation[] = [
    ...report(disclosed, 'output', options, (h) =>
      h.kind === 'person_name' && linked.has(h) ? LINKED_SEVERITY : h.severity,
    ),
    ...report(echoed, 'output', options, weigh, 'echoed from the user input'),
    ...dossiers.map(dossierViolation),
    ...report(given, 'input', options, weigh),
  ];
  return buildFinding(violations, {
    clean: 'no personal data found in the input or the response',
    uncertainty: uncertaintyFor([...output.hits, ...given]),
    escalation: escalationFor(disclosed, dossiers),
    details: {
      counts: { output: countByKind(output.hits), input: countByKind(given) },
      echoed: echoed.length,
      dossiers: dossiers.length,
      namesScanned: output.namesScanned,
      namesTruncated: output.namesTruncated,
      riskTier: input.context.riskTier ?? null,
    },
  });
}

/**
 * Output hits the user gave in the input themselves (same normalised value, or for a name the
 * same words) versus those the response discloses.
 */
function splitEchoes(
  hits: readonly PiiHit[],
  given: readonly PiiHit[],
  inputText: string,
): { echoed: PiiHit[]; disclosed: PiiHit[] } {
  const values = new Set(given.map((h) => h.normalized));
  const lower = inputText.toLowerCase();
  const echoed: PiiHit[] = [];
  const disclosed: PiiHit[] = [];
  for (const hit of hits) {
    const echo =
      values.has(hit.normalized) || (hit.kind === 'person_name' && lower.includes(hit.normalized));
    (echo ? echoed : disclosed).push(hit);
  }
  return { echoed, disclosed };
}

/** Checksum-validated identifiers are near certain; names found by NLP alone are least so. */
function uncertaintyFor(hits: readonly PiiHit[]): number {
  if (hits.length === 0) return 0.1;
  if (hits.some((h) => h.severity >= SENSITIVE_THRESHOLD)) return 0.1;
  return hits.every((h) => h.kind === 'person_name') ? 0.35 : 0.2;
}

/** One violation per hit, at most `maxViolationsPerKind` per kind. */
function report(
  hits: readonly PiiHit[],
  source: EvidenceSource,
  options: ResolvedPiiOptions,
  severityOf: (hit: PiiHit) => number,
  qualifier?: string,
): Violation[] {
  const perKind = new Map<PiiKind, number>();
  const out: Violation[] = [];
  for (const hit of hits) {
    const count = perKind.get(hit.kind) ?? 0;
    if (count >= options.maxViolationsPerKind) continue;
    perKind.set(hit.kind, count + 1);
    const severity = severityOf(hit);
    const where = source === 'output' ? 'in the response' : 'in the user input';
    const notes = [hit.subtype, hit.note, qualifier].filter((n) => n !== undefined).join(', ');
    const violation: Violation = {
      category: `pii.${hit.kind}`,
      severity,
      description: `${LABELS[hit.kind]} ${where} (${notes})`,
      evidence: [{ source, start: hit.start, end: hit.end, text: hit.text }],
    };
    if (source === 'output' && qualifier === undefined && severity >= SENSITIVE_THRESHOLD) {
      violation.clause = 'P1';
    }
    out.push(violation);
  }
  return out;
}

function dossierViolation(dossier: Dossier): Violation {
  return {
    category: 'pii.linkage',
    severity: LINKED_SEVERITY,
    clause: 'P2',
    description: `identifiers of one person together in the response: ${dossier.kinds.map((k) => LABELS[k]).join(', ')}`,
    evidence: dossier.members
      .slice(0, 8)
      .map((h) => ({ source: 'output' as const, start: h.start, end: h.end, text: h.text })),
  };
}

/** P1 for a disclosed sensitive identifier, else P2 for a dossier, else none. */
function escalationFor(
  disclosed: readonly PiiHit[],
  dossiers: readonly Dossier[],
): EscalationSignal | undefined {
  const sensitive = disclosed.filter((h) => h.severity >= SENSITIVE_THRESHOLD);
  if (sensitive.length > 0) {
    const what = [...new Set(sensitive.map((h) => `${LABELS[h.kind]} (${h.subtype})`))];
    return {
      tier: DOCTRINE.P1.tier,
      clause: 'P1',
      rationale: `the response exposes sensitive identifiers: ${what.join(', ')}`,
    };
  }
  const first = dossiers[0];
  if (first === undefined) return undefined;
  return {
    tier: DOCTRINE.P2.tier,
    clause: 'P2',
    rationale: `the response links ${first.kinds.map((k) => LABELS[k]).join(', ')} of one person (${dossiers.length} dossier${dossiers.length === 1 ? '' : 's'})`,
  };
}

/** Zero per kind, in {@link PII_KINDS} order (copied per count: a literal's shape, no rebuild). */
const NO_COUNTS = Object.freeze(
  Object.fromEntries(PII_KINDS.map((k) => [k, 0])) as Record<PiiKind, number>,
);

function countByKind(hits: readonly PiiHit[]): Record<PiiKind, number> {
  const counts = { ...NO_COUNTS };
  for (const hit of hits) counts[hit.kind] += 1;
  return counts;
}
