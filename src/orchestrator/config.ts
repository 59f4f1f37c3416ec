/**
 * Eleanor's configuration: defaults, overridden by a JSON file, overridden by the environment.
 * The core never reads the process environment: the edge (CLI, server) passes it in. Bad
 * values never throw; they produce a {@link ConfigWarning} and the lower layer's value is kept.
 */
import { z } from 'zod';
import { ConfigError, describeValue } from './errors.js';
import type { OrchestratorKind, OrchestratorOptions } from './types.js';

/** The settings Eleanor reads from its environment or a config file. */
export interface EleanorConfig {
  /** Which orchestrator runs critics; `simple` is the rollback path. @default 'production' */
  orchestrator: OrchestratorKind;
  /** Critic executions in flight, process-wide; an integer >= 1. @default 10 */
  maxConcurrent: number;
  /** Policy gating. @default true */
  enableGating: boolean;
  /** Retries. @default true */
  enableRetries: boolean;
  /** Validate critic outputs. @default true */
  strictValidation: boolean;
  /** A validation failure makes the result an `error`. @default false */
  failOnValidation: boolean;
  /** Deadline per run, in ms (the environment gives seconds). @default undefined (none) */
  globalTimeoutMs: number | undefined;
  /** Keep the legacy-runner guard on. @default true */
  enforceSingleCriticPipeline: boolean;
  /** Allow the deprecated legacy runner. @default false */
  allowLegacyCriticRunner: boolean;
}

/** Which layer a setting's value came from. */
export type ConfigSource = 'default' | 'file' | 'env';

/** A rejected value. Print it as `${variable}: ${message}`. */
export interface ConfigWarning {
  /** The environment variable, or the config-file key. */
  variable: string;
  /** The value as given. */
  value: string;
  /** What was expected and which value is used instead. */
  message: string;
}

/** A resolved configuration, where each setting came from, and what was rejected on the way. */
export interface LoadedConfig {
  config: EleanorConfig;
  sources: Record<keyof EleanorConfig, ConfigSource>;
  warnings: ConfigWarning[];
}

type ConfigKey = keyof EleanorConfig;

/** The values used when neither the file nor the environment sets one. */
export const DEFAULT_CONFIG: Readonly<EleanorConfig> = Object.freeze({
  orchestrator: 'production',
  maxConcurrent: 10,
  enableGating: true,
  enableRetries: true,
  strictValidation: true,
  failOnValidation: false,
  globalTimeoutMs: undefined,
  enforceSingleCriticPipeline: true,
  allowLegacyCriticRunner: false,
});

/** The environment variable that sets each setting. */
export const ENV_VARIABLES: Readonly<Record<ConfigKey, string>> = Object.freeze({
  orchestrator: 'ELEANOR_ORCHESTRATOR',
  maxConcurrent: 'ELEANOR_ORCHESTRATOR_MAX_CONCURRENT',
  enableGating: 'ELEANOR_ORCHESTRATOR_ENABLE_GATING',
  enableRetries: 'ELEANOR_ORCHESTRATOR_ENABLE_RETRIES',
  strictValidation: 'ELEANOR_ORCHESTRATOR_STRICT_VALIDATION',
  failOnValidation: 'ELEANOR_ORCHESTRATOR_FAIL_ON_VALIDATION',
  globalTimeoutMs: 'ELEANOR_ORCHESTRATOR_GLOBAL_TIMEOUT',
  enforceSingleCriticPipeline: 'ELEANOR_ENFORCE_SINGLE_CRITIC_PIPELINE',
  allowLegacyCriticRunner: 'ELEANOR_ALLOW_LEGACY_CRITIC_RUNNER',
});

const TRUE_WORDS: readonly string[] = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS: readonly string[] = ['0', 'false', 'no', 'off'];

/**
 * Reads a boolean the way the environment spells it: 1/0, true/false, yes/no, on/off, in any
 * case, surrounding whitespace ignored.
 *
 * @returns the boolean, or `undefined` when the text is none of those spellings
 */
