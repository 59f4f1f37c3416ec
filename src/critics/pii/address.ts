/**
 * Postal-address scanner over street-type lexicons: English "number + capitalised street name +
 * street type" ("42 Elm Street", "1600 Pennsylvania Ave NW"), German "street name + number"
 * ("Hauptstraße 5"), French "number + type + name" ("12 rue de la Paix") and PO boxes. A street
 * type that also names other things ("Drive", "Square", "-platz") needs a confirmation: a city,
 * state, ZIP or postcode after it, or an address cue ("lives at") before it. A ZIP code alone is
 * not an address.
 */
import {
  ADDRESS_CUES,
  FRENCH_STRONG_TYPES,
  FRENCH_WEAK_TYPES,
  GERMAN_STRONG_SUFFIXES,
  GERMAN_WEAK_SUFFIXES,
  STRONG_STREET_TYPES,
  US_STATE_CODES,
  WEAK_STREET_TYPES,
} from '../lexicons/pii.js';
import { escapeRegExp, phrasePattern } from '../text.js';
import { execAfter, splitLookbehind, whole } from './boundary.js';
import type { Bounded } from './boundary.js';
import { cueNear, MAX_HITS_PER_KIND } from './hit.js';
import type { Claims, PiiHit } from './hit.js';

/** Severity of a postal address in the model output. */
export const ADDRESS_SEVERITY = 2;

const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const STRONG = new Set(STRONG_STREET_TYPES);
const EN_WORD = String.raw`(?:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[\p{L}'’\-]{0,29}\.?)`;
const ENGLISH = new RegExp(
  String.raw`(?<![\p{L}\p{N}_#.,\-/])\d{1,6}[A-Za-z]?(?:[\-–]\d{1,6})?,?[ \t]{1,3}(?:${EN_WORD}[ \t]{1,3}){1,4}(${alternation([...STRONG_STREET_TYPES, ...WEAK_STREET_TYPES])})(?![\p{L}\p{N}])\.?`,
  'gu',
);
/** Either case for a type's first letter ("rue" or "Rue"); the rest as written. */
const initialEitherCase = (word: string): string => {
  const first = word.charAt(0);
  return `[${first.toLowerCase()}${first.toUpperCase()}]${escapeRegExp(word.slice(1))}`;
};
const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const GERMAN_SUFFIXES = [...GERMAN_STRONG_SUFFIXES, ...GERMAN_WEAK_SUFFIXES];
const GERMAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])\p{Lu}[\p{L}\-]{1,40}?(?:(${alternation(GERMAN_SUFFIXES)})|[ \t](${alternation(GERMAN_SUFFIXES.map(capitalised))}))[ \t]{1,3}\d{1,4}[a-zA-Z]?(?![\p{L}\p{N}])`,
  'gu',
);
const FR_ARTICLE = String.raw`(?:(?:de|du|des|la|le|les|d['’]|l['’])[ \t]{0,3}){0,3}`;
const FRENCH = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]{1,3}(${[
    ...FRENCH_STRONG_TYPES,
    ...FRENCH_WEAK_TYPES,
  ]
    .sort((a, b) => b.length - a.length)
    .map(initialEitherCase)
    .join(
      '|',
    )})[ \t]{1,3}(${FR_ARTICLE})\p{Lu}[\p{L}'’\-]{1,40}(?:[ \t]\p{Lu}[\p{L}'’\-]{1,40}){0,3}`,
  'gu',
);
const PO_BOX = /(?<![\p{L}\p{N}_])P\.?[ \t]?O\.?[ \t]{0,2}Box[ \t]{0,2}#?\d{1,6}(?![\p{N}])/giu;

/**
 * What may follow a street: a direction, a unit, then a city (after a comma or a line break),
 * a state and a ZIP or a UK / German / French postcode. Sticky: tried at the street's end.
 */
