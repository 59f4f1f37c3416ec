import { describe, expect, it } from 'vitest';
import { compileLexicon } from './constitutional-compile.js';
import { numberIndex } from './constitutional-index.js';
import { internWord } from './constitutional-vocabulary.js';

const lexicon = compileLexicon({
  critic: 'toy',
  categories: [
    {
      id: 'toy.order',
      description: 'Toy order',
      entries: [
        { id: 'any-first', pattern: 'qorp', starts: ['qorp'], weight: 0.5 },
        { id: 'after-blee', phrases: ['qorp blee'], weight: 0.5 },
        { id: 'any-last', pattern: 'qorp[a-z]*', starts: ['qorp'], weight: 0.5 },
        { id: 'after-blee-or-zub', phrases: ['qorp blee', 'qorp zub'], weight: 0.5 },
      ],
    },
  ],
});
const ids = (list: readonly { entry: { id: string } }[] | undefined) =>
  list?.map((c) => c.entry.id);

describe('the numbered start-word index', () => {
  const atQorp = numberIndex(lexicon.index)[internWord('qorp')];

  it('tries entries without second words whatever follows', () => {
    expect(ids(atQorp?.any)).toEqual(['any-first', 'any-last']);
  });

  it('merges the entries expecting the next word with the others, in lexicon order', () => {
    expect(ids(atQorp?.after.get(internWord('blee')))).toEqual([
      'any-first',
      'after-blee',
      'any-last',
      'after-blee-or-zub',
    ]);
    expect(ids(atQorp?.after.get(internWord('zub')))).toEqual([
      'any-first',
      'any-last',
      'after-blee-or-zub',
    ]);
  });

  it('matches the same index the compiled lexicon carries', () => {
    expect(ids(lexicon.byId[internWord('qorp')]?.any)).toEqual(ids(atQorp?.any));
  });
});
