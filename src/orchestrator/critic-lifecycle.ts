/**
 * The life of one critic in one run: gate → (cache hook → breaker → slot and rate token →
 * attempt → validation) with retries and backoff → failure hook → result.
 */
import { runAttempt, type AttemptHost, type RunningAttempt } from './attempt.js';
import type { Clock } from './clock.js';
import type { TimeoutList } from './timeout-list.js';
import { backoffDelay } from './backoff.js';
import { sleep } from './clock.js';
import {
  CancelledError,
  CircuitOpenError,
  CriticOutputError,
  describeValue,
  errorMessage,
} from './errors.js';
import { failureOutput, gatedOutput } from './failure.js';
import { gate } from './gating.js';
import { callHook } from './hooks.js';
import { gatedMessage, retryingMessage } from './logger.js';
import type { PlanNode } from './plan.js';
import type { RunExecution } from './run.js';
import type { Ticket } from './scheduler.js';
import type { CriticInput, CriticResult, HookContext } from './types.js';
import { isPlainObject, validateOutput } from './validate.js';
import { Policy, Status } from './vocabulary.js';

/** Something a started critic waits on that the run can cancel. */
export interface CriticWork {
  cancel(reason: string): void;
}

/** Accumulated facts about a critic's attempts. */
interface Tally {
  readyAt: number;
  queueTimeMs: number;
  /** Retries whose attempt has been granted (a refused retry is not one made). */
  retries: number;
  invoked: number;
}

/** Runs one critic to its result. Never throws for the critic's own failures. */
export async function executeCritic(run: RunExecution, node: PlanNode): Promise<void> {
  const { env } = run;
  const critic = node.critic;
  const input = run.inputFor(node);
  if (env.settings.enableGating && critic.policy !== Policy.ALWAYS) {
    const reason = gate({
      policy: critic.policy,
      condition: critic.condition,
      input,
      earlier: run.results.slice(0, node.index),
      uncertaintyThreshold: env.settings.uncertaintyThreshold,
    });
    if (reason !== undefined) {
      settleGated(run, node, reason);
      return;
    }
  }
  const tally = new CriticHost(run, node, env.clock.now());
  const maxRetries = env.settings.enableRetries ? critic.maxRetries : 0;
  const breaker = env.breakers[node.index];
  for (;;) {
    const attempt = tally.invoked;
    const hookCtx = env.hasHooks ? hookContext(run, node, input, attempt) : undefined;
    if (env.hooks.beforeAttempt !== undefined && hookCtx !== undefined) {
      const cached = await callHook(run, node, 'beforeAttempt', () =>
        env.hooks.beforeAttempt?.(hookCtx),
      );
      if (isPlainObject(cached)) {
        finish(run, node, tally, {
          status: Status.SUCCESS,
          output: cached,
          validationErrors: [],
          fromCache: true,
        });
        return;
      }
    }
    const stop = run.cancellation(node);
    if (stop !== undefined) {
      finishCancelled(run, node, tally, stop, false);
      return;
    }
    if (breaker !== undefined && !breaker.canPass()) {
      finishCircuitOpen(run, node, tally);
      return;
    }
    const slot = acquireSlot(run, node);
    const waited = typeof slot === 'number' ? slot : await slot;
    if (typeof waited !== 'number') {
      tally.queueTimeMs += waited.waitedMs;
      finishCancelled(run, node, tally, waited.reason, waited.rateBlocked);
      return;
    }
    tally.queueTimeMs += waited;
    const stopped = run.cancellation(node);
    if (stopped !== undefined) {
      // Cancelled between the grant and this continuation: hand the slot back.
      env.scheduler.release(node.index, node.stageIndex);
      finishCancelled(run, node, tally, stopped, false);
      return;
    }
    if (breaker !== undefined && !breaker.tryAcquire()) {
      env.scheduler.release(node.index, node.stageIndex);
      finishCircuitOpen(run, node, tally);
      return;
    }
    if (env.events.criticStart.active) {
      env.events.criticStart.emit({
        traceId: run.traceId,
        critic: critic.name,
        attempt,
        stage: critic.stage,
        priority: critic.priority,
      });
    }
    tally.invoked++;
    tally.retries = attempt;
    const startedAt = attempt === 0 && waited === 0 ? tally.readyAt : env.clock.now();
    const pending = runAttempt(
      critic.spec.evaluate,
      input,
      attempt,
      critic.name,
      env.timeouts[node.index] as TimeoutList,
      critic.timeoutMs,
      startedAt,
      tally,
    );
    const outcome = pending instanceof Promise ? await pending : pending;
    if (outcome.kind === 'ok') {
      breaker?.onSuccess();
      return finishOutput(run, node, tally, outcome.value, hookCtx);
    }
    if (outcome.kind === 'cancelled') {
      breaker?.release();
      finishCancelled(run, node, tally, outcome.reason, false);
      return;
    }
    breaker?.onFailure();
    const error = outcome.kind === 'timeout' ? outcome.error.message : errorMessage(outcome.error);
    const retryable = outcome.kind === 'threw' || critic.retryOnTimeout;
    if (
      retryable &&
      tally.retries < maxRetries &&
      (await backOff(run, node, tally, maxRetries, error))
    ) {
      continue;
    }
    const status = outcome.kind === 'timeout' ? Status.TIMEOUT : Status.ERROR;
    return finishFailure(run, node, tally, status, error, hookCtx);
  }
}

