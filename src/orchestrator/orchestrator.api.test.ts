import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../index.js';
import * as errors from './errors.js';
import { ClosedError, InvalidRequestError } from './errors.js';
import { createOrchestrator } from './orchestrator.js';
import type { OrchestratorEventName } from './orchestrator-events.js';
import { OK, REQUEST, settle, untilAborted } from './test-helpers/fixtures.js';
import type { RunRequest } from './types.js';
import { Policy, Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('public surface (src/index.ts)', () => {
  it.each([
    'createOrchestrator',
    'runCriticsParallel',
    'classifyCritic',
    'configFromEnv',
    'configFromFile',
    'orchestratorOptionsFromConfig',
    'failureOutput',
  ] as const)('exports the function %s', (name) => {
    expect(typeof api[name]).toBe('function');
  });

  it('exports the Stage and Policy vocabularies with their contract values', () => {
    expect(Object.values(api.Stage)).toEqual([
      'PRE_VALIDATION',
      'FAST_CRITICS',
      'CORE_ANALYSIS',
      'DEEP_ANALYSIS',
      'POST_PROCESSING',
      'VALIDATION',
    ]);
    expect(Object.values(api.Policy).sort()).toEqual(
      ['ALWAYS', 'CONDITIONAL', 'ON_HIGH_RISK', 'ON_UNCERTAINTY', 'ON_VIOLATION'].sort(),
    );
    expect(Object.values(api.Status).sort()).toEqual(
      ['cancelled', 'circuit_open', 'error', 'gated', 'rate_limited', 'success', 'timeout'].sort(),
    );
  });

  const errorClasses = Object.entries(errors).filter(
    (entry): entry is [string, typeof errors.EleanorError] =>
      typeof entry[1] === 'function' && entry[1].prototype instanceof Error,
  );

  it('finds the error classes to check', () => {
    expect(errorClasses.length).toBeGreaterThanOrEqual(16);
  });

  it.each(errorClasses)('re-exports the error class %s as the same class', (name, cls) => {
    expect((api as Record<string, unknown>)[name]).toBe(cls);
    expect(cls === errors.EleanorError || cls.prototype instanceof errors.EleanorError).toBe(true);
  });

  it('exports classifyCritic with the seed examples', () => {
    expect(api.classifyCritic('quick_safety')).toMatchObject({
      stage: api.Stage.FAST_CRITICS,
      priority: 1,
    });
    expect(api.classifyCritic('deep_bias_check')).toMatchObject({
      stage: api.Stage.DEEP_ANALYSIS,
      priority: 2,
      policy: api.Policy.ON_VIOLATION,
    });
  });
});

describe('orchestrator.critics (the plan as placed)', () => {
  it('lets explicit stage, priority and policy win over name classification', () => {
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'deep_bias_check',
          stage: Stage.POST_PROCESSING,
          priority: 8,
          policy: Policy.ON_UNCERTAINTY,
          evaluate: () => OK,
        },
        { name: 'quick_safety', evaluate: () => OK },
        { name: 'style_checker', priority: 2, evaluate: () => OK },
      ],
    });
    const byName = new Map(orchestrator.critics.map((c) => [c.name, c]));
    expect(byName.get('deep_bias_check')).toMatchObject({
      stage: Stage.POST_PROCESSING,
      priority: 8,
      policy: Policy.ON_UNCERTAINTY,
      reasons: {
        stage: 'explicit stage',
        priority: 'explicit priority',
        policy: 'explicit policy',
      },
    });
    expect(byName.get('quick_safety')).toMatchObject({
      stage: Stage.FAST_CRITICS,
      priority: 1,
      policy: Policy.ALWAYS,
    });
    expect(byName.get('style_checker')).toMatchObject({
      stage: Stage.CORE_ANALYSIS,
      priority: 2,
      policy: Policy.ALWAYS,
      reasons: { priority: 'explicit priority' },
    });
    // Plan order: (stage, priority, declaration).
    expect(orchestrator.critics.map((c) => c.name)).toEqual([
      'quick_safety',
      'style_checker',
      'deep_bias_check',
    ]);
  });

  it('lists the defaults each critic got', () => {
    const orchestrator = createOrchestrator({
      critics: [{ name: 'a', evaluate: () => OK }],
    });
    expect(orchestrator.critics[0]).toMatchObject({
      name: 'a',
      dependsOn: [],
      timeoutMs: 10_000,
      maxRetries: 2,
      failureMode: 'open',
      cost: 0,
      version: '1',
      tags: [],
    });
  });
});

