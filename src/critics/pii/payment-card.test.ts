import { describe, expect, it } from 'vitest';
import { cardBrand } from './payment-card.js';

describe('cardBrand', () => {
  it.each([
    ['4539148803436467', 'visa'],
    ['4123456789011', 'visa'],
    ['4539148803436461233', 'visa'],
    ['5498123456789013', 'mastercard'],
    ['2221001234567896', 'mastercard'],
    ['341234567890127', 'amex'],
    ['379876543210989', 'amex'],
    ['6011123456789019', 'discover'],
    ['622126123456789015', 'discover'],
    ['361234567890122', 'diners'],
    ['3530123456789018', 'jcb'],
    ['2200123456789019', 'mir'],
  ])('recognises %s as %s', (digits, brand) => {
    expect(cardBrand(digits)).toBe(brand);
  });

  it.each([
    ['a Luhn-invalid Visa number', '4539148803436468'],
    ['a Luhn-valid number with no issuer', '1234567890123452'],
    ['a Visa prefix with a length Visa does not issue', '400001234567890120'],
    ['an Amex prefix with 16 digits', '3412345678901238'],
    ['too few digits', '424242424242'],
    ['too many digits', '45391488034364612345'],
  ])('rejects %s', (_what, digits) => {
    expect(cardBrand(digits)).toBeUndefined();
  });
});