interface Denied {
  reason: string;
  rateBlocked: boolean;
  /** Time spent queued before the cancellation ended the wait. */
  waitedMs: number;
}

/**
 * A slot: at once (returns 0), or a promise of the milliseconds waited for one, or of the
 * cancellation that ended the wait.
 */
function acquireSlot(run: RunExecution, node: PlanNode): number | Promise<number | Denied> {
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
async function backOff(
  run: RunExecution,
  node: PlanNode,
  tally: Tally,
  maxRetries: number,
  error: string,
): Promise<boolean> {
  const { env } = run;
  const critic = node.critic;
  const retry = tally.invoked;
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

function hookContext(
  run: RunExecution,
  node: PlanNode,
  input: CriticInput,
  attempt: number,
): HookContext {
  return { critic: node.critic.name, traceId: run.traceId, attempt, input, spec: node.critic.spec };
}

function settleGated(run: RunExecution, node: PlanNode, reason: string): void {
  const { env } = run;
  const name = node.critic.name;
  if (env.logging)
    env.logger.info({ traceId: run.traceId, critic: name, reason }, gatedMessage(name, reason));
  if (env.events.gated.active)
    env.events.gated.emit({ traceId: run.traceId, critic: name, reason });
  run.settle(
    node,
    {
      critic: name,
      status: Status.GATED,
      output: gatedOutput(reason),
      stage: node.critic.stage,
      priority: node.critic.priority,
      retryCount: 0,
      durationMs: 0,
      queueTimeMs: 0,
      gatingReason: reason,
      validationErrors: [],
    },
    0,
  );
}

type Ending = Pick<CriticResult, 'status' | 'output' | 'validationErrors'> &
  Partial<Pick<CriticResult, 'error' | 'degraded' | 'fromCache'>>;

function finish(run: RunExecution, node: PlanNode, tally: Tally, ending: Ending): CriticResult {
  const elapsed = run.env.clock.now() - tally.readyAt;
  const result: CriticResult = {
    critic: node.critic.name,
    status: ending.status,
    output: ending.output,
    stage: node.critic.stage,
    priority: node.critic.priority,
    retryCount: tally.retries,
    durationMs: Math.max(0, elapsed - tally.queueTimeMs),
    queueTimeMs: tally.queueTimeMs,
    validationErrors: ending.validationErrors,
  };
  if (ending.error !== undefined) result.error = ending.error;
  if (ending.degraded === true) result.degraded = true;
  if (ending.fromCache === true) result.fromCache = true;
  run.settle(node, result, node.critic.cost * tally.invoked);
  return result;
}

function finishCancelled(
  run: RunExecution,
  node: PlanNode,
  tally: Tally,
  reason: string,
  rateBlocked: boolean,
): void {
  const error = rateBlocked
    ? `Rate limit of critic \`${node.critic.name}\` held it past its deadline (${reason})`
    : `Cancelled: ${reason}`;
  const status = rateBlocked ? Status.RATE_LIMITED : Status.CANCELLED;
  finish(run, node, tally, { status, output: failureOutput(error), validationErrors: [], error });
}

function finishCircuitOpen(run: RunExecution, node: PlanNode, tally: Tally): void {
  const error = new CircuitOpenError(node.critic.name).message;
  finish(run, node, tally, {
    status: Status.CIRCUIT_OPEN,
    output: failureOutput(error),
    validationErrors: [],
    error,
  });
}

/** Validates a returned value; a non-object is an error, other problems per the settings. */
function finishOutput(
  run: RunExecution,
  node: PlanNode,
  tally: Tally,
  value: unknown,
  hookCtx: HookContext | undefined,
): Promise<void> | undefined {
  const { env } = run;
  const critic = node.critic;
  if (!isPlainObject(value)) {
    const problem = `output_not_object: expected a plain object, got ${describeValue(value)}`;
    return finishFailure(
      run,
      node,
      tally,
      Status.ERROR,
      new CriticOutputError(critic.name, [problem]).message,
      hookCtx,
      [problem],
    );
  }
  const validationErrors = env.settings.strictValidation ? validateOutput(value, critic.rules) : [];
  if (validationErrors.length > 0 && env.settings.failOnValidation) {
    const error = new CriticOutputError(critic.name, validationErrors).message;
    return finishFailure(run, node, tally, Status.ERROR, error, hookCtx, validationErrors);
  }
  const result = finish(run, node, tally, {
    status: Status.SUCCESS,
    output: value,
    validationErrors,
  });
  const after = env.hooks.afterSuccess;
  if (after !== undefined && hookCtx !== undefined) {
    void callHook(run, node, 'afterSuccess', () =>
      after({ ...hookCtx, output: value, durationMs: result.durationMs }),
    );
  }
  return undefined;
}

/** A final failure: the failure hook may supply a fallback output (`degraded`). */
async function finishFailure(
  run: RunExecution,
  node: PlanNode,
  tally: Tally,
  status: typeof Status.ERROR | typeof Status.TIMEOUT,
  error: string,
  hookCtx: HookContext | undefined,
  validationErrors: string[] = [],
): Promise<void> {
  const { env } = run;
  const onFailure = env.hooks.onFailure;
  if (onFailure !== undefined && hookCtx !== undefined) {
    const fallback = await callHook(run, node, 'onFailure', () =>
      onFailure({ ...hookCtx, status, error }),
    );
    if (isPlainObject(fallback)) {
      finish(run, node, tally, {
        status,
        output: fallback,
        validationErrors,
        error,
        degraded: true,
      });
      return;
    }
  }
  finish(run, node, tally, { status, output: failureOutput(error), validationErrors, error });
}

/**
 * One critic's execution in one run: the tally of its attempts, and the host its attempts use
 * to free their slot and register for cancellation (methods, not closures: no allocation).
 */
class CriticHost implements AttemptHost, Tally {
  readonly clock: Clock;
  readonly abandonAfterMs: number;
  readonly readyAt: number;
  queueTimeMs = 0;
  retries = 0;
  invoked = 0;
  private readonly run: RunExecution;
  private readonly node: PlanNode;

  constructor(run: RunExecution, node: PlanNode, readyAt: number) {
    this.run = run;
    this.node = node;
    this.readyAt = readyAt;
    this.clock = run.env.clock;
    this.abandonAfterMs = run.env.settings.abandonAfterMs;
  }

  release(): void {
    this.run.env.scheduler.release(this.node.index, this.node.stageIndex);
  }

  track(running: RunningAttempt | undefined): void {
    this.run.track(this.node, running);
  }
}
