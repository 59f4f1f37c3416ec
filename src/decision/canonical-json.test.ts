import canonicalizeModule from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalTexts, canonicalJson } from './canonical-json.js';

/** The `canonicalize` package (RFC 8785's reference behaviour), CommonJS under either import shape. */
const canonicalize = ((): ((input: unknown) => string | undefined) => {
  const loaded: unknown = canonicalizeModule;
  if (typeof loaded === 'function') return loaded as (input: unknown) => string | undefined;
  return (loaded as { default: (input: unknown) => string | undefined }).default;
})();

/** The reference: a safe deep copy (the documented conversions), then the package's JCS. */
function reference(value: unknown): string {
  return canonicalize(safe(value, new Set())) ?? 'null';
}

function safe(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return undefined;
  if (value === null) return null;
  if (ancestors.has(value)) return '[Circular]';
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return safe((toJSON as () => unknown).call(value), ancestors);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return (value as unknown[]).map((v) => safe(v, ancestors) ?? null);
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) {
      const converted = safe(item, ancestors);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}

describe('canonicalJson', () => {
  it('equals the canonicalize package on the safe copy, for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withBoxedValues: true,
          withTypedArray: true,
          stringUnit: 'binary',
        }),
        (value) => {
          expect(canonicalJson(value)).toBe(reference(value));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes a hole in an array as null, where the package would write invalid JSON', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    const sparse = [, 1];
    expect(canonicalJson(sparse)).toBe('[null,1]');
    expect(JSON.parse(canonicalJson(sparse))).toEqual([null, 1]);
  });

  it('orders integer-like keys and keeps a `__proto__` key (the writer path)', () => {
    expect(canonicalJson({ b: 1, '10': 2, '2': 3, a: { '1': true } })).toBe(
      '{"10":2,"2":3,"a":{"1":true},"b":1}',
    );
    const parsed = JSON.parse('{"z":1,"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"z":1}');
    expect(canonicalJson({ big: 12345678901234567890n })).toBe('{"big":"12345678901234567890"}');
  });

  it('marks a cycle instead of throwing, and repeats a shared object', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop['self'] = loop;
    const shared = { k: 1 };
    expect(canonicalJson(loop)).toBe('{"a":1,"self":"[Circular]"}');
    expect(canonicalJson([shared, shared])).toBe('[{"k":1},{"k":1}]');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 asks', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, b: 5, A: 6 })).toBe(
      '{"\\r":2,"1":4,"A":6,"b":5,"€":1,"😀":3}',
    );
  });

  it('equals the package for records of a few recurring shapes (the key-order table)', () => {
    const key = fc.constantFrom('critic', 'status', 'output', 'a', 'b', '1', '__proto__', 'é');
    const record = fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.boolean()));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (records) => {
        expect(canonicalJson(records)).toBe(reference(records));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes deep acyclic nesting as it is (past the fast writer’s depth)', () => {
    let deep: unknown = { leaf: [1, 'x'] };
    for (let i = 0; i < 300; i++) deep = i % 2 === 0 ? [deep] : { [`k${String(i)}`]: deep, a: i };
    expect(canonicalJson(deep)).toBe(reference(deep));
  });

  it('calls toJSON once per value, with its key, as JSON.stringify does', () => {
    const keys: string[] = [];
    const stamp = {
      toJSON(key: string): unknown {
        keys.push(key);
        return { toJSON: 'not called again', z: 1, a: key };
      },
    };
    expect(canonicalJson({ when: stamp, list: [stamp] })).toBe(
      '{"list":[{"a":"0","toJSON":"not called again","z":1}],"when":{"a":"when","toJSON":"not called again","z":1}}',
    );
    expect(keys).toEqual(['0', 'when']);
    expect(canonicalJson(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
  });

  it('escapes exactly what JSON.stringify escapes', () => {
    const texts = [
      'plain',
      'quote "',
      'back\\slash',
      'tab\t',
      '\u0000\u001f\u007f',
      '\u2028',
      '\ud800 lone',
      '\ud83d\ude00 pair',
    ];
    for (const text of texts) expect(canonicalJson(text)).toBe(JSON.stringify(text));
  });
});

describe('CanonicalTexts', () => {
  it('writes a kept object as its kept text, the same as writing it afresh', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.object({
            maxDepth: 3,
            maxKeys: 6,
            withBigInt: true,
            withDate: true,
            withNullPrototype: true,
          }),
          { maxLength: 6 },
        ),
        fc.anything({ maxDepth: 2 }),
        (parts, other) => {
          const texts = new CanonicalTexts();
          for (const part of parts) expect(texts.add(part)).toBe(canonicalJson(part));
          const whole = { parts, again: parts, other };
          expect(canonicalJson(whole, texts)).toBe(canonicalJson(whole));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reuses the kept text instead of writing the object again', () => {
    const texts = new CanonicalTexts();
    const output = { severity: 1, justification: 'as judged' };
    texts.add(output);
    output.justification = 'changed later';
    expect(canonicalJson({ output }, texts)).toBe(
      '{"output":{"justification":"as judged","severity":1}}',
    );
    expect(canonicalJson({ output })).toContain('changed later');
  });

  it('keeps no text for an object with toJSON or one inside a cycle', () => {
    const texts = new CanonicalTexts();
    const stamp = { toJSON: (): string => 'stamp', at: 1 };
    const loop: Record<string, unknown> = { a: 1 };
    loop['self'] = { back: loop };
    expect(texts.add(stamp)).toBe('"stamp"');
    expect(texts.add(loop)).toBe('{"a":1,"self":{"back":"[Circular]"}}');
    expect(texts.get(stamp)).toBeUndefined();
    expect(texts.get(loop)).toBeUndefined();
    // Where a toJSON returns the object, its own toJSON is not applied again.
    expect(canonicalJson({ x: { toJSON: () => stamp } }, texts)).toBe('{"x":{"at":1}}');
  });
});
