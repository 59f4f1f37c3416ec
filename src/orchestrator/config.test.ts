import { describe, expect, it } from 'vitest';
import {
  configFromEnv,
  configFromFile,
  DEFAULT_CONFIG,
  ENV_VARIABLES,
  orchestratorOptionsFromConfig,
  parseBoolean,
} from './config.js';
import type { EleanorConfig } from './config.js';
import { ConfigError } from './errors.js';

const BOOLEAN_KEYS = [
  'enableGating',
  'enableRetries',
  'strictValidation',
  'failOnValidation',
  'enforceSingleCriticPipeline',
  'allowLegacyCriticRunner',
] as const;

describe('parseBoolean', () => {
  it.each([
    ['1', true],
    ['0', false],
    ['true', true],
    ['false', false],
    ['yes', true],
    ['no', false],
    ['on', true],
    ['off', false],
    ['TRUE', true],
    ['False', false],
    ['YeS', true],
    ['NO', false],
    ['On', true],
    ['oFF', false],
    ['  yes\n', true],
  ])('reads %j as %s', (text, value) => {
    expect(parseBoolean(text)).toBe(value);
  });

  it.each(['', 'maybe', '2', 'y', 'n', 'enabled', 'truee', '1.0'])(
    'returns undefined for %j',
    (text) => {
      expect(parseBoolean(text)).toBeUndefined();
    },
  );
});

