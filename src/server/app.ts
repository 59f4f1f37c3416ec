/**
 * The HTTP service (fastify), thin over the engine: `POST /v1/evaluate`, the evidence store's
 * read endpoints, Prometheus metrics, health and readiness, the OpenAPI description and the
 * dashboard. API keys guard everything but health, readiness, the OpenAPI document and the
 * dashboard page (its data needs a key); each key has its own rate. `drain()` is the graceful
 * shutdown: stop accepting, give in-flight evaluations a bounded time, then cancel them.
 */
import { createServer } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Engine } from '../engine/engine.js';
import type { EvaluateRequest } from '../engine/types.js';
import { systemClock, type Clock } from '../orchestrator/clock.js';
import { EleanorError, InvalidRequestError, errorMessage } from '../orchestrator/errors.js';
import type { Logger } from '../orchestrator/types.js';
import type { PrometheusMetrics } from '../telemetry/prometheus.js';
import { KeyRateLimiter, KeyRing, presentedKey } from './api-keys.js';
import type { ServiceConfig } from './config.js';
import { DASHBOARD_HTML } from './dashboard/page.js';
import type { LiveView } from './dashboard/live-view.js';
import { dashboardSnapshot } from './dashboard/snapshot.js';
import { mapError, sendError } from './errors.js';
import { openApiDocument } from './openapi.js';
import type { CacheStatus, DecisionReader } from './sources.js';

export interface ServiceDeps {
  engine: Engine;
  config: Pick<ServiceConfig, 'apiKeys' | 'keyRatePerSecond' | 'keyBurst' | 'bodyLimitBytes'> & {
    /** The whole request (headers and body) must arrive within this. @default 30000 */
    requestTimeoutMs?: number;
  };
  /** Answers the decision endpoints and takes part in readiness. */
  store?: DecisionReader;
  cache?: () => CacheStatus | undefined;
  metrics: PrometheusMetrics;
  view: LiveView;
  logger: Logger;
  version: string;
  clock?: Clock;
}

export interface Service {
  readonly app: FastifyInstance;
  /** Evaluations being answered now. */
  readonly inFlight: number;
  /**
   * Stops accepting, waits up to `graceMs` for in-flight evaluations, cancels the rest (they
   * answer with their cancelled critics) and resolves when every connection is closed.
   */
  drain(graceMs: number): Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs an API key when keys are configured. */
    auth?: boolean;
  }
  interface FastifyRequest {
    /** The label of the API key the request presented. */
    apiKey?: string;
  }
}

/** The service runs without an evidence store, so there is nothing to query. */
class NoStoreError extends EleanorError {
  override readonly code: string = 'NO_EVIDENCE_STORE';
  override readonly status: number = 501;
  constructor() {
    super('this service runs without an evidence store: decisions are not kept');
  }
}

/** Share of the queue bound from which the service reports itself not ready. */
const READY_QUEUE_SHARE = 0.9;

