/**
 * A token bucket for per-critic attempt rates, kept as a single "theoretical arrival time"
 * (the GCRA form): no timers, no division per call, no drift from summing fractional tokens.
 */
import type { Clock } from './clock.js';
import { InvalidOptionError } from './errors.js';

/**
 * Slack for floating-point rounding when the caller waits exactly the answered delay with
 * non-integral intervals (e.g. 3/s → 333.33… ms). Far below any timer's resolution.
 */
const EPSILON_MS = 1e-6;

/**
 * Refills at `ratePerSecond` up to `burst` tokens; starts with one token.
 *
 * @example
 * const bucket = new TokenBucket(2, systemClock);
 * const waitMs = bucket.tryTake(); // 0: taken; otherwise sleep waitMs and try again
 */
export class TokenBucket {
  private readonly clock: Clock;
  /** Milliseconds per token. */
  private readonly intervalMs: number;
  /** How far ahead of now the arrival time may run while a token is still available. */
  private readonly slackMs: number;
  /** Time at which the bucket would be empty-but-refilled (GCRA's theoretical arrival time). */
  private tat: number;

  /**
   * @param ratePerSecond - tokens added per second; any finite number > 0 (0.5 = one every 2 s).
   * @param clock - time source.
   * @param burst - the most tokens the bucket holds after idling; an integer >= 1.
   *   @defaultValue 1
   * @param startFull - start with `burst` tokens rather than one (a client's allowance).
   *   @defaultValue false
   * @throws InvalidOptionError when the rate or burst is out of range.
   */
  constructor(ratePerSecond: number, clock: Clock, burst = 1, startFull = false) {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
      throw new InvalidOptionError('ratePerSecond', 'a finite number > 0', ratePerSecond);
    }
    if (!Number.isInteger(burst) || burst < 1) {
      throw new InvalidOptionError('burst', 'an integer >= 1', burst);
    }
    this.clock = clock;
    this.intervalMs = 1000 / ratePerSecond;
    this.slackMs = (burst - 1) * this.intervalMs;
    // One token available now: the arrival time sits `burst - 1` intervals ahead; a full bucket's
    // arrival time is now.
    this.tat = clock.now() + (startFull ? 0 : this.slackMs);
  }

  /**
   * Takes a token if one is available now and returns 0; otherwise takes nothing and returns
   * the milliseconds until one will be (always > 0).
   */
  tryTake(): number {
    const now = this.clock.now();
    const tat = this.tat > now ? this.tat : now;
    const waitMs = tat - now - this.slackMs;
    if (waitMs > EPSILON_MS) return waitMs;
    this.tat = tat + this.intervalMs;
    return 0;
  }
}
