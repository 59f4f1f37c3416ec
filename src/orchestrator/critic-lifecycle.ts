/**
 * The life of one critic in one run: gate → (cache hook → breaker → slot and rate token →
 * attempt → validation) with retries and backoff → failure hook → result.
 *
 * The common case — no hooks, a free slot, a first attempt that succeeds — runs on a fast path
 * with no promise of its own: a synchronous critic settles within `startCritic`, an asynchronous
 * one when its work settles. Anything else (hooks, queueing, failures, retries) continues on the
 * general path, an async loop.
 */
import { runAttempt, type Outcome } from './attempt.js';
import { CriticHost } from './critic-host.js';
import {
  finish,
  finishCancelled,
  finishCircuitOpen,
  finishFailure,
  finishOutput,
  settleGated,
} from './critic-endings.js';
import { acquireSlot, backOff } from './critic-waits.js';
import { errorMessage } from './errors.js';
import { gate } from './gating.js';
import { callHook } from './hooks.js';
import type { PlanNode } from './plan.js';
import type { RunExecution } from './run.js';
import type { TimeoutList } from './timeout-list.js';
import type { HookContext } from './types.js';
import { isPlainObject } from './validate.js';
import { Policy, Status } from './vocabulary.js';

/** Something a started critic waits on that the run can cancel. */
export interface CriticWork {
  cancel(reason: string): void;
}

/** Starts one critic; it settles through the run. Never throws for the critic's own failures. */
export function startCritic(run: RunExecution, node: PlanNode): void {
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
  const host = new CriticHost(run, node, input, env.clock.now());
  if (env.hasHooks || !env.scheduler.tryAcquireNow(node.index, node.stageIndex)) {
    continueCritic(host, undefined);
    return;
  }
  const breaker = env.breakers[node.index];
  if (breaker !== undefined && !breaker.tryAcquire()) {
    env.scheduler.release(node.index, node.stageIndex);
    finishCircuitOpen(host);
    return;
  }
  const outcome = invoke(host, 0, host.readyAt);
  if (outcome === undefined) host.deliverTo(onFirstOutcome);
  else onFirstOutcome(host, outcome);
}

/** The fast path's continuation: a success settles at once; anything else goes general. */
function onFirstOutcome(host: CriticHost, outcome: Outcome): void {
  if (outcome.kind !== 'ok') {
    continueCritic(host, outcome);
    return;
  }
  host.run.env.breakers[host.node.index]?.onSuccess();
  const pending = finishOutput(host, outcome.value, undefined);
  if (pending !== undefined) {
    pending.catch((error: unknown) => {
      host.run.defect(host.node, error);
    });
  }
}

function continueCritic(host: CriticHost, outcome: Outcome | undefined): void {
  attemptLoop(host, outcome).catch((error: unknown) => {
    host.run.defect(host.node, error);
  });
}

/** Calls the critic once (attempt number `attempt`); `undefined` while it works asynchronously. */
function invoke(host: CriticHost, attempt: number, startedAt: number): Outcome | undefined {
  const { run, node } = host;
  const { env } = run;
  const critic = node.critic;
  if (env.events.criticStart.active) {
    env.events.criticStart.emit({
      traceId: run.traceId,
      critic: critic.name,
      attempt,
      stage: critic.stage,
      priority: critic.priority,
    });
  }
  host.invoked++;
  host.retries = attempt;
  return runAttempt(
    critic.spec.evaluate,
    host.input,
    attempt,
    critic.name,
    env.timeouts[node.index] as TimeoutList,
    critic.timeoutMs,
    startedAt,
    host,
  );
}

/**
 * The general path: attempts with hooks, queueing, breaker and retries, until the critic
 * settles. `first` is an outcome the fast path already has.
 */
async function attemptLoop(host: CriticHost, first: Outcome | undefined): Promise<void> {
  const { run, node } = host;
  const { env } = run;
  const critic = node.critic;
  const maxRetries = env.settings.enableRetries ? critic.maxRetries : 0;
  const breaker = env.breakers[node.index];
  let outcome = first;
  let hookCtx: HookContext | undefined;
  for (;;) {
    if (outcome === undefined) {
      const attempt = host.invoked;
      hookCtx = env.hasHooks ? hookContext(host, attempt) : undefined;
      const started = await beginAttempt(host, attempt, hookCtx);
      if (started === undefined) return;
      outcome = started;
    }
    if (outcome.kind === 'ok') {
      breaker?.onSuccess();
      await finishOutput(host, outcome.value, hookCtx);
      return;
    }
    if (outcome.kind === 'cancelled') {
      breaker?.release();
      finishCancelled(host, outcome.reason, false);
      return;
    }
    breaker?.onFailure();
    const error = outcome.kind === 'timeout' ? outcome.error.message : errorMessage(outcome.error);
    const retryable = outcome.kind === 'threw' || critic.retryOnTimeout;
    if (retryable && host.retries < maxRetries && (await backOff(host, maxRetries, error))) {
      outcome = undefined;
      continue;
    }
    const status = outcome.kind === 'timeout' ? Status.TIMEOUT : Status.ERROR;
    await finishFailure(host, status, error, hookCtx);
    return;
  }
}

/**
 * One attempt up to the critic's answer: cache hook, cancellation, breaker, slot. Returns the
 * outcome, or `undefined` when the critic was settled without an answer (cache hit, open
 * circuit, cancellation).
 */
async function beginAttempt(
  host: CriticHost,
  attempt: number,
  hookCtx: HookContext | undefined,
): Promise<Outcome | undefined> {
  const { run, node } = host;
  const { env } = run;
  const beforeAttempt = env.hooks.beforeAttempt;
  const hooked = beforeAttempt !== undefined && hookCtx !== undefined;
  if (hooked) {
    const cached = await callHook(run, node, 'beforeAttempt', () => beforeAttempt(hookCtx));
    if (isPlainObject(cached)) {
      finish(host, {
        status: Status.SUCCESS,
        output: cached,
        validationErrors: [],
        fromCache: true,
      });
      return undefined;
    }
  }
  const stop = run.cancellation(node);
  if (stop !== undefined) {
    finishCancelled(host, stop, false);
    return undefined;
  }
  const breaker = env.breakers[node.index];
  if (breaker !== undefined && !breaker.canPass()) {
    finishCircuitOpen(host);
    return undefined;
  }
  const slot = acquireSlot(host);
  const waited = typeof slot === 'number' ? slot : await slot;
  if (typeof waited !== 'number') {
    host.queueTimeMs += waited.waitedMs;
    finishCancelled(host, waited.reason, waited.rateBlocked);
    return undefined;
  }
  host.queueTimeMs += waited;
  const stopped = run.cancellation(node);
  if (stopped !== undefined) {
    // Cancelled between the grant and this continuation: hand the slot back.
    env.scheduler.release(node.index, node.stageIndex);
    finishCancelled(host, stopped, false);
    return undefined;
  }
  if (breaker !== undefined && !breaker.tryAcquire()) {
    env.scheduler.release(node.index, node.stageIndex);
    finishCircuitOpen(host);
    return undefined;
  }
  // Time spent in the cache hook (a Redis lookup, a single-flight wait) is not the attempt's.
  const startedAt = attempt === 0 && waited === 0 && !hooked ? host.readyAt : env.clock.now();
  return invoke(host, attempt, startedAt) ?? (await host.nextOutcome());
}

function hookContext(host: CriticHost, attempt: number): HookContext {
  const { run, node } = host;
  return {
    critic: node.critic.name,
    traceId: run.traceId,
    attempt,
    input: host.input,
    spec: node.critic.spec,
  };
}
