import { describe, expect, it } from 'vitest';
import { GroupCommitQueue } from './group-commit.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('GroupCommitQueue', () => {
  it('commits items submitted in one turn together, and those arriving during a commit in the next', async () => {
    const batches: number[][] = [];
    const gate = deferred();
    const queue = new GroupCommitQueue<number, string>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await gate.promise;
      return items.map((i) => `ok ${i}`);
    });
    const first = [queue.submit(1), queue.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1, 2]]);
    const second = [queue.submit(3), queue.submit(4), queue.submit(5)];
    expect(queue.pending).toBe(3);
    gate.resolve();
    expect(await Promise.all([...first, ...second])).toEqual([
      'ok 1',
      'ok 2',
      'ok 3',
      'ok 4',
      'ok 5',
    ]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('resolves nobody before their own transaction commits', async () => {
    const gate = deferred();
    const queue = new GroupCommitQueue<number, number>(async (items) => {
      await gate.promise;
      return items;
    });
    let settled = false;
    const pending = queue.submit(1).then((v) => {
      settled = true;
      return v;
    });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    gate.resolve();
    expect(await pending).toBe(1);
  });

  it('fails every item of a failed commit and goes on with the next batch', async () => {
    let calls = 0;
    const queue = new GroupCommitQueue<number, number>((items) => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
      return items;
    });
    const failed = await Promise.allSettled([queue.submit(1), queue.submit(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await queue.submit(3)).toBe(3);
  });

  it('splits batches at maxBatch and drains everything on request', async () => {
    const sizes: number[] = [];
    const queue = new GroupCommitQueue<number, number>(
      (items) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 2 },
    );
    const all = [1, 2, 3, 4, 5].map((i) => queue.submit(i));
    await queue.drain();
    expect(queue.pending).toBe(0);
    expect(sizes).toEqual([2, 2, 1]);
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5]);
  });
});
