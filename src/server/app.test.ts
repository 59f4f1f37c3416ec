import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CriticSpec } from '../orchestrator/types.js';
import { KEYWORD_CRITIC, testService, type TestService } from './test-helpers/service.js';

const KEY = 'ci-secret-key-0123456789';
let running: TestService[] = [];

function start(options: Parameters<typeof testService>[0] = {}): TestService {
  const t = testService(options);
  running.push(t);
  return t;
}

afterEach(async () => {
  await Promise.all(running.map((t) => t.close()));
  running = [];
});

const evaluate = (t: TestService, body: unknown, headers: Record<string, string> = {}) =>
  t.service.app.inject({
    method: 'POST',
    url: '/v1/evaluate',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /v1/evaluate', () => {
  it("answers the engine's result", async () => {
    const t = start();
    const res = await evaluate(t, { input: 'q', output: 'a forbidden answer', traceId: 'http-1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      traceId: 'http-1',
      decision: 'deny',
      reasons: [{ critic: 'quick_safety', category: 'test.forbidden', severity: 3 }],
    });
  });

  it.each([
    ['malformed JSON', '{"input": "a",', 400, 'INVALID_JSON', undefined],
    ['an empty body', '', 400, 'INVALID_JSON', undefined],
    ['a wrong type', { input: 1, output: 'b' }, 400, 'INVALID_REQUEST', 'input'],
    [
      'an unknown field',
      { input: 'a', output: 'b', prompt: 'c' },
      400,
      'INVALID_REQUEST',
      'request',
    ],
    [
      'a bad risk tier',
      { input: 'a', output: 'b', context: { riskTier: 'x' } },
      400,
      'INVALID_REQUEST',
      'context.riskTier',
    ],
    ['an array body', [1, 2], 400, 'INVALID_REQUEST', 'request'],
  ])(
    'answers %s with %i and a message naming the problem',
    async (_name, body, status, code, field) => {
      const t = start();
      const res = await evaluate(t, body);
      expect(res.statusCode).toBe(status);
      const error = res.json<{ error: { code: string; message: string; field?: string } }>().error;
      expect(error.code).toBe(code);
      expect(error.field).toBe(field);
      expect(error.message.length).toBeGreaterThan(10);
      // The service keeps serving.
      expect((await evaluate(t, { input: 'a', output: 'b' })).statusCode).toBe(200);
    },
  );

  it('answers a deeply nested body with 400, not a crash', async () => {
    const t = start();
    const deep =
      '{"input":"a","output":"b","context":{"x":' + '['.repeat(5000) + ']'.repeat(5000) + '}}';
    const res = await evaluate(t, deep);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { field: 'context' } });
  });

  it('answers a body over the limit with 413', async () => {
    const t = start({ config: { bodyLimitBytes: 2048 } });
    const res = await evaluate(t, { input: 'a', output: 'x'.repeat(4096) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/2048 bytes/);
  });

  it('answers a non-JSON media type with 415', async () => {
    const t = start();
    const res = await t.service.app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      headers: { 'content-type': 'application/xml' },
      payload: '<input/>',
    });
    expect(res.statusCode).toBe(415);
  });

  it('answers overload with 503 and Retry-After', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: CriticSpec = {
      name: 'slow_external',
      evaluate: async () => {
        await gate;
        return { severity: 0, violation: false, justification: 'ok' };
      },
    };
    const t = start({ critics: [slow, KEYWORD_CRITIC], maxQueueSize: 2 });
    const first = evaluate(t, { input: 'a', output: 'b' });
    await new Promise((resolve) => setImmediate(resolve));
    const second = await evaluate(t, { input: 'a', output: 'b' });
    expect(second.statusCode).toBe(503);
    expect(second.headers['retry-after']).toMatch(/^\d+$/);
    expect(second.json()).toMatchObject({ error: { code: 'OVERLOADED' } });
    release();
    expect((await first).statusCode).toBe(200);
  });
});

describe('API keys', () => {
  const withKeys = () =>
    start({
      config: { apiKeys: [{ label: 'ci', secret: KEY }], keyRatePerSecond: 1, keyBurst: 2 },
    });

  it('refuses a request without a key or with a wrong one (401), accepts the right one', async () => {
    const t = withKeys();
    const none = await evaluate(t, { input: 'a', output: 'b' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const wrong = await evaluate(
      t,
      { input: 'a', output: 'b' },
      { authorization: 'Bearer nope-nope-nope-nope' },
    );
    expect(wrong.statusCode).toBe(401);
    const right = await evaluate(t, { input: 'a', output: 'b' }, { 'x-api-key': KEY });
    expect(right.statusCode).toBe(200);
  });

  it('limits each key (429 with Retry-After) and leaves health open', async () => {
    const t = withKeys();
    const auth = { authorization: `Bearer ${KEY}` };
    expect((await evaluate(t, { input: 'a', output: 'b' }, auth)).statusCode).toBe(200);
    expect((await evaluate(t, { input: 'a', output: 'b' }, auth)).statusCode).toBe(200);
    const limited = await evaluate(t, { input: 'a', output: 'b' }, auth);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await t.service.app.inject('/healthz')).statusCode).toBe(200);
    expect((await t.service.app.inject('/openapi.json')).statusCode).toBe(200);
    expect((await t.service.app.inject('/metrics')).statusCode).toBe(401);
  });
});

