import { describe, it, expect } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

const EXACT = { initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000, jitter: 0 } as const;
const zero = (): number => 0;
const almostOne = (): number => 1 - Number.EPSILON;

describe('backoffDelay', () => {
  it('defaults to 200 ms doubling up to 5 s with 20 % jitter', () => {
    expect(DEFAULT_BACKOFF).toEqual({
      initialDelayMs: 200,
      multiplier: 2,
      maxDelayMs: 5000,
      jitter: 0.2,
    });
    expect(Object.isFrozen(DEFAULT_BACKOFF)).toBe(true);
  });

  it('grows exponentially from the initial delay', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, EXACT, zero))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('caps the delay at maxDelayMs, even for huge retry numbers', () => {
    expect(backoffDelay(5, EXACT, zero)).toBe(1000);
    expect(backoffDelay(10_000, EXACT, zero)).toBe(1000);
  });

  it('keeps the full delay when random() is 0', () => {
    expect(backoffDelay(2, DEFAULT_BACKOFF, zero)).toBe(400);
  });

  it('removes at most jitter of the delay as random() approaches 1', () => {
    const delay = backoffDelay(2, DEFAULT_BACKOFF, almostOne);
    expect(delay).toBeGreaterThanOrEqual(400 * 0.8);
    expect(delay).toBeLessThan(400);
    expect(delay).toBeCloseTo(320, 9);
  });

  it('is exact when jitter is 0, whatever random() says', () => {
    expect(backoffDelay(3, EXACT, almostOne)).toBe(400);
  });

  it('never returns a negative delay', () => {
    expect(backoffDelay(1, { ...EXACT, jitter: 1.5 }, almostOne)).toBe(0);
  });
});
