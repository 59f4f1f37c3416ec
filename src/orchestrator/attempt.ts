/**
 * One call of a critic: hands it an AbortSignal (created only if the critic reads it), enforces
 * the attempt's timeout, and reports the outcome as data. A timed-out or cancelled attempt is
 * reported at once; the concurrency slot it held is released when its work really settles, or
 * after `abandonAfterMs` if the work ignores its signal, so a hung critic never leaks a slot.
 *
 * This is the hot path: a synchronous critic costs no promise and no timer, and an asynchronous
 * one costs a link in a shared {@link TimeoutList} and a callback to its host — no promise of
 * its own.
 */
import type { Clock, TimerHandle } from './clock.js';
import { CancelledError, CriticTimeoutError } from './errors.js';
import type { Expiring, TimeoutList } from './timeout-list.js';
import type { AttemptContext, CriticInput, CriticOutput } from './types.js';

export type Outcome =
  | { kind: 'ok'; value: unknown }
  | { kind: 'threw'; error: unknown }
  | { kind: 'timeout'; error: CriticTimeoutError }
  | { kind: 'cancelled'; reason: string };

/** The context handed to `evaluate`; its AbortController exists only once `signal` is read. */
export class LazyAttemptContext implements AttemptContext {
  readonly attempt: number;
  private controller: AbortController | undefined;
  private abortReason: unknown;
  private aborted = false;

  constructor(attempt: number) {
    this.attempt = attempt;
  }

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.abortReason);
    }
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.abortReason = reason;
    this.controller?.abort(reason);
  }
}

/** A handle on a running attempt, so a run can cancel it. */
export interface RunningAttempt {
  cancel(reason: string): void;
}

/** What an attempt needs from its surroundings. */
export interface AttemptHost {
  readonly clock: Clock;
  readonly abandonAfterMs: number;
  /** Frees the attempt's concurrency slot; called exactly once per attempt. */
  release(): void;
  /** Receives the running attempt while it is pending, and `undefined` once it is done. */
  track(running: RunningAttempt | undefined): void;
  /** Receives the outcome of an attempt that did not answer synchronously. */
  settled(outcome: Outcome): void;
}

type Evaluate = (input: CriticInput, ctx: AttemptContext) => CriticOutput | Promise<CriticOutput>;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Calls the critic. Returns the outcome when the critic answered synchronously; otherwise
 * returns `undefined` and hands the outcome to `host.settled` later, exactly once.
 * `startedAt` is the clock reading at the call (the caller usually has one at hand).
 */
export function runAttempt(
  evaluate: Evaluate,
  input: CriticInput,
  attempt: number,
  critic: string,
  timeouts: TimeoutList,
  timeoutMs: number,
  startedAt: number,
  host: AttemptHost,
): Outcome | undefined {
  const ctx = new LazyAttemptContext(attempt);
  let value: unknown;
  try {
    value = evaluate(input, ctx);
  } catch (error) {
    host.release();
    return { kind: 'threw', error };
  }
  if (!isThenable(value)) {
    host.release();
    return { kind: 'ok', value };
  }
  new PendingAttempt(value, ctx, critic, timeoutMs, startedAt, timeouts, host);
  return undefined;
}

/** An asynchronous attempt in flight. */
class PendingAttempt implements Expiring, RunningAttempt {
  expiresAt: number;
  prev: Expiring | undefined = undefined;
  next: Expiring | undefined = undefined;
  list: TimeoutList | undefined = undefined;
  private done = false;
  private released = false;
  private abandoning = false;
  private abandonTimer: TimerHandle = undefined;
  private readonly ctx: LazyAttemptContext;
  private readonly critic: string;
  private readonly timeoutMs: number;
  private readonly host: AttemptHost;

  constructor(
    work: PromiseLike<unknown>,
    ctx: LazyAttemptContext,
    critic: string,
    timeoutMs: number,
    startedAt: number,
    timeouts: TimeoutList,
    host: AttemptHost,
  ) {
    this.ctx = ctx;
    this.critic = critic;
    this.timeoutMs = timeoutMs;
    this.host = host;
    this.expiresAt = startedAt + timeoutMs;
    timeouts.add(this);
    host.track(this);
    work.then(
      (value) => {
        this.settleWork({ kind: 'ok', value });
      },
      (error: unknown) => {
        this.settleWork({ kind: 'threw', error });
      },
    );
  }

  /** The timeout list's callback. */
  expire(): void {
    if (this.done) return;
    const error = new CriticTimeoutError(this.critic, this.timeoutMs);
    this.finish({ kind: 'timeout', error });
    this.stop(error);
  }

  cancel(reason: string): void {
    if (this.done) return;
    this.finish({ kind: 'cancelled', reason });
    this.stop(new CancelledError(reason));
  }

  private settleWork(outcome: Outcome): void {
    this.releaseSlot();
    if (!this.done) this.finish(outcome);
  }

  private finish(outcome: Outcome): void {
    this.done = true;
    this.list?.remove(this);
    this.host.track(undefined);
    this.host.settled(outcome);
  }

  /** Aborts the work and reclaims its slot after the grace period if it ignores the abort. */
  private stop(reason: unknown): void {
    this.ctx.abort(reason);
    if (this.released || this.abandoning) return;
    this.abandoning = true;
    this.abandonTimer = this.host.clock.setTimeout(() => {
      this.releaseSlot();
    }, this.host.abandonAfterMs);
  }

  private releaseSlot(): void {
    if (this.released) return;
    this.released = true;
    if (this.abandoning) this.host.clock.clearTimeout(this.abandonTimer);
    this.host.release();
  }
}
