import { describe, expect, it } from 'vitest';
import { luhnValid } from './luhn.js';

describe('luhnValid', () => {
  it.each(['4539148803436467', '4111111111111111', '378282246310005', '130456288', '0', '18'])(
    'accepts %s',
    (digits) => {
      expect(luhnValid(digits)).toBe(true);
    },
  );

  it.each(['4539148803436468', '4111111111111112', '1234567890123456', '', '12a4', '4111 1111'])(
    'rejects %j',
    (digits) => {
      expect(luhnValid(digits)).toBe(false);
    },
  );
});
