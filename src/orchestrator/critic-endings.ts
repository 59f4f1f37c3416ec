/**
 * How a critic's execution ends: the result it settles with for each way it can end.
 */
import type { CriticHost } from './critic-host.js';
import { CircuitOpenError, CriticOutputError, describeValue } from './errors.js';
import { failureOutput, gatedOutput } from './failure.js';
import { callHook } from './hooks.js';
import { gatedMessage } from './logger.js';
import type { PlanNode } from './plan.js';
import type { RunExecution } from './run.js';
import type { CriticResult, HookContext } from './types.js';
import { isPlainObject, validateOutput } from './validate.js';
import { Status } from './vocabulary.js';

type Ending = Pick<CriticResult, 'status' | 'output' | 'validationErrors'> &
  Partial<Pick<CriticResult, 'error' | 'degraded' | 'fromCache'>>;

export function settleGated(run: RunExecution, node: PlanNode, reason: string): void {
  const { env } = run;
  const name = node.critic.name;
  if (env.logging) {
    env.logger.info({ traceId: run.traceId, critic: name, reason }, gatedMessage(name, reason));
  }
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

export function finish(host: CriticHost, ending: Ending): CriticResult {
  const { run, node } = host;
  const elapsed = run.env.clock.now() - host.readyAt;
  const result: CriticResult = {
    critic: node.critic.name,
    status: ending.status,
    output: ending.output,
    stage: node.critic.stage,
    priority: node.critic.priority,
    retryCount: host.retries,
    durationMs: Math.max(0, elapsed - host.queueTimeMs),
    queueTimeMs: host.queueTimeMs,
    validationErrors: ending.validationErrors,
  };
  if (ending.error !== undefined) result.error = ending.error;
  if (ending.degraded === true) result.degraded = true;
  if (ending.fromCache === true) result.fromCache = true;
  run.settle(node, result, node.critic.cost * host.invoked);
  return result;
}

export function finishCancelled(host: CriticHost, reason: string, rateBlocked: boolean): void {
  const error = rateBlocked
    ? `Rate limit of critic \`${host.node.critic.name}\` held it past its deadline (${reason})`
    : `Cancelled: ${reason}`;
  const status = rateBlocked ? Status.RATE_LIMITED : Status.CANCELLED;
  finish(host, { status, output: failureOutput(error), validationErrors: [], error });
}

export function finishCircuitOpen(host: CriticHost): void {
  const error = new CircuitOpenError(host.node.critic.name).message;
  finish(host, {
    status: Status.CIRCUIT_OPEN,
    output: failureOutput(error),
    validationErrors: [],
    error,
  });
}

/**
 * Validates a returned value and settles the critic: a non-object is an error, other problems
 * per the settings. Returns a promise only when a failure hook must be awaited.
 */
export function finishOutput(
  host: CriticHost,
  value: unknown,
  hookCtx: HookContext | undefined,
): Promise<void> | undefined {
  const { env } = host.run;
  const critic = host.node.critic;
  if (!isPlainObject(value)) {
    const problem = `output_not_object: expected a plain object, got ${describeValue(value)}`;
    const error = new CriticOutputError(critic.name, [problem]).message;
    return finishFailure(host, Status.ERROR, error, hookCtx, [problem]);
  }
  const validationErrors = env.settings.strictValidation ? validateOutput(value, critic.rules) : [];
  if (validationErrors.length > 0 && env.settings.failOnValidation) {
    const error = new CriticOutputError(critic.name, validationErrors).message;
    return finishFailure(host, Status.ERROR, error, hookCtx, validationErrors);
  }
  const result = finish(host, { status: Status.SUCCESS, output: value, validationErrors });
  const after = env.hooks.afterSuccess;
  if (after !== undefined && hookCtx !== undefined) {
    void callHook(host.run, host.node, 'afterSuccess', () =>
      after({ ...hookCtx, output: value, durationMs: result.durationMs }),
    );
  }
  return undefined;
}

/** A final failure: the failure hook may supply a fallback output (`degraded`). */
export async function finishFailure(
  host: CriticHost,
  status: typeof Status.ERROR | typeof Status.TIMEOUT,
  error: string,
  hookCtx: HookContext | undefined,
  validationErrors: string[] = [],
): Promise<void> {
  const onFailure = host.run.env.hooks.onFailure;
  if (onFailure !== undefined && hookCtx !== undefined) {
    const fallback = await callHook(host.run, host.node, 'onFailure', () =>
      onFailure({ ...hookCtx, status, error }),
    );
    if (isPlainObject(fallback)) {
      finish(host, { status, output: fallback, validationErrors, error, degraded: true });
      return;
    }
  }
  finish(host, { status, output: failureOutput(error), validationErrors, error });
}
