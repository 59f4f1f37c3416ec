/**
 * SQL both relational stores share: the query filters as a WHERE clause, and the statistics
 * (nearest-rank percentiles with window functions, which SQLite and PostgreSQL both have).
 * Placeholders differ (`?` and `$1`), so each statement is built through a parameter list.
 */
import type { StoredRow } from './chain.js';
import type { CheckedQuery } from './query.js';
import { PERCENTILES, percentilesFromRanks, type RankRow } from './stats.js';
import type { LatencyPercentiles } from './types.js';

/** Collects parameters and hands out the dialect's placeholder for each. */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly numbered: boolean) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.numbered ? `$${this.values.length}` : '?';
  }
}

/** SELECT of one page of records, newest first (one extra row tells whether there is more). */
export function pageSql(q: CheckedQuery, params: Params): string {
  const where: string[] = [];
  if (q.before !== undefined) where.push(`d.sequence < ${params.add(q.before)}`);
  if (q.decision !== undefined) where.push(`d.decision = ${params.add(q.decision)}`);
  if (q.since !== undefined) where.push(`d.recorded_at >= ${params.add(q.since)}`);
  if (q.until !== undefined) where.push(`d.recorded_at < ${params.add(q.until)}`);
  if (q.critic !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM critic_results c WHERE c.critic = ${params.add(q.critic)} AND c.sequence = d.sequence AND c.status <> 'gated')`,
    );
  }
  const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  return `SELECT d.sequence, d.hash, d.body FROM decision_records d ${filter} ORDER BY d.sequence DESC LIMIT ${params.add(q.limit + 1)}`;
}

function sinceFilter(since: number | undefined, params: Params): string {
  return since === undefined ? '' : `WHERE d.recorded_at >= ${params.add(since)}`;
}

export function decisionCountsSql(since: number | undefined, params: Params): string {
  return `SELECT d.decision AS decision, COUNT(*) AS n FROM decision_records d ${sinceFilter(since, params)} GROUP BY d.decision`;
}

export function criticStatusSql(since: number | undefined, params: Params): string {
  return `SELECT c.critic AS critic, c.status AS status, COUNT(*) AS n,
    SUM(CASE WHEN c.retry_count > 0 THEN 1 ELSE 0 END) AS retried, SUM(c.retry_count) AS retries
    FROM critic_results c JOIN decision_records d ON d.sequence = c.sequence
    ${sinceFilter(since, params)} GROUP BY c.critic, c.status`;
}

/** The ranks of {@link PERCENTILES} among `n` samples, in integer arithmetic (ceil(p·n/100)). */
const RANKS = PERCENTILES.map((p) => `(${p} * n + 99) / 100`).join(', ');

/** Rows (rn, n, duration_ms) at the percentile ranks of the evaluation durations. */
export function evaluationLatencySql(since: number | undefined, params: Params): string {
  return `SELECT rn, n, duration_ms FROM (
    SELECT d.duration_ms AS duration_ms, ROW_NUMBER() OVER (ORDER BY d.duration_ms) AS rn,
      COUNT(*) OVER () AS n
    FROM decision_records d ${sinceFilter(since, params)}) ranked
    WHERE rn IN (${RANKS})`;
}

/** Rows (critic, rn, n, duration_ms) at the percentile ranks of each critic's executions. */
export function criticLatencySql(since: number | undefined, params: Params): string {
  const time = since === undefined ? '' : `AND d.recorded_at >= ${params.add(since)}`;
  return `SELECT critic, rn, n, duration_ms FROM (
    SELECT c.critic AS critic, c.duration_ms AS duration_ms,
      ROW_NUMBER() OVER (PARTITION BY c.critic ORDER BY c.duration_ms) AS rn,
      COUNT(*) OVER (PARTITION BY c.critic) AS n
    FROM critic_results c JOIN decision_records d ON d.sequence = c.sequence
    WHERE c.status <> 'gated' ${time}) ranked
    WHERE rn IN (${RANKS})`;
}

/** A `decision_records` row as the drivers return it (PostgreSQL gives BIGINT as a string). */
export interface RawRow {
  sequence: number | string;
  trace_id: string;
  decision: string;
  recorded_at: number | string;
  prev_hash: string;
  hash: string;
  body: string;
}

/** The chain's view of a raw row. */
export function storedRow(raw: RawRow): StoredRow {
  return {
    sequence: Number(raw.sequence),
    traceId: raw.trace_id,
    decision: raw.decision,
    recordedAt: Number(raw.recorded_at),
    prevHash: raw.prev_hash,
    hash: raw.hash,
    body: raw.body,
  };
}

/** Percentiles per critic from the per-critic rank rows. */
export function groupRanks(
  rows: readonly (RankRow & { critic: string })[],
): Record<string, LatencyPercentiles> {
  const byCritic = new Map<string, RankRow[]>();
  for (const row of rows) byCritic.set(row.critic, [...(byCritic.get(row.critic) ?? []), row]);
  return Object.fromEntries(
    [...byCritic].map(([critic, ranks]) => [critic, percentilesFromRanks(ranks)]),
  );
}
