import { describe, expect, it } from 'vitest';
import type { Clock } from '../../orchestrator/clock.js';
import { InvalidOptionError } from '../../orchestrator/errors.js';
import { createCriticCache } from './critic-cache.js';
import type { RemoteLayer, RemoteLayerStats } from './types.js';

/** A clock whose time only moves when the test says so (TTLs read `now`). */
function manualClock(): Clock & { advance(ms: number): void } {
  let t = 1000; // lru-cache reads a start time of 0 as "no TTL"
  return {
    now: () => t,
    setTimeout: () => undefined,
    clearTimeout: () => undefined,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A remote layer kept in a Map, standing in for Redis where Redis is not the point. */
function mapRemote(): RemoteLayer & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const stats: RemoteLayerStats = { hits: 0, misses: 0, writes: 0, errors: 0, state: 'ready' };
  return {
    entries,
    degraded: false,
    lastError: undefined,
    get: (key) => {
      const value = entries.get(key);
      if (value === undefined) stats.misses++;
      else stats.hits++;
      return Promise.resolve(value);
    },
    set: (key, value) => {
      entries.set(key, value);
      stats.writes++;
    },
    stats: () => ({ ...stats }),
    close: () => Promise.resolve(),
  };
}

describe('createCriticCache', () => {
  it('keeps values in memory and counts hits, misses and writes', () => {
    const cache = createCriticCache();
    expect(cache.getLocal('k')).toBeUndefined();
    cache.set('k', '{"score":0}');
    expect(cache.getLocal('k')).toBe('{"score":0}');
    expect(cache.stats()).toEqual({
      backend: 'memory',
      degraded: false,
      l1: { hits: 1, misses: 1, writes: 1, entries: 1 },
      singleFlight: { joins: 0, shared: 0, fellThrough: 0, inFlight: 0 },
      rejected: 0,
    });
    expect(cache.health()).toEqual({ status: 'ok', backend: 'memory' });
    expect(cache.getRemote('k')).toBeUndefined();
  });

  it('forgets an entry once its TTL has passed', () => {
    const clock = manualClock();
    const cache = createCriticCache({ ttlMs: 1000, clock });
    cache.set('k', 'v');
    clock.advance(999);
    expect(cache.getLocal('k')).toBe('v');
    clock.advance(2);
    expect(cache.getLocal('k')).toBeUndefined();
  });

  it('drops the least recently used entry past maxEntries', () => {
    const cache = createCriticCache({ maxEntries: 2 });
    cache.set('a', '1');
    cache.set('b', '2');
    cache.getLocal('a');
    cache.set('c', '3');
    expect(cache.getLocal('b')).toBeUndefined();
    expect(cache.getLocal('a')).toBe('1');
    expect(cache.stats().l1.entries).toBe(2);
  });

  it('bounds the memory layer by the size of what it holds', () => {
    const cache = createCriticCache({ maxChars: 100 });
    cache.set('a', 'x'.repeat(60));
    cache.set('b', 'y'.repeat(40));
    expect(cache.getLocal('a')).toBeUndefined();
    expect(cache.getLocal('b')).toBe('y'.repeat(40));
  });

  it('writes through to the remote layer and fills memory from a remote hit', async () => {
    const remote = mapRemote();
    const writer = createCriticCache({ remote });
    writer.set('k', 'v');
    expect(remote.entries.get('k')).toBe('v');
    // Another process: its memory is empty, Redis is shared.
    const reader = createCriticCache({ remote });
    expect(reader.getLocal('k')).toBeUndefined();
    expect(await reader.getRemote('k')).toBe('v');
    expect(reader.getLocal('k')).toBe('v');
    expect(reader.stats()).toMatchObject({ backend: 'redis', l1: { writes: 0, hits: 1 } });
    expect(reader.health()).toEqual({ status: 'ok', backend: 'redis', l2: { state: 'ready' } });
  });

  it.each([
    [{ ttlMs: 0 }, 'cache.ttlMs'],
    [{ ttlMs: 1.5 }, 'cache.ttlMs'],
    [{ maxEntries: -1 }, 'cache.maxEntries'],
    [{ maxChars: Number.NaN }, 'cache.maxChars'],
    [{ remote: { get: () => undefined } }, 'cache.remote'],
  ])('rejects the options %j, naming %s', (options, field) => {
    const build = (): unknown => createCriticCache(options as never);
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(new RegExp(`\`${field.replace('.', '\\.')}\``));
  });
});
