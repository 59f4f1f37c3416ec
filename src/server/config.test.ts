import { describe, expect, it } from 'vitest';
import { ConfigError } from '../orchestrator/errors.js';
import {
  DEFAULT_SERVICE_CONFIG,
  assertSafeToListen,
  isLoopback,
  serviceConfigFromEnv,
} from './config.js';

const KEY = 'k'.repeat(24);

describe('serviceConfigFromEnv', () => {
  it('uses the defaults: loopback, port 8787, no keys, 1 MB bodies', () => {
    const config = serviceConfigFromEnv({});
    expect(config).toMatchObject({
      ...DEFAULT_SERVICE_CONFIG,
      apiKeys: [],
      logFile: undefined,
      warnings: [],
    });
    expect(Object.values(config.sources).every((s) => s === 'default')).toBe(true);
  });

  it('reads every variable and says where each value came from', () => {
    const config = serviceConfigFromEnv({
      ELEANOR_HOST: '0.0.0.0',
      ELEANOR_PORT: '9000',
      ELEANOR_API_KEYS: `ci:${KEY}`,
      ELEANOR_KEY_RATE_PER_SECOND: '5',
      ELEANOR_KEY_BURST: '10',
      ELEANOR_BODY_LIMIT_BYTES: '2048',
      ELEANOR_SHUTDOWN_GRACE_MS: '500',
      ELEANOR_LOG_FILE: 'logs/engine.log',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      apiKeys: [{ label: 'ci', secret: KEY }],
      keyRatePerSecond: 5,
      keyBurst: 10,
      bodyLimitBytes: 2048,
      shutdownGraceMs: 500,
      logFile: 'logs/engine.log',
    });
    expect(Object.values(config.sources).every((s) => s === 'env')).toBe(true);
  });

  it.each([
    ['ELEANOR_PORT', '70000', 'port'],
    ['ELEANOR_PORT', 'eighty', 'port'],
    ['ELEANOR_KEY_RATE_PER_SECOND', '0', 'keyRatePerSecond'],
    ['ELEANOR_BODY_LIMIT_BYTES', '-1', 'bodyLimitBytes'],
  ] as const)('warns about %s=%s and uses the default', (variable, value, field) => {
    const config = serviceConfigFromEnv({ [variable]: value });
    expect(config[field]).toBe(DEFAULT_SERVICE_CONFIG[field]);
    expect(config.sources[field]).toBe('default');
    expect(config.warnings).toHaveLength(1);
    expect(config.warnings[0]).toMatchObject({ variable, value });
    expect(config.warnings[0]?.message).toMatch(/expected an integer/);
  });

  it('refuses malformed API keys with a ConfigError naming the variable', () => {
    expect(() => serviceConfigFromEnv({ ELEANOR_API_KEYS: 'ci:short' })).toThrow(ConfigError);
    expect(() => serviceConfigFromEnv({ ELEANOR_API_KEYS: 'ci:short' })).toThrow(
      /^ELEANOR_API_KEYS: .*at least 16 characters/,
    );
  });
});

describe('listening safely', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['eleanor.internal', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it('refuses to listen beyond loopback without keys, and allows it with keys', () => {
    expect(() => {
      assertSafeToListen({ host: '0.0.0.0', apiKeys: [] });
    }).toThrow(/beyond loopback, with no API keys/);
    expect(() => {
      assertSafeToListen({ host: '0.0.0.0', apiKeys: [{ label: 'ci', secret: KEY }] });
    }).not.toThrow();
    expect(() => {
      assertSafeToListen({ host: '127.0.0.1', apiKeys: [] });
    }).not.toThrow();
  });
});
