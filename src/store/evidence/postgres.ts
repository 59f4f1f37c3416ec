/**
 * The evidence store for many machines: PostgreSQL through `pg`, written through group commit.
 * Each batch is one transaction that first takes `LOCK TABLE decision_records IN EXCLUSIVE
 * MODE` (writers queue, readers do not), then reads the chain head and appends — so any number
 * of processes on one database still build one chain. Connections that drop are replaced by
 * the pool; after a failed commit the store probes the server until it answers again.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { InvalidOptionError, errorMessage } from '../../orchestrator/errors.js';
import { silentLogger } from '../../orchestrator/logger.js';
import type { Logger } from '../../orchestrator/types.js';
import { ChainVerifier, prepare, recordOf, type PreparedRecord, type StoredRow } from './chain.js';
import { EvidenceStoreError, type StoreOperation } from './errors.js';
import { GroupCommitQueue } from './group-commit.js';
import { HealthTracker } from './health.js';
import { appendBatch, migratePostgres } from './postgres-transactions.js';
import { checkQuery, checkStatsOptions, encodeCursor } from './query.js';
import {
  criticLatencySql,
  criticStatusSql,
  decisionCountsSql,
  evaluationLatencySql,
  groupRanks,
  pageSql,
  Params,
  storedRow,
  type RawRow,
} from './sql.js';
import { buildStats, percentilesFromRanks, type RankRow } from './stats.js';
import type {
  DecisionRecord,
  DecisionRecordInput,
  EvidencePage,
  EvidenceQuery,
  EvidenceStats,
  EvidenceStore,
  StatsOptions,
  StoreHealth,
  VerifyResult,
} from './types.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  connectionString: string;
  /** Schema holding the tables (created if missing). @default the connection's search_path */
  schema?: string;
  /** Connections in the pool (one commits at a time; the rest serve reads). @default 4 */
  poolSize?: number;
  /** Largest group commit. @default 512 */
  maxBatch?: number;
  /** Connecting gives up after this long. @default 5000 */
  connectTimeoutMs?: number;
  /** A statement gives up after this long, failing its commit. @default 10000 */
  queryTimeoutMs?: number;
  /** While down, the store probes the server this often. @default 1000 */
  probeIntervalMs?: number;
  /** Shown in `pg_stat_activity`. @default 'eleanor-evidence' */
  applicationName?: string;
  logger?: Logger;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Connects, applies migrations and returns the store; EvidenceStoreError names the cause. */
