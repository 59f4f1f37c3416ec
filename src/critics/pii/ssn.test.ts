import { describe, expect, it } from 'vitest';
import { usTaxIdKind } from './ssn.js';

describe('usTaxIdKind', () => {
  it.each([
    ['536', '22', '8172', 'us_ssn'],
    ['001', '01', '0001', 'us_ssn'],
    ['665', '99', '9999', 'us_ssn'],
    ['912', '70', '1234', 'us_itin'],
    ['999', '94', '0001', 'us_itin'],
    ['900', '50', '1000', 'us_itin'],
  ])('reads %s-%s-%s as %s', (area, group, serial, kind) => {
    expect(usTaxIdKind(area, group, serial)).toBe(kind);
  });

  it.each([
    ['area 000', '000', '12', '3456'],
    ['area 666', '666', '12', '3456'],
    ['a 9xx area outside the ITIN groups', '912', '45', '6789'],
    ['ITIN group 93', '912', '93', '6789'],
    ['group 00', '123', '00', '4567'],
    ['serial 0000', '123', '45', '0000'],
    ['a short area', '12', '45', '6789'],
  ])('rejects %s', (_what, area, group, serial) => {
    expect(usTaxIdKind(area, group, serial)).toBeUndefined();
  });
});
