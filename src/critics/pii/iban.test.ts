import { describe, expect, it } from 'vitest';
import { ibanLength, ibanValid, mod97 } from './iban.js';

describe('ibanValid', () => {
  it.each([
    'GB82WEST12345698765432',
    'GB69BARC20005512345678',
    'DE89370400440532013000',
    'DE70500105171234567890',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'NO9386011117947',
    'IT60X0542811101000000123456',
    'CH9300762011623852957',
    'BE68539007547034',
    'ES9121000418450200051332',
  ])('accepts %s', (iban) => {
    expect(ibanValid(iban)).toBe(true);
  });

  it.each([
    ['a wrong check digit', 'GB83WEST12345698765432'],
    ['a swapped pair of digits', 'GB82WEST12345698765423'],
    ['a length the country does not use', 'GB82WEST1234569876543'],
    ['an unknown country', 'ZZ82WEST12345698765432'],
    ['lower case', 'gb82west12345698765432'],
    ['spaces', 'GB82 WEST 1234 5698 7654 32'],
  ])('rejects %s', (_what, iban) => {
    expect(ibanValid(iban)).toBe(false);
  });

  it('knows the registered length per country', () => {
    expect([ibanLength('GB'), ibanLength('NO'), ibanLength('RU'), ibanLength('US')]).toEqual([
      22,
      15,
      33,
      undefined,
    ]);
  });

  it('computes mod 97 of numbers longer than a double can hold', () => {
    expect(mod97('3214282912345698765432161182')).toBe(1);
    expect(mod97('97')).toBe(0);
    expect(mod97('123456789012345678901234567890')).toBe(
      Number(123456789012345678901234567890n % 97n),
    );
  });
});
