import { describe, expect, it } from 'vitest';
import { Claims } from './hit.js';
import { scanNames, triggerWindows } from './names.js';

const options = { limit: 20_000, budget: 800 };
const find = (text: string): string[] =>
  scanNames(text, new Claims(text.length), options).hits.map((h) => h.text);

describe('scanNames', () => {
  it.each([
    ['a first and last name', 'The letter was from Emma Thompson.', ['Emma Thompson']],
    ['an honorific and a surname', 'Please ask Mrs. Patel about it.', ['Mrs. Patel']],
    ['a name after a cue', 'my colleague Priya said so', ['Priya']],
    ['a name with an accent in the first name', 'signed by José Álvarez', ['José Álvarez']],
    [
      'two people in one sentence',
      'Sarah Connor met James Smith.',
      ['Sarah Connor', 'James Smith'],
    ],
    ['a possessive', "It is Emily Watson's bike.", ['Emily Watson']],
    ['an unknown surname after an honorific', 'Send it to Dr. Okafor tomorrow.', ['Dr. Okafor']],
    ['a name after a role cue', 'a customer named Alice Walker complained', ['Alice Walker']],
  ])('finds %s', (_what, text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it.each([
    ['a surname that is a city', 'I visited Washington.'],
    ['a city before a state', 'Jackson, Mississippi is hot.'],
    ['a city before a two-word state', 'Charlotte, North Carolina is big.'],
    ['a name before a facility word', 'Take the Victoria line from Victoria station.'],
    ['a memorial', 'The Lincoln Memorial at dusk.'],
    ['a hotel', 'We stayed at the Paris Hilton Hotel.'],
    ['a lone first name after a place preposition', 'Our office is in Chelsea.'],
    ['a place with a saint prefix', 'Santa Monica is sunny.'],
    ['a product named like a person', 'Julia is a language.'],
    ['a bank named like a person', 'Morgan Stanley reported.'],
    ['a lower-case sentence', 'no names here at all.'],
    ['a function after "called"', 'A function called Map returns values.'],
    [
      'a class and a file after "named" and "called"',
      'A file named README and a class called String.',
    ],
    ['a company after a relation cue', 'my friend Google told me'],
    ['a department after a role cue', 'Contact Support for help.'],
  ])('ignores %s', (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  it('finds a surname right after an honorific that compromise does not tag as one', () => {
    const text = 'We wrote to Señora García yesterday.';
    const hits = scanNames(text, new Claims(text.length), options).hits;
    expect(hits.map((h) => [h.text, h.start, h.severity])).toEqual([['García', 19, 1]]);
  });

  it('gives exact spans including the honorific', () => {
    const text = 'Thanks, Dr. Sarah Connor!';
    const [hit] = scanNames(text, new Claims(text.length), options).hits;
    expect(hit).toMatchObject({ text: 'Dr. Sarah Connor', start: 8, end: 24, severity: 1 });
  });

  it('skips names inside text another scanner claimed', () => {
    const text = 'Ship to 42 Jefferson Street.';
    const claims = new Claims(text.length);
    claims.claim(8, 27);
    expect(scanNames(text, claims, options).hits).toEqual([]);
  });

  it('does not look past the scan limit', () => {
    const text = `${'x '.repeat(100)}Sarah Connor`;
    const scan = scanNames(text, new Claims(text.length), { limit: 50, budget: 800 });
    expect(scan).toEqual({ hits: [], truncated: true });
  });
});

describe('triggerWindows', () => {
  it('opens a window only around trigger words', () => {
    expect(triggerWindows('nothing to see here', 800)).toEqual({ windows: [], truncated: false });
    const text = 'The report came from Sarah yesterday.';
    const { windows } = triggerWindows(text, 800);
    expect(windows).toHaveLength(1);
    const [from = 0, to = 0] = windows[0] ?? [];
    expect(text.slice(from, to)).toContain('Sarah');
  });

  it('merges overlapping windows and stops at the budget', () => {
    const text = 'Sarah and Maria and James. '.repeat(40);
    const { windows, truncated } = triggerWindows(text, 200);
    expect(truncated).toBe(true);
    const used = windows.reduce((sum, [a, b]) => sum + b - a, 0);
    expect(used).toBeLessThanOrEqual(200);
  });
});
