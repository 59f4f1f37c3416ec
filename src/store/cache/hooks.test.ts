import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidOptionError } from '../../orchestrator/errors.js';
import { createOrchestrator } from '../../orchestrator/orchestrator.js';
import {
  deferred,
  fakeLogger,
  REQUEST,
  settle,
  untilAborted,
} from '../../orchestrator/test-helpers/fixtures.js';
import type { CriticOutput } from '../../orchestrator/types.js';
import { counting, wired } from './test-helpers/wired.js';

const OUTPUT: CriticOutput = { value: 'pass', score: 0.25, details: { note: 'fine' } };

describe('the cache wired through the orchestrator hooks', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('serves an identical request from the cache, whatever its trace id', async () => {
    const critic = counting('quick_safety', () => OUTPUT);
    const { orchestrator, cache } = wired([critic.spec]);
    const first = await orchestrator.run({ ...REQUEST, traceId: 'a' });
    const second = await orchestrator.run({ ...REQUEST, traceId: 'b' });
    expect(critic.calls).toBe(1);
    expect(first.results['quick_safety']?.fromCache).toBeUndefined();
    expect(second.results['quick_safety']).toMatchObject({
      status: 'success',
      fromCache: true,
      output: OUTPUT,
    });
    expect(cache.stats().l1).toMatchObject({ hits: 1, misses: 1, writes: 1, entries: 1 });
    expect(orchestrator.metrics().fromCache).toBe(1);
  });

  it('runs the critic again for a request that differs in a field it reads', async () => {
    const critic = counting('quick_safety', () => OUTPUT);
    const { orchestrator } = wired([critic.spec]);
    await orchestrator.run(REQUEST);
    await orchestrator.run({ ...REQUEST, modelResponse: 'another answer' });
    expect(critic.calls).toBe(2);
  });

  it('hands each hit its own copy, so a caller cannot change what the cache holds', async () => {
    const critic = counting('quick_safety', () => ({ ...OUTPUT }));
    const { orchestrator } = wired([critic.spec]);
    await orchestrator.run(REQUEST);
    const hit = await orchestrator.run(REQUEST);
    (hit.results['quick_safety']?.output as Record<string, unknown>)['score'] = 1;
    const again = await orchestrator.run(REQUEST);
    expect(again.results['quick_safety']?.output['score']).toBe(0.25);
  });

  it('never caches a critic that declares no reads', async () => {
    let calls = 0;
    const { orchestrator, cache } = wired([
      { name: 'quick_safety', evaluate: () => (calls++, OUTPUT) },
    ]);
    await orchestrator.run(REQUEST);
    await orchestrator.run(REQUEST);
    expect(calls).toBe(2);
    expect(cache.stats().l1).toMatchObject({ hits: 0, misses: 0, writes: 0 });
  });

  it('shares one execution among concurrent identical requests (single flight)', async () => {
    const gate = deferred<CriticOutput>();
    const critic = counting('quick_safety', () => gate.promise);
    const { orchestrator, cache } = wired([critic.spec]);
    const runs = Array.from({ length: 5 }, (_, i) =>
      orchestrator.run({ ...REQUEST, traceId: `t${String(i)}` }),
    );
    await vi.waitFor(() => {
      expect(cache.stats().singleFlight.joins).toBe(4);
    });
    gate.resolve(OUTPUT);
    const reports = await Promise.all(runs);
    expect(critic.calls).toBe(1);
    const results = reports.map((r) => r.results['quick_safety']);
    expect(results.every((r) => r?.status === 'success' && r.output['score'] === 0.25)).toBe(true);
    expect(results.filter((r) => r?.fromCache === true)).toHaveLength(4);
    expect(cache.stats().singleFlight).toEqual({
      joins: 4,
      shared: 4,
      fellThrough: 0,
      inFlight: 0,
    });
  });

  it('lets the joiners run the critic themselves when the shared execution fails', async () => {
    const gate = deferred<CriticOutput>();
    const critic = counting('quick_safety', (call) => (call === 1 ? gate.promise : OUTPUT));
    const { orchestrator, cache } = wired([critic.spec]);
    const runs = [orchestrator.run(REQUEST), orchestrator.run(REQUEST), orchestrator.run(REQUEST)];
    await vi.waitFor(() => {
      expect(cache.stats().singleFlight.joins).toBe(2);
    });
    gate.reject(new Error('upstream down'));
    const [leader, ...joiners] = await Promise.all(runs);
    expect(leader?.results['quick_safety']?.status).toBe('error');
    for (const r of joiners) {
      expect(r.results['quick_safety']).toMatchObject({ status: 'success' });
      expect(r.results['quick_safety']?.fromCache).toBeUndefined();
    }
    expect(critic.calls).toBe(3);
    expect(cache.stats().singleFlight.fellThrough).toBe(2);
  });

  it('frees the joiners at once when the shared execution is cancelled by its caller', async () => {
    const critic = counting('quick_safety', (call, input) =>
      call === 1 ? untilAborted(abort.signal) : { ...OUTPUT, text: input.modelResponse },
    );
    const abort = new AbortController();
    const { orchestrator } = wired([critic.spec]);
    const leader = orchestrator.run(REQUEST, { signal: abort.signal });
    await vi.waitFor(() => {
      expect(critic.calls).toBe(1);
    });
    const joiner = orchestrator.run(REQUEST);
    abort.abort();
    expect((await leader).results['quick_safety']?.status).toBe('cancelled');
    expect((await joiner).results['quick_safety']?.status).toBe('success');
    expect(critic.calls).toBe(2);
  });

  it("bounds a joiner's wait by its critic's timeout, then runs the critic itself", async () => {
    vi.useFakeTimers();
    const logger = fakeLogger();
    const slow = (ms: number, output?: CriticOutput): Promise<CriticOutput> =>
      new Promise((resolve, reject) =>
        setTimeout(() => {
          if (output === undefined) reject(new Error('flaky'));
          else resolve(output);
        }, ms),
      );
    // The first execution fails after 900 ms and would retry after 500 ms, at 1400 ms.
    const critic = counting('quick_safety', (call) => (call === 1 ? slow(900) : slow(50, OUTPUT)), {
      timeoutMs: 1000,
      maxRetries: 1,
      backoff: { initialDelayMs: 500, jitter: 0 },
    });
    const { orchestrator, cache } = wired([critic.spec], { logger });
    const leader = orchestrator.run(REQUEST);
    const joiner = orchestrator.run(REQUEST);
    await vi.advanceTimersByTimeAsync(1000);
    expect(critic.calls).toBe(2);
    const joined = await settle(joiner);
    expect(joined.results['quick_safety']).toMatchObject({ status: 'success' });
    expect(joined.results['quick_safety']?.fromCache).toBeUndefined();
    // The leader's retry finds what the joiner stored.
    expect((await settle(leader)).results['quick_safety']).toMatchObject({
      status: 'success',
      fromCache: true,
    });
    expect(critic.calls).toBe(2);
    expect(cache.stats().singleFlight).toMatchObject({ joins: 1, fellThrough: 1 });
    expect(logger.messages('warn').filter((m) => m?.startsWith('Hook'))).toEqual([]);
  });

  it('never caches an error or a timeout', async () => {
    vi.useFakeTimers();
    const critic = counting(
      'quick_safety',
      (call) => {
        if (call === 1) throw new Error('boom');
        if (call === 2) return new Promise<CriticOutput>(() => undefined);
        return OUTPUT;
      },
      { timeoutMs: 100 },
    );
    const { orchestrator, cache } = wired([critic.spec]);
    expect((await orchestrator.run(REQUEST)).results['quick_safety']?.status).toBe('error');
    const timedOut = await settle(orchestrator.run(REQUEST));
    expect(timedOut.results['quick_safety']?.status).toBe('timeout');
    expect((await orchestrator.run(REQUEST)).results['quick_safety']?.fromCache).toBeUndefined();
    expect(critic.calls).toBe(3);
    expect(cache.stats().l1.writes).toBe(1);
  });

  it('never caches an output that failed validation', async () => {
    const critic = counting('quick_safety', () => ({ value: 'pass' }));
    const { orchestrator, cache } = wired([critic.spec]);
    const first = await orchestrator.run(REQUEST);
    expect(first.results['quick_safety']?.validationErrors).toEqual([
      'missing_required_field: score',
    ]);
    await orchestrator.run(REQUEST);
    expect(critic.calls).toBe(2);
    expect(cache.stats()).toMatchObject({ rejected: 2, l1: { writes: 0 } });
  });

  it("keys a dependent critic on its dependencies' outputs", async () => {
    const first = counting('quick_safety', (_call, input) => ({
      value: input.modelResponse.length,
      score: 0,
    }));
    const dependent = counting(
      'deep_bias_check',
      (_call, input) => ({ value: 'pass', score: 0, saw: input.priorResults }),
      { reads: ['inputText'], dependsOn: ['quick_safety'], policy: 'ALWAYS' },
    );
    const { orchestrator } = wired([first.spec, dependent.spec]);
    await orchestrator.run(REQUEST);
    await orchestrator.run({ ...REQUEST, modelResponse: 'a longer answer' });
    await orchestrator.run({ ...REQUEST, modelResponse: 'a longer answer' });
    expect(dependent.calls).toBe(2);
  });

  it('rejects an empty configHash when the panel is built', () => {
    const critic = counting('quick_safety', () => OUTPUT, { configHash: '' });
    expect(() => createOrchestrator({ critics: [critic.spec] })).toThrow(InvalidOptionError);
    expect(() => createOrchestrator({ critics: [critic.spec] })).toThrow(/configHash/);
  });
});
