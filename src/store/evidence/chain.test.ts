import { describe, expect, it } from 'vitest';
import { CanonicalTexts, canonicalJson } from '../../decision/canonical-json.js';
import {
  GENESIS_HASH,
  linkHash,
  prepare,
  prepareWith,
  recordOf,
  seal,
  verifyRows,
  type StoredRow,
} from './chain.js';
import { recordInput } from './test-helpers/records.js';

function chain(length: number): StoredRow[] {
  const rows: StoredRow[] = [];
  let prev = GENESIS_HASH;
  for (let s = 1; s <= length; s += 1) {
    const { row } = seal(recordInput({ traceId: `t${s}` }), s, prev);
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}

describe('hash chain', () => {
  it('hashes the previous hash followed by the canonical record, and reads it back', () => {
    const { record, row } = seal(recordInput({ traceId: 'x' }), 1, GENESIS_HASH);
    expect(row.hash).toBe(linkHash(GENESIS_HASH, row.body));
    expect(JSON.parse(row.body)).toMatchObject({ sequence: 1, prevHash: GENESIS_HASH });
    expect(row.body).not.toContain('"hash"');
    expect(recordOf(row)).toEqual(record);
  });

  it('builds exactly the canonical JSON of the whole record from its prepared members', () => {
    const input = recordInput({ traceId: 'k\u00e9y "quoted"', decision: 'deny' });
    const { row } = seal(prepare(input), 7, 'f'.repeat(64));
    expect(row.body).toBe(canonicalJson({ ...input, sequence: 7, prevHash: 'f'.repeat(64) }));
  });

  it('accepts an intact chain', () => {
    expect(verifyRows(chain(5))).toEqual({ ok: true, checked: 5 });
  });

  it('reports the first record whose content changed', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, body: rows[2]!.body.replace('"allow"', '"deny"') };
    expect(verifyRows(rows)).toMatchObject({ ok: false, checked: 2, firstBadSequence: 3 });
  });

  it('reports a removed record at the sequence after the gap', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyRows(rows)).toMatchObject({
      ok: false,
      firstBadSequence: 3,
      reason: expect.stringContaining('expected sequence 2') as unknown,
    });
  });

  it('reports a record re-sealed in place (its successor no longer links to it)', () => {
    const rows = chain(4);
    const forged = seal(recordInput({ traceId: 't2', decision: 'deny' }), 2, rows[0]!.hash).row;
    rows[1] = forged;
    expect(verifyRows(rows)).toMatchObject({ ok: false, firstBadSequence: 3 });
  });

  it('reports an indexed column that disagrees with the sealed content', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, decision: 'deny' };
    expect(verifyRows(rows)).toMatchObject({
      ok: false,
      firstBadSequence: 2,
      reason: expect.stringContaining('columns') as unknown,
    });
  });

  it('verifies a window that starts after the first record', () => {
    const rows = chain(5);
    expect(verifyRows(rows.slice(2), { sequence: 3, prevHash: rows[1]!.hash })).toEqual({
      ok: true,
      checked: 3,
    });
  });

  it('prepares the same members with the texts of shared parts already written', () => {
    const input = recordInput({ traceId: 'shared', critics: { a: {}, b: { status: 'error' } } });
    const texts = new CanonicalTexts();
    for (const critic of input.critics) texts.add(critic.output);
    texts.add(input.reasons);
    expect(prepareWith(input, texts).members).toEqual(prepare(input).members);
  });

  it('seals a record that carries chain fields of its own with the new ones, once each', () => {
    const { record } = seal(recordInput({ traceId: 'again' }), 1, GENESIS_HASH);
    const { row } = seal(record, 2, 'b'.repeat(64));
    expect(row.body).toBe(canonicalJson({ ...record, sequence: 2, prevHash: 'b'.repeat(64) }));
  });
});
