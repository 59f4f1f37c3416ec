import { describe, expect, it } from 'vitest';
import {
  auditStarts,
  captureGroups,
  combineWeights,
  compileLexicon,
  createConstitutionalCritic,
  gradeScore,
  NON_DIRECT_CAP,
  prepareText,
  readContext,
  resolveScanOptions,
  scanConstitutional,
  type ConstitutionalLexicon,
} from './constitutional.js';
import { CLAUSE_IDS, DOCTRINE } from './lexicons/doctrine.js';
import { S } from './lexicons/constitutional.js';
import type { Finding } from './types.js';

const TOY: ConstitutionalLexicon = {
  critic: 'toy',
  categories: [
    {
      id: 'toy.insult',
      clause: 'D1',
      description: 'Toy insult',
      entries: [
        { id: 'blorp', phrases: ['blorps are awful'], weight: 0.5 },
        { id: 'zonk', phrases: ['zonk'], weight: 0.3 },
      ],
    },
    {
      id: 'toy.tracking',
      clause: 'P2',
      description: 'Toy tracking',
      contexts: ['negated'],
      modifiers: [{ id: 'careful', phrases: ['with consent'], factor: 0.5 }],
      entries: [
        {
          id: 'track-her',
          starts: ['track'],
          pattern: `track${S}her${S}(?:phone|car)`,
          weight: 0.6,
        },
      ],
    },
    {
      id: 'toy.claim',
      description: 'Toy claim',
      modifiers: [{ id: 'asked', scope: 'input', phrases: ['source'], factor: 2 }],
      entries: [{ id: 'study', phrases: ['a study found'], weight: 0.3 }],
    },
  ],
};

const toy = compileLexicon(TOY);
const scan = (output: string, input = '') => scanConstitutional(toy, input, output);
const category = (output: string, id: string, input = '') =>
  scan(output, input).categories.find((c) => c.id === id);

function run(output: string, input = ''): Finding {
  const critic = createConstitutionalCritic({
    name: 'toy',
    lexicon: TOY,
    failureMode: 'open',
    clean: 'clean',
  });
  const result = critic.evaluate(
    { inputText: input, modelResponse: output, context: {}, traceId: 't', priorResults: {} },
    { signal: new AbortController().signal, attempt: 0 },
  );
  if (result instanceof Promise) throw new TypeError('constitutional critics are synchronous');
  return result as unknown as Finding;
}

describe('the escalation doctrine', () => {
  it('puts exactly A2, A3, D2, P1, P2 and F1 in TIER_3 and every other clause in TIER_2', () => {
    const tier3 = CLAUSE_IDS.filter((id) => DOCTRINE[id].tier === 'TIER_3');
    expect(tier3).toEqual(['A2', 'A3', 'D2', 'P1', 'P2', 'F1']);
    expect(CLAUSE_IDS).toHaveLength(13);
    for (const id of CLAUSE_IDS) expect(DOCTRINE[id].text.length).toBeGreaterThan(20);
  });
});

