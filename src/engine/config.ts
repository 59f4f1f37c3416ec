/**
 * The engine's configuration, read from the environment once, at the edge. It extends the
 * orchestrator's configuration with the text bound and the two optional network critics.
 */
import {
  configFromEnv,
  parseBoolean,
  type ConfigWarning,
  type LoadedConfig,
} from '../orchestrator/config.js';
import type { SqliteSynchronous } from '../store/evidence/sqlite.js';
import type { StoreKind, TextMode } from '../store/evidence/types.js';
import { cacheConfigFromEnv, type CacheConfig } from './cache-config.js';

export const DEFAULT_MAX_TEXT_CHARS = 100_000;

export interface JudgeConfig {
  baseUrl: string;
  model: string;
  apiKey?: string;
}

export interface ModerationConfig {
  baseUrl: string;
  model?: string;
  apiKey?: string;
}

/** Where decision records go and how (see `openEvidenceStore`). */
export interface StoreConfig {
  /** @default 'sqlite', or 'postgres' when a database URL is set */
  kind: StoreKind;
  /** @default './data/eleanor.db' */
  sqlitePath: string;
  /** @default 'normal' (durable against a process crash; 'full' also against power loss) */
  sqliteSynchronous: SqliteSynchronous;
  databaseUrl: string | undefined;
  /** How request texts are stored. @default 'redacted' */
  text: TextMode;
  /** No decision without its record: a failed commit fails the evaluation. @default true */
  auditRequired: boolean;
}

export const DEFAULT_SQLITE_PATH = './data/eleanor.db';

export interface EngineConfig {
  orchestrator: LoadedConfig;
  /** Longest accepted `input` or `output`, in characters. */
  maxTextChars: number;
  /** The LLM judge (`deep_analysis`) joins the panel only when configured. */
  judge: JudgeConfig | undefined;
  /** The moderation critic (`external_api_critic`) joins the panel only when configured. */
  moderation: ModerationConfig | undefined;
  store: StoreConfig;
  /** The critic-result cache (`ELEANOR_CACHE`, `ELEANOR_REDIS_URL` …). */
  cache: CacheConfig;
  warnings: ConfigWarning[];
}

export const ENGINE_ENV = {
  maxTextChars: 'ELEANOR_MAX_TEXT_CHARS',
  judgeBaseUrl: 'ELEANOR_LLM_BASE_URL',
  judgeModel: 'ELEANOR_LLM_MODEL',
  judgeApiKey: 'ELEANOR_LLM_API_KEY',
  moderationBaseUrl: 'ELEANOR_MODERATION_BASE_URL',
  moderationModel: 'ELEANOR_MODERATION_MODEL',
  moderationApiKey: 'ELEANOR_MODERATION_API_KEY',
  store: 'ELEANOR_STORE',
  sqlitePath: 'ELEANOR_SQLITE_PATH',
  sqliteSynchronous: 'ELEANOR_SQLITE_SYNCHRONOUS',
  databaseUrl: 'ELEANOR_DATABASE_URL',
  storeText: 'ELEANOR_STORE_TEXT',
  auditRequired: 'ELEANOR_AUDIT_REQUIRED',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the engine's configuration; bad values warn and fall back to the default. */
export function engineConfigFromEnv(env: Env): EngineConfig {
  const orchestrator = configFromEnv(env);
  const warnings = [...orchestrator.warnings];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  let maxTextChars = DEFAULT_MAX_TEXT_CHARS;
  const rawMax = get(ENGINE_ENV.maxTextChars);
  if (rawMax !== undefined) {
    if (/^\d+$/.test(rawMax) && Number(rawMax) >= 1) maxTextChars = Number(rawMax);
    else
      warnings.push({
        variable: ENGINE_ENV.maxTextChars,
        value: rawMax,
        message: `expected an integer >= 1; using the default (${DEFAULT_MAX_TEXT_CHARS})`,
      });
  }
  const url = (name: string): string | undefined => {
    const value = get(name);
    if (value === undefined) return undefined;
    if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol))
      return value.replace(/\/+$/, '');
    warnings.push({
      variable: name,
      value,
      message: 'expected an http(s) URL; the critic stays off',
    });
    return undefined;
  };
  const judgeBaseUrl = url(ENGINE_ENV.judgeBaseUrl);
  const moderationBaseUrl = url(ENGINE_ENV.moderationBaseUrl);
  const judgeKey = get(ENGINE_ENV.judgeApiKey);
  const moderationKey = get(ENGINE_ENV.moderationApiKey);
  const moderationModel = get(ENGINE_ENV.moderationModel);
  const cache = cacheConfigFromEnv(env, warnings);
  return {
    orchestrator,
    maxTextChars,
    judge:
      judgeBaseUrl === undefined
        ? undefined
        : {
            baseUrl: judgeBaseUrl,
            model: get(ENGINE_ENV.judgeModel) ?? 'gpt-4o-mini',
            ...(judgeKey === undefined ? {} : { apiKey: judgeKey }),
          },
    moderation:
      moderationBaseUrl === undefined
        ? undefined
        : {
            baseUrl: moderationBaseUrl,
            ...(moderationModel === undefined ? {} : { model: moderationModel }),
            ...(moderationKey === undefined ? {} : { apiKey: moderationKey }),
          },
    store: storeConfigFromEnv(get, warnings),
    cache,
    warnings,
  };
}

/** The store settings; bad values warn and use the default. */
function storeConfigFromEnv(
  get: (name: string) => string | undefined,
  warnings: ConfigWarning[],
): StoreConfig {
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = get(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value.toLowerCase()))
      return value.toLowerCase() as T;
    warnings.push({
      variable: name,
      value,
      message: `expected one of ${allowed.join(', ')}; using the default (${fallback})`,
    });
    return fallback;
  };
  let databaseUrl = get(ENGINE_ENV.databaseUrl);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    warnings.push({
      variable: ENGINE_ENV.databaseUrl,
      value: '(hidden)',
      message: 'expected a postgres:// or postgresql:// URL; it is ignored',
    });
    databaseUrl = undefined;
  }
  const fallbackKind: StoreKind = databaseUrl === undefined ? 'sqlite' : 'postgres';
  let kind = oneOf<StoreKind>(ENGINE_ENV.store, ['sqlite', 'postgres', 'memory'], fallbackKind);
  if (kind === 'postgres' && databaseUrl === undefined) {
    warnings.push({
      variable: ENGINE_ENV.store,
      value: 'postgres',
      message: `needs ${ENGINE_ENV.databaseUrl}; using the default (sqlite)`,
    });
    kind = 'sqlite';
  }
  const rawRequired = get(ENGINE_ENV.auditRequired);
  let auditRequired = true;
  if (rawRequired !== undefined) {
    const parsed = parseBoolean(rawRequired);
    if (parsed === undefined) {
      warnings.push({
        variable: ENGINE_ENV.auditRequired,
        value: rawRequired,
        message: 'expected a boolean (1/0, true/false, yes/no, on/off); using the default (true)',
      });
    } else auditRequired = parsed;
  }
  return {
    kind,
    sqlitePath: get(ENGINE_ENV.sqlitePath) ?? DEFAULT_SQLITE_PATH,
    sqliteSynchronous: oneOf<SqliteSynchronous>(
      ENGINE_ENV.sqliteSynchronous,
      ['normal', 'full'],
      'normal',
    ),
    databaseUrl,
    text: oneOf<TextMode>(ENGINE_ENV.storeText, ['full', 'redacted', 'hash'], 'redacted'),
    auditRequired,
  };
}
