/**
 * Payment-card recognition: a digit string is a card number when its issuer prefix and length
 * belong to a known network and it passes the Luhn check.
 */
import { CARD_BRANDS } from '../lexicons/pii.js';
import type { CardBrand } from '../lexicons/pii.js';
import { luhnValid } from './luhn.js';

/** The network that issues `digits` (13–19 ASCII digits), or `undefined` when none does or Luhn fails. */
export function cardBrand(digits: string): string | undefined {
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return undefined;
  return CARD_BRANDS.find((brand) => issues(brand, digits))?.brand;
}

function issues(brand: CardBrand, digits: string): boolean {
  if (!brand.lengths.includes(digits.length)) return false;
  return brand.ranges.some(([low, high]) => {
    const prefix = Number(digits.slice(0, low.length));
    return prefix >= Number(low) && prefix <= Number(high);
  });
}
