import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../decision/audit-hash.js';
import type { CriticSpec } from '../../orchestrator/types.js';
import { decode, encode } from './codec.js';

const SPEC: CriticSpec = { name: 'quick_safety', evaluate: () => ({}), requiredFields: [] };

describe('the cache codec', () => {
  it('reads back any storable output with the canonical form it was stored with', () => {
    fc.assert(
      fc.property(fc.object({ maxDepth: 3 }), (output) => {
        const text = encode(SPEC, output);
        if (text === undefined) return;
        expect(canonicalJson(decode(text))).toBe(canonicalJson(output));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the values JSON turns into null or drops as the audit hash sees them', () => {
    const output = {
      score: Number.NaN,
      gone: undefined,
      list: [undefined, Infinity],
      at: new Date(0),
    };
    expect(canonicalJson(decode(encode(SPEC, output)))).toBe(canonicalJson(output));
  });

  it('refuses an output that fails the critic rules or is not JSON', () => {
    expect(encode({ ...SPEC, requiredFields: ['score'] }, { value: 1 })).toBeUndefined();
    expect(encode(SPEC, { value: 1n })).toBeUndefined();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(encode(SPEC, cyclic)).toBeUndefined();
  });

  it('reads anything but a JSON object as a miss', () => {
    expect(decode('[1,2]')).toBeUndefined();
    expect(decode('not json')).toBeUndefined();
    expect(decode(undefined)).toBeUndefined();
    expect(decode('{"score":0}')).toEqual({ score: 0 });
  });
});