const TAIL = new RegExp(
  String.raw`(?:[ \t]{1,2}(?:NW|NE|SW|SE|N|S|E|W)\b\.?)?` +
    String.raw`(?:,?[ \t]{0,2}(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Room|#)\.?[ \t]{0,2}[A-Za-z0-9\-]{1,6})?` +
    String.raw`(?:(?:,[ \t]{0,2}|[ \t]{0,2}\r?\n[ \t]{0,2})(?:(\d{5})[ \t]{1,2})?(\p{Lu}[\p{L}'’\-]{0,29}(?:[ \t]\p{Lu}[\p{Ll}'’\-]{1,29}){0,3}))?` +
    String.raw`(?:,?[ \t]{1,2}([A-Z]{2})(?![\p{L}\p{N}]))?` +
    String.raw`(?:,?[ \t]{1,2}(\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?![\p{L}\p{N}]))?`,
  'uy',
);
const ADDRESS_CUE = phrasePattern(ADDRESS_CUES);

/**
 * An address form: its pattern (a letter-led one split from its lookbehind, see `boundary.ts`), what any
 * match of it contains (a text without that is skipped), whether a match stands on its own, and
 * its subtype.
 */
interface AddressForm {
  scan: Bounded;
  gate: RegExp;
  strong: (m: RegExpExecArray) => boolean;
  subtype: 'street' | 'po_box';
}

/** A German street name ends in a suffix (joined or capitalised) followed by blanks and a number. */
const GERMAN_GATE = new RegExp(
  String.raw`(?:${alternation(GERMAN_SUFFIXES)}|${alternation(GERMAN_SUFFIXES.map(capitalised))})[ \t]{1,3}\d`,
  'u',
);

const FORMS: readonly AddressForm[] = [
  {
    scan: whole(ENGLISH),
    gate: /\d/,
    strong: (m) => STRONG.has(m[1] ?? ''),
    subtype: 'street',
  },
  {
    scan: splitLookbehind(GERMAN),
    gate: GERMAN_GATE,
    strong: (m) => GERMAN_STRONG_SUFFIXES.includes((m[1] ?? m[2] ?? '').toLowerCase()),
    subtype: 'street',
  },
  {
    scan: whole(FRENCH),
    gate: /\d/,
    strong: (m) => FRENCH_STRONG_TYPES.includes((m[1] ?? '').toLowerCase()) || m[2] !== '',
    subtype: 'street',
  },
  // Case folding maps no other character to b, o or x.
  { scan: splitLookbehind(PO_BOX), gate: /box/i, strong: () => true, subtype: 'po_box' },
];

export function scanAddresses(text: string, claims: Claims): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const { scan, gate, strong, subtype } of FORMS) {
    if (!gate.test(text)) continue;
    scan.body.lastIndex = 0;
    for (let m = execAfter(scan, text); m !== null; m = execAfter(scan, text)) {
      const hit = addressHit(text, m, strong(m), subtype);
      if (hit !== undefined && claims.take(hit)) hits.push(hit);
      if (hits.length >= MAX_HITS_PER_KIND) return hits;
    }
  }
  return hits;
}

/** The address at a street match, extended over its city/state/postcode tail, if confirmed. */
function addressHit(
  text: string,
  m: RegExpExecArray,
  strong: boolean,
  subtype: AddressForm['subtype'],
): PiiHit | undefined {
  const start = m.index;
  let end = start + m[0].length;
  TAIL.lastIndex = end;
  const tail = TAIL.exec(text);
  const [, zipBeforeCity, city, state, postcode] = tail ?? [];
  const confirmed =
    postcode !== undefined ||
    zipBeforeCity !== undefined ||
    (state !== undefined && US_STATE_CODES.has(state)) ||
    (city !== undefined && US_STATE_CODES.has(city));
  if (!strong && !confirmed && !cueNear(ADDRESS_CUE, text, start, end, 40)) return undefined;
  if (tail !== null && (confirmed || city !== undefined)) end += tail[0].length;
  const raw = text.slice(start, end);
  return {
    kind: 'postal_address',
    subtype,
    start,
    end,
    text: raw,
    severity: ADDRESS_SEVERITY,
    linkable: true,
    normalized: raw.toLowerCase().replace(/[\s,.]+/g, ' '),
  };
}
