import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../orchestrator/errors.js';
import { MAX_CONTEXT_DEPTH, requestChecker } from './request.js';

function nested(depth: number): Record<string, unknown> {
  // `depth` objects, the outermost being the context itself.
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < depth; i++) value = { inner: value };
  return value;
}

describe('requestChecker: context nesting', () => {
  const check = requestChecker(1000);

  it(`accepts a context nested ${String(MAX_CONTEXT_DEPTH)} levels deep`, () => {
    const context = nested(MAX_CONTEXT_DEPTH);
    expect(check({ input: 'a', output: 'b', context }).context).toEqual(context);
  });

  it('rejects one level more, naming the field and the bound', () => {
    const error = (() => {
      try {
        check({ input: 'a', output: 'b', context: nested(MAX_CONTEXT_DEPTH + 1) });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe('context');
    expect((error as Error).message).toMatch(/nested at most 32 levels deep/);
  });

  it('rejects a hostile depth without exhausting the stack, and a cycle', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => check({ input: 'a', output: 'b', context: { deep } })).toThrow(/levels deep/);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => check({ input: 'a', output: 'b', context: cyclic })).toThrow(/levels deep/);
  });
});
