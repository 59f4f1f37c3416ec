import { describe, expect, it } from 'vitest';
import { Claims } from './hit.js';
import { phoneShape, scanPhones, tollFree } from './phone.js';

describe('phoneShape', () => {
  it.each([
    ['+44 20 7946 0958', 'international'],
    ['+4915112345678', 'international'],
    ['(+33) 1 23 45 67 89', 'international'],
    ['+49 (0)30 12345678', 'international'],
    ['0044 20 7946 0958', 'international'],
    ['(555) 010-2030', 'nanp'],
    ['555-010-2030', 'nanp'],
    ['1-415-555-0134', 'nanp'],
    ['020 7946 0958', 'national'],
    ['07700 900123', 'national'],
    ['01 23 45 67 89', 'national'],
    ['030/12345678', 'national'],
    ['98765 43210', 'in_mobile'],
    ['4155550134', 'cued'],
    ['555-0199', 'cued'],
  ])('reads %s as %s', (raw, subtype) => {
    expect(phoneShape(raw)?.subtype).toBe(subtype);
  });

  it.each([
    ['a date', '2024 01 15'],
    ['a dotted date', '15.01.2024'],
    ['a version', '1.2.3.4'],
    ['a short +number', '+12 34'],
    ['an all-zero trunk number', '0000 0000 00'],
    ['a 00 prefix without a country', '00 0000 0000'],
    ['unbalanced parentheses', '(555 010-2030'],
    ['two slashes', '01/02/2024'],
    ['too few digits', '12-34'],
  ])('rejects %s', (_what, raw) => {
    expect(phoneShape(raw)).toBeUndefined();
  });

  it('needs a cue only for shapeless runs', () => {
    expect(phoneShape('4155550134')?.needsCue).toBe(true);
    expect(phoneShape('415-555-0134')?.needsCue).toBe(false);
    expect(phoneShape('155-010-2030')?.needsCue).toBe(true);
  });

  it.each([
    ['1-800-555-0199', true],
    ['(888) 555-0100', true],
    ['+1 877 555 0100', true],
    ['0800 123 4567', true],
    ['+44 808 157 0192', true],
    ['415-555-0134', false],
    ['+855 12 345 678', false],
  ])('knows whether %s is toll-free', (raw, free) => {
    const shape = phoneShape(raw);
    expect(shape).toBeDefined();
    if (shape !== undefined) expect(tollFree(shape)).toBe(free);
  });
});

describe('scanPhones', () => {
  const find = (text: string): string[] =>
    scanPhones(text, new Claims(text.length)).map((h) => h.text);

  it.each([
    ['a bare number after a phone cue', 'Text me on 4155550134', ['4155550134']],
    ['a bare number after an order cue', 'Order 4839201746 shipped', []],
    ['a phone cue farther than an order cue', 'Call about order 4839201746', []],
    ['a shaped number after an invoice cue', 'Invoice 415-555-0134', []],
    ['a + number after an order cue', 'Order line +44 20 7946 0958', ['+44 20 7946 0958']],
    ['a number in a run with a year', 'In 2024 555-010-2030 rang', ['555-010-2030']],
    ['a number after a price sign', 'Total $4155550134', []],
  ])('handles %s', (_what, text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('gives exact spans and normalises to the last nine digits', () => {
    const text = 'Call +1 (415) 555-0134.';
    const [hit] = scanPhones(text, new Claims(text.length));
    expect(hit).toMatchObject({
      start: 5,
      end: 22,
      text: '+1 (415) 555-0134',
      normalized: '155550134',
    });
    expect(text.slice(hit?.start, hit?.end)).toBe(hit?.text);
  });

  it('marks toll-free numbers low and unlinkable', () => {
    const [hit] = scanPhones('Call 1-800-555-0199', new Claims(19));
    expect(hit).toMatchObject({ severity: 0.5, linkable: false });
  });
});
