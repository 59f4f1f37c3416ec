/**
 * The engine a command runs, built from the environment at the edge.
 */
import { engineConfigFromEnv, type EngineConfig } from '../engine/config.js';
import { createEngine, type Engine } from '../engine/engine.js';
import type { CliIO } from './io.js';

export interface Runtime {
  engine: Engine;
  config: EngineConfig;
  close(): Promise<void>;
}

/** Builds the engine from `io.env`; configuration warnings go to stderr. */
export function openRuntime(io: CliIO): Promise<Runtime> {
  const config = engineConfigFromEnv(io.env);
  for (const w of config.warnings) io.stderr.write(`warning: ${w.variable}: ${w.message}\n`);
  const engine = createEngine({ config });
  return Promise.resolve({ engine, config, close: () => engine.close() });
}
