/**
 * The service's configuration, read from the environment once at the edge: where to listen,
 * the API keys and their rate, body and shutdown bounds, and the log file. Bad numbers warn and
 * use the default (like every Eleanor setting); bad API keys and an unprotected non-loopback
 * address refuse to start, because guessing there would be a security hole.
 */
import { isIP } from 'node:net';
import type { ConfigSource, ConfigWarning } from '../orchestrator/config.js';
import { ConfigError, EleanorError } from '../orchestrator/errors.js';
import { parseApiKeys, type ApiKey } from './api-keys.js';

export const SERVICE_ENV = {
  host: 'ELEANOR_HOST',
  port: 'ELEANOR_PORT',
  apiKeys: 'ELEANOR_API_KEYS',
  keyRatePerSecond: 'ELEANOR_KEY_RATE_PER_SECOND',
  keyBurst: 'ELEANOR_KEY_BURST',
  bodyLimitBytes: 'ELEANOR_BODY_LIMIT_BYTES',
  shutdownGraceMs: 'ELEANOR_SHUTDOWN_GRACE_MS',
  logFile: 'ELEANOR_LOG_FILE',
} as const;

export interface ServiceConfig {
  host: string;
  port: number;
  apiKeys: ApiKey[];
  /** Sustained requests per second allowed per API key. */
  keyRatePerSecond: number;
  /** Requests a key may make at once. */
  keyBurst: number;
  /** Largest accepted request body. */
  bodyLimitBytes: number;
  /** How long shutdown waits for in-flight evaluations before cancelling them. */
  shutdownGraceMs: number;
  /** Also write the JSON log lines to this file (the seed tails `logs/engine.log`). */
  logFile: string | undefined;
  sources: Record<keyof typeof SERVICE_ENV, ConfigSource>;
  warnings: ConfigWarning[];
}

export const DEFAULT_SERVICE_CONFIG = Object.freeze({
  host: '127.0.0.1',
  port: 8787,
  keyRatePerSecond: 50,
  keyBurst: 100,
  bodyLimitBytes: 1_048_576,
  shutdownGraceMs: 10_000,
});

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the service configuration. Throws a {@link ConfigError} for malformed API keys. */
export function serviceConfigFromEnv(env: Env): ServiceConfig {
  const warnings: ConfigWarning[] = [];
  const sources = {} as Record<keyof typeof SERVICE_ENV, ConfigSource>;
  const raw = (key: keyof typeof SERVICE_ENV): string | undefined => {
    const value = env[SERVICE_ENV[key]]?.trim();
    sources[key] = value === undefined || value === '' ? 'default' : 'env';
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (
    key: keyof typeof DEFAULT_SERVICE_CONFIG & keyof typeof SERVICE_ENV,
    min: number,
    max: number,
  ): number => {
    const fallback = DEFAULT_SERVICE_CONFIG[key] as number;
    const value = raw(key);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (/^\d+$/.test(value) && n >= min && n <= max) return n;
    sources[key] = 'default';
    warnings.push({
      variable: SERVICE_ENV[key],
      value,
      message: `expected an integer from ${String(min)} to ${String(max)}; using the default (${String(fallback)})`,
    });
    return fallback;
  };
  const host = raw('host') ?? DEFAULT_SERVICE_CONFIG.host;
  let apiKeys: ApiKey[];
  try {
    apiKeys = parseApiKeys(raw('apiKeys'));
  } catch (error) {
    throw new ConfigError(
      SERVICE_ENV.apiKeys,
      error instanceof EleanorError ? error.message : String(error),
    );
  }
  return {
    host,
    port: integer('port', 0, 65_535),
    apiKeys,
    keyRatePerSecond: integer('keyRatePerSecond', 1, 1_000_000),
    keyBurst: integer('keyBurst', 1, 1_000_000),
    bodyLimitBytes: integer('bodyLimitBytes', 1024, 1024 * 1024 * 1024),
    shutdownGraceMs: integer('shutdownGraceMs', 0, 600_000),
    logFile: raw('logFile'),
    sources,
    warnings,
  };
}

/** Whether `host` is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

/** Refuses to serve beyond loopback without API keys. */
export function assertSafeToListen(config: Pick<ServiceConfig, 'host' | 'apiKeys'>): void {
  if (config.apiKeys.length === 0 && !isLoopback(config.host)) {
    throw new ConfigError(
      SERVICE_ENV.apiKeys,
      `the service would listen on ${config.host}, beyond loopback, with no API keys; set ${SERVICE_ENV.apiKeys} (comma-separated label:secret pairs) or listen on 127.0.0.1`,
    );
  }
}
