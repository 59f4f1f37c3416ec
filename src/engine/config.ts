/**
 * The engine's configuration, read from the environment once, at the edge. It extends the
 * orchestrator's configuration with the text bound and the two optional network critics.
 */
import { configFromEnv, type ConfigWarning, type LoadedConfig } from '../orchestrator/config.js';
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

export interface EngineConfig {
  orchestrator: LoadedConfig;
  /** Longest accepted `input` or `output`, in characters. */
  maxTextChars: number;
  /** The LLM judge (`deep_analysis`) joins the panel only when configured. */
  judge: JudgeConfig | undefined;
  /** The moderation critic (`external_api_critic`) joins the panel only when configured. */
  moderation: ModerationConfig | undefined;
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
    cache,
    warnings,
  };
}
