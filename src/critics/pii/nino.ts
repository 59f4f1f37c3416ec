/**
 * UK National Insurance numbers (HMRC rules): two prefix letters, six digits, suffix A–D. The
 * first letter is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V; the prefixes
 * BG, GB, KN, NK, NT, TN and ZZ are never issued.
 */

const FORBIDDEN_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** Whether `compact` (upper-case, no spaces, e.g. `AB123456C`) is a valid NI number. */
export function ninoValid(compact: string): boolean {
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(compact)) return false;
  return !FORBIDDEN_PREFIXES.has(compact.slice(0, 2));
}
