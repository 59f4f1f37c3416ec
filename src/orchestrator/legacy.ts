/**
 * `runCriticsParallel`: the deprecated legacy runner, kept behind a guard. It fails with a
 * {@link LegacyRunnerError} unless the environment allows it
 * (`ELEANOR_ALLOW_LEGACY_CRITIC_RUNNER` truthy, or `ELEANOR_ENFORCE_SINGLE_CRITIC_PIPELINE`
 * false); when allowed it warns that it is deprecated and runs the critics through the simple
 * orchestrator, so even the legacy path isolates timeouts and failures.
 */
import { configFromEnv } from './config.js';
import { LegacyRunnerError } from './errors.js';
import { silentLogger } from './logger.js';
import { createOrchestrator } from './orchestrator.js';
import type { CriticSpec, Logger, RunReport, RunRequest } from './types.js';

export interface LegacyRunnerOptions {
  /** Where the guard reads its switches. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  logger?: Logger;
  /** Called with the deprecation message. @default process.emitWarning */
  warn?: (message: string) => void;
}

const DEPRECATION =
  'runCriticsParallel is deprecated: it bypasses the production orchestrator (no gating, limits, retries or breakers). Use createOrchestrator().run().';

export async function runCriticsParallel(
  critics: readonly CriticSpec[],
  request: RunRequest,
  options: LegacyRunnerOptions = {},
): Promise<RunReport> {
  const { config } = configFromEnv(options.env ?? process.env);
  if (config.enforceSingleCriticPipeline && !config.allowLegacyCriticRunner) {
    throw new LegacyRunnerError();
  }
  (options.warn ?? emitDeprecation)(DEPRECATION);
  (options.logger ?? silentLogger).warn({ runner: 'legacy' }, DEPRECATION);
  const orchestrator = createOrchestrator({
    critics,
    kind: 'simple',
    ...(options.logger ? { logger: options.logger } : {}),
  });
  try {
    return await orchestrator.run(request);
  } finally {
    await orchestrator.close();
  }
}

function emitDeprecation(message: string): void {
  process.emitWarning(message, { type: 'DeprecationWarning', code: 'ELEANOR_LEGACY_RUNNER' });
}