describe('scoring', () => {
  it('combines weights with diminishing returns: 1 − Π(1 − w)', () => {
    expect(combineWeights([])).toBe(0);
    expect(combineWeights([0.5])).toBeCloseTo(0.5);
    expect(combineWeights([0.5, 0.5])).toBeCloseTo(0.75);
    expect(combineWeights([0.3, 0.3, 0.3])).toBeCloseTo(0.657);
  });

  it.each([
    [0, 0],
    [0.19, 0],
    [0.2, 1],
    [0.44, 1],
    [0.45, 2],
    [0.74, 2],
    [0.75, 3],
    [1, 3],
  ])('grades a category score of %s as severity %s', (score, severity) => {
    expect(gradeScore(score, [0.2, 0.45, 0.75])).toBe(severity);
  });

  it('weighs a repeated entry at half its previous weight', () => {
    const c = category('zonk, zonk and zonk', 'toy.insult');
    expect(c?.hits.map((h) => h.weight)).toEqual([0.3, 0.15, 0.08]);
    expect(c?.score).toBeCloseTo(combineWeights([0.3, 0.15, 0.08]), 2);
  });

  it('weighs hits in the user input at 0.3 and never lets them alone pass severity 1', () => {
    const c = category('', 'toy.insult', 'blorps are awful. blorps are awful. zonk zonk');
    expect(c?.hits[0]?.weight).toBe(0.15);
    expect(c?.hits.every((h) => h.source === 'input')).toBe(true);
    expect(c?.severity).toBeLessThanOrEqual(1);
  });

  it('caps discounted hits together below the constitutional threshold', () => {
    const text = 'It is wrong to say blorps are awful. Never say blorps are awful. Not zonk.';
    const c = category(text, 'toy.insult');
    expect(c?.hits.length).toBe(3);
    expect(c?.score).toBeLessThanOrEqual(NON_DIRECT_CAP);
    expect(c?.severity).toBeLessThan(2);
  });

  it('applies a mitigating modifier found elsewhere in the text, but not inside the hit', () => {
    expect(category('track her phone', 'toy.tracking')?.hits[0]?.weight).toBe(0.6);
    expect(category('track her phone with consent', 'toy.tracking')?.hits[0]?.weight).toBe(0.3);
  });

  it('boosts a category when its input-scoped modifier appears in the request', () => {
    expect(category('a study found it works', 'toy.claim')?.hits[0]?.weight).toBe(0.3);
    expect(category('a study found it works', 'toy.claim', 'source?')?.hits[0]?.weight).toBe(0.6);
  });
});

describe('context reading', () => {
  it.each([
    ['negated', 'It is wrong to say blorps are awful.', 'blorps are awful'],
    ['negated', 'We must never claim blorps are awful.', 'blorps are awful'],
    ['negated', 'Myth: blorps are awful.', 'blorps are awful'],
    ['negated', 'The idea that blorps are awful is a myth.', 'blorps are awful'],
    ['reported', 'Critics said blorps are awful.', 'blorps are awful'],
    ['reported', 'Scammers claim blorps are awful to sell cures.', 'blorps are awful'],
    ['quoted', 'He wrote: "blorps are awful" on the wall.', 'blorps are awful'],
    ['question', 'Are you sure blorps are awful?', 'blorps are awful'],
  ] as const)('reads "%s" in: %s', (kind, text, hit) => {
    const start = text.toLowerCase().indexOf(hit);
    const reading = readContext(text.toLowerCase(), start, start + hit.length, false);
    expect(reading.kinds).toContain(kind);
    expect(reading.factor).toBeLessThan(1);
  });

  it.each([
    'Blorps are awful.',
    "It's no secret: blorps are awful.",
    "Don't listen to them: blorps are awful.",
    'It is not PC to say it, but blorps are awful.',
  ])('reads no disowning context in: %s', (text) => {
    const start = text.toLowerCase().indexOf('blorps are awful');
    const reading = readContext(text.toLowerCase(), start, start + 16, false);
    expect(reading.kinds).toEqual([]);
    expect(reading.factor).toBe(1);
  });

  it('discounts every hit when the request frames the response as fiction', () => {
    const c = category('blorps are awful', 'toy.insult', 'Write a story about a grumpy troll.');
    expect(c?.hits.find((h) => h.source === 'output')?.context).toContain('fiction');
  });

  it('lets a category accept only the readings it declares (actions ignore quotes)', () => {
    const c = category('He said "track her phone" loudly.', 'toy.tracking');
    expect(c?.hits[0]?.context).toEqual([]);
    expect(c?.severity).toBe(2);
  });
});

describe('normalisation', () => {
  it.each([
    ['homoglyphs', 'blоrps аre awful'],
    ['leetspeak', 'bl0rp5 4r3 4wful'],
    ['full-width letters', 'ｂｌｏｒｐｓ are awful'],
    ['upper case', 'BLORPS ARE AWFUL'],
    ['non-breaking spaces', 'blorps\u00a0are\u00a0awful'],
  ])('finds a phrase written with %s, with evidence in the original text', (_name, text) => {
    const c = category(text, 'toy.insult');
    const hit = c?.hits[0];
    expect(hit).toBeDefined();
    expect(hit!.text).toBe(text.slice(hit!.start, hit!.end));
    expect(hit?.text).toBe(text);
  });

  it('keeps every offset of a prepared text equal to the original', () => {
    const text = 'İstanbul ’quoted’ ｆｕｌｌ 𝔘nicode b0rp';
    const prepared = prepareText(text, 'output');
    expect(prepared.folded.text).toHaveLength(text.length);
    expect(prepared.unleeted?.text).toHaveLength(text.length);
  });
});

