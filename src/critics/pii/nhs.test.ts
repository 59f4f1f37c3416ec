import { describe, expect, it } from 'vitest';
import { nhsValid } from './nhs.js';

describe('nhsValid', () => {
  it.each(['9434765919', '4010232137'])('accepts %s', (digits) => {
    expect(nhsValid(digits)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '9434765918'],
    ['a number whose check would be 10', '0000000060'],
    ['nine digits', '943476591'],
    ['separators', '943 476 5919'],
  ])('rejects %s', (_what, digits) => {
    expect(nhsValid(digits)).toBe(false);
  });
});
