import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELATION_CUES, ROLE_CUES } from '../lexicons/pii.js';
import { phrasePattern } from '../text.js';
import { PhraseStarts } from './phrase-starts.js';

/** Starts of the pattern's own global search. */
function globalStarts(pattern: RegExp, text: string): number[] {
  const out: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) out.push(m.index);
  return out;
}

const PIECES = [
  'my ',
  'MY',
  'My\u00a0',
  'friend',
  'name is',
  'NAME\tWAS',
  'named',
  'called',
  '\u212anown as',
  'known\nas',
  'ſtudent',
  'student',
  'tenant',
  'x',
  '_',
  '1',
  ' ',
  '-',
  'é',
  '\ud83d\ude00',
  '\udc00',
  'co-worker',
  'my ex',
  'myex',
  'custome',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

describe('PhraseStarts', () => {
  const phrases = [...RELATION_CUES, ...ROLE_CUES];
  const pattern = phrasePattern(phrases);
  const starts = new PhraseStarts(pattern, phrases);

  it('finds exactly the starts of the pattern’s global search', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(starts.starts(text)).toEqual(globalStarts(pattern, text));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds phrases written with characters that fold to ASCII letters', () => {
    expect(starts.starts('the \u212anown as Bob, a ſtudent')).toEqual([4, 20]);
  });

  it('tries everywhere when a phrase cannot be keyed by two ASCII characters', () => {
    const odd = ['é', 'a'];
    const oddPattern = phrasePattern(odd);
    expect(new PhraseStarts(oddPattern, odd).starts('x é a É')).toEqual([2, 4, 6]);
  });
});