describe('decisions, stats, metrics', () => {
  it('reads records from the store', async () => {
    const t = start();
    await evaluate(t, { input: 'q', output: 'forbidden', traceId: 'rec-1' });
    await evaluate(t, { input: 'q', output: 'fine', traceId: 'rec-2' });
    const one = await t.service.app.inject('/v1/decisions/rec-1');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ traceId: 'rec-1', decision: 'deny' });
    const missing = await t.service.app.inject('/v1/decisions/nope');
    expect(missing.statusCode).toBe(404);
    const denied = await t.service.app.inject('/v1/decisions?decision=deny&limit=10');
    expect(denied.json()).toMatchObject({ records: [{ traceId: 'rec-1' }], nextCursor: null });
    const stats = await t.service.app.inject('/v1/stats?since=2026-01-01T00:00:00Z');
    expect(stats.json()).toMatchObject({ total: 2, since: '2026-01-01T00:00:00Z' });
  });

  it.each([
    ['/v1/decisions?colour=red', 'colour'],
    ['/v1/decisions?decision=deny&decision=allow', 'decision'],
    ['/v1/decisions?limit=lots', 'limit'],
    ['/v1/stats?decision=deny', 'decision'],
  ])('answers %s with 400 naming %s', async (url, field) => {
    const t = start();
    const res = await t.service.app.inject(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { field } });
  });

  it('answers 501 for decision queries when there is no store', async () => {
    const t = start({ withStore: false });
    const res = await t.service.app.inject('/v1/decisions');
    expect(res.statusCode).toBe(501);
    expect(res.json()).toMatchObject({ error: { code: 'NO_EVIDENCE_STORE' } });
  });

  it('serves Prometheus metrics', async () => {
    const t = start();
    await evaluate(t, { input: 'q', output: 'forbidden' });
    const res = await t.service.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/^eleanor_decisions_total\{decision="deny"\} 1$/m);
    expect(res.body).toMatch(
      /^eleanor_critic_executions_total\{critic="quick_safety",status="success"\} 1$/m,
    );
  });
});

describe('health, readiness, dashboard', () => {
  it('is ready when the store is up, not when it is down or the cache is degraded', async () => {
    let degraded = false;
    const t = start({ cache: () => ({ hits: 0, misses: 0, degraded, lastError: 'ECONNREFUSED' }) });
    expect((await t.service.app.inject('/readyz')).json()).toEqual({
      status: 'ready',
      problems: [],
    });
    t.store.state = 'down';
    degraded = true;
    const res = await t.service.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'not_ready',
      problems: ['evidence store down: disk full', 'shared cache unreachable: ECONNREFUSED'],
    });
    expect((await t.service.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI description and the dashboard with its data', async () => {
    const t = start();
    await evaluate(t, { input: 'q', output: 'forbidden', traceId: 'dash-1' });
    const openapi = (await t.service.app.inject('/openapi.json')).json<{
      openapi: string;
      paths: object;
    }>();
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/v1/evaluate');
    const page = await t.service.app.inject('/');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('/v1/dashboard');
    const data = (await t.service.app.inject('/v1/dashboard')).json<{
      recent: { traceId: string }[];
      critics: { name: string }[];
    }>();
    expect(data.recent[0]?.traceId).toBe('dash-1');
    expect(data.critics.map((c) => c.name)).toEqual(['quick_safety']);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const t = start();
    const res = await t.service.app.inject('/v2/nothing?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'no route GET /v2/nothing' },
    });
  });
});

describe('graceful drain', () => {
  it('lets in-flight evaluations finish within the grace, then cancels the rest', async () => {
    const slow: CriticSpec = {
      name: 'slow_external',
      timeoutMs: 60_000,
      evaluate: (_input, { signal }) =>
        new Promise((resolve, reject) => {
          signal.addEventListener('abort', () => {
            reject(signal.reason as Error);
          });
        }),
    };
    const t = start({ critics: [slow, KEYWORD_CRITIC] });
    const pending = evaluate(t, { input: 'a', output: 'b' });
    await vi.waitFor(() => {
      expect(t.service.inFlight).toBe(1);
    });
    await t.service.drain(20);
    const res = await pending;
    expect(res.statusCode).toBe(200);
    const body = res.json<{ critics: Record<string, { status: string }>; degraded: string[] }>();
    expect(body.critics['slow_external']?.status).toBe('cancelled');
    expect(body.degraded).toContain('slow_external');
    expect(t.service.inFlight).toBe(0);
  });
});
