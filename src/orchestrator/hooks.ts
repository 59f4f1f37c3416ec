/**
 * Calls a user hook so that nothing it does can break a run: a throw or rejection is logged and
 * read as "no answer", and a hook that hangs is abandoned after the critic's timeout or as soon
 * as the run or stage is cancelled.
 */
import type { TimerHandle } from './clock.js';
import { errorMessage } from './errors.js';
import type { PlanNode } from './plan.js';
import type { RunExecution } from './run.js';

export function callHook<T>(
  run: RunExecution,
  node: PlanNode,
  name: string,
  call: () => T | Promise<T>,
): Promise<T | undefined> {
  const { logger, clock } = run.env;
  const fail = (message: string): void => {
    logger.warn(
      { traceId: run.traceId, critic: node.critic.name, hook: name, err: message },
      `Hook ${name} failed for ${node.critic.name}; continuing without it`,
    );
  };
  let value: T | Promise<T>;
  try {
    value = call();
  } catch (error) {
    fail(errorMessage(error));
    return Promise.resolve(undefined);
  }
  if (!(value instanceof Promise)) return Promise.resolve(value);
  return new Promise<T | undefined>((resolve) => {
    let timer: TimerHandle = undefined;
    const done = (result: T | undefined): void => {
      clock.clearTimeout(timer);
      run.track(node, undefined);
      resolve(result);
    };
    timer = clock.setTimeout(() => {
      fail(`no answer within ${node.critic.timeoutMs} ms`);
      done(undefined);
    }, node.critic.timeoutMs);
    run.track(node, {
      cancel: () => {
        done(undefined);
      },
    });
    value.then(done, (error: unknown) => {
      fail(errorMessage(error));
      done(undefined);
    });
  });
}
