/**
 * The one test suite every EvidenceStore backend passes: memory, SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../../orchestrator/errors.js';
import { EvidenceStoreError } from '../errors.js';
import { GENESIS_HASH } from '../chain.js';
import type { EvidenceStore } from '../types.js';
import { recordInput, T0 } from './records.js';

export interface StoreFixture {
  store: EvidenceStore;
  /** Opens the same data again (durable backends), after the store was closed. */
  reopen?: () => Promise<EvidenceStore>;
  /** Releases what the fixture created (files, schemas). */
  cleanup: () => Promise<void>;
}

export function describeEvidenceStore(label: string, open: () => Promise<StoreFixture>): void {
  describe(`${label}: EvidenceStore contract`, () => {
    let fixture: StoreFixture;
    let store: EvidenceStore;
    const extra: EvidenceStore[] = [];

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });

    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close();
      await store.close();
      await fixture.cleanup();
    });

    it('commits a record and gives it back sealed in the chain', async () => {
      const input = recordInput({ traceId: 'first' });
      const committed = await store.record(input);
      expect(committed).toMatchObject({ sequence: 1, prevHash: GENESIS_HASH, traceId: 'first' });
      expect(committed.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.get('first')).toEqual(committed);
      expect(committed.critics).toEqual(input.critics);
      expect(await store.get('unknown')).toBeUndefined();
    });

    it('links concurrent records into one line that verify() accepts', async () => {
      const committed = await Promise.all(
        Array.from({ length: 40 }, (_, i) => store.record(recordInput({ traceId: `c${i}` }))),
      );
      const sequences = committed.map((r) => r.sequence).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const bySequence = new Map(committed.map((r) => [r.sequence, r]));
      for (let s = 2; s <= 40; s += 1) {
        expect(bySequence.get(s)?.prevHash).toBe(bySequence.get(s - 1)?.hash);
      }
      expect(await store.verify()).toEqual({ ok: true, checked: 40 });
      expect(store.health()).toMatchObject({ state: 'up', committed: 40, pending: 0 });
    });

    it('gives the latest record of a repeated trace id', async () => {
      await store.record(recordInput({ traceId: 'again', decision: 'allow' }));
      await store.record(recordInput({ traceId: 'again', decision: 'deny' }));
      expect((await store.get('again'))?.decision).toBe('deny');
    });

    it('filters by decision, executed critic and time, newest first', async () => {
      await store.record(recordInput({ traceId: 'a', decision: 'allow', recordedAt: T0 }));
      await store.record(
        recordInput({
          traceId: 'b',
          decision: 'deny',
          recordedAt: T0 + 1000,
          critics: { pii_detector: {}, quick_safety: {} },
        }),
      );
      await store.record(
        recordInput({
          traceId: 'c',
          decision: 'deny',
          recordedAt: T0 + 2000,
          critics: { pii_detector: { status: 'gated' }, quick_safety: {} },
        }),
      );
      const traces = async (q: Parameters<EvidenceStore['query']>[0]) =>
        (await store.query(q)).records.map((r) => r.traceId);
      expect(await traces({})).toEqual(['c', 'b', 'a']);
      expect(await traces({ decision: 'deny' })).toEqual(['c', 'b']);
      expect(await traces({ critic: 'pii_detector' })).toEqual(['b']);
      expect(await traces({ since: new Date(T0 + 1000) })).toEqual(['c', 'b']);
      expect(await traces({ until: new Date(T0 + 1000).toISOString() })).toEqual(['a']);
      expect(await traces({ since: T0 + 500, until: T0 + 1500 })).toEqual(['b']);
    });

    it('pages with an opaque keyset cursor, each record exactly once', async () => {
      for (let i = 0; i < 7; i += 1) await store.record(recordInput({ traceId: `p${i}` }));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.query({ limit: 3, ...(cursor === undefined ? {} : { cursor }) });
        seen.push(...page.records.map((r) => r.traceId));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor !== undefined);
      expect(pages).toBe(3);
      expect(seen).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);
    });

    it.each([
      ['decision', { decision: 'maybe' }],
      ['limit', { limit: 0 }],
      ['limit', { limit: 1001 }],
      ['since', { since: 'yesterday' }],
      ['until', { until: Number.NaN }],
      ['cursor', { cursor: 'not a cursor!' }],
      ['critic', { critic: '' }],
      ['verdict', { verdict: 'deny' }],
    ])('rejects a bad %s filter with a typed error naming it', async (field, query) => {
      const error = await store.query(query as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe(field);
    });

    it('counts decisions, critic statuses, gating and retries, with latency percentiles', async () => {
      for (let i = 1; i <= 10; i += 1) {
        await store.record(
          recordInput({
            decision: i <= 7 ? 'allow' : 'deny',
            durationMs: i * 10,
            recordedAt: T0 + i,
            critics: {
              quick_safety: { durationMs: i, retryCount: i === 10 ? 2 : 0 },
              deep_analysis: i <= 6 ? { status: 'gated', durationMs: 0 } : { durationMs: 100 },
            },
          }),
        );
      }
      const stats = await store.stats();
      expect(stats.total).toBe(10);
      expect(stats.byDecision).toEqual({ allow: 7, constrained_allow: 0, escalate: 0, deny: 3 });
      expect(stats.latencyMs).toEqual({ count: 10, p50: 50, p95: 100, p99: 100 });
      expect(stats.critics['quick_safety']).toMatchObject({
        results: 10,
        byStatus: { success: 10 },
        gatingRate: 0,
        retryRate: 0.1,
        retries: 2,
        latencyMs: { count: 10, p50: 5, p95: 10, p99: 10 },
      });
      expect(stats.critics['deep_analysis']).toMatchObject({
        results: 10,
        byStatus: { gated: 6, success: 4 },
        gatingRate: 0.6,
        latencyMs: { count: 4, p50: 100 },
      });
      expect(stats.gatingRate).toBeCloseTo(6 / 20);
      expect(stats.retryRate).toBeCloseTo(1 / 14);
      const recent = await store.stats({ since: T0 + 9 });
      expect(recent.total).toBe(2);
      expect(recent.byDecision.deny).toBe(2);
    });

    it('rejects a bad stats filter with a typed error', async () => {
      const error = await store.stats({ since: 'soon' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe('since');
    });

    it('commits what is pending on close and refuses records afterwards', async () => {
      const pending = [store.record(recordInput()), store.record(recordInput())];
      await store.close();
      expect((await Promise.all(pending)).map((r) => r.sequence)).toEqual([1, 2]);
      expect(store.health().state).toBe('closed');
      await expect(store.record(recordInput())).rejects.toBeInstanceOf(EvidenceStoreError);
      if (fixture.reopen === undefined) return;
      store = await fixture.reopen();
      const third = await store.record(recordInput({ traceId: 'after-reopen' }));
      expect(third.sequence).toBe(3);
      expect(await store.verify()).toEqual({ ok: true, checked: 3 });
    });
  });
}
