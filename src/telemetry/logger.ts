/**
 * The service's pino logger: JSON lines on stdout and, when `ELEANOR_LOG_FILE` is set, the same
 * lines appended to that file (its directory is created; the seed tails `logs/engine.log`).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger as PinoLogger } from 'pino';
import { ConfigError } from '../orchestrator/errors.js';

export interface LoggerOptions {
  /** @default 'info' */
  level?: pino.LevelWithSilent;
  /** Also append to this file. */
  file?: string | undefined;
  /** Where stdout lines go (tests pass a stream). @default process.stdout */
  stdout?: NodeJS.WritableStream;
  /** Synchronous writes (tests). @default false: buffered, flushed on exit */
  sync?: boolean;
}

export interface ServiceLogger {
  logger: PinoLogger;
  /** Writes what is buffered; call before the process exits. */
  flush: () => void;
}

export function createServiceLogger(options: LoggerOptions = {}): ServiceLogger {
  const sync = options.sync ?? false;
  const streams: pino.StreamEntry[] = [
    { stream: options.stdout ?? pino.destination({ dest: 1, sync }) },
  ];
  const files: pino.DestinationStream[] = [];
  if (options.file !== undefined) {
    try {
      mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
      const file = pino.destination({ dest: options.file, append: true, sync: true });
      files.push(file);
      streams.push({ stream: file });
    } catch (error) {
      throw new ConfigError(
        'ELEANOR_LOG_FILE',
        `cannot write the log file ${options.file}: ${(error as Error).message}`,
      );
    }
  }
  const logger = pino(
    { level: options.level ?? 'info', base: { service: 'eleanor' } },
    pino.multistream(streams),
  );
  return {
    logger,
    flush: () => {
      logger.flush();
    },
  };
}