describe('compilation', () => {
  const entry = (extra: object) =>
    compileLexicon({
      critic: 'bad',
      categories: [{ id: 'x', description: 'x', entries: [{ id: 'e', weight: 0.5, ...extra }] }],
    });

  it.each([
    ['a pattern without starts', { pattern: 'abc' }, /declare starts/],
    ['a capture group', { pattern: '(abc)', starts: ['abc'] }, /without capture groups/],
    ['upper-case literals', { pattern: 'Abc', starts: ['abc'] }, /lower case/],
    ['both phrases and pattern', { pattern: 'abc', phrases: ['abc'] }, /exactly one/],
    ['starts that begin with punctuation', { pattern: '-x', starts: ['-x'] }, /begin with a word/],
    ['an unknown lead', { pattern: 'x', lead: 'NOPE' }, /NOPE/],
    ['a weight above 1', { phrases: ['abc'], weight: 1.5 }, /weight in \(0, 1\]/],
  ])('rejects %s with a TypeError naming the entry', (_name, extra, message) => {
    expect(() => entry(extra)).toThrow(TypeError);
    expect(() => entry(extra)).toThrow(message);
  });

  it('counts capture groups but not non-capturing groups, lookarounds or escapes', () => {
    expect(captureGroups('(?:a)(?=b)(?<!c)\\(d\\)[(]')).toBe(0);
    expect(captureGroups('(a)(?<name>b)')).toBe(2);
  });

  it('finds nothing the start-word index misses in the toy lexicon', () => {
    expect(auditStarts(toy, 'blorps are awful; track her car; a study found; zonk')).toEqual([]);
  });
});

describe('the critic', () => {
  it('turns categories of severity ≥ 1 into violations with evidence spans and a clause', () => {
    const output = 'Honestly, blorps are awful.';
    const f = run(output);
    expect(f.value).toBe('violation');
    expect(f.violations[0]).toMatchObject({
      category: 'toy.insult',
      severity: 2,
      clause: 'D1',
      evidence: [{ source: 'output', start: 10, end: 26, text: 'blorps are awful' }],
    });
    expect(f.escalation).toMatchObject({ tier: 'TIER_2', clause: 'D1' });
  });

  it('escalates on the highest-tier clause that reached severity 2', () => {
    const f = run('Blorps are awful, zonk, zonk. Track her phone.');
    expect(f.violations.map((v) => v.clause)).toEqual(['D1', 'P2']);
    expect(f.escalation).toMatchObject({ tier: 'TIER_3', clause: 'P2' });
    expect(f.escalation?.rationale).toContain('P2');
  });

  it('does not escalate on a category below severity 2 or without a clause', () => {
    expect(run('zonk').escalation).toBeUndefined();
    expect(run('a study found').escalation).toBeUndefined();
  });

  it('passes clean text with the clean justification and low uncertainty', () => {
    const f = run('A perfectly ordinary sentence.');
    expect(f).toMatchObject({ value: 'pass', score: 0, severity: 0, violation: false });
    expect(f.justification).toBe('clean');
    expect(f.uncertainty).toBe(0.1);
  });

  it('is more uncertain about discounted evidence than about asserted evidence', () => {
    expect(run('Critics said blorps are awful.').uncertainty).toBeGreaterThan(
      run('Blorps are awful.').uncertainty,
    );
  });

  it.each([
    [{ inputWeight: 2 }, /inputWeight/],
    [{ severityThresholds: [0.5, 0.4, 0.9] as const }, /severityThresholds/],
    [{ failureMode: 'maybe' as never }, /failureMode/],
  ])('rejects bad options up front: %j', (options, message) => {
    expect(() => resolveScanOptions(options)).toThrow(message);
  });
});