export function parseBoolean(value: string): boolean | undefined {
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return undefined;
}

function parseKind(value: string): OrchestratorKind | undefined {
  const word = value.trim().toLowerCase();
  return word === 'production' || word === 'simple' ? word : undefined;
}

function parsePositiveInteger(value: string): number | undefined {
  const text = value.trim();
  if (!/^\+?\d+$/.test(text)) return undefined;
  const number = Number(text);
  return Number.isSafeInteger(number) && number >= 1 ? number : undefined;
}

/** Seconds (a decimal > 0) → milliseconds, rounded to the microsecond to drop float noise. */
function parseSecondsAsMs(value: string): number | undefined {
  const text = value.trim();
  if (!/^\+?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  const ms = Math.round(Number(text) * 1e6) / 1e3;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** How one setting is read from the environment and checked in a file. */
interface FieldSpec<T> {
  /** What the environment variable must hold. */
  readonly envExpected: string;
  readonly fromEnv: (value: string) => T | undefined;
  /** What the config-file key must hold. */
  readonly fileExpected: string;
  readonly schema: z.ZodType<T>;
}

type FieldSpecs = { readonly [K in ConfigKey]: FieldSpec<EleanorConfig[K]> };

const BOOLEAN_FIELD: FieldSpec<boolean> = {
  envExpected: 'a boolean (1/0, true/false, yes/no, on/off)',
  fromEnv: parseBoolean,
  fileExpected: 'true or false',
  schema: z.boolean(),
};

const FIELDS: FieldSpecs = {
  orchestrator: {
    envExpected: '"production" or "simple"',
    fromEnv: parseKind,
    fileExpected: '"production" or "simple"',
    schema: z.enum(['production', 'simple']),
  },
  maxConcurrent: {
    envExpected: 'an integer >= 1',
    fromEnv: parsePositiveInteger,
    fileExpected: 'an integer >= 1',
    schema: z.number().int().min(1),
  },
  enableGating: BOOLEAN_FIELD,
  enableRetries: BOOLEAN_FIELD,
  strictValidation: BOOLEAN_FIELD,
  failOnValidation: BOOLEAN_FIELD,
  globalTimeoutMs: {
    envExpected: 'a number of seconds > 0',
    fromEnv: parseSecondsAsMs,
    fileExpected: 'a number of milliseconds > 0',
    schema: z.number().positive(),
  },
  enforceSingleCriticPipeline: BOOLEAN_FIELD,
  allowLegacyCriticRunner: BOOLEAN_FIELD,
};

const CONFIG_KEYS = Object.keys(FIELDS) as ConfigKey[];

function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(FIELDS, key);
}

/** Describes the value a rejected setting falls back to: `the default (10)`. */
function fallbackOf(value: EleanorConfig[ConfigKey], source: ConfigSource): string {
  const shown = value === undefined ? 'none' : String(value);
  return source === 'file' ? `the file value (${shown})` : `the default (${shown})`;
}

function showRaw(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    // JSON.stringify returns undefined for undefined, functions and symbols.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? describeValue(value);
  } catch {
    return describeValue(value);
  }
}

function rejection(
  variable: string,
  value: unknown,
  expected: string,
  fallback: string,
): ConfigWarning {
  return {
    variable,
    value: showRaw(value),
    message: `expected ${expected}, got ${describeValue(value)}; using ${fallback}`,
  };
}

/** Applies a (checked) file value, then the environment variable, to one setting of `loaded`. */
function resolveField<K extends ConfigKey>(
  key: K,
  spec: FieldSpecs[K],
  env: Readonly<Record<string, string | undefined>>,
  file: Partial<EleanorConfig>,
  loaded: LoadedConfig,
): void {
  const fromFile = file[key];
  if (fromFile !== undefined) {
    loaded.config[key] = fromFile;
    loaded.sources[key] = 'file';
  }
  const variable = ENV_VARIABLES[key];
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return;
  const parsed = spec.fromEnv(raw);
  if (parsed === undefined) {
    const fallback = fallbackOf(loaded.config[key], loaded.sources[key]);
    loaded.warnings.push(rejection(variable, raw, spec.envExpected, fallback));
    return;
  }
  loaded.config[key] = parsed;
  loaded.sources[key] = 'env';
}

