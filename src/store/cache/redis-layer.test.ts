import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Redis } from 'ioredis';
import { InvalidOptionError } from '../../orchestrator/errors.js';
import { fakeLogger, REQUEST } from '../../orchestrator/test-helpers/fixtures.js';
import { createCriticCache } from './critic-cache.js';
import { createRedisLayer, redactUrl, type RedisLayerOptions } from './redis-layer.js';
import {
  adminClient,
  deadPort,
  deleteKeys,
  REDIS_URL,
  stallingRedis,
  testPrefix,
} from './test-helpers/redis.js';
import { counting, wired } from './test-helpers/wired.js';
import type { RemoteLayer } from './types.js';

describe('the Redis layer', () => {
  let admin: Redis;
  let prefix: string;
  const layers: RemoteLayer[] = [];

  const layer = (options: Partial<RedisLayerOptions> = {}): RemoteLayer => {
    const made = createRedisLayer({ url: REDIS_URL, ttlMs: 60_000, prefix, ...options });
    layers.push(made);
    return made;
  };

  beforeEach(() => {
    admin = adminClient();
    prefix = testPrefix();
  });

  afterEach(async () => {
    await Promise.all(layers.splice(0).map((l) => l.close()));
    await deleteKeys(admin, prefix);
    await admin.quit();
  });

  it('stores values under its prefix with the TTL, and any layer on the server reads them', async () => {
    const writer = layer();
    await vi.waitFor(() => {
      expect(writer.stats().state).toBe('ready');
    });
    writer.set('k1', '{"score":0}');
    await vi.waitFor(() => {
      expect(writer.stats().writes).toBe(1);
    });
    const ttl = await admin.pttl(`${prefix}k1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    const reader = layer();
    await vi.waitFor(() => {
      expect(reader.stats().state).toBe('ready');
    });
    expect(await reader.get('k1')).toBe('{"score":0}');
    expect(await reader.get('absent')).toBeUndefined();
    expect(reader.stats()).toMatchObject({ hits: 1, misses: 1, errors: 0, state: 'ready' });
    expect(reader.degraded).toBe(false);
  });

  it('misses at once and reports itself degraded when nothing listens, and evaluations go on', async () => {
    const logger = fakeLogger();
    const port = await deadPort();
    const remote = layer({ url: `redis://127.0.0.1:${String(port)}`, logger });
    await vi.waitFor(() => {
      expect(remote.stats().state).toBe('down');
    });
    expect(await remote.get('k')).toBeUndefined();
    expect(remote.degraded).toBe(true);
    expect(remote.lastError).toMatch(/ECONNREFUSED/);
    expect(logger.messages('warn')).toEqual([
      'Cache Redis layer unavailable; serving from memory until it returns',
    ]);

    const critic = counting('quick_safety', () => ({ value: 'pass', score: 0 }));
    const cache = createCriticCache({ remote });
    const { orchestrator } = wired([critic.spec], {}, cache);
    expect((await orchestrator.run(REQUEST)).results['quick_safety']?.status).toBe('success');
    expect((await orchestrator.run(REQUEST)).results['quick_safety']?.fromCache).toBe(true);
    expect(critic.calls).toBe(1);
    expect(cache.stats()).toMatchObject({ degraded: true, l2: { state: 'down' } });
    expect(cache.stats().l2?.errors).toBeGreaterThanOrEqual(2);
    expect(cache.health()).toMatchObject({ status: 'degraded', l2: { state: 'down' } });
  });

  it('times a hung server out, reports degraded, and recovers when it answers again', async () => {
    const fake = await stallingRedis();
    try {
      const remote = layer({ url: fake.url, commandTimeoutMs: 50 });
      await vi.waitFor(() => {
        expect(remote.stats().state).toBe('ready');
      });
      expect(await remote.get('k')).toBeUndefined();
      expect(remote.degraded).toBe(true);
      expect(remote.lastError).toMatch(/timed out/i);
      expect(remote.stats()).toMatchObject({ errors: 1, state: 'ready' });
      fake.answer();
      expect(await remote.get('k')).toBeUndefined();
      expect(remote.degraded).toBe(false);
      expect(remote.lastError).toBeUndefined();
      expect(remote.stats()).toMatchObject({ misses: 1, errors: 1 });
    } finally {
      await fake.close();
    }
  });

  it('reconnects by itself after its connection is killed', async () => {
    const logger = fakeLogger();
    const name = `eleanor-test-${prefix.split(':')[1] ?? ''}`;
    const remote = layer({ connectionName: name, logger });
    await vi.waitFor(() => {
      expect(remote.stats().state).toBe('ready');
    });
    const clients = (await admin.client('LIST')) as string;
    const id = /id=(\d+) [^\n]* name=(\S+)/g;
    const ours = [...clients.matchAll(id)].find((m) => m[2] === name)?.[1];
    expect(ours).toBeDefined();
    await admin.client('KILL', 'ID', ours as string);
    await vi.waitFor(() => {
      expect(logger.messages('info')).toContain('Cache Redis layer reconnected; cache recovered');
    });
    expect(logger.messages('warn')).toEqual([
      'Cache Redis layer unavailable; serving from memory until it returns',
    ]);
    expect(remote.degraded).toBe(false);
    remote.set('after', 'v');
    await vi.waitFor(async () => {
      expect(await admin.get(`${prefix}after`)).toBe('v');
    });
  });

  it('rejects a URL that is not redis:// without echoing its password', () => {
    const build = (): unknown => createRedisLayer({ url: 'http://u:secret@host', ttlMs: 1 });
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(build).not.toThrow(/secret/);
    expect(redactUrl('redis://u:secret@host:6379/0')).toBe('redis://u:***@host:6379/0');
  });

  it('rejects a TTL or timeout that is not a positive integer, naming it', () => {
    expect(() => createRedisLayer({ url: REDIS_URL, ttlMs: 0 })).toThrow(/`redis\.ttlMs`/);
    expect(() => createRedisLayer({ url: REDIS_URL, ttlMs: 1, commandTimeoutMs: -5 })).toThrow(
      /`redis\.commandTimeoutMs`/,
    );
  });
});