describe('configFromEnv', () => {
  it('uses the defaults, all reported as defaults, when nothing is set', () => {
    const loaded = configFromEnv({});
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
    expect(Object.values(loaded.sources).every((source) => source === 'default')).toBe(true);
    expect(loaded.warnings).toEqual([]);
  });

  it('names the variables DESIGN.md lists', () => {
    expect(Object.values(ENV_VARIABLES).sort()).toEqual([
      'ELEANOR_ALLOW_LEGACY_CRITIC_RUNNER',
      'ELEANOR_ENFORCE_SINGLE_CRITIC_PIPELINE',
      'ELEANOR_ORCHESTRATOR',
      'ELEANOR_ORCHESTRATOR_ENABLE_GATING',
      'ELEANOR_ORCHESTRATOR_ENABLE_RETRIES',
      'ELEANOR_ORCHESTRATOR_FAIL_ON_VALIDATION',
      'ELEANOR_ORCHESTRATOR_GLOBAL_TIMEOUT',
      'ELEANOR_ORCHESTRATOR_MAX_CONCURRENT',
      'ELEANOR_ORCHESTRATOR_STRICT_VALIDATION',
    ]);
  });

  it.each<[string, string, keyof EleanorConfig, EleanorConfig[keyof EleanorConfig]]>([
    ['ELEANOR_ORCHESTRATOR', 'simple', 'orchestrator', 'simple'],
    ['ELEANOR_ORCHESTRATOR', ' Production ', 'orchestrator', 'production'],
    ['ELEANOR_ORCHESTRATOR_MAX_CONCURRENT', '32', 'maxConcurrent', 32],
    ['ELEANOR_ORCHESTRATOR_MAX_CONCURRENT', '1', 'maxConcurrent', 1],
    ['ELEANOR_ORCHESTRATOR_ENABLE_GATING', 'off', 'enableGating', false],
    ['ELEANOR_ORCHESTRATOR_ENABLE_RETRIES', 'no', 'enableRetries', false],
    ['ELEANOR_ORCHESTRATOR_STRICT_VALIDATION', '0', 'strictValidation', false],
    ['ELEANOR_ORCHESTRATOR_FAIL_ON_VALIDATION', 'true', 'failOnValidation', true],
    ['ELEANOR_ORCHESTRATOR_GLOBAL_TIMEOUT', '30', 'globalTimeoutMs', 30_000],
    ['ELEANOR_ENFORCE_SINGLE_CRITIC_PIPELINE', 'false', 'enforceSingleCriticPipeline', false],
    ['ELEANOR_ALLOW_LEGACY_CRITIC_RUNNER', '1', 'allowLegacyCriticRunner', true],
  ])('reads %s=%j into %s', (variable, raw, key, value) => {
    const loaded = configFromEnv({ [variable]: raw });
    expect(loaded.config[key]).toBe(value);
    expect(loaded.sources[key]).toBe('env');
    expect(loaded.warnings).toEqual([]);
  });

  const spellings = [
    ['1', true],
    ['0', false],
    ['true', true],
    ['FALSE', false],
    ['Yes', true],
    ['no', false],
    ['ON', true],
    ['Off', false],
  ] as const;
  it.each(
    BOOLEAN_KEYS.flatMap((key) => spellings.map(([raw, value]) => [key, raw, value] as const)),
  )('reads boolean %s from the spelling %j as %s', (key, raw, value) => {
    const loaded = configFromEnv({ [ENV_VARIABLES[key]]: raw });
    expect(loaded.config[key]).toBe(value);
    expect(loaded.warnings).toEqual([]);
  });

  it.each([
    ['ELEANOR_ORCHESTRATOR', 'turbo', 'orchestrator'],
    ['ELEANOR_ORCHESTRATOR_MAX_CONCURRENT', '0', 'maxConcurrent'],
    ['ELEANOR_ORCHESTRATOR_MAX_CONCURRENT', '-3', 'maxConcurrent'],
    ['ELEANOR_ORCHESTRATOR_MAX_CONCURRENT', '2.5', 'maxConcurrent'],
    ['ELEANOR_ORCHESTRATOR_MAX_CONCURRENT', 'ten', 'maxConcurrent'],
    ['ELEANOR_ORCHESTRATOR_MAX_CONCURRENT', '1e3', 'maxConcurrent'],
    ['ELEANOR_ORCHESTRATOR_ENABLE_GATING', 'maybe', 'enableGating'],
    ['ELEANOR_ORCHESTRATOR_ENABLE_RETRIES', '2', 'enableRetries'],
    ['ELEANOR_ORCHESTRATOR_STRICT_VALIDATION', 'y', 'strictValidation'],
    ['ELEANOR_ORCHESTRATOR_FAIL_ON_VALIDATION', 'enabled', 'failOnValidation'],
    ['ELEANOR_ORCHESTRATOR_GLOBAL_TIMEOUT', 'soon', 'globalTimeoutMs'],
    ['ELEANOR_ENFORCE_SINGLE_CRITIC_PIPELINE', 'nope', 'enforceSingleCriticPipeline'],
    ['ELEANOR_ALLOW_LEGACY_CRITIC_RUNNER', 'please', 'allowLegacyCriticRunner'],
  ] as const)('warns about %s=%j and keeps the default', (variable, raw, key) => {
    const loaded = configFromEnv({ [variable]: raw });
    expect(loaded.config[key]).toBe(DEFAULT_CONFIG[key]);
    expect(loaded.sources[key]).toBe('default');
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toMatchObject({ variable, value: raw });
    expect(loaded.warnings[0]?.message).toMatch(/^expected .+; using the default \(.+\)$/);
  });

  it('says what was expected in a warning', () => {
    const [warning] = configFromEnv({ ELEANOR_ORCHESTRATOR_MAX_CONCURRENT: 'ten' }).warnings;
    expect(warning?.message).toBe(
      'expected an integer >= 1, got the string "ten"; using the default (10)',
    );
  });

  it.each([
    ['30', 30_000],
    ['0.5', 500],
    ['1.1', 1_100],
    ['.25', 250],
    ['2e1', 20_000],
    [' 45 ', 45_000],
  ])('reads a global timeout of %j seconds as %i ms', (raw, ms) => {
    const loaded = configFromEnv({ ELEANOR_ORCHESTRATOR_GLOBAL_TIMEOUT: raw });
    expect(loaded.config.globalTimeoutMs).toBe(ms);
    expect(loaded.warnings).toEqual([]);
  });

  it.each(['0', '0.0', '-5', '-0.5', 'abc', '10s', 'Infinity', 'NaN', '0x10', '1e-9'])(
    'warns about a global timeout of %j seconds and keeps no timeout',
    (raw) => {
      const loaded = configFromEnv({ ELEANOR_ORCHESTRATOR_GLOBAL_TIMEOUT: raw });
      expect(loaded.config.globalTimeoutMs).toBeUndefined();
      expect(loaded.warnings).toEqual([
        {
          variable: 'ELEANOR_ORCHESTRATOR_GLOBAL_TIMEOUT',
          value: raw,
          message: expect.stringContaining('a number of seconds > 0') as unknown,
        },
      ]);
      expect(loaded.warnings[0]?.message).toContain('using the default (none)');
    },
  );

  it.each(Object.entries(ENV_VARIABLES))('treats an empty %s as unset', (key, variable) => {
    const loaded = configFromEnv({ [variable]: '' });
    expect(loaded.sources[key as keyof EleanorConfig]).toBe('default');
    expect(loaded.warnings).toEqual([]);
  });

  it('lets the environment override the file, and the file override the defaults', () => {
    const file = { maxConcurrent: 4, enableGating: false, globalTimeoutMs: 9_000 };
    const loaded = configFromEnv({ ELEANOR_ORCHESTRATOR_MAX_CONCURRENT: '16' }, file);
    expect(loaded.config).toMatchObject({
      maxConcurrent: 16,
      enableGating: false,
      globalTimeoutMs: 9_000,
      enableRetries: true,
    });
    expect(loaded.sources).toMatchObject({
      maxConcurrent: 'env',
      enableGating: 'file',
      globalTimeoutMs: 'file',
      enableRetries: 'default',
    });
  });

  it('keeps the file value when the environment value is bad, and says so', () => {
    const loaded = configFromEnv(
      { ELEANOR_ORCHESTRATOR_MAX_CONCURRENT: 'lots' },
      { maxConcurrent: 4 },
    );
    expect(loaded.config.maxConcurrent).toBe(4);
    expect(loaded.sources.maxConcurrent).toBe('file');
    expect(loaded.warnings[0]?.message).toContain('using the file value (4)');
  });

  it('rejects a bad file value handed in directly and keeps the default', () => {
    const loaded = configFromEnv({}, { maxConcurrent: 0 });
    expect(loaded.config.maxConcurrent).toBe(10);
    expect(loaded.sources.maxConcurrent).toBe('default');
    expect(loaded.warnings).toEqual([
      {
        variable: 'maxConcurrent',
        value: '0',
        message: expect.stringContaining('>= 1') as unknown,
      },
    ]);
  });

  it('treats an undefined file value as absent', () => {
    const loaded = configFromEnv({}, { globalTimeoutMs: undefined });
    expect(loaded.sources.globalTimeoutMs).toBe('default');
    expect(loaded.warnings).toEqual([]);
  });

  it('ignores unrelated environment variables', () => {
    const loaded = configFromEnv({ PATH: '/usr/bin', ELEANOR_OTHER: 'x' });
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
    expect(loaded.warnings).toEqual([]);
  });
});

