import { describe, expect, it } from 'vitest';
import { scanAddresses } from './address.js';
import { Claims } from './hit.js';

const find = (text: string): string[] =>
  scanAddresses(text, new Claims(text.length)).map((h) => h.text);

describe('scanAddresses', () => {
  it.each([
    ['a strong street type alone', 'at 42 Elm Street today', '42 Elm Street'],
    ['an abbreviated type with a dot', 'at 10 Downing St. in London', '10 Downing St.'],
    [
      'a unit and a ZIP+4',
      '9 Oak Ave, Apt 4B, Dayton, OH 45402-1234',
      '9 Oak Ave, Apt 4B, Dayton, OH 45402-1234',
    ],
    [
      'a city on the next line',
      '42 Elm Street\nSpringfield, IL 62704',
      '42 Elm Street\nSpringfield, IL 62704',
    ],
    ['a weak type confirmed by a state', '5 Birch Court, Reno, NV', '5 Birch Court, Reno, NV'],
    ['a weak German suffix with a postcode', 'Domplatz 5, 50667 Köln', 'Domplatz 5, 50667 Köln'],
    [
      'a French address with a street type in capitals',
      '5 Avenue des Champs-Élysées',
      '5 Avenue des Champs-Élysées',
    ],
    ['a lower-case PO box', 'po box 77', 'po box 77'],
  ])('finds %s', (_what, text, expected) => {
    expect(find(text)).toEqual([expected]);
  });

  it.each([
    ['a weak type with no confirmation', 'Add 1 Solid State Drive to it'],
    ['a street without a number', 'We walked down Main Street'],
    ['a weak German suffix with no postcode', 'Spring 2024 was warm'],
    ['a ZIP code alone', 'The ZIP is 90210'],
    ['a number before a lower-case street word', 'I drove 5 miles down the road'],
    ['a weak French type with no article or postcode', '3 place Holders'],
  ])('ignores %s', (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  it('accepts a weak type after an address cue', () => {
    expect(find('she lives at 7 Maple Court')).toEqual(['7 Maple Court']);
  });

  it('gives exact offsets', () => {
    const text = 'Ship to 42 Elm Street, Springfield, IL 62704.';
    const [hit] = scanAddresses(text, new Claims(text.length));
    expect(text.slice(hit?.start, hit?.end)).toBe(hit?.text);
    expect(hit?.normalized).toBe('42 elm street springfield il 62704');
  });
});
