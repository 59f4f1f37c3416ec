/**
 * French social security numbers (NIR, "numéro de sécurité sociale"): 13 characters — sex,
 * year, month, département (2A/2B for Corsica), commune, order — and a two-digit key equal to
 * 97 minus the number mod 97 (Corsica's 2A and 2B count as 19 and 18).
 */
import { mod97 } from './iban.js';

/** Whether `compact` (no spaces, e.g. `184127645108946`) is a valid NIR with its key. */
export function nirValid(compact: string): boolean {
  const match = /^([12]\d{4}(?:\d{2}|2[AB])\d{6})(\d{2})$/.exec(compact);
  if (match === null) return false;
  const [, body = '', key = ''] = match;
  const decimal = body.replace('2A', '19').replace('2B', '18');
  return 97 - mod97(decimal) === Number(key);
}
