import { describe, expect, it } from 'vitest';
import { Batch, NlpDoc, parse, readMatches, tagsOf } from './nlp.js';

describe('compromise adapter', () => {
  it('reads first names and places from the lexicon', () => {
    expect(tagsOf('sarah')).toContain('FemaleName');
    expect(tagsOf('paris')).toContain('City');
    expect(tagsOf('qwertyuiop')).toEqual([]);
  });

  it('reads well-formed matches and skips malformed ones', () => {
    const term = { text: 'Ann', tags: ['FirstName', 7], offset: { start: 3, length: 3 } };
    expect(readMatches([{ text: 'Ann', terms: [term] }])).toEqual([
      {
        text: 'Ann',
        terms: [{ text: 'Ann', tags: ['FirstName'], offset: { start: 3, length: 3 } }],
      },
    ]);
    expect(readMatches([{ terms: [{ text: 'x' }] }, { terms: [] }, null, 'x'])).toEqual([]);
    expect(readMatches('not an array')).toEqual([]);
  });
});

describe('NlpDoc', () => {
  const texts = [
    'Dr. Jane Smith, John and Mary met Mrs Okafor in Paris.',
    "Emily Watson's report went to Paul, Sarah, and her manager Priya Patel.",
    'I told his father Robert about it; her Majesty and King Charles were away.',
    'Nobody here is named at all, and nothing is a person.',
  ];
  const spans = (matches: ReturnType<typeof readMatches>) =>
    matches.map((m) => m.terms.map((t) => [t.text, t.offset.start, t.offset.length]));

  it.each(texts)('finds the people compromise finds in %j', (text) => {
    const expected = readMatches(parse(text).people().json({ offset: true }));
    expect(spans(new NlpDoc(text).people())).toEqual(spans(expected));
  });

  it.each(texts)('finds the proper-noun runs compromise finds in %j', (text) => {
    const expected = readMatches(parse(text).match('#ProperNoun+').json({ offset: true }));
    expect(spans(new NlpDoc(text).properNouns())).toEqual(spans(expected));
  });
});

describe('Batch', () => {
  const text = 'aaa Sarah bbb ccc James ddd';
  const batch = new Batch(text, [
    [4, 9],
    [18, 23],
  ]);
  const match = (start: number, ...lengths: number[]) => ({
    text: '',
    terms: lengths.map((length, i) => ({
      text: '',
      tags: [],
      offset: { start: start + lengths.slice(0, i).reduce((a, b) => a + b + 2, 0), length },
    })),
  });

  it('joins windows with a blank line', () => {
    expect(batch.joined).toBe('Sarah\n\nJames');
  });

  it('moves match offsets back into the text', () => {
    const [placed] = batch.place([match(7, 5)]);
    expect(placed?.terms[0]?.offset).toEqual({ start: 18, length: 5 });
    expect(text.slice(18, 23)).toBe('James');
  });

  it('drops matches that run from one window into the next', () => {
    expect(batch.place([match(0, 5, 5)])).toEqual([]);
  });
});
