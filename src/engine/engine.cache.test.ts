import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFinding } from '../critics/finding.js';
import type { CriticOutput, CriticSpec } from '../orchestrator/types.js';
import { createCriticCache } from '../store/cache/critic-cache.js';
import { createRedisLayer } from '../store/cache/redis-layer.js';
import {
  adminClient,
  deadPort,
  deleteKeys,
  REDIS_URL,
  testPrefix,
} from '../store/cache/test-helpers/redis.js';
import { engineConfigFromEnv } from './config.js';
import { createEngine, type Engine } from './engine.js';

const CONFIG = engineConfigFromEnv({});
const REQUEST = {
  input: 'How do I reset my password? My email is bob@example.com',
  output: 'Open the settings page. You must always obey the admin. Call 555-123-4567.',
  context: { riskTier: 'high' as const },
};

/** A cacheable critic that counts its executions. */
function countingCritic(name: string, extra: Partial<CriticSpec> = {}) {
  const counter = { calls: 0 };
  const spec: CriticSpec = {
    name,
    reads: ['modelResponse'],
    maxRetries: 0,
    circuitBreaker: false,
    ...extra,
    evaluate: () => {
      counter.calls++;
      return buildFinding([], { clean: 'nothing found' }) as unknown as CriticOutput;
    },
  };
  return { spec, counter };
}

describe('the engine with its critic-result cache', () => {
  const engines: Engine[] = [];
  const engine = (...args: Parameters<typeof createEngine>): Engine => {
    const made = createEngine(...args);
    engines.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.close()));
  });

  it('serves a repeated request from the cache without changing its decision or audit hash', async () => {
    const e = engine({ config: CONFIG });
    const first = await e.evaluate({ ...REQUEST, traceId: 'first' });
    const second = await e.evaluate({ ...REQUEST, traceId: 'second' });
    const executed = Object.values(second.critics).filter((r) => r.status !== 'gated');
    expect(executed.length).toBeGreaterThan(10);
    expect(executed.every((r) => r.fromCache === true)).toBe(true);
    expect(second.decision).toBe(first.decision);
    expect(second.reasons).toEqual(first.reasons);
    expect(second.auditHash).toBe(first.auditHash);
    const metrics = e.metrics();
    expect(metrics.fromCache).toBe(executed.length);
    expect(metrics.cache).toMatchObject({
      backend: 'memory',
      degraded: false,
      l1: { hits: executed.length, misses: executed.length, writes: executed.length },
    });
  });

  it('runs every critic every time with `cache: false` or ELEANOR_CACHE=off', async () => {
    for (const options of [
      { config: CONFIG, cache: false as const },
      { config: engineConfigFromEnv({ ELEANOR_CACHE: 'off' }) },
    ]) {
      const { spec, counter } = countingCritic('quick_safety');
      const e = engine({ ...options, critics: [spec] });
      await e.evaluate(REQUEST);
      await e.evaluate(REQUEST);
      expect(counter.calls).toBe(2);
      expect(e.cache).toBeUndefined();
      expect(e.metrics().cache).toBeNull();
    }
  });

  it("never caches a failure hook's fallback output, and still calls the caller's hooks", async () => {
    let calls = 0;
    const seen: string[] = [];
    const failing: CriticSpec = {
      name: 'quick_safety',
      reads: ['modelResponse'],
      maxRetries: 0,
      circuitBreaker: false,
      evaluate: () => {
        calls++;
        throw new Error('model unavailable');
      },
    };
    const e = engine({
      config: CONFIG,
      critics: [failing],
      orchestrator: {
        hooks: {
          beforeAttempt: () => {
            seen.push('before');
            return undefined;
          },
          onFailure: () => ({ value: 'fallback', score: 0 }),
        },
      },
    });
    const first = await e.evaluate(REQUEST);
    expect(first.critics['quick_safety']).toMatchObject({ status: 'error', degraded: true });
    await e.evaluate(REQUEST);
    expect(calls).toBe(2);
    expect(seen).toEqual(['before', 'before']);
    expect(e.metrics().cache).toMatchObject({ l1: { writes: 0, entries: 0 } });
  });

  it('shares a cache passed in between engines and leaves it open on close', async () => {
    const cache = createCriticCache();
    const a = countingCritic('quick_safety');
    const b = countingCritic('quick_safety');
    const one = engine({ config: CONFIG, critics: [a.spec], cache });
    const two = engine({ config: CONFIG, critics: [b.spec], cache });
    await one.evaluate(REQUEST);
    await one.close();
    const result = await two.evaluate(REQUEST);
    expect(result.critics['quick_safety']?.fromCache).toBe(true);
    expect(a.counter.calls + b.counter.calls).toBe(1);
    expect(two.cache).toBe(cache);
  });

  it('goes on with memory when the configured Redis is unreachable, and says so', async () => {
    const port = await deadPort();
    const config = engineConfigFromEnv({ ELEANOR_REDIS_URL: `redis://127.0.0.1:${String(port)}` });
    expect(config.cache.kind).toBe('redis');
    const { spec, counter } = countingCritic('quick_safety');
    const e = engine({ config, critics: [spec] });
    expect((await e.evaluate(REQUEST)).decision).toBe('allow');
    expect((await e.evaluate(REQUEST)).critics['quick_safety']?.fromCache).toBe(true);
    expect(counter.calls).toBe(1);
    expect(e.metrics().cache).toMatchObject({ backend: 'redis', degraded: true });
    expect(e.cache?.health().status).toBe('degraded');
  });

  it('serves a result another engine stored in Redis', async () => {
    const prefix = testPrefix();
    const admin = adminClient();
    const remotes = [0, 1].map(() => createRedisLayer({ url: REDIS_URL, ttlMs: 60_000, prefix }));
    try {
      const caches = remotes.map((remote) => createCriticCache({ remote }));
      const a = countingCritic('quick_safety');
      const b = countingCritic('quick_safety');
      const one = engine({ config: CONFIG, critics: [a.spec], cache: caches[0] ?? false });
      const two = engine({ config: CONFIG, critics: [b.spec], cache: caches[1] ?? false });
      await vi.waitFor(() => {
        expect(remotes.map((r) => r.stats().state)).toEqual(['ready', 'ready']);
      });
      await one.evaluate(REQUEST);
      await vi.waitFor(() => {
        expect(remotes[0]?.stats().writes).toBe(1);
      });
      const result = await two.evaluate(REQUEST);
      expect(result.critics['quick_safety']?.fromCache).toBe(true);
      expect(b.counter.calls).toBe(0);
      expect(two.metrics().cache).toMatchObject({ l1: { misses: 1 }, l2: { hits: 1 } });
    } finally {
      await Promise.all(remotes.map((r) => r.close()));
      await deleteKeys(admin, prefix);
      await admin.quit();
    }
  });
});
