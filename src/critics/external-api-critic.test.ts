import { afterEach, describe, expect, it } from 'vitest';
import { classifyCritic } from '../orchestrator/classify.js';
import { InvalidOptionError } from '../orchestrator/errors.js';
import { createOrchestrator } from '../orchestrator/orchestrator.js';
import type { CriticInput, CriticSpec } from '../orchestrator/types.js';
import { Policy, Stage } from '../orchestrator/vocabulary.js';
import {
  EXTERNAL_API_CRITIC,
  categoryName,
  createExternalApiCritic,
  severityOf,
  type ExternalApiCriticOptions,
} from './external-api-critic.js';
import { CriticHttpError, CriticProtocolError, parseRetryAfter } from './http-errors.js';
import { closeServers, send, startServer, type LocalServer } from './test-helpers/local-server.js';
import type { BuiltInCritic, Finding } from './types.js';

afterEach(closeServers);

const CATEGORIES = [
  'hate',
  'hate/threatening',
  'harassment',
  'harassment/threatening',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
  'illicit',
  'illicit/violent',
] as const;

/** A moderation answer: every category scored 0.001 and unflagged except those given. */
function moderation(
  scores: Partial<Record<string, number>> = {},
  flaggedCategories: readonly string[] = [],
  flagged = flaggedCategories.length > 0,
): string {
  return JSON.stringify({
    id: 'modr-1',
    model: 'omni-moderation-latest',
    results: [
      {
        flagged,
        categories: Object.fromEntries(CATEGORIES.map((c) => [c, flaggedCategories.includes(c)])),
        category_scores: Object.fromEntries(CATEGORIES.map((c) => [c, scores[c] ?? 0.001])),
      },
    ],
  });
}

async function moderationServer(body: string): Promise<LocalServer> {
  return startServer((res) => {
    send(res, 200, body);
  });
}

const RESPONSE = '  I will hurt you and everyone you love.  ';

function input(modelResponse = RESPONSE): CriticInput {
  return { inputText: 'hi', modelResponse, context: {}, traceId: 't-1', priorResults: {} };
}

function critic(server: LocalServer, extra: Partial<ExternalApiCriticOptions> = {}) {
  return createExternalApiCritic({ baseUrl: server.baseUrl, ...extra });
}

async function evaluate(
  spec: CriticSpec,
  request = input(),
  signal = new AbortController().signal,
): Promise<Finding> {
  return (await spec.evaluate(request, { signal, attempt: 0 })) as unknown as Finding;
}

/**
 * The orchestrator's part of a built-in critic: the orchestrator rejects unknown spec fields, so
 * `reads` (the engine's cache-key field) is left out.
 */
function orchestratorSpec(builtIn: BuiltInCritic): CriticSpec {
  const spec: CriticSpec & { reads?: unknown } = { ...builtIn };
  delete spec.reads;
  return spec;
}

