import { describe, expect, it } from 'vitest';
import type { CriticInput, CriticSpec } from '../../orchestrator/types.js';
import { CacheKeys, readField } from './key.js';

function input(overrides: Partial<CriticInput> = {}): CriticInput {
  return {
    inputText: 'question',
    modelResponse: 'answer',
    context: { riskTier: 'low' },
    traceId: 'trace-1',
    priorResults: {},
    ...overrides,
  };
}

const evaluate = (): Record<string, unknown> => ({ value: 'pass', score: 0 });

function spec(overrides: Partial<CriticSpec> = {}): CriticSpec {
  return { name: 'quick_safety', evaluate, reads: ['inputText', 'modelResponse'], ...overrides };
}

describe('CacheKeys', () => {
  it('gives identical requests with different trace ids the same key', () => {
    const keys = new CacheKeys();
    const a = keys.keyFor(spec(), input({ traceId: 'one' }));
    const b = keys.keyFor(spec(), input({ traceId: 'two' }));
    expect(a).toMatch(/^[0-9a-f]{64}\.[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it('changes the key when a field the critic reads changes', () => {
    const keys = new CacheKeys();
    const base = keys.keyFor(spec(), input());
    expect(keys.keyFor(spec(), input({ modelResponse: 'answer!' }))).not.toBe(base);
    expect(keys.keyFor(spec(), input({ inputText: 'question?' }))).not.toBe(base);
  });

  it('ignores the fields and context keys the critic does not read', () => {
    const keys = new CacheKeys();
    const reader = spec({ reads: ['modelResponse', 'context.maxLength'] });
    const base = keys.keyFor(reader, input());
    expect(keys.keyFor(reader, input({ inputText: 'another question' }))).toBe(base);
    expect(keys.keyFor(reader, input({ context: { riskTier: 'high', user: 'u1' } }))).toBe(base);
    expect(keys.keyFor(reader, input({ context: { maxLength: 10 } }))).not.toBe(base);
  });

  it('tells an absent context key from one set to null', () => {
    const keys = new CacheKeys();
    const reader = spec({ reads: ['context.tenant'] });
    expect(keys.keyFor(reader, input({ context: {} }))).not.toBe(
      keys.keyFor(reader, input({ context: { tenant: null } })),
    );
  });

  it('changes the key with the critic name, version and configuration hash', () => {
    const keys = new CacheKeys();
    const request = input();
    const all = [
      keys.keyFor(spec(), request),
      keys.keyFor(spec({ name: 'style_checker' }), request),
      keys.keyFor(spec({ version: '2' }), request),
      keys.keyFor(spec({ configHash: 'abc' }), request),
      keys.keyFor(spec({ configHash: 'abd' }), request),
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(keys.keyFor(spec({ version: '1' }), request)).toBe(all[0]);
  });

  it('does not depend on the order the reads are declared in', () => {
    const keys = new CacheKeys();
    expect(keys.keyFor(spec({ reads: ['modelResponse', 'inputText'] }), input())).toBe(
      keys.keyFor(spec(), input()),
    );
  });

  it('has no key for a critic that declares no reads', () => {
    const keys = new CacheKeys();
    expect(keys.keyFor({ name: 'quick_safety', evaluate }, input())).toBeUndefined();
    expect(keys.keyFor(spec({ reads: [] }), input())).toBeUndefined();
  });

  it("keys a critic with dependencies on its dependencies' outputs", () => {
    const keys = new CacheKeys();
    const dependent = spec({ dependsOn: ['quick_safety'], name: 'deep_bias_check' });
    const a = keys.keyFor(dependent, input({ priorResults: { quick_safety: { score: 0 } } }));
    const b = keys.keyFor(dependent, input({ priorResults: { quick_safety: { score: 1 } } }));
    const c = keys.keyFor(dependent, input({ priorResults: { quick_safety: { score: 0 } } }));
    expect(a).not.toBe(b);
    expect(c).toBe(a);
  });
});

describe('readField', () => {
  it('reads the request texts and context keys, and nothing inherited', () => {
    const request = input({ context: { riskTier: 'high' } });
    expect(readField(request, 'inputText')).toBe('question');
    expect(readField(request, 'modelResponse')).toBe('answer');
    expect(readField(request, 'context.riskTier')).toBe('high');
    expect(readField(request, 'context.toString')).toBeUndefined();
  });
});
