/**
 * IBAN validation (ISO 13616): country code, the country's registered length, and the mod-97
 * check over the rearranged, letter-expanded number.
 */
import { IBAN_LENGTHS } from '../lexicons/pii.js';

/** `value mod 97` for a decimal string of any length (processed in chunks; no BigInt). */
export function mod97(decimal: string): number {
  let remainder = 0;
  for (let i = 0; i < decimal.length; i += 7) {
    remainder = Number(`${remainder}${decimal.slice(i, i + 7)}`) % 97;
  }
  return remainder;
}

/** The registered IBAN length for a two-letter country code, if the country uses IBANs. */
export function ibanLength(country: string): number | undefined {
  return Object.hasOwn(IBAN_LENGTHS, country) ? IBAN_LENGTHS[country] : undefined;
}

/**
 * Whether `compact` (upper-case, no spaces) is a valid IBAN: a known country, exactly its
 * registered length, two check digits, and `mod 97 === 1` after moving the first four characters
 * to the end and replacing letters by 10–35.
 */
export function ibanValid(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  if (ibanLength(compact.slice(0, 2)) !== compact.length) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let decimal = '';
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    decimal += code >= 65 ? String(code - 55) : char;
  }
  return mod97(decimal) === 1;
}