export async function openPostgresStore(
  options: PostgresStoreOptions,
): Promise<PostgresEvidenceStore> {
  const store = new PostgresEvidenceStore(options);
  try {
    await store.start();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

export class PostgresEvidenceStore implements EvidenceStore {
  readonly kind = 'postgres' as const;
  readonly name: string;
  private readonly pool: Pool;
  private readonly schema: string | undefined;
  private readonly queue: GroupCommitQueue<PreparedRecord, DecisionRecord>;
  private readonly health_ = new HealthTracker('postgres');
  private readonly logger: Logger;
  private readonly probeIntervalMs: number;
  private probeTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: PostgresStoreOptions) {
    if (options.schema !== undefined && !IDENTIFIER.test(options.schema)) {
      throw new InvalidOptionError('schema', 'a plain SQL identifier', options.schema);
    }
    this.schema = options.schema;
    this.name = `postgres:${safeUrl(options.connectionString)}${this.schema === undefined ? '' : `#${this.schema}`}`;
    this.logger = options.logger ?? silentLogger;
    this.probeIntervalMs = options.probeIntervalMs ?? 1000;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 10_000,
      application_name: options.applicationName ?? 'eleanor-evidence',
      ...(this.schema === undefined ? {} : { options: `-c search_path=${this.schema}` }),
    });
    // An idle connection that drops is reported here; the pool replaces it on next use.
    this.pool.on('error', (error) => {
      this.logger.warn(
        { store: this.name, err: errorMessage(error) },
        'Evidence store connection lost',
      );
    });
    this.queue = new GroupCommitQueue((inputs) => this.commit(inputs), {
      ...(options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch }),
    });
  }

  /** Connects and migrates (called by {@link openPostgresStore}). */
  async start(): Promise<void> {
    await this.withClient('open', (client) => client.query('SELECT 1'));
    await this.withClient('migrate', (client) => migratePostgres(client, this.schema));
  }

  record(input: DecisionRecordInput): Promise<DecisionRecord> {
    return this.recordPrepared(prepare(input));
  }

  /** {@link record} of a record already prepared (the engine prepares with texts it shares). */
  recordPrepared(prepared: PreparedRecord): Promise<DecisionRecord> {
    if (this.closed) {
      return Promise.reject(new EvidenceStoreError(this.name, 'record', 'the store is closed'));
    }
    return this.queue.submit(prepared);
  }

  async get(traceId: string): Promise<DecisionRecord | undefined> {
    const rows = await this.read<Pick<StoredRow, 'hash' | 'body'>>(
      'SELECT hash, body FROM decision_records WHERE trace_id = $1 ORDER BY sequence DESC LIMIT 1',
      [traceId],
    );
    const row = rows[0];
    return row === undefined ? undefined : recordOf(row);
  }

  async query(query: EvidenceQuery = {}): Promise<EvidencePage> {
    const q = checkQuery(query);
    const params = new Params(true);
    const sql = pageSql(q, params);
    const rows = await this.read<Pick<StoredRow, 'hash' | 'body'>>(sql, params.values);
    const records = rows.slice(0, q.limit).map(recordOf);
    const last = records[records.length - 1];
    return {
      records,
      nextCursor: rows.length > q.limit && last !== undefined ? encodeCursor(last.sequence) : null,
    };
  }

  async stats(options: StatsOptions = {}): Promise<EvidenceStats> {
    const { since } = checkStatsOptions(options);
    const all = <T>(build: (since: number | undefined, p: Params) => string): Promise<T[]> => {
      const params = new Params(true);
      return this.read<T>(build(since, params), params.values);
    };
    type Count = { n: string };
    const [decisions, statuses, evaluationRanks, criticRanks] = await Promise.all([
      all<Count & { decision: string }>(decisionCountsSql),
      all<Count & { critic: string; status: string; retried: string; retries: string }>(
        criticStatusSql,
      ),
      all<RankRow>(evaluationLatencySql),
      all<RankRow & { critic: string }>(criticLatencySql),
    ]);
    return buildStats({
      byDecision: Object.fromEntries(decisions.map((d) => [d.decision, Number(d.n)])),
      criticStatus: statuses.map((s) => ({
        critic: s.critic,
        status: s.status as never,
        count: Number(s.n),
        retried: Number(s.retried),
        retries: Number(s.retries),
      })),
      evaluationLatency: percentilesFromRanks(evaluationRanks),
      criticLatency: groupRanks(criticRanks),
    });
  }

  async verify(): Promise<VerifyResult> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const rows = await this.read<RawRow>(
        'SELECT sequence, trace_id, decision, recorded_at, prev_hash, hash, body FROM decision_records WHERE sequence > $1 ORDER BY sequence LIMIT 1000',
        [after],
        'verify',
      );
      for (const raw of rows) if (!verifier.next(storedRow(raw))) return verifier.result();
      const last = rows[rows.length - 1];
      if (last === undefined) return verifier.result();
      after = Number(last.sequence);
    }
  }

  health(): StoreHealth {
    return this.health_.snapshot(this.queue.pending);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.probeTimer);
    await this.queue.drain();
    this.health_.closed();
    try {
      await this.pool.end();
    } catch (error) {
      throw new EvidenceStoreError(this.name, 'close', error);
    }
  }

  private async commit(inputs: readonly PreparedRecord[]): Promise<DecisionRecord[]> {
    try {
      const records = await this.withClient('record', (client) => appendBatch(client, inputs));
      this.health_.succeeded(records.length);
      return records;
    } catch (error) {
      this.health_.failed(error instanceof EvidenceStoreError ? error.cause : error);
      this.scheduleProbe();
      throw error;
    }
  }

  /**
   * Runs `work` on a pooled connection. A connection that failed is destroyed, not returned
   * to the pool; an error it emits while checked out is taken here, never by the process.
   */
  private async withClient<T>(
    operation: StoreOperation,
    work: (client: PoolClient) => Promise<T>,
  ): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new EvidenceStoreError(this.name, operation, error);
    }
    const onError = (error: Error): void => {
      this.logger.warn({ store: this.name, err: error.message }, 'Evidence store connection lost');
    };
    client.on('error', onError);
    let failure: unknown;
    try {
      return await work(client);
    } catch (error) {
      failure = error;
      throw new EvidenceStoreError(this.name, operation, error);
    } finally {
      client.off('error', onError);
      client.release(failure === undefined ? undefined : true);
    }
  }

  private async read<T>(
    sql: string,
    values: readonly unknown[],
    operation: 'read' | 'verify' = 'read',
  ): Promise<T[]> {
    if (this.closed) throw new EvidenceStoreError(this.name, operation, 'the store is closed');
    try {
      return (await this.pool.query(sql, values as unknown[])).rows as T[];
    } catch (error) {
      throw new EvidenceStoreError(this.name, operation, error);
    }
  }

  /** While down, pings the server until it answers; then health is `up` again. */
  private scheduleProbe(): void {
    if (this.probeTimer !== undefined || this.closed) return;
    this.probeTimer = setTimeout(() => {
      this.pool
        .query('SELECT 1')
        .then(() => {
          this.probeTimer = undefined;
          this.health_.recovered();
        })
        .catch(() => {
          this.probeTimer = undefined;
          if (!this.health_.isUp) this.scheduleProbe();
        });
    }, this.probeIntervalMs);
    this.probeTimer.unref();
  }
}

/** The connection string without its password, for messages and names. */
export function safeUrl(connectionString: string): string {
  if (!URL.canParse(connectionString)) return '(unparsable connection string)';
  const url = new URL(connectionString);
  if (url.password !== '') url.password = '***';
  return url.toString();
}
