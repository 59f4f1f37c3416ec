import { describe, expect, it } from 'vitest';
import { aadhaarValid, verhoeffValid } from './verhoeff.js';

describe('verhoeffValid', () => {
  it.each(['2363', '234567890124', '987654321096'])('accepts %s', (digits) => {
    expect(verhoeffValid(digits)).toBe(true);
  });

  it.each(['2364', '234567890125', '234567890142', '', '12a3'])('rejects %j', (digits) => {
    expect(verhoeffValid(digits)).toBe(false);
  });
});

describe('aadhaarValid', () => {
  it('accepts twelve digits starting 2–9 with a Verhoeff check', () => {
    expect(aadhaarValid('234567890124')).toBe(true);
  });

  it.each([
    ['a leading 1', '123456789014'],
    ['a failed check', '234567890125'],
    ['eleven digits', '23456789012'],
  ])('rejects %s', (_what, digits) => {
    expect(aadhaarValid(digits)).toBe(false);
  });
});
