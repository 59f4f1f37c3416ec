/**
 * The critic-result cache's data contracts: what a cache layer does, what the two-level cache
 * reports about itself (stats and health), and the options that build it.
 */
import type { Clock } from '../../orchestrator/clock.js';

/** Which layers a cache has: memory only, or memory in front of Redis. */
export type CacheBackend = 'memory' | 'redis';

/** The Redis connection as the cache sees it. */
export type RemoteState = 'ready' | 'connecting' | 'down';

/** Counters of the memory layer (L1). */
export interface MemoryLayerStats {
  hits: number;
  misses: number;
  writes: number;
  /** Entries held now. */
  entries: number;
}

/** Counters of the Redis layer (L2). */
export interface RemoteLayerStats {
  hits: number;
  misses: number;
  writes: number;
  /** Commands that failed, timed out or were refused while disconnected. */
  errors: number;
  state: RemoteState;
}

/** Counters of the single flight: identical lookups sharing one execution. */
export interface SingleFlightStats {
  /** Lookups that found an identical execution running and waited for it. */
  joins: number;
  /** Joins that were served the running execution's output. */
  shared: number;
  /** Joins that ran the critic themselves (the execution failed, or the wait ran out). */
  fellThrough: number;
  /** Executions other lookups can join right now. */
  inFlight: number;
}

/** A snapshot of the cache's counters since it was built. */
export interface CacheStats {
  backend: CacheBackend;
  /** True while the Redis layer is unusable: lookups and writes go on with memory only. */
  degraded: boolean;
  l1: MemoryLayerStats;
  /** Absent for a memory-only cache. */
  l2?: RemoteLayerStats;
  singleFlight: SingleFlightStats;
  /** Successful outputs not stored: they failed validation or could not be serialised. */
  rejected: number;
}

/** Whether the cache works as configured. `degraded` still serves evaluations (from memory). */
export interface CacheHealth {
  status: 'ok' | 'degraded';
  backend: CacheBackend;
  /** The Redis layer, when there is one. */
  l2?: {
    state: RemoteState;
    /** The last Redis failure, until Redis answers again. */
    lastError?: string;
  };
}

/** A remote layer: string values by key with a TTL. Never throws; failures count as misses. */
export interface RemoteLayer {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): void;
  stats(): RemoteLayerStats;
  /** True when the layer cannot be used right now. */
  readonly degraded: boolean;
  readonly lastError: string | undefined;
  close(): Promise<void>;
}

/** Options of {@link createCriticCache}. */
export interface CriticCacheOptions {
  /** How long an entry lives, in both layers. @default 3600000 (one hour) */
  ttlMs?: number;
  /** Entries the memory layer holds at most (least recently used go first). @default 50000 */
  maxEntries?: number;
  /** Total characters of serialised outputs the memory layer holds at most. @default 67108864 */
  maxChars?: number;
  /** A Redis layer behind memory (see `createRedisLayer`). @default none */
  remote?: RemoteLayer;
  /** Drives TTLs and single-flight waits. @default the system clock */
  clock?: Clock;
}
