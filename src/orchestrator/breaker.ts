/**
 * A per-critic circuit breaker: closed → open after consecutive failures, open → half-open
 * (lazily) once the cool-down has passed, half-open → closed on a successful probe or back to
 * open on a failed one. Plain state, no timers, no allocation per call.
 */
import type { Clock } from './clock.js';
import { InvalidOptionError } from './errors.js';
import type { CircuitBreakerOptions } from './types.js';

/** Where a breaker stands. */
export type BreakerState = 'closed' | 'open' | 'half_open';

/** Breaker options used when a critic gives none: open after 5 failures, cool down for 30 s. */
export const DEFAULT_BREAKER: Readonly<Required<CircuitBreakerOptions>> = Object.freeze({
  failureThreshold: 5,
  cooldownMs: 30_000,
});

/** Listener told about every state transition, exactly once per transition. */
export type BreakerStateListener = (from: BreakerState, to: BreakerState) => void;

/**
 * A circuit breaker driven by an injected {@link Clock}.
 *
 * Callers claim a permit with {@link CircuitBreaker.tryAcquire} and then report exactly one of
 * {@link CircuitBreaker.onSuccess}, {@link CircuitBreaker.onFailure} or
 * {@link CircuitBreaker.release} (no verdict, e.g. the call was cancelled).
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly clock: Clock;
  private readonly onStateChange: BreakerStateListener | undefined;

  /**
   * @param options - `failureThreshold` (integer ≥ 1) and `cooldownMs` (finite, ≥ 0).
   * @param clock - time source for the cool-down.
   * @param onStateChange - called after each transition; it should not throw (a throw
   *   propagates to the caller of the method that observed the transition, with the new state
   *   already in place).
   * @throws InvalidOptionError when an option is out of range.
   */
  constructor(
    options: Readonly<Required<CircuitBreakerOptions>>,
    clock: Clock,
    onStateChange?: BreakerStateListener,
  ) {
    const { failureThreshold, cooldownMs } = options;
    if (!Number.isInteger(failureThreshold) || failureThreshold < 1) {
      throw new InvalidOptionError(
        'circuitBreaker.failureThreshold',
        'an integer >= 1',
        failureThreshold,
      );
    }
    if (!Number.isFinite(cooldownMs) || cooldownMs < 0) {
      throw new InvalidOptionError('circuitBreaker.cooldownMs', 'a finite number >= 0', cooldownMs);
    }
    this.failureThreshold = failureThreshold;
    this.cooldownMs = cooldownMs;
    this.clock = clock;
    this.onStateChange = onStateChange;
  }

  /**
   * The current state. An open breaker whose cool-down has passed turns half-open here (and the
   * change is reported to the listener) the first time anyone looks.
   */
  get state(): BreakerState {
    if (this.current === 'open' && this.cooledDown()) this.halfOpen();
    return this.current;
  }

  /** Failures counted since the last success (keeps counting while open or half-open). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /**
   * Whether a call would be let through right now, without changing anything: false while open
   * within the cool-down, or half-open with its single probe already in flight.
   */
  canPass(): boolean {
    switch (this.current) {
      case 'closed':
        return true;
      case 'open':
        // Once cooled down it would become half-open with no probe in flight.
        return this.cooledDown();
      case 'half_open':
        return !this.probeInFlight;
      default:
        return assertNever(this.current);
    }
  }

  /**
   * Claims permission for one call. Closed: always granted. Open within the cool-down: refused.
   * Half-open: granted to exactly one probe at a time; others are refused until that probe
   * reports (success, failure or release).
   */
  tryAcquire(): boolean {
    const state = this.state;
    switch (state) {
      case 'closed':
        return true;
      case 'open':
        return false;
      case 'half_open':
        if (this.probeInFlight) return false;
        this.probeInFlight = true;
        return true;
      default:
        return assertNever(state);
    }
  }

  /**
   * The acquired call succeeded. Closed: resets the failure count. Half-open: closes the
   * breaker. Open: ignored (a straggler that started before the breaker opened).
   */
  onSuccess(): void {
    if (this.current === 'closed') {
      this.failures = 0;
    } else if (this.current === 'half_open') {
      this.close();
    }
  }

  /**
   * The acquired call failed. Closed: counts it and opens the breaker at the threshold.
   * Half-open: opens again with a fresh cool-down. Open: counted, cool-down unchanged.
   */
  onFailure(): void {
    this.failures++;
    if (this.current === 'half_open') {
      this.open();
    } else if (this.current === 'closed' && this.failures >= this.failureThreshold) {
      this.open();
    }
  }

  /** The acquired call ended without a verdict (cancelled): frees the half-open probe permit. */
  release(): void {
    this.probeInFlight = false;
  }

  private cooledDown(): boolean {
    return this.clock.now() - this.openedAt >= this.cooldownMs;
  }

  private open(): void {
    this.openedAt = this.clock.now();
    this.probeInFlight = false;
    this.transition('open');
  }

  private halfOpen(): void {
    this.probeInFlight = false;
    this.transition('half_open');
  }

  private close(): void {
    this.failures = 0;
    this.probeInFlight = false;
    this.transition('closed');
  }

  private transition(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    this.onStateChange?.(from, to);
  }
}

function assertNever(value: never): never {
  throw new TypeError(`Unexpected breaker state: ${String(value)}`);
}
