import { describe, expect, it } from 'vitest';
import type { Clock } from '../orchestrator/clock.js';
import { InvalidOptionError } from '../orchestrator/errors.js';
import { KeyRateLimiter, KeyRing, parseApiKeys, presentedKey } from './api-keys.js';

const SECRET_A = 'a'.repeat(16) + '-alpha';
const SECRET_B = 'b'.repeat(20);

describe('parseApiKeys', () => {
  it('reads labelled and bare keys, skipping empty entries', () => {
    expect(parseApiKeys(` ci:${SECRET_A} , ,${SECRET_B}`)).toEqual([
      { label: 'ci', secret: SECRET_A },
      { label: 'key3', secret: SECRET_B },
    ]);
    expect(parseApiKeys(undefined)).toEqual([]);
    expect(parseApiKeys('  ')).toEqual([]);
  });

  it.each([
    ['a short secret', 'ci:short', /at least 16 characters/],
    ['a secret with spaces', `ci:${'x'.repeat(10)} ${'y'.repeat(10)}`, /without spaces/],
    ['a bad label', `c i:${SECRET_A}`, /label/],
    ['a repeated label', `ci:${SECRET_A},ci:${SECRET_B}`, /used once/],
  ])('refuses %s, naming the entry', (_name, raw, message) => {
    expect(() => parseApiKeys(raw)).toThrow(InvalidOptionError);
    expect(() => parseApiKeys(raw)).toThrow(message);
    expect(() => parseApiKeys(raw)).toThrow(/ELEANOR_API_KEYS\[\d\]/);
  });

  it('never puts the secret in the error', () => {
    try {
      parseApiKeys('ci:tooshortsecret');
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('tooshortsecret');
    }
  });
});

describe('KeyRing', () => {
  const ring = new KeyRing(parseApiKeys(`ci:${SECRET_A},ops:${SECRET_B}`));

  it('identifies each configured key by its label', () => {
    expect(ring.identify(SECRET_A)).toBe('ci');
    expect(ring.identify(SECRET_B)).toBe('ops');
    expect(ring.size).toBe(2);
  });

  it.each([
    ['a wrong key', 'c'.repeat(16)],
    ['a prefix of a key', SECRET_A.slice(0, -1)],
    ['a key with more after it', `${SECRET_A}x`],
    ['the empty string', ''],
  ])('rejects %s', (_name, presented) => {
    expect(ring.identify(presented)).toBeUndefined();
  });
});

describe('presentedKey', () => {
  it.each([
    [{ authorization: `Bearer ${SECRET_A}` }, SECRET_A],
    [{ authorization: `bearer   ${SECRET_A}  ` }, SECRET_A],
    [{ 'x-api-key': ` ${SECRET_B} ` }, SECRET_B],
    [{ authorization: `Basic ${SECRET_A}` }, undefined],
    [{ authorization: 'Bearer' }, undefined],
    [{}, undefined],
  ])('reads %j as %s', (headers, expected) => {
    expect(presentedKey(headers)).toBe(expected);
  });
});

describe('KeyRateLimiter', () => {
  function clockAt(start: number): Clock & { t: number } {
    return {
      t: start,
      now() {
        return this.t;
      },
      setTimeout: () => undefined,
      clearTimeout: () => undefined,
    };
  }

  it('lets each key burst, then answers how long to wait, per key', () => {
    const clock = clockAt(1000);
    const limiter = new KeyRateLimiter(10, 3, clock);
    expect([limiter.take('ci'), limiter.take('ci'), limiter.take('ci')]).toEqual([0, 0, 0]);
    expect(limiter.take('ci')).toBeCloseTo(100);
    // Another key has its own allowance.
    expect(limiter.take('ops')).toBe(0);
    clock.t += 100;
    expect(limiter.take('ci')).toBe(0);
  });

  it('refuses a rate or burst out of range', () => {
    expect(() => new KeyRateLimiter(0, 1, clockAt(0))).toThrow(InvalidOptionError);
    expect(() => new KeyRateLimiter(1, 0, clockAt(0))).toThrow(InvalidOptionError);
  });
});
