/**
 * The engine's critic-result cache: built from the configuration unless the caller passes one
 * (or `false`), and its hooks merged with any hooks the caller gave the orchestrator — the
 * cache looks up first, then the caller's `beforeAttempt`; both hear `afterSuccess`; the
 * caller's `onFailure` alone may supply a fallback (which is never cached).
 */
import type {
  CriticOutput,
  HookContext,
  Logger,
  OrchestratorHooks,
} from '../orchestrator/types.js';
import { createCriticCache, type CriticCache } from '../store/cache/critic-cache.js';
import { createRedisLayer } from '../store/cache/redis-layer.js';
import type { CacheConfig } from './cache-config.js';

/** The engine's cache, and whether the engine built it (and so closes it). */
export interface EngineCache {
  cache: CriticCache | undefined;
  owned: boolean;
}

/** The cache the engine uses: the caller's, none (`false` or `off`), or one built from `config`. */
export function engineCache(
  given: CriticCache | false | undefined,
  config: CacheConfig,
  logger: Logger,
): EngineCache {
  if (given === false) return { cache: undefined, owned: false };
  if (given !== undefined) return { cache: given, owned: false };
  if (config.kind === 'off') return { cache: undefined, owned: false };
  const remote =
    config.kind === 'redis' && config.redisUrl !== undefined
      ? createRedisLayer({ url: config.redisUrl, ttlMs: config.ttlMs, logger })
      : undefined;
  const cache = createCriticCache({
    ttlMs: config.ttlMs,
    maxEntries: config.maxEntries,
    ...(remote === undefined ? {} : { remote }),
  });
  return { cache, owned: true };
}

type Lookup = CriticOutput | undefined | Promise<CriticOutput | undefined>;

/** The cache's hooks followed by the caller's. */
export function mergeHooks(
  cache: Required<Pick<OrchestratorHooks, 'beforeAttempt' | 'afterSuccess'>>,
  user: OrchestratorHooks | undefined,
): OrchestratorHooks {
  const userBefore = user?.beforeAttempt;
  const userAfter = user?.afterSuccess;
  const hooks: OrchestratorHooks = {
    beforeAttempt:
      userBefore === undefined
        ? cache.beforeAttempt
        : (ctx: HookContext): Lookup => {
            const cached = cache.beforeAttempt(ctx);
            if (cached === undefined) return userBefore(ctx);
            if (!(cached instanceof Promise)) return cached;
            return cached.then((output) => output ?? userBefore(ctx));
          },
    afterSuccess:
      userAfter === undefined
        ? cache.afterSuccess
        : (ctx) => {
            void cache.afterSuccess(ctx);
            return userAfter(ctx);
          },
  };
  if (user?.onFailure !== undefined) hooks.onFailure = user.onFailure;
  return hooks;
}
