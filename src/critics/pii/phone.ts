/**
 * Phone-number scanner. A digit run is a phone number when its shape says so — a `+` or `00`
 * prefix, North American 3-3-4 groups, a national number with trunk prefix 0 (UK, DE, FR …), an
 * Indian 5-5 mobile — or, for any other 7–15 digit run, when a phone cue word is nearby. A bare
 * "Order 4839201746" is not a phone number; dates never are.
 */
import { NANP_TOLL_FREE, NON_PHONE_CUES, PHONE_CUES, UK_FREEPHONE } from '../lexicons/pii.js';
import { phrasePattern } from '../text.js';
import { countDigits, digitsOf, groupSlices, lastCueEnd, MAX_HITS_PER_KIND } from './hit.js';
import type { Claims, PiiHit } from './hit.js';

/** Severity of a personal phone number in the model output. */
export const PHONE_SEVERITY = 2;
/** Severity of a toll-free business line: a company's published number, not a person's. */
export const TOLL_FREE_SEVERITY = 0.5;

/** A digit run with space, dash, dot, slash or parenthesis separators, optionally `+`-prefixed. */
const CANDIDATE =
  /(?<![\p{L}\p{N}_@#$€£¥+.,:/\\-])(?:\+|\(\+?)?\d(?:[\d \u00a0./()-]{0,24}\d)?(?![\p{L}\p{N}_@%]|[.,/:-]\p{N})/gu;
const PAREN_OK = /^(?:\(\+?\d{1,5}\)|\+?\d{1,4}[ .\-\u00a0]?\(\d{1,5}\))/;
const PHONE_CUE = phrasePattern(PHONE_CUES);
/**
 * What any shape but `cued` needs: a `+` or `(`, a group starting with 0, or a group of exactly
 * three or five digits. A run without one is a phone number only next to a phone cue.
 */
const SHAPED = /[+(]|(?:^|\D)(?:0|\d{3}(?!\d)|\d{5}(?!\d))/;
const NON_PHONE_CUE = phrasePattern(NON_PHONE_CUES);

export type PhoneSubtype = 'international' | 'nanp' | 'national' | 'in_mobile' | 'cued';

export interface PhoneShape {
  subtype: PhoneSubtype;
  /** Whether only a nearby phone cue makes the run a phone number. */
  needsCue: boolean;
  digits: string;
}

/** What kind of phone number a candidate's shape is, if any. */
export function phoneShape(raw: string): PhoneShape | undefined {
  if ((raw.match(/\//g)?.length ?? 0) > 1) return undefined;
  const intl = raw.startsWith('+') || raw.startsWith('(+');
  const body = intl ? raw.replace('(0)', '') : raw;
  if (/[()]/.test(body) && (!PAREN_OK.test(body) || body.split('(').length !== 2)) return undefined;
  const groups = body.match(/\d+/g) ?? [];
  const digits = groups.join('');
  if (intl) {
    const ok = between(digits.length, 8, 15) && (groups.length > 1 || digits.length >= 10);
    return ok ? shaped('international', digits) : undefined;
  }
  const first = groups[0] ?? '';
  if (first.startsWith('00')) {
    const ok = /^00[1-9]/.test(digits) && first.length <= 5 && between(digits.length, 10, 17);
    return ok ? shaped('international', digits.slice(2)) : undefined;
  }
  const sizes = groups.map((g) => g.length).join('-');
  if (raw.includes('/'))
    return trunkNational(groups, digits, 9, 12, 2) ? shaped('national', digits) : undefined;
  if (nanp(groups, sizes)) return shaped('nanp', digits);
  if (trunkNational(groups, digits, 10, 11, 6)) return shaped('national', digits);
  if (sizes === '5-5' && /^[6-9]/.test(first)) return shaped('in_mobile', digits);
  if (DATE_SHAPES.has(sizes) || !between(digits.length, 7, 15)) return undefined;
  return shaped('cued', digits, true);
}

function shaped(subtype: PhoneSubtype, digits: string, needsCue = false): PhoneShape {
  return { subtype, needsCue, digits };
}

/** North American 3-3-4 (optionally after a 1) with an area code starting 2–9. */
function nanp(groups: readonly string[], sizes: string): boolean {
  if (sizes === '3-3-4') return /^[2-9]/.test(groups[0] ?? '');
  return sizes === '1-3-3-4' && groups[0] === '1' && /^[2-9]/.test(groups[1] ?? '');
}

/**
 * A national number with trunk prefix 0 and a non-zero area digit (UK 020 …, DE 030 …, FR
 * 01 …): `minDigits`–`maxDigits` digits in 2–`maxGroups` groups of 2–8 digits.
 */
function trunkNational(
  groups: readonly string[],
  digits: string,
  minDigits: number,
  maxDigits: number,
  maxGroups: number,
): boolean {
  return (
    /^0[1-9]/.test(groups[0] ?? '') &&
    between(digits.length, minDigits, maxDigits) &&
    between(groups.length, 2, maxGroups) &&
    groups.every((g) => between(g.length, 2, 8))
  );
}

function between(n: number, low: number, high: number): boolean {
  return n >= low && n <= high;
}

/** `2024 01 15`, `15 01 2024`, `12 05 24`: year-month-day groupings, never phone numbers. */
const DATE_SHAPES: ReadonlySet<string> = new Set([
  '4-2-2',
  '2-2-4',
  '2-2-2',
  '4-2-2-2-2',
  '4-2-2-2-2-2',
]);

/** Whether the number is a toll-free or freephone business line. */
export function tollFree(shape: PhoneShape): boolean {
  const d = shape.digits;
  switch (shape.subtype) {
    case 'nanp':
      return NANP_TOLL_FREE.has(d.length === 11 ? d.slice(1, 4) : d.slice(0, 3));
    case 'international':
      return (
        (d.startsWith('1') && NANP_TOLL_FREE.has(d.slice(1, 4))) ||
        (d.startsWith('44') && UK_FREEPHONE.has(d.slice(2, 5)))
      );
    case 'national':
      return UK_FREEPHONE.has(d.slice(1, 4));
    case 'in_mobile':
    case 'cued':
      return false;
    default: {
      const never: never = shape.subtype;
      return never;
    }
  }
}

export function scanPhones(text: string, claims: Claims): PiiHit[] {
  const hits: PiiHit[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    if (countDigits(m[0]) < 7) continue;
    const hit = phoneIn(text, m.index, m[0]);
    if (hit !== undefined && claims.take(hit)) hits.push(hit);
    if (hits.length >= MAX_HITS_PER_KIND) break;
  }
  return hits;
}

/** The longest whole-group slice of a candidate that is a phone number in its context. */
function phoneIn(text: string, index: number, candidate: string): PiiHit | undefined {
  // Cues are read before the whole run (a slice inherits its run's context), once per run.
  const context = new RunContext(text, index);
  if (!SHAPED.test(candidate) && !context.hasPhoneCue()) return undefined;
  for (const slice of groupSlices(candidate, 6)) {
    let from = slice.start;
    while (from > 0 && (candidate[from - 1] === '(' || candidate[from - 1] === '+')) from--;
    const raw = candidate.slice(from, slice.end);
    const count = countDigits(raw);
    if (count < 7 || count > 17) continue;
    const shape = phoneShape(raw);
    if (shape === undefined || !context.fits(shape, raw)) continue;
    const free = tollFree(shape);
    return {
      kind: 'phone',
      subtype: shape.subtype,
      start: index + from,
      end: index + slice.end,
      text: raw,
      severity: free ? TOLL_FREE_SEVERITY : PHONE_SEVERITY,
      linkable: !free,
      normalized: digitsOf(raw).slice(-9),
      ...(free ? { note: 'toll-free business line' } : {}),
    };
  }
  return undefined;
}

/**
 * Context rules: a `+` number stands on its own; a shaped national number is dropped when a
 * non-phone cue ("order", "invoice", "ISBN") is closer than any phone cue; a cue-only run needs
 * a phone cue closer than any non-phone cue. Cue positions are looked up at most once.
 */
class RunContext {
  private phoneCue: number | undefined;
  private readonly otherCue = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly start: number,
  ) {}

  hasPhoneCue(): boolean {
    return this.phone() >= 0;
  }

  fits(shape: PhoneShape, raw: string): boolean {
    if (shape.subtype === 'international' && /^\(?\+/.test(raw)) return true;
    const phone = this.phone();
    const other = this.other(shape.needsCue ? 40 : 24);
    return shape.needsCue ? phone > other : other < 0 || phone > other;
  }

  private phone(): number {
    return (this.phoneCue ??= lastCueEnd(PHONE_CUE, this.text, this.start, 40));
  }

  private other(radius: number): number {
    let found = this.otherCue.get(radius);
    if (found === undefined) {
      found = lastCueEnd(NON_PHONE_CUE, this.text, this.start, radius);
      this.otherCue.set(radius, found);
    }
    return found;
  }
}
