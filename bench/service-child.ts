/**
 * The service under load, in its own process so the load generator does not share its event
 * loop: `node --import tsx bench/service-child.ts <io|io-floor|deterministic|soak|floor>` prints
 * `port=<n>` once listening. Uses the tsc build of the library (bench/compiled.ts).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Stack from '../src/server/stack.js';
import type { CriticSpec } from '../src/index.js';
import { compiledLibrary, compiledRoot } from './compiled.js';
import { IO_CRITICS, IO_CRITIC_MS } from './service-panel.js';

const mode = process.argv[2] ?? 'io';
const lib = await compiledLibrary(true);
const load = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(path.join(compiledRoot(), file)).href)) as T;

if (mode === 'floor' || mode === 'io-floor') {
  // The floors: fastify answering a fixed JSON at once, or after the I/O panel's waits (the same
  // timers, nothing of Eleanor) — what HTTP and the waits cost without the orchestration.
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  const wait = (): Promise<void> =>
    new Promise((resolve) => {
      setTimeout(resolve, IO_CRITIC_MS);
    });
  app.post('/v1/evaluate', async () => {
    if (mode === 'io-floor') await Promise.all(Array.from({ length: IO_CRITICS }, wait));
    return { decision: 'allow' };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.stdout.write(
    `port=${String(typeof address === 'object' && address ? address.port : 0)}\n`,
  );
} else {
  const { assembleService } = await load<typeof Stack>('server/stack.js');
  // No cache: autocannon repeats one body, and a cache would answer it without the critics.
  const config = lib.engineConfigFromEnv({
    ELEANOR_ORCHESTRATOR_MAX_CONCURRENT: '1000',
    ELEANOR_CACHE: 'off',
    // `soak` keeps its audit trail in SQLite, as the service does by default.
    ELEANOR_STORE: mode === 'soak' ? 'sqlite' : 'memory',
    ELEANOR_SQLITE_PATH: path.join(tmpdir(), `eleanor-soak-${String(process.pid)}`, 'eleanor.db'),
  });
  const store = await lib.openEvidenceStore(config.store);
  const clean = { severity: 0, violation: false, justification: 'nothing found', uncertainty: 0.1 };
  const critics: CriticSpec[] =
    mode === 'io'
      ? Array.from({ length: IO_CRITICS }, (_, i) => ({
          name: `external_check_${String(i + 1)}`,
          evaluate: () =>
            new Promise((resolve) =>
              setTimeout(() => {
                resolve({ ...clean });
              }, IO_CRITIC_MS),
            ),
        }))
      : lib.deterministicPanel(config);
  const engine = lib.createEngine({
    config,
    critics,
    store,
    orchestrator: { maxQueueSize: 100_000 },
  });
  const quiet = () => undefined;
  const { service } = assembleService({
    engine,
    config: { apiKeys: [], keyRatePerSecond: 1, keyBurst: 1, bodyLimitBytes: 1_048_576 },
    logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
    version: 'bench',
    processMetrics: false,
  });
  await service.app.listen({ host: '127.0.0.1', port: 0 });
  const address = service.app.server.address();
  process.stdout.write(
    `port=${String(typeof address === 'object' && address ? address.port : 0)}\n`,
  );
  const gc = (globalThis as { gc?: () => void }).gc;
  if (mode === 'soak' && gc !== undefined) {
    // The live heap, for the soak's leak check: what is left after a full collection.
    setInterval(
      () => {
        gc();
        process.stdout.write(`heap=${String(process.memoryUsage().heapUsed)}\n`);
      },
      Number(process.argv[3] ?? 15_000),
    ).unref();
  }
}
