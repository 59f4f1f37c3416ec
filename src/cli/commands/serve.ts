/**
 * `eleanor serve`: the HTTP service, configured from the environment (ELEANOR_HOST,
 * ELEANOR_PORT, ELEANOR_API_KEYS …), until SIGTERM or SIGINT stops it gracefully.
 */
import { readFileSync } from 'node:fs';
import { startService } from '../../server/serve.js';
import { ExitCode, type CliIO } from '../io.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function serveCommand(
  options: { host?: string; port?: string },
  io: CliIO,
): Promise<ExitCode> {
  const env = {
    ...io.env,
    ...(options.host === undefined ? {} : { ELEANOR_HOST: options.host }),
    ...(options.port === undefined ? {} : { ELEANOR_PORT: options.port }),
  };
  const running = await startService({ env, version: packageVersion() });
  await running.stopped;
  return ExitCode.OK;
}
