/**
 * One call of a critic: hands it an AbortSignal (created only if the critic reads it), enforces
 * the attempt's timeout, and reports the outcome as data. A timed-out or cancelled attempt is
 * reported at once; the concurrency slot it held is released when its work really settles, or
 * after `abandonAfterMs` if the work ignores its signal, so a hung critic never leaks a slot.
 */
import type { Clock, TimerHandle } from './clock.js';
import { CancelledError, CriticTimeoutError } from './errors.js';
import type { AttemptContext, CriticInput, CriticOutput } from './types.js';

export type Outcome =
  | { kind: 'ok'; value: unknown; elapsedMs: number }
  | { kind: 'threw'; error: unknown; elapsedMs: number }
  | { kind: 'timeout'; error: CriticTimeoutError; elapsedMs: number }
  | { kind: 'cancelled'; reason: string; elapsedMs: number };

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

export interface AttemptDeps {
  clock: Clock;
  abandonAfterMs: number;
  /** Frees the attempt's concurrency slot; called exactly once. */
  release: () => void;
  /** Receives the running attempt while it is pending (undefined once done). */
  track: (running: RunningAttempt | undefined) => void;
}

type Evaluate = (input: CriticInput, ctx: AttemptContext) => CriticOutput | Promise<CriticOutput>;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Calls the critic; returns synchronously when the critic answered synchronously. */
export function runAttempt(
  evaluate: Evaluate,
  input: CriticInput,
  attempt: number,
  critic: string,
  timeoutMs: number,
  deps: AttemptDeps,
): Outcome | Promise<Outcome> {
  const ctx = new LazyAttemptContext(attempt);
  const started = deps.clock.now();
  let value: unknown;
  try {
    value = evaluate(input, ctx);
  } catch (error) {
    deps.release();
    return { kind: 'threw', error, elapsedMs: deps.clock.now() - started };
  }
  if (!isThenable(value)) {
    deps.release();
    return { kind: 'ok', value, elapsedMs: deps.clock.now() - started };
  }
  return awaitWork(value, ctx, critic, timeoutMs, started, deps);
}

function awaitWork(
  work: PromiseLike<unknown>,
  ctx: LazyAttemptContext,
  critic: string,
  timeoutMs: number,
  started: number,
  deps: AttemptDeps,
): Promise<Outcome> {
  const { clock } = deps;
  return new Promise<Outcome>((resolve) => {
    let done = false;
    let released = false;
    let abandonTimer: TimerHandle = undefined;
    let abandoning = false;
    const release = (): void => {
      if (released) return;
      released = true;
      if (abandoning) clock.clearTimeout(abandonTimer);
      deps.release();
    };
    const finish = (outcome: Outcome): void => {
      done = true;
      clock.clearTimeout(timer);
      deps.track(undefined);
      resolve(outcome);
    };
    const stop = (reason: unknown): void => {
      ctx.abort(reason);
      if (released || abandoning) return;
      abandoning = true;
      abandonTimer = clock.setTimeout(release, deps.abandonAfterMs);
    };
    const timer = clock.setTimeout(() => {
      if (done) return;
      const error = new CriticTimeoutError(critic, timeoutMs);
      finish({ kind: 'timeout', error, elapsedMs: clock.now() - started });
      stop(error);
    }, timeoutMs);
    deps.track({
      cancel: (reason) => {
        if (done) return;
        finish({ kind: 'cancelled', reason, elapsedMs: clock.now() - started });
        stop(new CancelledError(reason));
      },
    });
    work.then(
      (value) => {
        release();
        if (!done) finish({ kind: 'ok', value, elapsedMs: clock.now() - started });
      },
      (error: unknown) => {
        release();
        if (!done) finish({ kind: 'threw', error, elapsedMs: clock.now() - started });
      },
    );
  });
}