/** Runs the critic through a real orchestrator (fast backoff). */
async function runThrough(spec: BuiltInCritic, extra: Partial<CriticSpec> = {}) {
  const orchestrator = createOrchestrator({
    critics: [{ ...orchestratorSpec(spec), backoff: { initialDelayMs: 1, jitter: 0 }, ...extra }],
  });
  try {
    const report = await orchestrator.run({ inputText: 'hi', modelResponse: RESPONSE });
    return report.results[EXTERNAL_API_CRITIC]!;
  } finally {
    await orchestrator.close();
  }
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

// ---------------------------------------------------------------------------------------------

describe('external_api_critic: the critic spec', () => {
  it('is placed in DEEP_ANALYSIS and always runs, by its name alone', () => {
    const spec = createExternalApiCritic({ baseUrl: 'http://127.0.0.1:1/v1' });
    expect(spec.name).toBe(EXTERNAL_API_CRITIC);
    expect(spec.stage).toBeUndefined();
    expect(spec.policy).toBeUndefined();
    const c = classifyCritic(spec.name);
    expect(c.stage).toBe(Stage.DEEP_ANALYSIS);
    expect(c.policy).toBe(Policy.ALWAYS);
  });

  it('declares what it reads and has the moderation defaults', () => {
    const spec = createExternalApiCritic({ baseUrl: 'http://127.0.0.1:1/v1' });
    expect(spec.reads).toEqual(['modelResponse']);
    expect(spec).toMatchObject({
      failureMode: 'open',
      timeoutMs: 5000,
      maxRetries: 2,
      cost: 0.001,
      version: '1',
    });
  });

  it.each([
    ['a non-URL base', { baseUrl: 'nope' }],
    ['a non-http base', { baseUrl: 'file:///etc/passwd' }],
    ['a negative Retry-After budget', { baseUrl: 'http://127.0.0.1/v1', maxRetryAfterMs: -1 }],
    ['a NaN timeout', { baseUrl: 'http://127.0.0.1/v1', timeoutMs: Number.NaN }],
    ['an empty model', { baseUrl: 'http://127.0.0.1/v1', model: '' }],
  ])('rejects %s with an InvalidOptionError', (_name, options) => {
    expect(() => createExternalApiCritic(options as ExternalApiCriticOptions)).toThrow(
      InvalidOptionError,
    );
  });
});

describe('external_api_critic: the request', () => {
  it('POSTs the model output as input to /moderations, with the model when set', async () => {
    const server = await moderationServer(moderation());
    await evaluate(critic(server, { model: 'omni-moderation-latest' }));
    const [seen] = server.requests;
    expect(seen!.method).toBe('POST');
    expect(seen!.path).toBe('/v1/moderations');
    expect(seen!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen!.body)).toEqual({ input: RESPONSE, model: 'omni-moderation-latest' });
  });

  it('leaves the model out when none is set', async () => {
    const server = await moderationServer(moderation());
    await evaluate(critic(server));
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ input: RESPONSE });
  });

  it.each([
    ['a key is set', 'sk-mod', 'Bearer sk-mod'],
    ['no key is set', undefined, undefined],
    ['the key is empty', '', undefined],
  ])('sends Authorization only when a key is set (%s)', async (_name, apiKey, expected) => {
    const server = await moderationServer(moderation());
    await evaluate(critic(server, apiKey === undefined ? {} : { apiKey }));
    expect(server.requests[0]!.headers['authorization']).toBe(expected);
  });

  it('passes a blank response without calling the service', async () => {
    const server = await moderationServer(moderation());
    expect((await evaluate(critic(server), input(' \n '))).value).toBe('pass');
    expect(server.requests).toHaveLength(0);
  });
});

describe('external_api_critic: grading the answer', () => {
  it('turns a flagged category into a violation over the whole (trimmed) response', async () => {
    const server = await moderationServer(moderation({ violence: 0.95 }, ['violence']));
    const result = await runThrough(critic(server));
    expect(result.status).toBe('success');
    expect(result.validationErrors).toEqual([]);
    const finding = result.output as unknown as Finding;
    expect(finding).toMatchObject({ value: 'violation', severity: 3, score: 1, violation: true });
    const [violation] = finding.violations;
    expect(violation!.category).toBe('violence');
    const span = violation!.evidence[0]!;
    expect(span).toMatchObject({ source: 'output', text: RESPONSE.trim() });
    expect(RESPONSE.slice(span.start, span.end)).toBe(span.text);
    expect(finding.details).toMatchObject({
      flagged: true,
      id: 'modr-1',
      model: 'omni-moderation-latest',
    });
  });

  it('passes an unflagged answer with low scores', async () => {
    const server = await moderationServer(moderation({ harassment: 0.12 }));
    const finding = await evaluate(critic(server));
    expect(finding).toMatchObject({ value: 'pass', severity: 0, violation: false, violations: [] });
  });

  it.each([
    ['violence', 0.95, 3],
    ['violence', 0.9, 3],
    ['harassment', 0.75, 2],
    ['harassment', 0.6, 2],
    ['hate', 0.45, 1],
    ['hate', 0.3, 1],
    ['sexual', 0.29, 0],
    ['sexual/minors', 0.35, 2],
    ['sexual/minors', 0.65, 3],
    ['self-harm/instructions', 0.31, 2],
    ['self-harm/instructions', 0.1, 0],
  ])('grades %s at %s as severity %s', (category, score, expected) => {
    expect(severityOf(category, score)).toBe(expected);
  });

  it.each([
    ['self-harm/intent', 'self_harm.intent'],
    ['violence/graphic', 'violence.graphic'],
    ['sexual/minors', 'sexual.minors'],
    ['Illicit Violent', 'illicit_violent'],
  ])('names category %s as %s', (category, expected) => {
    expect(categoryName(category)).toBe(expected);
  });

  it('makes a category the service flagged a violation even when its score is low', async () => {
    const server = await moderationServer(moderation({ harassment: 0.2 }, ['harassment']));
    const finding = await evaluate(critic(server));
    expect(finding.violation).toBe(true);
    expect(finding.violations[0]).toMatchObject({ category: 'harassment', severity: 2 });
  });

  it('makes a flagged result with no flagged category a violation on its top category', async () => {
    const server = await moderationServer(moderation({ hate: 0.4, violence: 0.2 }, [], true));
    const finding = await evaluate(critic(server));
    expect(finding.violation).toBe(true);
    expect(finding.violations[0]).toMatchObject({ category: 'hate', severity: 2 });
    expect(finding.uncertainty).toBe(0.15);
  });

  it('is less certain when high scores come back unflagged', async () => {
    const server = await moderationServer(moderation({ violence: 0.8 }, [], false));
    const finding = await evaluate(critic(server));
    expect(finding.severity).toBe(2);
    expect(finding.uncertainty).toBe(0.5);
  });

  it('takes the highest grade of each category across several results', async () => {
    const body = JSON.stringify({
      results: [
        { flagged: false, categories: { hate: false }, category_scores: { hate: 0.35 } },
        { flagged: false, categories: { hate: false }, category_scores: { hate: 0.7 } },
      ],
    });
    const server = await moderationServer(body);
    const finding = await evaluate(critic(server));
    expect(finding.violations).toHaveLength(1);
    expect(finding.violations[0]).toMatchObject({ category: 'hate', severity: 2 });
  });

  it('clamps scores outside 0–1', async () => {
    const body = JSON.stringify({
      results: [{ flagged: false, categories: {}, category_scores: { violence: 7, hate: -3 } }],
    });
    const server = await moderationServer(body);
    const finding = await evaluate(critic(server));
    expect(finding.severity).toBe(3);
    expect(finding.details).toMatchObject({ scores: { violence: 1, hate: 0 } });
  });
});

