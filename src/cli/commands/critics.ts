/**
 * `eleanor critics`: the panel the configuration builds, with each critic's stage, priority,
 * policy, timeout and retries, and why name classification placed it there.
 */
import { formatPanel } from '../format.js';
import { ExitCode, type CliIO } from '../io.js';
import { openRuntime } from '../runtime.js';

export async function criticsCommand(options: { json?: boolean }, io: CliIO): Promise<ExitCode> {
  const runtime = await openRuntime(io, { record: false });
  try {
    const critics = runtime.engine.orchestrator.critics;
    io.stdout.write(
      options.json === true ? `${JSON.stringify(critics)}\n` : `${formatPanel(critics)}\n`,
    );
    return ExitCode.OK;
  } finally {
    await runtime.close();
  }
}
