/**
 * Starts the service from the environment: configuration, logger, engine, metrics, spans,
 * evidence store (SQLite under ./data by default), dashboard view, HTTP listener, and the graceful shutdown on SIGTERM/SIGINT (stop accepting,
 * finish or cancel in-flight evaluations within the grace, flush the evidence queue, close).
 */
import { engineConfigFromEnv } from '../engine/config.js';
import { createEngine } from '../engine/engine.js';
import { openEvidenceStore } from '../store/evidence/open.js';
import { createServiceLogger } from '../telemetry/logger.js';
import type { Service } from './app.js';
import { assertSafeToListen, serviceConfigFromEnv } from './config.js';
import { setupTraceExport } from '../telemetry/otel-setup.js';
import { assembleService } from './stack.js';

export interface StartOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Where log lines go besides the log file. @default process.stdout */
  stdout?: NodeJS.WritableStream;
  /** Stop on SIGTERM and SIGINT. @default true */
  handleSignals?: boolean;
  /** The package version for the OpenAPI document. */
  version?: string;
}

export interface RunningService {
  /** `http://host:port` as bound (port 0 in the configuration picks a free one). */
  url: string;
  service: Service;
  /** Graceful stop; resolves when everything is closed. Safe to call more than once. */
  stop(reason?: string): Promise<void>;
  /** Resolves once the service has stopped. */
  stopped: Promise<void>;
}

/** Throws a `ConfigError` (bad keys, no keys beyond loopback, unwritable log) before listening. */
export async function startService(options: StartOptions): Promise<RunningService> {
  const config = serviceConfigFromEnv(options.env);
  assertSafeToListen(config);
  const { logger, flush } = createServiceLogger({
    file: config.logFile,
    ...(options.stdout === undefined ? {} : { stdout: options.stdout, sync: true }),
  });
  for (const w of config.warnings) logger.warn(w, `${w.variable}: ${w.message}`);
  const engineConfig = engineConfigFromEnv(options.env);
  const store = await openEvidenceStore(engineConfig.store, { logger });
  const engine = createEngine({ config: engineConfig, logger, store });
  const traces = setupTraceExport(options.env);
  const stack = assembleService({
    ...(traces === undefined ? {} : { tracer: traces.tracer }),
    engine,
    store,
    config,
    logger,
    version: options.version ?? '0.0.0',
  });
  const { service } = stack;
  await service.app.listen({ host: config.host, port: config.port });
  const address = service.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${String(port)}`;
  logger.info(
    {
      url,
      apiKeys: config.apiKeys.length,
      critics: engine.orchestrator.critics.length,
      store: store.name,
      traces: traces?.exporter ?? 'off',
    },
    `Eleanor listening on ${url}`,
  );

  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    void stop(signal);
  };
  const stop = (reason = 'stop'): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason, inFlight: service.inFlight }, 'Eleanor shutting down');
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      await stack.close(config.shutdownGraceMs);
      await traces?.shutdown();
      logger.info({ reason }, 'Eleanor stopped');
      flush();
      resolveStopped();
    })();
    return stopping;
  };
  if (options.handleSignals ?? true) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { url, service, stop, stopped };
}
