import { describe, it, expect, vi } from 'vitest';
import { CircuitBreaker, DEFAULT_BREAKER } from './breaker.js';
import type { BreakerState } from './breaker.js';
import type { Clock } from './clock.js';
import { InvalidOptionError } from './errors.js';

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
      throw new Error('the breaker must not schedule timers');
    },
    clearTimeout() {
      throw new Error('the breaker must not schedule timers');
    },
  };
}

const OPTIONS = { failureThreshold: 3, cooldownMs: 1000 } as const;

function fail(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i++) {
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
  }
}

/** A breaker already opened at `clock.t`. */
function openBreaker(
  clock: ManualClock,
  onStateChange?: (from: BreakerState, to: BreakerState) => void,
) {
  const breaker = new CircuitBreaker(OPTIONS, clock, onStateChange);
  fail(breaker, OPTIONS.failureThreshold);
  return breaker;
}

describe('CircuitBreaker', () => {
  it('defaults to a threshold of 5 failures and a 30 s cool-down', () => {
    expect(DEFAULT_BREAKER).toEqual({ failureThreshold: 5, cooldownMs: 30_000 });
    expect(Object.isFrozen(DEFAULT_BREAKER)).toBe(true);
  });

  it('starts closed and lets calls through', () => {
    const breaker = new CircuitBreaker(OPTIONS, manualClock());
    expect(breaker.state).toBe('closed');
    expect(breaker.canPass()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it('opens after the threshold of consecutive failures', () => {
    const breaker = new CircuitBreaker(OPTIONS, manualClock());
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    expect(breaker.consecutiveFailures).toBe(2);
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
    expect(breaker.consecutiveFailures).toBe(3);
  });

  it('resets the failure count on a success in between', () => {
    const breaker = new CircuitBreaker(OPTIONS, manualClock());
    fail(breaker, 2);
    breaker.onSuccess();
    expect(breaker.consecutiveFailures).toBe(0);
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
  });

  it('refuses calls while open within the cool-down', () => {
    const clock = manualClock(5000);
    const breaker = openBreaker(clock);
    clock.t += OPTIONS.cooldownMs - 1;
    expect(breaker.canPass()).toBe(false);
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.state).toBe('open');
  });

  it('half-opens once the cool-down has passed', () => {
    const clock = manualClock(5000);
    const breaker = openBreaker(clock);
    clock.t += OPTIONS.cooldownMs;
    expect(breaker.state).toBe('half_open');
    expect(breaker.canPass()).toBe(true);
  });

  it('answers canPass without changing state', () => {
    const clock = manualClock();
    const listener = vi.fn();
    const breaker = openBreaker(clock, listener);
    listener.mockClear();
    clock.t += OPTIONS.cooldownMs;
    expect(breaker.canPass()).toBe(true);
    expect(breaker.canPass()).toBe(true);
    expect(listener).not.toHaveBeenCalled();
  });

  it('lets only one half-open probe through at a time', () => {
    const clock = manualClock();
    const breaker = openBreaker(clock);
    clock.t += OPTIONS.cooldownMs;
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.canPass()).toBe(false);
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.state).toBe('half_open');
  });

  it('closes when the probe succeeds', () => {
    const clock = manualClock();
    const breaker = openBreaker(clock);
    clock.t += OPTIONS.cooldownMs;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.consecutiveFailures).toBe(0);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('re-opens with a fresh cool-down when the probe fails', () => {
    const clock = manualClock();
    const breaker = openBreaker(clock);
    clock.t += OPTIONS.cooldownMs + 500;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
    expect(breaker.state).toBe('open');
    clock.t += OPTIONS.cooldownMs - 1;
    expect(breaker.tryAcquire()).toBe(false);
    clock.t += 1;
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('frees the probe permit on release', () => {
    const clock = manualClock();
    const breaker = openBreaker(clock);
    clock.t += OPTIONS.cooldownMs;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.release();
    expect(breaker.state).toBe('half_open');
    expect(breaker.canPass()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('ignores a straggler success while open', () => {
    const clock = manualClock();
    const breaker = openBreaker(clock);
    breaker.onSuccess();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('reports every transition exactly once', () => {
    const clock = manualClock();
    const changes: [BreakerState, BreakerState][] = [];
    const breaker = openBreaker(clock, (from, to) => changes.push([from, to]));
    clock.t += OPTIONS.cooldownMs;
    // Observed several times, reported once.
    expect(breaker.state).toBe('half_open');
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
    clock.t += OPTIONS.cooldownMs;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onSuccess();
    breaker.onSuccess();
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual([
      ['closed', 'open'],
      ['open', 'half_open'],
      ['half_open', 'open'],
      ['open', 'half_open'],
      ['half_open', 'closed'],
    ]);
  });

  it('rejects out-of-range options at construction', () => {
    const clock = manualClock();
    expect(() => new CircuitBreaker({ failureThreshold: 0, cooldownMs: 1 }, clock)).toThrow(
      InvalidOptionError,
    );
    expect(() => new CircuitBreaker({ failureThreshold: 1.5, cooldownMs: 1 }, clock)).toThrow(
      /failureThreshold.*integer >= 1.*1\.5/,
    );
    expect(() => new CircuitBreaker({ failureThreshold: 1, cooldownMs: -1 }, clock)).toThrow(
      /cooldownMs/,
    );
  });
});
