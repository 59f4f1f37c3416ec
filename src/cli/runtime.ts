/**
 * The engine a command runs, built from the environment at the edge, with the configured
 * evidence store (SQLite under ./data by default), so that what the CLI evaluates is recorded
 * where `eleanor report` and the service read it.
 */
import { engineConfigFromEnv, type EngineConfig } from '../engine/config.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { MemoryEvidenceStore } from '../store/evidence/memory.js';
import { openEvidenceStore } from '../store/evidence/open.js';
import type { EvidenceStore } from '../store/evidence/types.js';
import type { CliIO } from './io.js';

export interface Runtime {
  engine: Engine;
  store: EvidenceStore;
  config: EngineConfig;
  close(): Promise<void>;
}

/**
 * Builds the engine from `io.env`; configuration warnings go to stderr. Commands that only
 * describe the setup pass `{ record: false }` and get an in-memory store (no file is touched).
 */
export async function openRuntime(io: CliIO, options: { record?: boolean } = {}): Promise<Runtime> {
  const config = engineConfigFromEnv(io.env);
  for (const w of config.warnings) io.stderr.write(`warning: ${w.variable}: ${w.message}\n`);
  const store =
    options.record === false ? new MemoryEvidenceStore() : await openEvidenceStore(config.store);
  const engine = createEngine({ config, store });
  return { engine, store, config, close: () => engine.close() };
}
