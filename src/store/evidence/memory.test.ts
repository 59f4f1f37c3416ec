import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../orchestrator/errors.js';
import { MemoryEvidenceStore } from './memory.js';
import { describeEvidenceStore } from './test-helpers/contract.js';
import { recordInput } from './test-helpers/records.js';

describeEvidenceStore('memory', () =>
  Promise.resolve({ store: new MemoryEvidenceStore(), cleanup: () => Promise.resolve() }),
);

describe('MemoryEvidenceStore', () => {
  it('keeps the most recent records and verifies the kept window of the chain', async () => {
    const store = new MemoryEvidenceStore({ limit: 3 });
    for (let i = 0; i < 5; i += 1) await store.record(recordInput({ traceId: `m${i}` }));
    expect((await store.query()).records.map((r) => r.sequence)).toEqual([5, 4, 3]);
    expect(await store.get('m0')).toBeUndefined();
    expect(await store.verify()).toEqual({ ok: true, checked: 3 });
  });

  it('hands out copies: changing a returned record changes nothing stored', async () => {
    const store = new MemoryEvidenceStore();
    const committed = await store.record(recordInput({ traceId: 'x' }));
    committed.decision = 'deny';
    expect((await store.get('x'))?.decision).toBe('allow');
    expect(await store.verify()).toEqual({ ok: true, checked: 1 });
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new MemoryEvidenceStore({ limit: 0 })).toThrow(InvalidOptionError);
  });
});
