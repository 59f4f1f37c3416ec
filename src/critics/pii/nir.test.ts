import { describe, expect, it } from 'vitest';
import { nirValid } from './nir.js';

describe('nirValid', () => {
  it.each(['184127645108946', '295057512345618', '184122A45108933'])('accepts %s', (nir) => {
    expect(nirValid(nir)).toBe(true);
  });

  it.each([
    ['a wrong key', '184127645108947'],
    ['sex digit 3', '384127645108946'],
    ['fourteen characters', '18412764510894'],
    ['spaces', '1 84 12 76 451 089 46'],
  ])('rejects %s', (_what, nir) => {
    expect(nirValid(nir)).toBe(false);
  });
});
