/**
 * An in-memory EvidenceStore: the engine's default (library use and unit tests write no
 * files), with the same chain, queries and stats as the durable stores. It keeps the most
 * recent `limit` records; `verify()` checks the kept window, starting from the hash of the
 * last record dropped.
 */
import { InvalidOptionError } from '../../orchestrator/errors.js';
import {
  GENESIS_HASH,
  prepare,
  recordOf,
  seal,
  verifyRows,
  type PreparedRecord,
  type StoredRow,
} from './chain.js';
import { EvidenceStoreError } from './errors.js';
import { promised } from './promised.js';
import { checkQuery, checkStatsOptions, encodeCursor } from './query.js';
import { buildStats, percentilesOfSorted, type CriticStatusRow } from './stats.js';
import type {
  DecisionRecord,
  DecisionRecordInput,
  EvidencePage,
  EvidenceQuery,
  EvidenceStats,
  EvidenceStore,
  RecordedCriticResult,
  StatsOptions,
  StoreHealth,
  VerifyResult,
} from './types.js';

export interface MemoryStoreOptions {
  /** Records kept; the oldest are dropped past it. @default 10000 */
  limit?: number;
}

/** The row as sealed, and what queries and stats read without parsing it. */
interface Entry {
  row: StoredRow;
  durationMs: number;
  critics: Pick<RecordedCriticResult, 'critic' | 'status' | 'retryCount' | 'durationMs'>[];
}

export class MemoryEvidenceStore implements EvidenceStore {
  readonly kind = 'memory' as const;
  readonly name = 'memory';
  private readonly limit: number;
  private entries: Entry[] = [];
  /** Where the kept window's chain starts. */
  private start = { sequence: 1, prevHash: GENESIS_HASH };
  private head = { sequence: 0, hash: GENESIS_HASH };
  private committed = 0;
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    const limit = options.limit ?? 10_000;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new InvalidOptionError('limit', 'an integer >= 1', limit);
    }
    this.limit = limit;
  }

  record(input: DecisionRecordInput): Promise<DecisionRecord> {
    return this.recordPrepared(prepare(input));
  }

  /** {@link record} of a record already prepared (the engine prepares with texts it shares). */
  recordPrepared(prepared: PreparedRecord): Promise<DecisionRecord> {
    if (this.closed) {
      return Promise.reject(new EvidenceStoreError(this.name, 'record', 'the store is closed'));
    }
    const { input } = prepared;
    const { record, row } = seal(prepared, this.head.sequence + 1, this.head.hash);
    this.entries.push({
      row,
      durationMs: input.summary.durationMs,
      critics: input.critics.map(({ critic, status, retryCount, durationMs }) => ({
        critic,
        status,
        retryCount,
        durationMs,
      })),
    });
    this.head = { sequence: row.sequence, hash: row.hash };
    this.committed += 1;
    if (this.entries.length > this.limit) {
      const dropped = this.entries.splice(0, this.entries.length - this.limit);
      const last = dropped[dropped.length - 1] as Entry;
      this.start = { sequence: last.row.sequence + 1, prevHash: last.row.hash };
    }
    return Promise.resolve(record);
  }

  get(traceId: string): Promise<DecisionRecord | undefined> {
    return promised(() => {
      for (let i = this.entries.length - 1; i >= 0; i -= 1) {
        const entry = this.entries[i] as Entry;
        if (entry.row.traceId === traceId) return recordOf(entry.row);
      }
      return undefined;
    });
  }

  query(query: EvidenceQuery = {}): Promise<EvidencePage> {
    return promised(() => {
      const q = checkQuery(query);
      const records: DecisionRecord[] = [];
      let more = false;
      for (let i = this.entries.length - 1; i >= 0; i -= 1) {
        const entry = this.entries[i] as Entry;
        const { row } = entry;
        if (q.before !== undefined && row.sequence >= q.before) continue;
        if (q.decision !== undefined && row.decision !== q.decision) continue;
        if (q.since !== undefined && row.recordedAt < q.since) continue;
        if (q.until !== undefined && row.recordedAt >= q.until) continue;
        if (q.critic !== undefined && !executed(entry.critics, q.critic)) continue;
        if (records.length === q.limit) {
          more = true;
          break;
        }
        records.push(recordOf(row));
      }
      const last = records[records.length - 1];
      return {
        records,
        nextCursor: more && last !== undefined ? encodeCursor(last.sequence) : null,
      };
    });
  }

  stats(options: StatsOptions = {}): Promise<EvidenceStats> {
    return promised(() => {
      const { since } = checkStatsOptions(options);
      const kept = this.entries.filter((e) => since === undefined || e.row.recordedAt >= since);
      const byDecision: Record<string, number> = {};
      const groups = new Map<string, CriticStatusRow>();
      const criticDurations: Record<string, number[]> = {};
      const evaluationDurations: number[] = [];
      for (const { row, durationMs, critics } of kept) {
        byDecision[row.decision] = (byDecision[row.decision] ?? 0) + 1;
        evaluationDurations.push(durationMs);
        for (const c of critics) {
          const key = `${c.critic}\u0000${c.status}`;
          const group = groups.get(key) ?? {
            critic: c.critic,
            status: c.status,
            count: 0,
            retried: 0,
            retries: 0,
          };
          group.count += 1;
          group.retried += c.retryCount > 0 ? 1 : 0;
          group.retries += c.retryCount;
          groups.set(key, group);
          if (c.status !== 'gated') (criticDurations[c.critic] ??= []).push(c.durationMs);
        }
      }
      const sorted = (values: number[]): number[] => values.sort((a, b) => a - b);
      return buildStats({
        byDecision,
        criticStatus: [...groups.values()],
        evaluationLatency: percentilesOfSorted(sorted(evaluationDurations)),
        criticLatency: Object.fromEntries(
          Object.entries(criticDurations).map(([c, d]) => [c, percentilesOfSorted(sorted(d))]),
        ),
      });
    });
  }

  verify(): Promise<VerifyResult> {
    return Promise.resolve(
      verifyRows(
        this.entries.map((e) => e.row),
        this.start,
      ),
    );
  }

  health(): StoreHealth {
    return {
      store: this.kind,
      state: this.closed ? 'closed' : 'up',
      pending: 0,
      committed: this.committed,
      commits: this.committed,
      failedCommits: 0,
    };
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** True when the critic has a result that is not `gated`. */
function executed(critics: Entry['critics'], critic: string): boolean {
  return critics.some((c) => c.critic === critic && c.status !== 'gated');
}
