import { describe, it, expect } from 'vitest';
import type { Clock } from './clock.js';
import { InvalidOptionError } from './errors.js';
import { TokenBucket } from './token-bucket.js';

interface ManualClock extends Clock {
  t: number;
}

function manualClock(start = 0): ManualClock {
  return {
    t: start,
    now() {
      return this.t;
    },
    setTimeout() {
      throw new Error('the bucket must not schedule timers');
    },
    clearTimeout() {
      throw new Error('the bucket must not schedule timers');
    },
  };
}

/** Takes `n` tokens, advancing the clock by each answered wait; returns when each take succeeded and the waits. */
function takeWithWaits(bucket: TokenBucket, clock: ManualClock, n: number) {
  const times: number[] = [];
  const waits: number[] = [];
  while (times.length < n) {
    const wait = bucket.tryTake();
    if (wait === 0) {
      times.push(clock.t);
    } else {
      expect(wait).toBeGreaterThan(0);
      waits.push(wait);
      clock.t += wait;
    }
    expect(waits.length).toBeLessThanOrEqual(n * 2); // no spinning
  }
  return { times, waits };
}

describe('TokenBucket', () => {
  it('starts with one token', () => {
    const clock = manualClock(1234);
    const bucket = new TokenBucket(10, clock, 5);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(100);
  });

  it('at 2/s lets takes through at 0, 500, 1000, 1500 and 2000 ms, answering 500 ms waits', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(2, clock);
    const { times, waits } = takeWithWaits(bucket, clock, 5);
    expect(times).toEqual([0, 500, 1000, 1500, 2000]);
    expect(waits).toEqual([500, 500, 500, 500]);
  });

  it('at 0.5/s answers a 2000 ms wait and then succeeds', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(0.5, clock);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(2000);
    clock.t += 1500;
    expect(bucket.tryTake()).toBe(500);
    clock.t += 500;
    expect(bucket.tryTake()).toBe(0);
  });

  it('never holds more than burst tokens after a long idle', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(1, clock, 3);
    expect(bucket.tryTake()).toBe(0);
    clock.t += 3_600_000;
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(1000);
  });

  it('can start full: burst tokens at once, then one per interval', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(2, clock, 3, true);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([0, 0, 0]);
    expect(bucket.tryTake()).toBe(500);
    clock.t += 500;
    expect(bucket.tryTake()).toBe(0);
  });

  it('at 1000/s refills one token per millisecond', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(1000, clock);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(1);
    clock.t += 1;
    expect(bucket.tryTake()).toBe(0);
    clock.t += 10;
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(1);
  });

  it('converges without spinning at rates with non-integral intervals', () => {
    const clock = manualClock(0.1);
    const bucket = new TokenBucket(3, clock);
    const { times, waits } = takeWithWaits(bucket, clock, 100);
    expect(waits).toHaveLength(99);
    expect(times[99]! - times[0]!).toBeCloseTo(33_000, 6);
  });

  it('rejects a rate that is not a finite number > 0 and a burst below 1', () => {
    const clock = manualClock();
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new TokenBucket(rate, clock)).toThrow(InvalidOptionError);
    }
    expect(() => new TokenBucket(1, clock, 0)).toThrow(/burst/);
  });
});
