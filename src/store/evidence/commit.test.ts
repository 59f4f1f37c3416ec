import { describe, expect, it } from 'vitest';
import { CanonicalTexts } from '../../decision/canonical-json.js';
import { commitRecord } from './commit.js';
import { MemoryEvidenceStore } from './memory.js';
import { recordInput } from './test-helpers/records.js';
import type { DecisionRecordInput, EvidenceStore } from './types.js';

/** A record, its first critic's output already written into `texts`, then changed. */
function changedAfterWriting(): { input: DecisionRecordInput; texts: CanonicalTexts } {
  const input = recordInput({ traceId: 'c' });
  const output = input.critics[0]!.output;
  const texts = new CanonicalTexts();
  texts.add(output);
  output['justification'] = 'changed after writing';
  return { input, texts };
}

async function body(store: MemoryEvidenceStore): Promise<string> {
  const page = await store.query({ limit: 1 });
  expect(await store.verify()).toEqual({ ok: true, checked: 1 });
  return JSON.stringify(page.records[0]?.critics[0]?.output);
}

describe('commitRecord', () => {
  it('hands a built-in store the members written from the shared texts', async () => {
    const store = new MemoryEvidenceStore();
    const { input, texts } = changedAfterWriting();
    await commitRecord(store, input, texts);
    // The stored body holds the text written before the change: it was not written again.
    expect(await body(store)).not.toContain('changed after writing');
  });

  it('hands any other store the record alone, to prepare afresh', async () => {
    const inner = new MemoryEvidenceStore();
    const wrapper: EvidenceStore = Object.assign(Object.create(inner) as EvidenceStore, {
      record: (input: DecisionRecordInput) => inner.record(input),
    });
    const { input, texts } = changedAfterWriting();
    await commitRecord(wrapper, input, texts);
    expect(await body(inner)).toContain('changed after writing');
  });

  it('treats a built-in store whose record() was replaced as any other store', async () => {
    const store = new MemoryEvidenceStore();
    const original = store.record.bind(store);
    store.record = (input) => original(input);
    const { input, texts } = changedAfterWriting();
    await commitRecord(store, input, texts);
    expect(await body(store)).toContain('changed after writing');
  });

  it('treats a subclass of a built-in store as any other store', async () => {
    class Stamping extends MemoryEvidenceStore {
      override record(input: DecisionRecordInput) {
        return super.record({ ...input, configVersion: 'stamped' });
      }
    }
    const store = new Stamping();
    const { input, texts } = changedAfterWriting();
    await commitRecord(store, input, texts);
    expect(await body(store)).toContain('changed after writing');
    expect((await store.get('c'))?.configVersion).toBe('stamped');
  });
});
