/**
 * The hash chain: each record's `hash` is SHA-256 over the previous record's hash followed by
 * the RFC 8785 canonical JSON of the record itself (without `hash`, with `sequence` and
 * `prevHash`). Changing, removing, inserting or reordering any record breaks every later link.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type CanonicalTexts } from '../../decision/canonical-json.js';
import type { DecisionRecord, DecisionRecordInput, VerifyResult } from './types.js';

/** The `prevHash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** A record as the SQL backends keep it: the sealed body text plus the columns queries use. */
export interface StoredRow {
  sequence: number;
  traceId: string;
  decision: string;
  recordedAt: number;
  prevHash: string;
  hash: string;
  /** Canonical JSON of the record without `hash`: exactly the text that was hashed. */
  body: string;
}

export function linkHash(prevHash: string, body: string): string {
  return createHash('sha256').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}

/**
 * A record with the canonical JSON of each top-level field computed ahead of the commit: the
 * costly part of sealing runs before the record joins a transaction, so the chain lock is held
 * only to splice in `sequence` and `prevHash` and hash.
 */
export interface PreparedRecord {
  input: DecisionRecordInput;
  /** `"key":value` members, canonical. */
  members: Map<string, string>;
}

export function prepare(input: DecisionRecordInput): PreparedRecord {
  return prepareWith(input, undefined);
}

/** {@link prepare}, with parts whose canonical text `texts` holds not written again. */
export function prepareWith(
  input: DecisionRecordInput,
  texts: CanonicalTexts | undefined,
): PreparedRecord {
  const members = new Map<string, string>();
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined)
      members.set(key, `${JSON.stringify(key)}:${canonicalJson(value, texts)}`);
  }
  return { input, members };
}

/**
 * Seals a record at its place in the chain. The body is the RFC 8785 canonical JSON of the
 * record without `hash`: an object's canonical form is its members sorted by key (UTF-16 code
 * units, which is what `Array.prototype.sort` compares), each value canonical.
 */
export function seal(
  record: DecisionRecordInput | PreparedRecord,
  sequence: number,
  prevHash: string,
): { record: DecisionRecord; row: StoredRow } {
  const prepared = 'members' in record ? record : prepare(record);
  const { members } = prepared;
  // The chain's two members join the record's (replacing any it carried), all in key order.
  const keys = ['prevHash', 'sequence'];
  for (const key of members.keys()) if (key !== 'prevHash' && key !== 'sequence') keys.push(key);
  keys.sort();
  let body = '';
  for (const key of keys) {
    const member =
      key === 'sequence'
        ? `"sequence":${canonicalJson(sequence)}`
        : key === 'prevHash'
          ? `"prevHash":${canonicalJson(prevHash)}`
          : (members.get(key) as string);
    body += body === '' ? `{${member}` : `,${member}`;
  }
  body += '}';
  const hash = linkHash(prevHash, body);
  const { input } = prepared;
  return {
    // The input itself, sealed: reading the body back gives the same content.
    record: { ...input, sequence, prevHash, hash },
    row: {
      sequence,
      traceId: input.traceId,
      decision: input.decision,
      recordedAt: input.recordedAt,
      prevHash,
      hash,
      body,
    },
  };
}

/** The record a stored row holds. */
export function recordOf(row: Pick<StoredRow, 'body' | 'hash'>): DecisionRecord {
  return { ...(JSON.parse(row.body) as Omit<DecisionRecord, 'hash'>), hash: row.hash };
}

/**
 * Checks rows one at a time, in sequence order, so a backend can stream its whole table
 * through it. The first row may continue a chain whose start is no longer kept (a bounded
 * memory store): pass its predecessor's sequence and hash as the starting point.
 */
export class ChainVerifier {
  private checked = 0;
  private failure: { sequence: number; reason: string } | undefined;

  constructor(
    private expectedSequence = 1,
    private expectedPrev = GENESIS_HASH,
  ) {}

  /** Feeds the next row; returns false once a bad link was found (stop feeding). */
  next(row: StoredRow): boolean {
    if (this.failure !== undefined) return false;
    const reason = this.problemOf(row);
    if (reason !== undefined) {
      this.failure = { sequence: row.sequence, reason };
      return false;
    }
    this.checked += 1;
    this.expectedSequence = row.sequence + 1;
    this.expectedPrev = row.hash;
    return true;
  }

  result(): VerifyResult {
    if (this.failure === undefined) return { ok: true, checked: this.checked };
    return {
      ok: false,
      checked: this.checked,
      firstBadSequence: this.failure.sequence,
      reason: this.failure.reason,
    };
  }

  private problemOf(row: StoredRow): string | undefined {
    if (row.sequence !== this.expectedSequence) {
      return `expected sequence ${this.expectedSequence}, found ${row.sequence} (a record is missing or out of order)`;
    }
    if (row.prevHash !== this.expectedPrev) {
      return 'prevHash does not match the previous record’s hash';
    }
    if (linkHash(row.prevHash, row.body) !== row.hash) {
      return 'hash does not match the record’s content';
    }
    let body: Partial<DecisionRecord>;
    try {
      body = JSON.parse(row.body) as Partial<DecisionRecord>;
    } catch {
      return 'the record body is not valid JSON';
    }
    if (
      body.sequence !== row.sequence ||
      body.prevHash !== row.prevHash ||
      body.traceId !== row.traceId ||
      body.decision !== row.decision ||
      body.recordedAt !== row.recordedAt
    ) {
      return 'the indexed columns do not match the record’s content';
    }
    return undefined;
  }
}

/** Verifies a whole in-memory list of rows. */
export function verifyRows(
  rows: Iterable<StoredRow>,
  start?: { sequence: number; prevHash: string },
): VerifyResult {
  const verifier = new ChainVerifier(start?.sequence, start?.prevHash);
  for (const row of rows) if (!verifier.next(row)) break;
  return verifier.result();
}
