/**
 * Test helpers for the cache: an orchestrator with a cache wired through its hooks, and a
 * critic that counts its executions.
 */
import { createOrchestrator, type Orchestrator } from '../../../orchestrator/orchestrator.js';
import type {
  CriticInput,
  CriticOutput,
  CriticSpec,
  OrchestratorOptions,
} from '../../../orchestrator/types.js';
import { createCriticCache, type CriticCache } from '../critic-cache.js';
import { cacheHooks } from '../hooks.js';

export interface Wired {
  orchestrator: Orchestrator;
  cache: CriticCache;
}

/** An orchestrator whose critics sit behind `cache` (a fresh memory cache by default). */
export function wired(
  critics: readonly CriticSpec[],
  options: Partial<Omit<OrchestratorOptions, 'critics' | 'hooks'>> = {},
  cache: CriticCache = createCriticCache(),
): Wired {
  const wiring = cacheHooks(cache);
  const orchestrator = createOrchestrator({ ...options, critics, hooks: wiring.hooks });
  wiring.attach(orchestrator);
  return { orchestrator, cache };
}

export interface Counting {
  spec: CriticSpec;
  /** Executions so far. */
  readonly calls: number;
}

/** A cacheable critic that counts its executions; `answer` decides each one (by call number). */
export function counting(
  name: string,
  answer: (call: number, input: CriticInput) => CriticOutput | Promise<CriticOutput>,
  extra: Partial<CriticSpec> = {},
): Counting {
  let calls = 0;
  return {
    spec: {
      name,
      reads: ['inputText', 'modelResponse'],
      maxRetries: 0,
      circuitBreaker: false,
      ...extra,
      evaluate: (input) => answer(++calls, input),
    },
    get calls() {
      return calls;
    },
  };
}