describe('external_api_critic: Retry-After', () => {
  it.each([
    ['Retry-After: 0', { 'retry-after': '0' }, 0],
    ['retry-after-ms: 20', { 'retry-after-ms': '20' }, 20],
  ])('waits out a 429 with %s and retries once inside the attempt', async (_n, headers, waited) => {
    const server = await startServer((res, _seen, index) => {
      if (index === 0) send(res, 429, '{"error":"rate limited"}', headers);
      else send(res, 200, moderation({ violence: 0.95 }, ['violence']));
    });
    const finding = await evaluate(critic(server));
    expect(server.requests).toHaveLength(2);
    expect(finding.severity).toBe(3);
    expect(finding.details).toMatchObject({ retriedAfterMs: waited });
  });

  it('succeeds through the orchestrator without spending an orchestrator retry', async () => {
    const server = await startServer((res, _seen, index) => {
      if (index === 0) send(res, 429, '{}', { 'retry-after': '0' });
      else send(res, 200, moderation());
    });
    const result = await runThrough(critic(server));
    expect(result.status).toBe('success');
    expect(result.retryCount).toBe(0);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['a Retry-After beyond the budget', { 'retry-after': '5' }, 5000],
    ['no Retry-After', {}, undefined],
  ])('throws at once on a 429 with %s, naming status and wait', async (_n, headers, wait) => {
    const server = await startServer((res) => {
      send(res, 429, '{"error":"rate limited"}', headers);
    });
    const error = (await caught(evaluate(critic(server)))) as CriticHttpError;
    expect(error).toBeInstanceOf(CriticHttpError);
    expect(error.upstreamStatus).toBe(429);
    expect(error.retryAfterMs).toBe(wait);
    expect(error.message).toContain('HTTP 429');
    if (wait !== undefined) expect(error.message).toContain(`Retry-After ${wait} ms`);
    expect(server.requests).toHaveLength(1);
  });

  it('honours a custom maxRetryAfterMs budget', async () => {
    const server = await startServer((res) => {
      send(res, 429, '{}', { 'retry-after-ms': '50' });
    });
    const error = await caught(evaluate(critic(server, { maxRetryAfterMs: 10 })));
    expect(error).toBeInstanceOf(CriticHttpError);
    expect(server.requests).toHaveLength(1);
  });

  it('throws when the retry inside the attempt is rate limited again', async () => {
    const server = await startServer((res) => {
      send(res, 429, '{}', { 'retry-after': '0' });
    });
    const error = (await caught(evaluate(critic(server)))) as CriticHttpError;
    expect(error.upstreamStatus).toBe(429);
    expect(server.requests).toHaveLength(2);
  });

  it("stops waiting when the attempt's signal aborts during the Retry-After sleep", async () => {
    const controller = new AbortController();
    const server = await startServer((res) => {
      send(res, 429, '{}', { 'retry-after': '1' });
      setTimeout(() => {
        controller.abort(new Error('deadline passed'));
      }, 50);
    });
    await expect(evaluate(critic(server), input(), controller.signal)).rejects.toThrow(
      'deadline passed',
    );
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['delta-seconds', { 'retry-after': '2' }, 2000],
    ['fractional seconds', { 'retry-after': '0.25' }, 250],
    ['milliseconds header first', { 'retry-after-ms': '75', 'retry-after': '9' }, 75],
    ['an HTTP date', { 'retry-after': new Date(10_000).toUTCString() }, 7000],
    ['a date in the past', { 'retry-after': new Date(0).toUTCString() }, 0],
    ['garbage', { 'retry-after': 'soon' }, undefined],
    ['nothing', {}, undefined],
  ])('parses Retry-After given as %s', (_n, headers, expected) => {
    expect(parseRetryAfter(new Headers(headers), 3000)).toBe(expected);
  });
});

