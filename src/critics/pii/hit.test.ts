import { describe, expect, it } from 'vitest';
import { phrasePattern } from '../text.js';
import { Claims, countDigits, cueNear, digitsOf, groupSlices, lastCueEnd } from './hit.js';

describe('Claims', () => {
  it('takes a free span once and refuses overlapping spans', () => {
    const claims = new Claims(20);
    expect(claims.take({ start: 2, end: 6 })).toBe(true);
    expect(claims.take({ start: 5, end: 9 })).toBe(false);
    expect(claims.take({ start: 6, end: 9 })).toBe(true);
    expect(claims.overlaps(0, 2)).toBe(false);
    expect(claims.overlaps(0, 3)).toBe(true);
  });
});

describe('groupSlices', () => {
  it('lists the whole run, then runs without leading or trailing groups, longest first', () => {
    const text = '12 345 6789';
    expect(groupSlices(text, 6).map((g) => text.slice(g.start, g.end))).toEqual([
      '12 345 6789',
      '12 345',
      '345 6789',
      '12',
      '6789',
    ]);
  });

  it('leaves out slices with more than maxGroups groups', () => {
    const text = '1 2 3 4';
    expect(groupSlices(text, 2).map((g) => text.slice(g.start, g.end))).toEqual([
      '1 2',
      '3 4',
      '1',
      '4',
    ]);
  });

  it('gives nothing for a table of numbers', () => {
    expect(groupSlices('1 2 3 4 5 6 7', 3)).toEqual([]);
  });
});

describe('cue helpers', () => {
  const cue = phrasePattern(['phone', 'order']);

  it('finds a cue before or after a span', () => {
    const text = 'phone: 123 and more text';
    expect(cueNear(cue, text, 7, 10, 10)).toBe(true);
    expect(cueNear(cue, 'x 123 phone', 2, 5, 0, 10)).toBe(true);
    expect(cueNear(cue, 'x 123 phone', 2, 5, 2)).toBe(false);
  });

  it('gives the end of the last cue before a span', () => {
    const text = 'order 1, phone 2';
    expect(lastCueEnd(cue, text, 15, 40)).toBe(14);
    expect(lastCueEnd(cue, text, 7, 40)).toBe(5);
    expect(lastCueEnd(cue, text, 3, 40)).toBe(-1);
  });

  it('counts and extracts ASCII digits', () => {
    expect(countDigits('+1 (415) 555-0134')).toBe(11);
    expect(digitsOf('+1 (415) 555-0134')).toBe('14155550134');
  });
});