describe('configFromFile', () => {
  it('keeps every valid setting', () => {
    const json = {
      orchestrator: 'simple',
      maxConcurrent: 3,
      enableGating: false,
      globalTimeoutMs: 2_500,
      allowLegacyCriticRunner: true,
    };
    expect(configFromFile(json)).toEqual({ config: json, warnings: [] });
  });

  it('warns about an unknown key and drops it', () => {
    const { config, warnings } = configFromFile({ maxConcurrency: 3 });
    expect(config).toEqual({});
    expect(warnings).toEqual([
      {
        variable: 'maxConcurrency',
        value: '3',
        message: expect.stringContaining('unknown setting') as unknown,
      },
    ]);
  });

  it.each([
    ['orchestrator', 'turbo'],
    ['maxConcurrent', 0],
    ['maxConcurrent', 2.5],
    ['maxConcurrent', '4'],
    ['enableGating', 'yes'],
    ['globalTimeoutMs', -1],
    ['globalTimeoutMs', 0],
    ['globalTimeoutMs', null],
  ])('warns about %s = %j and drops it', (key, value) => {
    const { config, warnings } = configFromFile({ [key]: value, enableRetries: false });
    expect(config).toEqual({ enableRetries: false });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.variable).toBe(key);
    expect(warnings[0]?.message).toMatch(
      /^expected .+; using the default \(.+\) unless the environment sets it$/,
    );
  });

  it.each([null, [], 'maxConcurrent=3', 42, undefined])('throws a ConfigError for %j', (json) => {
    expect(() => configFromFile(json)).toThrow(ConfigError);
  });
});

describe('orchestratorOptionsFromConfig', () => {
  it('maps every setting onto the orchestrator options and omits an absent timeout', () => {
    const options = orchestratorOptionsFromConfig(DEFAULT_CONFIG);
    expect(options).toEqual({
      kind: 'production',
      maxConcurrent: 10,
      enableGating: true,
      enableRetries: true,
      strictValidation: true,
      failOnValidation: false,
    });
    expect('globalTimeoutMs' in options).toBe(false);
  });

  it('passes a configured global timeout through in milliseconds', () => {
    const { config } = configFromEnv({ ELEANOR_ORCHESTRATOR_GLOBAL_TIMEOUT: '2.5' });
    expect(orchestratorOptionsFromConfig(config).globalTimeoutMs).toBe(2_500);
  });
});