describe('external_api_critic: failures', () => {
  it.each([
    ['an HTML page', '<!doctype html><title>Oops</title>'],
    ['truncated JSON', moderation().slice(0, 50)],
    ['no results', JSON.stringify({ id: 'x', results: [] })],
    [
      'flagged as a string',
      JSON.stringify({ results: [{ flagged: 'yes', categories: {}, category_scores: {} }] }),
    ],
    [
      'a score as a string',
      JSON.stringify({
        results: [{ flagged: false, categories: {}, category_scores: { hate: '0.9' } }],
      }),
    ],
    ['no category_scores', JSON.stringify({ results: [{ flagged: true, categories: {} }] })],
    ['an array', '[]'],
  ])('rejects %s with a CriticProtocolError, never a pass', async (_name, body) => {
    const server = await moderationServer(body);
    const error = (await caught(evaluate(critic(server)))) as CriticProtocolError;
    expect(error).toBeInstanceOf(CriticProtocolError);
    expect(error.message).toMatch(/^external_api_critic: the moderation answer/);
  });

  it.each([
    [500, true],
    [502, true],
    [403, false],
    [422, false],
  ])('throws a CriticHttpError for HTTP %s (retryable: %s)', async (status, retryable) => {
    const server = await startServer((res) => {
      send(res, status, '{"error":"nope"}');
    });
    const error = (await caught(evaluate(critic(server)))) as CriticHttpError;
    expect(error).toBeInstanceOf(CriticHttpError);
    expect(error.upstreamStatus).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain('/v1/moderations');
    expect(server.requests).toHaveLength(1);
  });

  it('is retried by the orchestrator after a 500 and then succeeds', async () => {
    const server = await startServer((res, _seen, index) => {
      if (index === 0) send(res, 500, '{"error":"boom"}');
      else send(res, 200, moderation({ hate: 0.7 }));
    });
    const result = await runThrough(critic(server));
    expect(result.status).toBe('success');
    expect(result.retryCount).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect((result.output as unknown as Finding).severity).toBe(2);
  });

  it("aborts the request on the orchestrator's timeout and the server sees the connection close", async () => {
    const server = await startServer(() => undefined);
    const result = await runThrough(critic(server), { timeoutMs: 100, maxRetries: 0 });
    expect(result.status).toBe('timeout');
    expect(server.requests).toHaveLength(1);
    await expect(server.requests[0]!.closedEarly).resolves.toBe(true);
  });

  it('aborts a body that stalls halfway when the signal fires', async () => {
    const server = await startServer((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"results": [');
    });
    const controller = new AbortController();
    const pending = evaluate(critic(server), input(), controller.signal);
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error('timed out'));
    await expect(pending).rejects.toThrow('timed out');
    await expect(server.requests[0]!.closedEarly).resolves.toBe(true);
  });
});
