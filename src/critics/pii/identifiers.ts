/**
 * Scanners for checksummed identifiers: payment cards (issuer range + Luhn), IBANs (country
 * length + mod 97) and national ids (US SSN/ITIN, UK NI and NHS numbers, Canadian SIN, Aadhaar,
 * Spanish DNI/NIE, French NIR). A number that fails its check is not reported.
 */
import {
  AADHAAR_CUES,
  IBAN_LENGTHS,
  NHS_CUES,
  PUBLIC_TEST_VALUES,
  SIN_ACRONYMS,
  SIN_CUES,
  SSN_CUES,
  TEST_CONTEXT_CUES,
} from '../lexicons/pii.js';
import { escapeRegExp, phrasePattern } from '../text.js';
import { execAfter, splitLookbehind } from './boundary.js';
import { spanishIdValid } from './dni.js';
import { countDigits, cueNear, digitsOf, groupSlices, MAX_HITS_PER_KIND } from './hit.js';
import type { Claims } from './hit.js';
import type { PiiHit } from './hit.js';
import { ibanLength, ibanValid } from './iban.js';
import { luhnValid } from './luhn.js';
import { nhsValid } from './nhs.js';
import { ninoValid } from './nino.js';
import { nirValid } from './nir.js';
import { cardBrand } from './payment-card.js';
import { usTaxIdKind } from './ssn.js';
import { aadhaarValid } from './verhoeff.js';

/** Severity of a sensitive identifier in the model output. */
export const SENSITIVE_SEVERITY = 3;
/**
 * Severity of a publicly documented test value (Stripe's 4242 4242 4242 4242) shown in a
 * developer or testing context: noted, but it identifies nobody.
 */
export const TEST_VALUE_SEVERITY = 0.5;
/** Characters before and after a public test value searched for a test-context cue. */
export const TEST_CUE_RADIUS = 160;

const TEST_CUES = phrasePattern(TEST_CONTEXT_CUES);
const SSN_CUE = phrasePattern(SSN_CUES);
const NHS_CUE = phrasePattern(NHS_CUES);
const AADHAAR_CUE = phrasePattern(AADHAAR_CUES);
const SIN_CUE = new RegExp(
  `${phrasePattern(SIN_CUES).source}|(?<![\\p{L}])(?:${SIN_ACRONYMS.map(escapeRegExp).join('|')})(?![\\p{L}])`,
  'gu',
);

