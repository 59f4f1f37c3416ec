/**
 * What the PII scanners produce, plus the two helpers they share: a claim mask so that one piece
 * of text is reported as one kind of identifier only, and a cue test over a window of text.
 */

export type PiiKind =
  | 'email'
  | 'phone'
  | 'national_id'
  | 'payment_card'
  | 'iban'
  | 'ip_address'
  | 'postal_address'
  | 'person_name';

/** Every kind, in report order. */
export const PII_KINDS: readonly PiiKind[] = [
  'payment_card',
  'national_id',
  'iban',
  'email',
  'phone',
  'postal_address',
  'ip_address',
  'person_name',
];

/** One identifier found in one text. Offsets are UTF-16, end exclusive. */
export interface PiiHit {
  kind: PiiKind;
  /** Finer type: `visa`, `us_ssn`, `ipv4_private`, `nanp`, `role_mailbox` … */
  subtype: string;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)` of the scanned text. */
  text: string;
  /** Severity of this hit in the model output, before linkage (0–3). */
  severity: number;
  /** Whether it identifies a person well enough to count towards a linkable dossier. */
  linkable: boolean;
  /** Comparable form (digits, lower case …) used to recognise the same value in the input. */
  normalized: string;
  /** Why the severity is lower than the kind's usual one, when it is. */
  note?: string;
}

/** Most hits of one kind a scanner keeps per text (bounds work on adversarial input). */
export const MAX_HITS_PER_KIND = 200;

/** Marks text already reported, so later scanners skip what an earlier one explained. */
export class Claims {
  private readonly mask: Uint8Array;

  constructor(length: number) {
    this.mask = new Uint8Array(length);
  }

  /** Whether any character of `[start, end)` is claimed. */
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.mask[i] === 1) return true;
    return false;
  }

  claim(start: number, end: number): void {
    this.mask.fill(1, start, end);
  }

  /** Claims the hit's span and returns true, or returns false when it overlaps a claim. */
  take(hit: Pick<PiiHit, 'start' | 'end'>): boolean {
    if (this.overlaps(hit.start, hit.end)) return false;
    this.claim(hit.start, hit.end);
    return true;
  }
}

/**
 * Whether `pattern` (a global pattern from `phrasePattern`) matches within `before` characters
 * before `start` or `after` characters after `end`.
 */
export function cueNear(
  pattern: RegExp,
  text: string,
  start: number,
  end: number,
  before: number,
  after = 0,
): boolean {
  pattern.lastIndex = 0;
  if (pattern.test(text.slice(Math.max(0, start - before), start))) return true;
  if (after <= 0) return false;
  pattern.lastIndex = 0;
  return pattern.test(text.slice(end, Math.min(text.length, end + after)));
}

/** The index just past the last match of `pattern` in the `before` characters before `start`, or -1. */
export function lastCueEnd(pattern: RegExp, text: string, start: number, before: number): number {
  const from = Math.max(0, start - before);
  const window = text.slice(from, start);
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
    last = from + m.index + m[0].length;
    if (m[0] === '') pattern.lastIndex++;
  }
  return last;
}

/** The ASCII digits of a string. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** A range of a candidate string, relative offsets. */
export interface Group {
  start: number;
  end: number;
}

/** Digit groups of a candidate with offsets relative to it; stops after `limit` + 1 groups. */
function groupsOf(candidate: string, limit: number): Group[] {
  const groups: Group[] = [];
  let start = -1;
  for (let i = 0; i <= candidate.length; i++) {
    const c = candidate.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (digit && start < 0) start = i;
    if (!digit && start >= 0) {
      groups.push({ start, end: i });
      if (groups.length > limit) break;
      start = -1;
    }
  }
  return groups;
}

/**
 * Whole-group slices of a candidate with at most `maxGroups` digit groups, longest first: the
 * whole, then without leading or trailing groups. None when the candidate has more than
 * `2 * maxGroups` groups (a table of numbers, not one identifier).
 */
export function groupSlices(candidate: string, maxGroups: number): Group[] {
  const groups = groupsOf(candidate, 2 * maxGroups);
  const n = groups.length;
  const first = groups[0];
  const last = groups[n - 1];
  if (first === undefined || last === undefined || n > 2 * maxGroups) return [];
  const out: Group[] = [];
  if (n <= maxGroups) out.push({ start: first.start, end: last.end });
  for (let k = Math.min(n - 1, maxGroups); k >= 1; k--) {
    const head = groups[k - 1];
    const tail = groups[n - k];
    if (head !== undefined) out.push({ start: first.start, end: head.end });
    if (tail !== undefined) out.push({ start: tail.start, end: last.end });
  }
  return out;
}

/** How many ASCII digits a string holds. */
export function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
