import { describe, expect, it } from 'vitest';
import { ninoValid } from './nino.js';

describe('ninoValid', () => {
  it.each(['AB123456C', 'JG103759A', 'ZA000000D', 'CE123456B'])('accepts %s', (nino) => {
    expect(ninoValid(nino)).toBe(true);
  });

  it.each([
    ['a forbidden first letter', 'DA123456A'],
    ['a forbidden second letter', 'AO123456A'],
    ['the HMRC example prefix QQ', 'QQ123456C'],
    ['an unissued prefix', 'GB123456A'],
    ['the prefix NK', 'NK123456A'],
    ['a suffix after D', 'AB123456E'],
    ['too few digits', 'AB12345C'],
    ['lower case', 'ab123456c'],
  ])('rejects %s', (_what, nino) => {
    expect(ninoValid(nino)).toBe(false);
  });
});