describe('run() request checks', () => {
  const bad: [string, unknown, string][] = [
    ['a non-string inputText', { ...REQUEST, inputText: 42 }, 'inputText'],
    ['a missing inputText', { modelResponse: 'x' }, 'inputText'],
    ['a non-string modelResponse', { ...REQUEST, modelResponse: null }, 'modelResponse'],
    ['a bad riskTier', { ...REQUEST, context: { riskTier: 'extreme' } }, 'context.riskTier'],
    ['a string context', { ...REQUEST, context: 'high' }, 'context'],
    ['an array context', { ...REQUEST, context: ['high'] }, 'context'],
    ['a null context', { ...REQUEST, context: null }, 'context'],
    ['an empty traceId', { ...REQUEST, traceId: '' }, 'traceId'],
    ['a null request', null, 'request'],
    ['a string request', 'hello', 'request'],
  ];

  it.each(bad)(
    'rejects %s with an InvalidRequestError naming the field, and keeps serving',
    async (_why, request, field) => {
      const evaluate = vi.fn(() => OK);
      const orchestrator = createOrchestrator({ critics: [{ name: 'a', evaluate }] });
      const result = orchestrator.run(request as RunRequest);
      await expect(result).rejects.toBeInstanceOf(InvalidRequestError);
      await expect(result).rejects.toMatchObject({ field, status: 400 });
      await expect(result).rejects.toThrow(`\`${field}\``);
      expect(evaluate).not.toHaveBeenCalled();
      const report = await settle(orchestrator.run(REQUEST));
      expect(report.results['a']?.status).toBe('success');
      expect(orchestrator.metrics().runs).toBe(1);
    },
  );

  it('rejects a signal that is not an AbortSignal', async () => {
    const orchestrator = createOrchestrator({ critics: [{ name: 'a', evaluate: () => OK }] });
    await expect(
      orchestrator.run(REQUEST, { signal: { aborted: false } as AbortSignal }),
    ).rejects.toMatchObject({ name: 'InvalidRequestError', field: 'options.signal' });
  });

  it('uses the given traceId, and generates one when absent', async () => {
    const orchestrator = createOrchestrator({ critics: [{ name: 'a', evaluate: () => OK }] });
    const given = await settle(orchestrator.run({ ...REQUEST, traceId: 'trace-42' }));
    expect(given.traceId).toBe('trace-42');
    const generated = await settle(orchestrator.run(REQUEST));
    expect(generated.traceId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('close()', () => {
  it('cancels in-flight runs, then refuses new ones with a ClosedError', async () => {
    let seen: AbortSignal | undefined;
    const orchestrator = createOrchestrator({
      critics: [
        {
          name: 'hangs',
          evaluate: (_input, { signal }) => {
            seen = signal;
            return untilAborted(signal);
          },
        },
        { name: 'waits', dependsOn: ['hangs'], evaluate: () => OK },
      ],
    });
    const running = orchestrator.run(REQUEST);
    await Promise.resolve();
    expect(seen?.aborted).toBe(false);
    await orchestrator.close();
    const report = await running;
    expect(seen?.aborted).toBe(true);
    expect(report.results['hangs']).toMatchObject({ status: 'cancelled' });
    expect(report.results['hangs']?.error).toContain('orchestrator_closed');
    expect(report.results['waits']?.status).toBe('cancelled');
    await expect(orchestrator.run(REQUEST)).rejects.toBeInstanceOf(ClosedError);
    await expect(orchestrator.run(REQUEST)).rejects.toMatchObject({ status: 503 });
  });

  it('resolves at once when nothing is running, and can be called twice', async () => {
    const orchestrator = createOrchestrator({ critics: [{ name: 'a', evaluate: () => OK }] });
    await orchestrator.close();
    await orchestrator.close();
    await expect(orchestrator.run(REQUEST)).rejects.toBeInstanceOf(ClosedError);
  });
});

describe('on()', () => {
  it('throws for an unknown event name', () => {
    const orchestrator = createOrchestrator({ critics: [{ name: 'a', evaluate: () => OK }] });
    expect(() => orchestrator.on('unknown' as OrchestratorEventName, () => undefined)).toThrow(
      InvalidRequestError,
    );
    expect(() => orchestrator.on('unknown' as OrchestratorEventName, () => undefined)).toThrow(
      /criticStart/,
    );
  });

  it('returns a disposer that stops delivery', async () => {
    const orchestrator = createOrchestrator({ critics: [{ name: 'a', evaluate: () => OK }] });
    const finished: string[] = [];
    const subscription = orchestrator.on('criticFinish', ({ result }) => {
      finished.push(result.critic);
    });
    await settle(orchestrator.run(REQUEST));
    subscription.dispose();
    await settle(orchestrator.run(REQUEST));
    expect(finished).toEqual(['a']);
  });

  it('delivers runComplete with the same report run() resolves with', async () => {
    const orchestrator = createOrchestrator({ critics: [{ name: 'a', evaluate: () => OK }] });
    const reports: unknown[] = [];
    orchestrator.on('runComplete', ({ report }) => reports.push(report));
    const report = await settle(orchestrator.run(REQUEST));
    expect(reports).toEqual([report]);
  });
});
