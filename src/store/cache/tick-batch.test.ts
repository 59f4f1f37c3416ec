import { describe, expect, it } from 'vitest';
import { TickBatch } from './tick-batch.js';

function store() {
  const data = new Map<string, string>([['a', '1']]);
  const calls: string[] = [];
  const batch = new TickBatch({
    getMany: (keys) => {
      calls.push(`get ${keys.join(',')}`);
      return Promise.resolve(keys.map((k) => data.get(k) ?? null));
    },
    setMany: (entries) => {
      calls.push(`set ${[...entries.keys()].join(',')}`);
      for (const [k, v] of entries) data.set(k, v);
      return Promise.resolve();
    },
  });
  return { batch, calls, data };
}

describe('TickBatch', () => {
  it('sends the lookups and the writes of one tick as one command each', async () => {
    const { batch, calls, data } = store();
    const got = await Promise.all([batch.get('a'), batch.get('b'), batch.get('a')]);
    await Promise.all([batch.set('b', '2'), batch.set('c', '3'), batch.set('b', '4')]);
    expect(got).toEqual(['1', null, '1']);
    expect(calls).toEqual(['get a,b,a', 'set b,c']);
    expect(data.get('b')).toBe('4');
    expect(await batch.get('c')).toBe('3');
    expect(calls).toHaveLength(3);
  });

  it('fails every lookup of a batch whose command failed', async () => {
    const batch = new TickBatch({
      getMany: () => Promise.reject(new Error('Command timed out')),
      setMany: () => Promise.reject(new Error('Connection is closed')),
    });
    const results = await Promise.allSettled([batch.get('a'), batch.get('b'), batch.set('c', '')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});
