import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import {
  OK,
  REQUEST,
  deferred,
  fakeLogger,
  settle,
  untilAborted,
  type Deferred,
} from './test-helpers/fixtures.js';
import type { CriticInput, CriticOutput, CriticSpec, OrchestratorKind } from './types.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A panel with dependencies and every gating policy; each critic waits on its own deferred. */
function gatedPanel() {
  const started: string[] = [];
  const inputs = new Map<string, CriticInput>();
  const pending = new Map<string, Deferred<CriticOutput>>();
  const critic = (name: string, extra: Partial<CriticSpec>): CriticSpec => {
    const d = deferred<CriticOutput>();
    pending.set(name, d);
    return {
      name,
      ...extra,
      evaluate: (input) => {
        started.push(name);
        inputs.set(name, input);
        return d.promise;
      },
    };
  };
  const critics = [
    critic('root', { stage: Stage.FAST_CRITICS }),
    critic('child', { stage: Stage.CORE_ANALYSIS, dependsOn: ['root'] }),
    critic('violation_check', { stage: Stage.DEEP_ANALYSIS, policy: Policy.ON_VIOLATION }),
    critic('uncertain', { stage: Stage.DEEP_ANALYSIS, policy: Policy.ON_UNCERTAINTY }),
    critic('risky', { stage: Stage.CORE_ANALYSIS, policy: Policy.ON_HIGH_RISK }),
    critic('conditional', { policy: Policy.CONDITIONAL, condition: () => false }),
    critic('last', { stage: Stage.VALIDATION, dependsOn: ['child', 'violation_check'] }),
  ];
  return { critics, started, inputs, pending };
}

describe('simple orchestrator (the rollback path)', () => {
  it('starts every critic at once, ignoring dependencies and gating policies', async () => {
    const { critics, started, inputs, pending } = gatedPanel();
    const orchestrator = createOrchestrator({ critics, kind: 'simple' });
    const running = orchestrator.run(REQUEST);
    await Promise.resolve();
    expect([...started].sort()).toEqual(critics.map((c) => c.name).sort());
    for (const input of inputs.values()) expect(input.priorResults).toEqual({});
    for (const d of pending.values()) d.resolve(OK);
    const report = await settle(running);
    expect(Object.values(report.results).map((r) => r.status)).toEqual(
      Array(critics.length).fill('success'),
    );
    expect(report.summary).toMatchObject({ total: 7, success: 7, gated: 0 });
  });

  it('ignores the global concurrency cap and starts everything at once', async () => {
    const { critics, started, pending } = gatedPanel();
    const orchestrator = createOrchestrator({ critics, kind: 'simple', maxConcurrent: 1 });
    const running = orchestrator.run(REQUEST);
    await Promise.resolve();
    expect(started).toHaveLength(critics.length);
    for (const d of pending.values()) d.resolve(OK);
    await settle(running);
  });

  it('isolates timeouts and failures per critic and never retries', async () => {
    const calls: Record<string, number> = {};
    const count = (name: string) => {
      calls[name] = (calls[name] ?? 0) + 1;
    };
    const orchestrator = createOrchestrator({
      kind: 'simple',
      critics: [
        {
          name: 'hangs',
          timeoutMs: 100,
          maxRetries: 3,
          evaluate: (_input, { signal }) => {
            count('hangs');
            return untilAborted(signal);
          },
        },
        {
          name: 'throws',
          maxRetries: 3,
          evaluate: () => {
            count('throws');
            throw new Error('boom');
          },
        },
        {
          name: 'slow_but_fine',
          timeoutMs: 1000,
          evaluate: async () => {
            count('slow_but_fine');
            await new Promise((resolve) => setTimeout(resolve, 500));
            return OK;
          },
        },
      ],
    });
    const started = performance.now();
    const report = await settle(orchestrator.run(REQUEST));
    expect(performance.now() - started).toBe(500);
    expect(report.results['hangs']).toMatchObject({ status: 'timeout', retryCount: 0 });
    expect(report.results['throws']).toMatchObject({
      status: 'error',
      retryCount: 0,
      error: 'boom',
    });
    expect(report.results['slow_but_fine']?.status).toBe('success');
    expect(calls).toEqual({ hangs: 1, throws: 1, slow_but_fine: 1 });
    expect(report.summary).toMatchObject({ total: 3, success: 1, failed: 1, timedOut: 1 });
  });

  it('has no circuit breaker: a failing critic is called on every run', async () => {
    let calls = 0;
    const orchestrator = createOrchestrator({
      kind: 'simple',
      critics: [
        {
          name: 'fails',
          circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 },
          evaluate: () => {
            calls++;
            throw new Error('down');
          },
        },
      ],
    });
    for (let i = 0; i < 3; i++) {
      const report = await settle(orchestrator.run(REQUEST));
      expect(report.results['fails']?.status).toBe('error');
    }
    expect(calls).toBe(3);
    expect(orchestrator.metrics().critics['fails']?.breaker).toBe('disabled');
  });

  it('answers the same report shape as the production orchestrator', async () => {
    const critics: CriticSpec[] = [
      { name: 'ok', evaluate: () => OK },
      {
        name: 'bad',
        maxRetries: 0,
        evaluate: () => {
          throw new Error('boom');
        },
      },
    ];
    const run = async (kind: OrchestratorKind) =>
      settle(createOrchestrator({ critics, kind }).run(REQUEST));
    const [production, simple] = [await run('production'), await run('simple')];
    expect(Object.keys(simple).sort()).toEqual(Object.keys(production).sort());
    expect(Object.keys(simple.summary).sort()).toEqual(Object.keys(production.summary).sort());
    expect(Object.keys(simple.results).sort()).toEqual(Object.keys(production.results).sort());
    for (const name of ['ok', 'bad']) {
      expect(Object.keys(simple.results[name]!).sort()).toEqual(
        Object.keys(production.results[name]!).sort(),
      );
      expect(simple.results[name]?.status).toBe(production.results[name]?.status);
      expect(simple.results[name]?.output).toEqual(production.results[name]?.output);
    }
    expect(simple.summary).toEqual(production.summary);
  });

  it('logs that it runs with the Simple Orchestrator, gating and retries off', async () => {
    const logger = fakeLogger();
    const orchestrator = createOrchestrator({
      kind: 'simple',
      critics: [
        { name: 'a', evaluate: () => OK },
        { name: 'b', evaluate: () => OK },
        { name: 'deep_c', evaluate: () => OK },
      ],
      logger,
    });
    expect(orchestrator.kind).toBe('simple');
    await settle(orchestrator.run(REQUEST));
    expect(logger.messages('info')).toEqual([
      'Running 3 critics with Simple Orchestrator (gating=off, retries=off)',
      'Orchestrator execution complete: total=3, success=3, gated=0, retried=0',
    ]);
  });
});
