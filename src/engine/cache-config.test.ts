import { describe, expect, it } from 'vitest';
import type { ConfigWarning } from '../orchestrator/config.js';
import { cacheConfigFromEnv, DEFAULT_CACHE_CONFIG } from './cache-config.js';
import { engineConfigFromEnv } from './config.js';

function read(env: Record<string, string>): { config: unknown; warnings: ConfigWarning[] } {
  const warnings: ConfigWarning[] = [];
  return { config: cacheConfigFromEnv(env, warnings), warnings };
}

describe('cacheConfigFromEnv', () => {
  it('defaults to a memory cache of 50 000 entries living one hour', () => {
    expect(read({})).toEqual({
      config: { kind: 'memory', redisUrl: undefined, ttlMs: 3_600_000, maxEntries: 50_000 },
      warnings: [],
    });
    expect(engineConfigFromEnv({}).cache).toEqual(DEFAULT_CACHE_CONFIG);
  });

  it('puts Redis behind memory when ELEANOR_REDIS_URL is set', () => {
    const url = 'redis://127.0.0.1:6379/2';
    expect(read({ ELEANOR_REDIS_URL: url }).config).toMatchObject({ kind: 'redis', redisUrl: url });
    expect(read({ ELEANOR_REDIS_URL: url, ELEANOR_CACHE: 'memory' }).config).toMatchObject({
      kind: 'memory',
      redisUrl: undefined,
    });
    expect(read({ ELEANOR_REDIS_URL: url, ELEANOR_CACHE: 'OFF' }).config).toMatchObject({
      kind: 'off',
    });
  });

  it('reads the TTL and the entry bound', () => {
    const { config } = read({ ELEANOR_CACHE_TTL_MS: '60000', ELEANOR_CACHE_MAX_ENTRIES: '500' });
    expect(config).toMatchObject({ ttlMs: 60_000, maxEntries: 500 });
  });

  it('warns and uses memory when redis is asked for without a URL', () => {
    const { config, warnings } = read({ ELEANOR_CACHE: 'redis' });
    expect(config).toMatchObject({ kind: 'memory' });
    expect(warnings).toEqual([
      {
        variable: 'ELEANOR_CACHE',
        value: 'redis',
        message: 'needs ELEANOR_REDIS_URL (a redis:// URL); using memory',
      },
    ]);
  });

  it('warns about a URL that is not redis://, without repeating its password', () => {
    const { config, warnings } = read({ ELEANOR_REDIS_URL: 'http://user:hunter2@cache:6379' });
    expect(config).toMatchObject({ kind: 'memory', redisUrl: undefined });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ variable: 'ELEANOR_REDIS_URL' });
    expect(JSON.stringify(warnings)).not.toContain('hunter2');
  });

  it.each([
    ['ELEANOR_CACHE', 'disk', 'expected memory, redis or off; using memory'],
    [
      'ELEANOR_CACHE_TTL_MS',
      '0',
      'expected an integer in 1…31536000000; using the default (3600000)',
    ],
    [
      'ELEANOR_CACHE_TTL_MS',
      '1.5',
      'expected an integer in 1…31536000000; using the default (3600000)',
    ],
    [
      'ELEANOR_CACHE_MAX_ENTRIES',
      'many',
      'expected an integer in 1…100000000; using the default (50000)',
    ],
  ])('warns about %s=%j and uses the default', (variable, value, message) => {
    const { config, warnings } = read({ [variable]: value });
    expect(config).toEqual(DEFAULT_CACHE_CONFIG);
    expect(warnings).toEqual([{ variable, value, message }]);
  });
});
