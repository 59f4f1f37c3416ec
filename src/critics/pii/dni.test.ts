import { describe, expect, it } from 'vitest';
import { spanishIdValid } from './dni.js';

describe('spanishIdValid', () => {
  it.each(['12345678Z', '87654321X', 'X1234567L', 'Y1234567X', '00000000T'])('accepts %s', (id) => {
    expect(spanishIdValid(id)).toBe(true);
  });

  it.each([
    ['a wrong DNI letter', '12345678A'],
    ['a wrong NIE letter', 'X1234567A'],
    ['an NIE with eight digits', 'X12345678Z'],
    ['a DNI with seven digits', '1234567L'],
    ['separators', '12345678-Z'],
  ])('rejects %s', (_what, id) => {
    expect(spanishIdValid(id)).toBe(false);
  });
});
