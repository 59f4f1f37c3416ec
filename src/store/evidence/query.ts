/**
 * Checks query and stats filters at the store's boundary (a bad value is an
 * InvalidRequestError naming the field) and encodes the keyset cursor: an opaque string that
 * carries the sequence of the last record of the previous page.
 */
import type { Decision } from '../../decision/types.js';
import { InvalidRequestError } from '../../orchestrator/errors.js';
import type { StatsOptions } from './types.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];

/** A query with every filter checked and normalised. */
export interface CheckedQuery {
  decision: Decision | undefined;
  critic: string | undefined;
  /** Epoch ms, inclusive. */
  since: number | undefined;
  /** Epoch ms, exclusive. */
  until: number | undefined;
  limit: number;
  /** Only records with a smaller sequence (the cursor's position). */
  before: number | undefined;
}

export function checkQuery(query: unknown = {}): CheckedQuery {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    throw new InvalidRequestError('query', 'an object', query);
  }
  const q = query as Record<string, unknown>;
  const known = ['decision', 'critic', 'since', 'until', 'limit', 'cursor'];
  const unknown = Object.keys(q).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new InvalidRequestError(
      unknown[0] as string,
      `one of the query filters (${known.join(', ')})`,
      q[unknown[0] as string],
    );
  }
  const decision = q['decision'];
  if (decision !== undefined && !DECISIONS.includes(decision as Decision)) {
    throw new InvalidRequestError('decision', `one of ${DECISIONS.join(', ')}`, decision);
  }
  const critic = q['critic'];
  if (critic !== undefined && (typeof critic !== 'string' || critic === '')) {
    throw new InvalidRequestError('critic', 'a critic name', critic);
  }
  const limit = q['limit'] ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_LIMIT) {
    throw new InvalidRequestError('limit', `an integer from 1 to ${MAX_LIMIT}`, limit);
  }
  return {
    decision: decision as Decision | undefined,
    critic: critic,
    since: checkTime('since', q['since']),
    until: checkTime('until', q['until']),
    limit: limit as number,
    before: q['cursor'] === undefined ? undefined : decodeCursor(q['cursor']),
  };
}

export function checkStatsOptions(options: unknown = {}): { since: number | undefined } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidRequestError('options', 'an object', options);
  }
  return { since: checkTime('since', (options as StatsOptions).since) };
}

/** A Date, an ISO-8601 string or epoch milliseconds, as epoch milliseconds. */
export function checkTime(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
          ? Date.parse(value)
          : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new InvalidRequestError(
      field,
      'a Date, an ISO-8601 date string or epoch milliseconds',
      value,
    );
  }
  return ms;
}

export function encodeCursor(sequence: number): string {
  return Buffer.from(JSON.stringify({ s: sequence }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown): number {
  if (typeof cursor === 'string' && /^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
        s?: unknown;
      };
      if (Number.isInteger(decoded.s) && (decoded.s as number) >= 1) return decoded.s as number;
    } catch {
      // Falls through to the typed error below.
    }
  }
  throw new InvalidRequestError('cursor', 'a nextCursor returned by an earlier query', cursor);
}
