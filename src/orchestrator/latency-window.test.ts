import { describe, it, expect } from 'vitest';
import { InvalidOptionError } from './errors.js';
import { LatencyWindow } from './latency-window.js';

describe('LatencyWindow', () => {
  it('reports nearest-rank percentiles of 1..100', () => {
    const window = new LatencyWindow(100);
    // Recorded out of order: percentiles must not depend on arrival order.
    for (let i = 100; i >= 1; i--) window.record(i);
    expect(window.percentiles()).toEqual({
      count: 100,
      mean: 50.5,
      p50: 50,
      p90: 90,
      p99: 99,
      max: 100,
    });
  });

  it('keeps only the most recent samples', () => {
    const window = new LatencyWindow(4);
    for (const ms of [1000, 2000, 1, 2, 3, 4]) window.record(ms);
    expect(window.size).toBe(4);
    expect(window.percentiles()).toEqual({ count: 4, mean: 2.5, p50: 2, p90: 4, p99: 4, max: 4 });
  });

  it('reports all zeros when empty', () => {
    const window = new LatencyWindow();
    expect(window.size).toBe(0);
    expect(window.percentiles()).toEqual({ count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 });
  });

  it('never holds more than its capacity, however many samples are recorded', () => {
    const window = new LatencyWindow(64);
    for (let i = 0; i < 640; i++) {
      window.record(i);
      expect(window.size).toBe(Math.min(i + 1, 64));
    }
    const stats = window.percentiles();
    expect(stats.count).toBe(64);
    expect(stats.max).toBe(639);
    expect(stats.p50).toBe(576 + 31);
  });

  it('sorts samples numerically, not as strings', () => {
    const window = new LatencyWindow(3);
    for (const ms of [10, 9, 100]) window.record(ms);
    expect(window.percentiles().max).toBe(100);
    expect(window.percentiles().p50).toBe(10);
  });

  it('ignores non-finite samples', () => {
    const window = new LatencyWindow(8);
    window.record(5);
    window.record(Number.NaN);
    window.record(Number.POSITIVE_INFINITY);
    expect(window.size).toBe(1);
    expect(window.percentiles().mean).toBe(5);
  });

  it('rejects a capacity that is not an integer >= 1', () => {
    expect(() => new LatencyWindow(0)).toThrow(InvalidOptionError);
    expect(() => new LatencyWindow(2.5)).toThrow(/capacity/);
  });
});
