/**
 * The cache's part of the engine configuration, read from the environment at the edge:
 * `ELEANOR_CACHE` (memory | redis | off), `ELEANOR_REDIS_URL`, `ELEANOR_CACHE_TTL_MS` and
 * `ELEANOR_CACHE_MAX_ENTRIES`. Bad values warn and fall back to the default.
 */
import type { ConfigWarning } from '../orchestrator/config.js';
import { redactUrl } from '../store/cache/redis-layer.js';
import { DEFAULT_CACHE_MAX_ENTRIES, DEFAULT_CACHE_TTL_MS } from '../store/cache/critic-cache.js';

export type CacheKind = 'memory' | 'redis' | 'off';

export interface CacheConfig {
  /** `memory` (L1 only), `redis` (L1 in front of Redis) or `off`. */
  kind: CacheKind;
  /** Set when `kind` is `redis`. */
  redisUrl: string | undefined;
  ttlMs: number;
  maxEntries: number;
}

export const CACHE_ENV = {
  cache: 'ELEANOR_CACHE',
  redisUrl: 'ELEANOR_REDIS_URL',
  ttlMs: 'ELEANOR_CACHE_TTL_MS',
  maxEntries: 'ELEANOR_CACHE_MAX_ENTRIES',
} as const;

export const DEFAULT_CACHE_CONFIG: Readonly<CacheConfig> = {
  kind: 'memory',
  redisUrl: undefined,
  ttlMs: DEFAULT_CACHE_TTL_MS,
  maxEntries: DEFAULT_CACHE_MAX_ENTRIES,
};

const KINDS: readonly string[] = ['memory', 'redis', 'off'];
const MAX_TTL_MS = 365 * 24 * 3_600_000;
const MAX_ENTRIES = 100_000_000;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the cache configuration. The default is `memory`, or `redis` when `ELEANOR_REDIS_URL`
 * is set; `redis` without a usable URL warns and falls back to `memory`.
 */
export function cacheConfigFromEnv(env: Env, warnings: ConfigWarning[]): CacheConfig {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const redisUrl = readRedisUrl(get(CACHE_ENV.redisUrl), warnings);
  const fallback: CacheKind = redisUrl === undefined ? 'memory' : 'redis';
  let kind: CacheKind = fallback;
  const rawKind = get(CACHE_ENV.cache)?.toLowerCase();
  if (rawKind !== undefined) {
    if (KINDS.includes(rawKind)) kind = rawKind as CacheKind;
    else
      warnings.push({
        variable: CACHE_ENV.cache,
        value: rawKind,
        message: `expected memory, redis or off; using ${fallback}`,
      });
  }
  if (kind === 'redis' && redisUrl === undefined) {
    warnings.push({
      variable: CACHE_ENV.cache,
      value: 'redis',
      message: `needs ${CACHE_ENV.redisUrl} (a redis:// URL); using memory`,
    });
    kind = 'memory';
  }
  return {
    kind,
    redisUrl: kind === 'redis' ? redisUrl : undefined,
    ttlMs: readInteger(
      get(CACHE_ENV.ttlMs),
      CACHE_ENV.ttlMs,
      DEFAULT_CACHE_TTL_MS,
      MAX_TTL_MS,
      warnings,
    ),
    maxEntries: readInteger(
      get(CACHE_ENV.maxEntries),
      CACHE_ENV.maxEntries,
      DEFAULT_CACHE_MAX_ENTRIES,
      MAX_ENTRIES,
      warnings,
    ),
  };
}

function readRedisUrl(raw: string | undefined, warnings: ConfigWarning[]): string | undefined {
  if (raw === undefined) return undefined;
  if (URL.canParse(raw) && /^rediss?:$/.test(new URL(raw).protocol)) return raw;
  warnings.push({
    variable: CACHE_ENV.redisUrl,
    value: redactUrl(raw),
    message: 'expected a redis:// or rediss:// URL; Redis stays off',
  });
  return undefined;
}

function readInteger(
  raw: string | undefined,
  variable: string,
  fallback: number,
  max: number,
  warnings: ConfigWarning[],
): number {
  if (raw === undefined) return fallback;
  if (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= max) return Number(raw);
  warnings.push({
    variable,
    value: raw,
    message: `expected an integer in 1…${max}; using the default (${fallback})`,
  });
  return fallback;
}