export function buildService(deps: ServiceDeps): Service {
  const { engine, config, logger } = deps;
  const requestTimeoutMs = config.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimitBytes,
    // Slow clients (slow-loris): headers within 10 s, the whole request within the request
    // timeout, checked every second (Node's default check runs every 30 s); idle sockets close.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: requestTimeoutMs,
          headersTimeout: Math.min(10_000, requestTimeoutMs),
          connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs),
        },
        handler,
      ),
    requestTimeout: requestTimeoutMs,
    connectionTimeout: 2 * requestTimeoutMs,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const ring = new KeyRing(config.apiKeys);
  const limiter = new KeyRateLimiter(
    config.keyRatePerSecond,
    config.keyBurst,
    deps.clock ?? systemClock,
  );
  /** In-flight evaluations: how to cancel each, and when each settles. */
  const evaluations = new Map<AbortController, Promise<unknown>>();

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error, config.bodyLimitBytes);
    if (mapped.unexpected) {
      logger.error(
        { err: errorMessage(error), method: request.method, url: request.url },
        'Request failed',
      );
    }
    return sendError(reply, mapped);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      },
    }),
  );

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.auth !== true || ring.size === 0) return;
    const key = presentedKey(request.headers);
    const label = key === undefined ? undefined : ring.identify(key);
    if (label === undefined) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({
          error: {
            code: 'UNAUTHORIZED',
            message:
              key === undefined
                ? 'an API key is required: send Authorization: Bearer <key> or X-API-Key'
                : 'the API key is not valid',
          },
        });
      return reply;
    }
    request.apiKey = label;
    const waitMs = limiter.take(label);
    if (waitMs > 0) {
      await reply
        .code(429)
        .header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))))
        .send({
          error: {
            code: 'RATE_LIMITED',
            message: `the rate for API key '${label}' is spent (${String(config.keyRatePerSecond)} requests/s); retry after the Retry-After delay`,
          },
        });
      return reply;
    }
    return undefined;
  });

  const secured = { config: { auth: true } };

  app.post('/v1/evaluate', secured, async (request) => {
    const controller = new AbortController();
    const evaluation = engine.evaluate(request.body as EvaluateRequest, {
      signal: controller.signal,
    });
    evaluations.set(controller, evaluation);
    try {
      return await evaluation;
    } finally {
      evaluations.delete(controller);
    }
  });

  const store = (): DecisionReader => {
    if (deps.store === undefined) throw new NoStoreError();
    return deps.store;
  };

  app.get('/v1/decisions/:traceId', secured, async (request, reply) => {
    const { traceId } = request.params as { traceId: string };
    const record = await store().get(traceId);
    if (record === undefined || record === null) {
      return reply.code(404).send({
        error: { code: 'NOT_FOUND', message: `no decision recorded with trace id '${traceId}'` },
      });
    }
    return record;
  });

  app.get('/v1/decisions', secured, async (request) => store().query(queryFilters(request.query)));

  app.get('/v1/stats', secured, async (request) => {
    const { since } = queryFilters(request.query, ['since']);
    return store().stats(since === undefined ? {} : { since: String(since) });
  });

  app.get('/v1/dashboard', secured, () =>
    dashboardSnapshot({
      orchestrator: engine.orchestrator,
      view: deps.view,
      ...(deps.cache === undefined ? {} : { cache: deps.cache }),
    }),
  );

  app.get('/metrics', secured, async (_request, reply) =>
    reply.header('content-type', deps.metrics.contentType).send(await deps.metrics.text()),
  );

  app.get('/healthz', () => ({ status: 'ok' }));

  app.get('/readyz', (_request, reply) => {
    const problems = readinessProblems(deps);
    return reply
      .code(problems.length === 0 ? 200 : 503)
      .send({ status: problems.length === 0 ? 'ready' : 'not_ready', problems });
  });

  const openapi = openApiDocument(deps.version);
  app.get('/openapi.json', () => openapi);

  app.get('/', (_request, reply: FastifyReply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
      )
      .send(DASHBOARD_HTML),
  );

  return {
    app,
    get inFlight() {
      return evaluations.size;
    },
    async drain(graceMs: number): Promise<void> {
      // New requests now get 503; requests in flight go on.
      const closing = app.close();
      const settled = (): Promise<unknown> => Promise.allSettled([...evaluations.values()]);
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'grace_over'>((resolve) => {
        timer = setTimeout(() => {
          resolve('grace_over');
        }, graceMs);
      });
      try {
        if ((await Promise.race([settled(), graceOver])) === 'grace_over') {
          for (const controller of evaluations.keys()) {
            controller.abort(new Error('service shutting down'));
          }
          await settled();
        }
      } finally {
        clearTimeout(timer);
      }
      await closing;
    },
  };
}

/** Why the service should not get traffic now; empty when ready. */
export function readinessProblems(deps: Pick<ServiceDeps, 'engine' | 'store' | 'cache'>): string[] {
  const problems: string[] = [];
  const health = deps.store?.health();
  if (health !== undefined && health.state !== 'up') {
    problems.push(
      `evidence store ${health.state}${health.lastError === undefined ? '' : `: ${health.lastError}`}`,
    );
  }
  const cache = deps.cache?.();
  if (cache?.degraded === true) {
    problems.push(
      `shared cache unreachable${cache.lastError === undefined ? '' : `: ${cache.lastError}`}`,
    );
  }
  const { orchestrator } = deps.engine;
  const { queued } = orchestrator.metrics();
  if (queued >= READY_QUEUE_SHARE * orchestrator.maxQueueSize) {
    problems.push(
      `overloaded: ${String(queued)} critic executions queued of ${String(orchestrator.maxQueueSize)}`,
    );
  }
  return problems;
}

const FILTERS = ['decision', 'critic', 'since', 'until', 'limit', 'cursor'] as const;

/** The query-string filters, checked for unknown names and repeats; values go to the store. */
function queryFilters(
  query: unknown,
  allowed: readonly string[] = FILTERS,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (!allowed.includes(name)) {
      throw new InvalidRequestError(name, `one of the filters ${allowed.join(', ')}`, value);
    }
    if (typeof value !== 'string') {
      throw new InvalidRequestError(name, 'given once', value);
    }
    out[name] = name === 'limit' && /^\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}
