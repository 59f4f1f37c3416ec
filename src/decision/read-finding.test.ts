import { describe, expect, it } from 'vitest';
import { buildFinding } from '../critics/finding.js';
import type { Finding } from '../critics/types.js';
import { readFinding } from './read-finding.js';

const SPAN = { source: 'output', start: 4, end: 9, text: 'knife' } as const;

describe('readFinding', () => {
  it('reads a built-in Finding field for field', () => {
    const finding: Finding = buildFinding(
      [
        {
          category: 'weapons.instructions',
          severity: 2.7,
          description: 'Weapon making instructions',
          clause: 'W1',
          evidence: [SPAN],
        },
      ],
      {
        clean: 'nothing',
        uncertainty: 0.3,
        escalation: { tier: 'TIER_3', clause: 'A2', rationale: 'r' },
      },
    );
    expect(readFinding(finding as unknown as Record<string, unknown>)).toEqual({
      severity: 2.7,
      violation: true,
      violations: finding.violations,
      justification: 'Weapon making instructions',
      uncertainty: 0.3,
      escalation: { tier: 'TIER_3', clause: 'A2', rationale: 'r' },
    });
  });

  it('reads an empty output as a clean finding', () => {
    expect(readFinding({})).toEqual({
      severity: 0,
      violation: false,
      violations: [],
      justification: '',
      uncertainty: 0,
      escalation: null,
    });
  });

  it.each<[string, unknown, number]>([
    ['a number in range', 1.5, 1.5],
    ['zero', 0, 0],
    ['the maximum', 3, 3],
    ['a numeric string', '3', 0],
    ['a word', 'high', 0],
    ['NaN', Number.NaN, 0],
    ['Infinity', Number.POSITIVE_INFINITY, 0],
    ['-Infinity', Number.NEGATIVE_INFINITY, 0],
    ['a negative number', -2, 0],
    ['a huge number', 1e9, 3],
    ['null', null, 0],
    ['a boolean', true, 0],
    ['an object', { level: 3 }, 0],
    ['an array', [3], 0],
  ])('reads severity given as %s as %d', (_label, severity, expected) => {
    expect(readFinding({ severity }).severity).toBe(expected);
  });

  it.each<[string, unknown, number]>([
    ['a number in range', 0.4, 0.4],
    ['a string', '0.9', 0],
    ['NaN', Number.NaN, 0],
    ['a negative number', -0.5, 0],
    ['a number above 1', 7, 1],
    ['absent', undefined, 0],
  ])('reads uncertainty given as %s as %d', (_label, uncertainty, expected) => {
    expect(readFinding({ uncertainty }).uncertainty).toBe(expected);
  });

  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    ['true', false],
    [1, false],
    [{}, false],
    [undefined, false],
  ])('reads violation %j as %s (only exactly true counts)', (violation, expected) => {
    expect(readFinding({ violation }).violation).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['a string', 'weapons'],
    ['an object', { category: 'weapons', severity: 3 }],
    ['a number', 3],
    ['null', null],
    ['true', true],
  ])('reads violations given as %s as none', (_label, violations) => {
    expect(readFinding({ severity: 2, violations }).violations).toEqual([]);
  });

  it('keeps only object entries of the violations array', () => {
    const violations = [null, 'x', 3, ['nested'], { category: 'a', severity: 1, description: 'd' }];
    expect(readFinding({ violations }).violations).toEqual([
      { category: 'a', severity: 1, description: 'd', evidence: [] },
    ]);
  });

  it('fills a violation missing fields from defaults and the finding severity', () => {
    const [v] = readFinding({ severity: 2.2, violations: [{}] }).violations;
    expect(v).toEqual({ category: 'unspecified', severity: 2.2, description: '', evidence: [] });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a non-string category', { category: 7 }, { category: 'unspecified' }],
    ['an empty category', { category: '' }, { category: 'unspecified' }],
    ['a string severity', { severity: '3' }, { severity: 1.5 }],
    ['a NaN severity', { severity: Number.NaN }, { severity: 1.5 }],
    ['a negative severity', { severity: -1 }, { severity: 0 }],
    ['a huge severity', { severity: 42 }, { severity: 3 }],
    ['a non-string description', { description: { text: 'x' } }, { description: '' }],
  ])('repairs a violation with %s', (_label, entry, expected) => {
    const [v] = readFinding({ severity: 1.5, violations: [entry] }).violations;
    expect(v).toMatchObject(expected);
  });

  it.each<[unknown, boolean]>([
    ['P1', true],
    ['', false],
    [1, false],
    [null, false],
  ])('keeps a violation clause %j only when it is a non-empty string (%s)', (clause, kept) => {
    const [v] = readFinding({ violations: [{ category: 'c', clause }] }).violations;
    expect(v !== undefined && 'clause' in v).toBe(kept);
    if (kept) expect(v?.clause).toBe(clause);
  });

  it('keeps well-formed evidence spans as copies', () => {
    const span = { ...SPAN };
    const [v] = readFinding({ violations: [{ category: 'c', evidence: [span] }] }).violations;
    expect(v?.evidence).toEqual([SPAN]);
    expect(v?.evidence[0]).not.toBe(span);
  });

  it.each<[string, unknown]>([
    ['an unknown source', { ...SPAN, source: 'model' }],
    ['a missing source', { start: 0, end: 1, text: 'a' }],
    ['a negative start', { ...SPAN, start: -1, end: 4 }],
    ['a fractional offset', { ...SPAN, start: 4.5, end: 9.5 }],
    ['a string offset', { ...SPAN, start: '4' }],
    ['a NaN end', { ...SPAN, end: Number.NaN }],
    ['start after end', { ...SPAN, start: 9, end: 4 }],
    ['text of the wrong length', { ...SPAN, text: 'knives' }],
    ['missing text', { source: 'output', start: 0, end: 0 }],
    ['a non-object', 'knife'],
    ['null', null],
    ['an array', ['output', 4, 9, 'knife']],
  ])('drops an evidence span with %s', (_label, span) => {
    const [v] = readFinding({ violations: [{ category: 'c', evidence: [span, SPAN] }] }).violations;
    expect(v?.evidence).toEqual([SPAN]);
  });

  it('reads evidence that is not an array as none', () => {
    const [v] = readFinding({ violations: [{ category: 'c', evidence: SPAN }] }).violations;
    expect(v?.evidence).toEqual([]);
  });

  it('keeps an empty span at the end of a text', () => {
    const empty = { source: 'input', start: 3, end: 3, text: '' };
    const [v] = readFinding({ violations: [{ evidence: [empty] }] }).violations;
    expect(v?.evidence).toEqual([empty]);
  });

  it.each<[string, unknown]>([
    ['an unknown tier', { tier: 'TIER_1', clause: 'A1', rationale: 'r' }],
    ['a lower-case tier', { tier: 'tier_3', clause: 'A1', rationale: 'r' }],
    ['a numeric tier', { tier: 3, clause: 'A1', rationale: 'r' }],
    ['no clause', { tier: 'TIER_2', rationale: 'r' }],
    ['an empty clause', { tier: 'TIER_2', clause: '', rationale: 'r' }],
    ['a non-string clause', { tier: 'TIER_2', clause: 2 }],
    ['a string', 'TIER_3'],
    ['true', true],
    ['an array', ['TIER_3', 'A2']],
  ])('drops an escalation with %s', (_label, escalation) => {
    expect(readFinding({ escalation }).escalation).toBeNull();
  });

  it('keeps a valid escalation, with an empty rationale when none is given', () => {
    expect(
      readFinding({ escalation: { tier: 'TIER_2', clause: 'F2', extra: 1 } }).escalation,
    ).toEqual({ tier: 'TIER_2', clause: 'F2', rationale: '' });
  });

  it('reads a non-string justification as empty', () => {
    expect(readFinding({ justification: ['bad'] }).justification).toBe('');
    expect(readFinding({ justification: 'fine' }).justification).toBe('fine');
  });
});
