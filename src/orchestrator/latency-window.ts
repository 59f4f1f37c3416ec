/**
 * A fixed-memory sliding window of latency samples with on-demand percentiles.
 */
import { InvalidOptionError } from './errors.js';

/** Summary statistics over the samples in a {@link LatencyWindow}, in milliseconds. */
export interface Percentiles {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * The most recent `capacity` samples, held in a ring buffer over a `Float64Array`: memory is
 * fixed no matter how many samples are recorded.
 */
export class LatencyWindow {
  private readonly samples: Float64Array;
  private next = 0;
  private count = 0;

  /**
   * @param capacity - samples kept; an integer >= 1. @defaultValue 2048
   * @throws InvalidOptionError when the capacity is out of range.
   */
  constructor(capacity = 2048) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new InvalidOptionError('capacity', 'an integer >= 1', capacity);
    }
    this.samples = new Float64Array(capacity);
  }

  /** Records one sample in O(1) without allocating; non-finite values are ignored. */
  record(ms: number): void {
    if (!Number.isFinite(ms)) return;
    this.samples[this.next] = ms;
    this.next = this.next + 1 === this.samples.length ? 0 : this.next + 1;
    if (this.count < this.samples.length) this.count++;
  }

  /** Samples currently held (at most the capacity). */
  get size(): number {
    return this.count;
  }

  /**
   * Count, mean, nearest-rank p50/p90/p99 and max of the held samples, computed by sorting a
   * copy. All zeros when empty.
   */
  percentiles(): Percentiles {
    return summarise(this.samples.slice(0, this.count));
  }

  /** Percentiles over the samples of several windows together (computed on demand). */
  static combined(windows: readonly LatencyWindow[]): Percentiles {
    const total = windows.reduce((n, w) => n + w.count, 0);
    const all = new Float64Array(total);
    let offset = 0;
    for (const w of windows) {
      all.set(w.samples.subarray(0, w.count), offset);
      offset += w.count;
    }
    return summarise(all);
  }
}

/** Count, mean, nearest-rank percentiles and max of `samples` (sorted in place). */
function summarise(samples: Float64Array): Percentiles {
  {
    const n = samples.length;
    if (n === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
    const sorted = samples.sort();
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sorted[i] ?? 0;
    return {
      count: n,
      mean: sum / n,
      p50: nearestRank(sorted, 50),
      p90: nearestRank(sorted, 90),
      p99: nearestRank(sorted, 99),
      max: sorted[n - 1] ?? 0,
    };
  }
}

/** The nearest-rank percentile `p` (0 < p ≤ 100) of ascending `sorted` (non-empty). */
function nearestRank(sorted: Float64Array, p: number): number {
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[rank > 0 ? rank - 1 : 0] ?? 0;
}