/**
 * Resolves the configuration: the environment overrides the file, which overrides
 * {@link DEFAULT_CONFIG}. A variable set to the empty string counts as unset. A bad value (in
 * the environment or the file) becomes a warning, and the lower layer's value is kept.
 *
 * @param env - the environment variables, read only at the edge and passed in
 * @param file - settings from a config file, e.g. from {@link configFromFile}
 */
export function configFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  file: Partial<EleanorConfig> = {},
): LoadedConfig {
  const loaded: LoadedConfig = {
    config: { ...DEFAULT_CONFIG },
    sources: Object.fromEntries(CONFIG_KEYS.map((key) => [key, 'default'])) as Record<
      ConfigKey,
      ConfigSource
    >,
    warnings: [],
  };
  // Values handed in directly are checked like a file's, so a bad one cannot slip through.
  const checked = configFromFile(file);
  loaded.warnings.push(...checked.warnings);
  for (const key of CONFIG_KEYS) resolveField(key, FIELDS[key], env, checked.config, loaded);
  return loaded;
}

/**
 * Checks a parsed JSON config file. Valid settings are kept; an unknown key or a bad value
 * becomes a warning and is dropped.
 *
 * @throws ConfigError when `json` is not a JSON object
 */
export function configFromFile(json: unknown): {
  config: Partial<EleanorConfig>;
  warnings: ConfigWarning[];
} {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigError('config file', `expected a JSON object, got ${describeValue(json)}`);
  }
  const config: Partial<EleanorConfig> = {};
  const warnings: ConfigWarning[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (value === undefined) continue; // absent, as in a Partial<EleanorConfig>
    if (isConfigKey(key)) {
      const warning = readFileField(key, FIELDS[key], value, config);
      if (warning !== undefined) warnings.push(warning);
    } else {
      warnings.push({
        variable: key,
        value: showRaw(value),
        message: `unknown setting, ignored; known settings: ${CONFIG_KEYS.join(', ')}`,
      });
    }
  }
  return { config, warnings };
}

function readFileField<K extends ConfigKey>(
  key: K,
  spec: FieldSpecs[K],
  value: unknown,
  config: Partial<EleanorConfig>,
): ConfigWarning | undefined {
  const checked = spec.schema.safeParse(value);
  if (checked.success) {
    config[key] = checked.data;
    return undefined;
  }
  const fallback = `${fallbackOf(DEFAULT_CONFIG[key], 'default')} unless the environment sets it`;
  return rejection(key, value, spec.fileExpected, fallback);
}

/** The orchestrator options a configuration sets; `globalTimeoutMs` is omitted when none. */
export type ConfiguredOrchestratorOptions = Pick<
  OrchestratorOptions,
  | 'kind'
  | 'maxConcurrent'
  | 'enableGating'
  | 'enableRetries'
  | 'strictValidation'
  | 'failOnValidation'
> & { globalTimeoutMs?: number };

/** Maps a configuration onto the options of `createOrchestrator`. */
export function orchestratorOptionsFromConfig(
  config: EleanorConfig,
): ConfiguredOrchestratorOptions {
  return {
    kind: config.orchestrator,
    maxConcurrent: config.maxConcurrent,
    enableGating: config.enableGating,
    enableRetries: config.enableRetries,
    strictValidation: config.strictValidation,
    failOnValidation: config.failOnValidation,
    ...(config.globalTimeoutMs === undefined ? {} : { globalTimeoutMs: config.globalTimeoutMs }),
  };
}
