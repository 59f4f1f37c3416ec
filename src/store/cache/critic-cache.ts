/**
 * The two-level critic-result cache: memory (L1) in front of an optional Redis layer (L2), with
 * the single flight that lets concurrent identical lookups share one execution. Values are the
 * JSON of critic outputs. The orchestrator hooks (`cacheHooks`) decide what is looked
 * up and what is stored; this object only keeps and counts.
 */
import { checkInteger, checkObject } from '../../orchestrator/check.js';
import { systemClock } from '../../orchestrator/clock.js';
import { InvalidOptionError } from '../../orchestrator/errors.js';
import { MemoryLayer } from './memory-layer.js';
import { SingleFlight } from './single-flight.js';
import type {
  CacheBackend,
  CacheHealth,
  CacheStats,
  CriticCacheOptions,
  RemoteLayer,
} from './types.js';

export const DEFAULT_CACHE_TTL_MS = 3_600_000;
export const DEFAULT_CACHE_MAX_ENTRIES = 50_000;
export const DEFAULT_CACHE_MAX_CHARS = 64 * 1024 * 1024;
const MAX_TTL_MS = 365 * 24 * 3_600_000;

export interface CriticCache {
  readonly backend: CacheBackend;
  /** The entry time-to-live, in both layers. */
  readonly ttlMs: number;
  /** Shares one execution among concurrent identical lookups. */
  readonly flights: SingleFlight;
  /** Looks `key` up in memory. */
  getLocal(key: string): string | undefined;
  /** Looks `key` up in Redis and fills memory on a hit; `undefined` when there is no Redis layer. */
  getRemote(key: string): Promise<string | undefined> | undefined;
  /** Stores a fresh result in both layers (Redis in the background). */
  set(key: string, value: string): void;
  /** Counts a successful output that was not stored (invalid or not serialisable). */
  reject(): void;
  stats(): CacheStats;
  health(): CacheHealth;
  /** Empties the memory layer (Redis entries expire by their TTL). */
  clear(): void;
  /** Disconnects the Redis layer. */
  close(): Promise<void>;
}

/** Builds a cache. Throws {@link InvalidOptionError} naming a bad option. */
export function createCriticCache(options: CriticCacheOptions = {}): CriticCache {
  checkObject(options, 'cache options');
  return new TwoLevelCache(options);
}

const REMOTE_METHODS = ['get', 'set', 'stats', 'close'] as const;

function checkRemote(value: unknown): RemoteLayer | undefined {
  if (value === undefined) return undefined;
  const methods =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (!REMOTE_METHODS.every((m) => typeof methods[m] === 'function')) {
    throw new InvalidOptionError('cache.remote', 'a remote layer (createRedisLayer)', value);
  }
  return value as RemoteLayer;
}

class TwoLevelCache implements CriticCache {
  readonly backend: CacheBackend;
  readonly ttlMs: number;
  readonly flights: SingleFlight;
  private readonly memory: MemoryLayer;
  private readonly remote: RemoteLayer | undefined;
  private rejected = 0;

  constructor(options: CriticCacheOptions) {
    const clock = options.clock ?? systemClock;
    this.ttlMs = checkInteger(options.ttlMs ?? DEFAULT_CACHE_TTL_MS, 'cache.ttlMs', 1, MAX_TTL_MS);
    this.memory = new MemoryLayer({
      ttlMs: this.ttlMs,
      maxEntries: checkInteger(
        options.maxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
        'cache.maxEntries',
        1,
        100_000_000,
      ),
      maxChars: checkInteger(
        options.maxChars ?? DEFAULT_CACHE_MAX_CHARS,
        'cache.maxChars',
        1,
        Number.MAX_SAFE_INTEGER,
      ),
      clock,
    });
    this.remote = checkRemote(options.remote);
    this.backend = this.remote === undefined ? 'memory' : 'redis';
    this.flights = new SingleFlight(clock);
  }

  getLocal(key: string): string | undefined {
    return this.memory.get(key);
  }

  getRemote(key: string): Promise<string | undefined> | undefined {
    const remote = this.remote;
    if (remote === undefined) return undefined;
    return remote.get(key).then((value) => {
      if (value !== undefined) this.memory.fill(key, value);
      return value;
    });
  }

  set(key: string, value: string): void {
    this.memory.set(key, value);
    this.remote?.set(key, value);
  }

  reject(): void {
    this.rejected++;
  }

  stats(): CacheStats {
    const stats: CacheStats = {
      backend: this.backend,
      degraded: this.remote?.degraded === true,
      l1: this.memory.stats(),
      singleFlight: this.flights.stats(),
      rejected: this.rejected,
    };
    if (this.remote !== undefined) stats.l2 = this.remote.stats();
    return stats;
  }

  health(): CacheHealth {
    const remote = this.remote;
    if (remote === undefined) return { status: 'ok', backend: this.backend };
    const lastError = remote.lastError;
    return {
      status: remote.degraded ? 'degraded' : 'ok',
      backend: this.backend,
      l2: { state: remote.stats().state, ...(lastError === undefined ? {} : { lastError }) },
    };
  }

  clear(): void {
    this.memory.clear();
  }

  close(): Promise<void> {
    return this.remote?.close() ?? Promise.resolve();
  }
}
