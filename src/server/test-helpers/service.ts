/**
 * A service on a fast, deterministic panel for the HTTP tests, with a fake evidence store the
 * test can read and break.
 */
import { createEngine, type Engine } from '../../engine/engine.js';
import { engineConfigFromEnv } from '../../engine/config.js';
import type { CriticSpec } from '../../orchestrator/types.js';
import type { Service, ServiceDeps } from '../app.js';
import { DEFAULT_SERVICE_CONFIG } from '../config.js';
import type { DecisionReader } from '../sources.js';
import { assembleService } from '../stack.js';
import { InvalidRequestError } from '../../orchestrator/errors.js';

const clean = { severity: 0, violation: false, justification: 'nothing found' };

/** Flags any response containing "forbidden" with a severe violation. */
export const KEYWORD_CRITIC: CriticSpec = {
  name: 'quick_safety',
  evaluate: (input) =>
    input.modelResponse.includes('forbidden')
      ? {
          severity: 3,
          violation: true,
          justification: 'forbidden content',
          violations: [
            { category: 'test.forbidden', severity: 3, description: 'forbidden', evidence: [] },
          ],
        }
      : { ...clean },
};

/** Records decisions the engine emits; its health can be set by the test. */
export class FakeStore implements DecisionReader {
  readonly records: { traceId: string; decision: string }[] = [];
  state: 'up' | 'down' | 'closed' = 'up';

  get(traceId: string): Promise<unknown> {
    return Promise.resolve(this.records.find((r) => r.traceId === traceId));
  }

  query(query: Record<string, string | number>) {
    if (query['limit'] !== undefined && typeof query['limit'] !== 'number') {
      return Promise.reject(
        new InvalidRequestError('limit', 'an integer from 1 to 1000', query['limit']),
      );
    }
    const records = this.records.filter(
      (r) => query['decision'] === undefined || r.decision === query['decision'],
    );
    return Promise.resolve({ records, nextCursor: null });
  }

  stats(options: { since?: string }) {
    return Promise.resolve({ total: this.records.length, since: options.since ?? null });
  }

  health() {
    return {
      state: this.state,
      pending: 0,
      ...(this.state === 'down' ? { lastError: 'disk full' } : {}),
    };
  }
}

export interface TestService {
  service: Service;
  engine: Engine;
  store: FakeStore;
  close(): Promise<void>;
}

export function testService(
  options: {
    critics?: CriticSpec[];
    config?: Partial<ServiceDeps['config']>;
    maxQueueSize?: number;
    withStore?: boolean;
    cache?: ServiceDeps['cache'];
  } = {},
): TestService {
  const engine = createEngine({
    config: engineConfigFromEnv({}),
    critics: options.critics ?? [KEYWORD_CRITIC],
    orchestrator: { maxQueueSize: options.maxQueueSize ?? 1000 },
  });
  const store = new FakeStore();
  engine.on('decision', (r) => store.records.push({ traceId: r.traceId, decision: r.decision }));
  const stack = assembleService({
    engine,
    ...(options.withStore === false ? {} : { store }),
    config: {
      apiKeys: [],
      keyRatePerSecond: DEFAULT_SERVICE_CONFIG.keyRatePerSecond,
      keyBurst: DEFAULT_SERVICE_CONFIG.keyBurst,
      bodyLimitBytes: DEFAULT_SERVICE_CONFIG.bodyLimitBytes,
      ...options.config,
    },
    logger: {
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      debug: () => undefined,
    },
    version: '0.0.0-test',
    processMetrics: false,
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
  const { service } = stack;
  return {
    service,
    engine,
    store,
    close: () => stack.close(0),
  };
}
