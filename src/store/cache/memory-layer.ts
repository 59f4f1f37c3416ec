/**
 * The memory layer (L1): serialised outputs in an LRU bounded by entry count and by total size,
 * each entry living `ttlMs`. Values are strings, so every hit hands out a fresh object that no
 * caller can mutate into the cache, and a memory hit equals a Redis hit byte for byte.
 */
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../orchestrator/clock.js';
import type { MemoryLayerStats } from './types.js';

export interface MemoryLayerOptions {
  ttlMs: number;
  maxEntries: number;
  /** Total characters of keys and values held at most. */
  maxChars: number;
  clock: Clock;
}

export class MemoryLayer {
  private readonly lru: LRUCache<string, string>;
  private hits = 0;
  private misses = 0;
  private writes = 0;

  constructor(options: MemoryLayerOptions) {
    const { clock } = options;
    this.lru = new LRUCache<string, string>({
      max: options.maxEntries,
      maxSize: options.maxChars,
      sizeCalculation: (value, key) => value.length + key.length,
      ttl: options.ttlMs,
      // Expired entries are dropped when read or evicted: no timer per entry.
      ttlAutopurge: false,
      perf: { now: () => clock.now() },
      // Read the injected clock on every check (lru-cache otherwise caches it on a real timer).
      ttlResolution: 0,
    });
  }

  get(key: string): string | undefined {
    const value = this.lru.get(key);
    if (value === undefined) this.misses++;
    else this.hits++;
    return value;
  }

  set(key: string, value: string): void {
    this.lru.set(key, value);
    this.writes++;
  }

  /** Fills the layer from the Redis layer: not counted as a write of a fresh result. */
  fill(key: string, value: string): void {
    this.lru.set(key, value);
  }

  stats(): MemoryLayerStats {
    return { hits: this.hits, misses: this.misses, writes: this.writes, entries: this.lru.size };
  }

  clear(): void {
    this.lru.clear();
  }
}
