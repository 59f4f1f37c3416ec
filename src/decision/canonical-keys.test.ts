import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyOrders, MAX_KEPT_CHARS, MAX_KEPT_KEYS } from './canonical-keys.js';

describe('KeyOrders', () => {
  it('sorts a shape by UTF-16 code units and quotes each key', () => {
    const order = new KeyOrders().of(['b', 'a\u00e9', 'A', '"q"']);
    expect(order.sorted).toEqual(['"q"', 'A', 'b', 'a\u00e9'].sort());
    expect(order.first).toEqual(order.sorted.map((key) => `{${JSON.stringify(key)}:`));
    expect(order.next).toEqual(order.sorted.map((key) => `,${JSON.stringify(key)}:`));
  });

  it('finds a shape again, and tells apart shapes that share their first key', () => {
    const orders = new KeyOrders();
    const finding = orders.of(['critic', 'status', 'output']);
    const reason = orders.of(['critic', 'category', 'severity']);
    const longer = orders.of(['critic', 'status', 'output', 'gatingReason']);
    expect(orders.of(['critic', 'status', 'output'])).toBe(finding);
    expect(orders.of(['critic', 'category', 'severity'])).toBe(reason);
    expect(longer.sorted).toEqual(['critic', 'gatingReason', 'output', 'status']);
    expect(reason.sorted).toEqual(['category', 'critic', 'severity']);
  });

  it('keeps its own copy of the key list', () => {
    const orders = new KeyOrders();
    const keys = ['z', 'y'];
    const order = orders.of(keys);
    keys[1] = 'x';
    expect(order.listed).toEqual(['z', 'y']);
    expect(orders.of(['z', 'x']).sorted).toEqual(['x', 'z']);
  });

  it('gives the sorted order of any key list, however many shapes came before', () => {
    const orders = new KeyOrders();
    const keyList = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'é', '1', '10', '2'), {
      minLength: 1,
    });
    fc.assert(
      fc.property(fc.array(keyList, { minLength: 1, maxLength: 20 }), (lists) => {
        for (const keys of lists) expect(orders.of(keys).sorted).toEqual([...keys].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('orders a large shape afresh each time instead of keeping it', () => {
    const orders = new KeyOrders();
    const keys = Array.from({ length: MAX_KEPT_KEYS + 1 }, (_, i) => `k${String(1000 - i)}`);
    const once = orders.of(keys);
    expect(once.sorted).toEqual([...keys].sort());
    expect(orders.of(keys)).not.toBe(once);
    expect(orders.of(keys.slice(0, MAX_KEPT_KEYS))).toBe(orders.of(keys.slice(0, MAX_KEPT_KEYS)));
    const long = ['x'.repeat(MAX_KEPT_CHARS), 'a'];
    expect(orders.of(long).sorted).toEqual(['a', long[0]]);
    expect(orders.of(long)).not.toBe(orders.of(long));
  });
});
