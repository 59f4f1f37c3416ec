/**
 * The service under hostile input: random bodies (a property over JSON values and raw strings),
 * slow-loris clients, bursts past the queue bound. Every answer has the right status and a clear
 * message, the service keeps serving, and every evaluation it acknowledged is in the store.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CriticSpec } from '../orchestrator/types.js';
import { KEYWORD_CRITIC, testService, type TestService } from './test-helpers/service.js';

let running: TestService[] = [];
afterEach(async () => {
  await Promise.all(running.map((t) => t.close()));
  running = [];
});
function start(options: Parameters<typeof testService>[0] = {}): TestService {
  const t = testService(options);
  running.push(t);
  return t;
}

const ACCEPTED = new Set([200, 400, 413, 415]);

describe('random bodies', () => {
  it('answers every body with 200 or a 4xx carrying a message, and loses nothing it acknowledged', async () => {
    const t = start({ config: { bodyLimitBytes: 4096 } });
    const acknowledged: string[] = [];
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      fc
        .record(
          {
            input: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
            output: fc.oneof(fc.string(), fc.boolean()),
            context: fc.oneof(
              fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
              fc.string(),
            ),
            traceId: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.integer()),
          },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
      fc.string({ minLength: 4000, maxLength: 6000 }),
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (payload, type) => {
          const res = await t.service.app.inject({
            method: 'POST',
            url: '/v1/evaluate',
            headers: { 'content-type': type },
            payload,
          });
          expect(ACCEPTED.has(res.statusCode)).toBe(true);
          const answer = res.json<{
            traceId?: string;
            error?: { code: string; message: string };
          }>();
          if (res.statusCode === 200) {
            expect(typeof answer.traceId).toBe('string');
            acknowledged.push(answer.traceId as string);
          } else {
            expect(answer.error?.code).toMatch(/^[A-Z_]+$/);
            expect(answer.error?.message.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 300 },
    );
    // Still serving, and every acknowledged evaluation is recorded.
    const ok = await t.service.app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ input: 'a', output: 'b' }),
    });
    expect(ok.statusCode).toBe(200);
    for (const traceId of acknowledged) {
      expect(await t.engine.store.get(traceId)).toBeDefined();
    }
  });
});

describe('slow clients', () => {
  it('closes a slow-loris connection and keeps serving others meanwhile', async () => {
    const t = start({ config: { requestTimeoutMs: 300 } });
    await t.service.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.service.app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
    });
    const closed = new Promise<void>((resolve) => {
      socket.on('close', () => {
        resolve();
      });
    });
    // Headers trickle in and never finish.
    socket.write('POST /v1/evaluate HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write('X-Slow: 1\r\n');
    }, 50);
    try {
      const res = await fetch(`http://127.0.0.1:${String(port)}/v1/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: 'a', output: 'b' }),
      });
      expect(res.status).toBe(200);
      await closed;
    } finally {
      clearInterval(drip);
    }
    // The server answered the stalled request with 408 (or simply closed it).
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });
});

describe('bursts past the queue bound', () => {
  it('answers the overflow with 503 and Retry-After, the rest with 200, all recorded', async () => {
    const slow: CriticSpec = {
      name: 'slow_external',
      evaluate: () =>
        new Promise((resolve) =>
          setTimeout(() => {
            resolve({ severity: 0, violation: false, justification: 'ok' });
          }, 20),
        ),
    };
    // Two critics per evaluation and a bound of 10 queued executions.
    const t = start({ critics: [slow, KEYWORD_CRITIC], maxQueueSize: 10 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.service.app.inject({
          method: 'POST',
          url: '/v1/evaluate',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ input: 'a', output: 'b', traceId: `burst-${String(i)}` }),
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    for (const [i, a] of answers.entries()) {
      if (a.statusCode === 503) {
        expect(a.headers['retry-after']).toMatch(/^\d+$/);
        expect(a.json()).toMatchObject({ error: { code: 'OVERLOADED' } });
      } else {
        expect(await t.engine.store.get(`burst-${String(i)}`)).toBeDefined();
      }
    }
    // Once the burst has passed, the service serves again.
    const after = await t.service.app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ input: 'a', output: 'b' }),
    });
    expect(after.statusCode).toBe(200);
  });
});
