/**
 * What a critic waits for between attempts: a slot (and rate token) from the scheduler, and the
 * backoff before a retry. Both can be cancelled by the run.
 */
import { backoffDelay } from './backoff.js';
import type { CriticHost } from './critic-host.js';
import { sleep } from './clock.js';
import { CancelledError } from './errors.js';
import { retryingMessage } from './logger.js';
import type { Ticket } from './scheduler.js';

export interface Denied {
  reason: string;
  rateBlocked: boolean;
  /** Time spent queued before the cancellation ended the wait. */
  waitedMs: number;
}

/**
 * A slot: at once (returns 0), or a promise of the milliseconds waited for one, or of the
 * cancellation that ended the wait.
 */
export function acquireSlot(host: CriticHost): number | Promise<number | Denied> {
  const { run, node } = host;
  const { scheduler, clock } = run.env;
  if (scheduler.tryAcquireNow(node.index, node.stageIndex)) return 0;
  const enqueuedAt = clock.now();
  const ticket: Ticket = {
    critic: node.index,
    stage: node.stageIndex,
    priority: node.critic.priority,
    enqueuedAt,
    onGrant: noop,
    state: 'queued',
    rateBlocked: false,
  };
  if (scheduler.acquire(ticket)) return 0;
  return new Promise((resolve) => {
    ticket.onGrant = (grantedAt) => {
      run.track(node, undefined);
      resolve(grantedAt - enqueuedAt);
    };
    run.track(node, {
      cancel: (reason) => {
        scheduler.withdraw(ticket);
        run.track(node, undefined);
        resolve({ reason, rateBlocked: ticket.rateBlocked, waitedMs: clock.now() - enqueuedAt });
      },
    });
  });
}

function noop(): void {
  // A ticket granted synchronously needs no callback.
}

/** Waits out the backoff before a retry. False when the deadline or a cancellation forbids it. */
export async function backOff(
  host: CriticHost,
  maxRetries: number,
  error: string,
): Promise<boolean> {
  const { run, node } = host;
  const { env } = run;
  const critic = node.critic;
  const retry = host.invoked;
  const delayMs = backoffDelay(retry, critic.backoff, env.random);
  if (env.clock.now() + delayMs >= run.deadlineFor(node) || run.cancellation(node) !== undefined) {
    return false;
  }
  if (env.logging) {
    env.logger.info(
      { traceId: run.traceId, critic: critic.name, retry, maxRetries, delayMs, error },
      retryingMessage(critic.name, delayMs, retry, maxRetries),
    );
  }
  if (env.events.retry.active) {
    env.events.retry.emit({
      traceId: run.traceId,
      critic: critic.name,
      retry,
      maxRetries,
      delayMs,
      error,
    });
  }
  const controller = new AbortController();
  run.track(node, {
    cancel: (reason) => {
      controller.abort(new CancelledError(reason));
    },
  });
  try {
    await sleep(env.clock, delayMs, controller.signal);
  } catch {
    return false;
  } finally {
    run.track(node, undefined);
  }
  return true;
}