/** Digit runs of 13–23 digits with single space or dash separators. */
const CARD_CANDIDATE = /(?<![\p{L}\p{N}_.,+-])\d(?:[ -]?\d){12,22}(?![\p{L}\p{N}_]|[.,]\d)/gu;
/** A known country code, check digits and up to 32 more characters, optionally in groups. */
const IBAN_CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:${Object.keys(IBAN_LENGTHS).join('|')})\d{2}(?:[ \u00a0]?[A-Z0-9]){10,32}`,
  'gu',
);
const IBAN_SCAN = splitLookbehind(IBAN_CANDIDATE);
/** What every IBAN candidate holds: a country code and its check digits. */
const IBAN_GATE = /[A-Z]{2}\d\d/;

/** Runs every identifier scanner over `text`, claiming what each one reports. */
export function scanIdentifiers(text: string, claims: Claims): PiiHit[] {
  return [
    ...scanIbans(text, claims),
    ...scanCards(text, claims),
    ...scanNationalIds(text, claims),
    ...scanPassports(text, claims),
  ];
}

/** Severity for a sensitive value: lowered for a public test value shown as an example. */
function sensitive(hit: Omit<PiiHit, 'severity' | 'linkable'>, text: string): PiiHit {
  const example =
    PUBLIC_TEST_VALUES.has(hit.normalized) &&
    cueNear(TEST_CUES, text, hit.start, hit.end, TEST_CUE_RADIUS, TEST_CUE_RADIUS);
  return example
    ? { ...hit, severity: TEST_VALUE_SEVERITY, linkable: false, note: 'public test value' }
    : { ...hit, severity: SENSITIVE_SEVERITY, linkable: true };
}

/** Whether `text` (e.g. the user's request) talks about testing, sandboxes or examples. */
export function testContext(text: string): boolean {
  TEST_CUES.lastIndex = 0;
  return TEST_CUES.test(text);
}

/**
 * The hit downgraded to a documented test value when it is one (the test context having been
 * established elsewhere, e.g. "Which test card numbers can I use with Stripe?"), else the hit.
 */
export function asTestValue(hit: PiiHit): PiiHit {
  if (!PUBLIC_TEST_VALUES.has(hit.normalized) || hit.severity <= TEST_VALUE_SEVERITY) return hit;
  return { ...hit, severity: TEST_VALUE_SEVERITY, linkable: false, note: 'public test value' };
}

export function scanCards(text: string, claims: Claims): PiiHit[] {
  const hits: PiiHit[] = [];
  CARD_CANDIDATE.lastIndex = 0;
  for (let m = CARD_CANDIDATE.exec(text); m !== null; m = CARD_CANDIDATE.exec(text)) {
    if (countDigits(m[0]) < 13) continue;
    for (const slice of groupSlices(m[0], 5)) {
      const piece = m[0].slice(slice.start, slice.end);
      const count = countDigits(piece);
      if (count < 13 || count > 19) continue;
      const digits = digitsOf(piece);
      const brand = cardBrand(digits);
      if (brand === undefined) continue;
      const start = m.index + slice.start;
      const end = m.index + slice.end;
      const hit = sensitive(
        {
          kind: 'payment_card',
          subtype: brand,
          start,
          end,
          text: text.slice(start, end),
          normalized: digits,
        },
        text,
      );
      if (claims.take(hit)) hits.push(hit);
      break;
    }
    if (hits.length >= MAX_HITS_PER_KIND) break;
  }
  return hits;
}

export function scanIbans(text: string, claims: Claims): PiiHit[] {
  const hits: PiiHit[] = [];
  if (!IBAN_GATE.test(text)) return hits;
  IBAN_SCAN.body.lastIndex = 0;
  for (let m = execAfter(IBAN_SCAN, text); m !== null; m = execAfter(IBAN_SCAN, text)) {
    const hit = ibanAt(text, m.index, m[0]);
    if (hit !== undefined && claims.take(hit)) {
      hits.push(hit);
      IBAN_SCAN.body.lastIndex = hit.end;
    } else {
      IBAN_SCAN.body.lastIndex = m.index + 1;
    }
    if (hits.length >= MAX_HITS_PER_KIND) break;
  }
  return hits;
}

/** The IBAN starting a candidate, cut at its country's length, if it validates. */
function ibanAt(text: string, index: number, candidate: string): PiiHit | undefined {
  const length = ibanLength(candidate.slice(0, 2));
  if (length === undefined) return undefined;
  let compact = '';
  let cut = 0;
  while (cut < candidate.length && compact.length < length) {
    const char = candidate.charAt(cut++);
    if (char !== ' ' && char !== '\u00a0') compact += char;
  }
  const end = index + cut;
  if (compact.length !== length || /[\p{L}\p{N}]/u.test(text.charAt(end))) return undefined;
  if (!ibanValid(compact)) return undefined;
  return sensitive(
    {
      kind: 'iban',
      subtype: compact.slice(0, 2).toLowerCase(),
      start: index,
      end,
      text: text.slice(index, end),
      normalized: compact,
    },
    text,
  );
}

/** A national-id scanner: a candidate pattern, a validator, and when a cue word is required. */
interface IdSpec {
  subtype: string;
  pattern: RegExp;
  /** The subtype when the match validates (may refine `subtype`), else `undefined`. */
  validate: (m: RegExpExecArray) => string | undefined;
  /** A cue that must appear within 40 characters before the match, when `needsCue` says so. */
  cue?: RegExp;
  needsCue?: (m: RegExpExecArray) => boolean;
}

const NUM_BEFORE = String.raw`(?<![\p{L}\p{N}_.\-/])`;
const NUM_AFTER = String.raw`(?![\p{L}\p{N}_]|[.\-/]\p{N})`;
const numeric = (body: string): RegExp => new RegExp(NUM_BEFORE + body + NUM_AFTER, 'gu');

const ID_SPECS: readonly IdSpec[] = [
  {
    subtype: 'uk_nhs',
    pattern: numeric(String.raw`(\d{3})([\- ]?)(\d{3})\2(\d{4})`),
    validate: (m) => (nhsValid(digitsOf(m[0])) ? 'uk_nhs' : undefined),
    cue: NHS_CUE,
    needsCue: () => true,
  },
  {
    subtype: 'ca_sin',
    pattern: numeric(String.raw`(\d{3})([\- ]?)(\d{3})\2(\d{3})`),
    validate: (m) => (/^[1-79]/.test(m[0]) && luhnValid(digitsOf(m[0])) ? 'ca_sin' : undefined),
    cue: SIN_CUE,
    needsCue: () => true,
  },
  {
    subtype: 'us_ssn',
    pattern: numeric(String.raw`(\d{3})([\-. ]?)(\d{2})\2(\d{4})`),
    validate: (m) => usTaxIdKind(m[1] ?? '', m[3] ?? '', m[4] ?? ''),
    cue: SSN_CUE,
    needsCue: (m) => m[2] !== '-',
  },
  {
    subtype: 'in_aadhaar',
    pattern: numeric(String.raw`(\d{4})([\- ]?)(\d{4})\2(\d{4})`),
    validate: (m) => (aadhaarValid(digitsOf(m[0])) ? 'in_aadhaar' : undefined),
    cue: AADHAAR_CUE,
    needsCue: () => true,
  },
  {
    subtype: 'uk_nino',
    pattern: /(?<![\p{L}\p{N}_])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}_])/gu,
    validate: (m) => (ninoValid(m[0].replace(/ /g, '')) ? 'uk_nino' : undefined),
  },
  {
    subtype: 'es_dni',
    pattern: /(?<![\p{L}\p{N}_])(?:[XYZ][- ]?\d{7}|\d{8})[- ]?[A-Z](?![\p{L}\p{N}_])/gu,
    validate: (m) => {
      const compact = m[0].replace(/[- ]/g, '');
      if (!spanishIdValid(compact)) return undefined;
      return /^[XYZ]/.test(compact) ? 'es_nie' : 'es_dni';
    },
  },
  {
    subtype: 'fr_nir',
    pattern:
      /(?<![\p{L}\p{N}_])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\p{L}\p{N}_])/gu,
    validate: (m) => (nirValid(m[0].replace(/ /g, '')) ? 'fr_nir' : undefined),
  },
];

/**
 * What every national-id match holds: two digits, at most one separator, two digits (the
 * numeric ids' groups of three or four, NINO and NIR pairs, the DNI's run of seven or eight).
 */
const ID_GATE = /\d\d[-. ]?\d\d/;

/**
 * A passport number right after its label ("Passport No.: A07731942", "passport number
 * 123456789"): one or two letters at most, then 6–9 letters and digits with at least four digits.
 * Passport numbers carry no checksum, so the label is required.
 */
const PASSPORT =
  /(?<![\p{L}])[Pp]assport(?:[ \t]{1,3}(?:[Nn]o\.?|[Nn]umber|[Nn]um\.?|#|ID|[Ii]d))?[ \t]{0,3}[:#]?[ \t]{0,3}([A-Z]{0,2}\d[A-Z0-9]{5,8})(?![\p{L}\p{N}_])/dgu;
const MIN_PASSPORT_DIGITS = 4;

export function scanPassports(text: string, claims: Claims): PiiHit[] {
  const hits: PiiHit[] = [];
  if (!/assport/.test(text)) return hits;
  PASSPORT.lastIndex = 0;
  for (let m = PASSPORT.exec(text); m !== null; m = PASSPORT.exec(text)) {
    const at = m.indices?.[1];
    const value = m[1];
    if (at === undefined || value === undefined || countDigits(value) < MIN_PASSPORT_DIGITS)
      continue;
    const [start, end] = at;
    const hit = sensitive(
      { kind: 'national_id', subtype: 'passport', start, end, text: value, normalized: value },
      text,
    );
    if (claims.take(hit)) hits.push(hit);
    if (hits.length >= MAX_HITS_PER_KIND) break;
  }
  return hits;
}

export function scanNationalIds(text: string, claims: Claims): PiiHit[] {
  const hits: PiiHit[] = [];
  if (!ID_GATE.test(text)) return hits;
  for (const spec of ID_SPECS) {
    let count = 0;
    spec.pattern.lastIndex = 0;
    for (let m = spec.pattern.exec(text); m !== null; m = spec.pattern.exec(text)) {
      const subtype = spec.validate(m);
      if (subtype === undefined) continue;
      const start = m.index;
      const end = start + m[0].length;
      const cueMissing =
        spec.cue !== undefined &&
        spec.needsCue?.(m) === true &&
        !cueNear(spec.cue, text, start, end, 40);
      if (cueMissing) continue;
      const normalized = m[0].replace(/[\s-]/g, '').toUpperCase();
      const hit = sensitive(
        { kind: 'national_id', subtype, start, end, text: m[0], normalized },
        text,
      );
      if (claims.take(hit)) hits.push(hit);
      if (++count >= MAX_HITS_PER_KIND) break;
    }
  }
  return hits;
}
