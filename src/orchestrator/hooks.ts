/**
 * Calls a user hook so that nothing it does — throw, reject, hang on a rejected promise — can
 * break a run: failures are logged and read as "no answer".
 */
import { errorMessage } from './errors.js';
import type { RunEnvironment } from './run-environment.js';

export async function callHook<T>(
  env: Pick<RunEnvironment, 'logger'>,
  name: string,
  call: () => T | Promise<T>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    env.logger.warn(
      { hook: name, err: errorMessage(error) },
      `Hook ${name} failed; continuing without it`,
    );
    return undefined;
  }
}
