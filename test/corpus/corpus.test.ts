import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyCritic } from '../../src/orchestrator/classify.js';
import { Policy } from '../../src/orchestrator/vocabulary.js';
import {
  CORPUS_AREAS,
  CORPUS_CRITICS,
  CORPUS_DIR,
  CorpusError,
  loadCorpus,
  type CorpusEntry,
} from './corpus.js';

const corpus = loadCorpus();
const byArea = (area: string): CorpusEntry[] => corpus.filter((entry) => entry.area === area);

describe('the labelled corpus', () => {
  it('holds at least 450 requests', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(450);
  });

  it.each(CORPUS_AREAS)('has at least 25 requests in area %s', (area) => {
    expect(byArea(area).length).toBeGreaterThanOrEqual(25);
  });

  it('has one file per area and nothing else', () => {
    const files = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.jsonl'));
    expect(files.sort()).toEqual(CORPUS_AREAS.map((area) => `${area}.jsonl`).sort());
  });

  it('has at least 120 benign look-alikes', () => {
    expect(corpus.filter((entry) => entry.lookalike).length).toBeGreaterThanOrEqual(120);
  });

  it('has at least 40 obfuscated attacks, every one of them flagged or naming a critic', () => {
    const obfuscated = byArea('obfuscated');
    expect(obfuscated.length).toBeGreaterThanOrEqual(40);
    for (const entry of obfuscated) {
      expect(entry.expect.flagged || entry.expect.critics.length > 0, entry.id).toBe(true);
    }
  });

  it('gives every entry a unique id', () => {
    expect(new Set(corpus.map((entry) => entry.id)).size).toBe(corpus.length);
  });

  it('names only critics of the default panel', () => {
    const known = new Set<string>(CORPUS_CRITICS);
    for (const entry of corpus) {
      for (const critic of entry.expect.critics) expect(known.has(critic), entry.id).toBe(true);
    }
  });

  it('assumes the gating that name classification gives each critic', () => {
    expect(classifyCritic('pii_detector').policy).toBe(Policy.ON_HIGH_RISK);
    expect(classifyCritic('deep_bias_check').policy).toBe(Policy.ON_VIOLATION);
    const alwaysRun = CORPUS_CRITICS.filter((c) => c !== 'pii_detector' && c !== 'deep_bias_check');
    for (const critic of alwaysRun)
      expect(classifyCritic(critic).policy, critic).toBe(Policy.ALWAYS);
  });

  it('expects pii_detector only where it runs, when riskTier is high', () => {
    for (const entry of corpus) {
      if (entry.expect.critics.includes('pii_detector')) {
        expect(entry.context.riskTier, entry.id).toBe('high');
      }
    }
  });

  it('never flags a benign look-alike', () => {
    for (const entry of corpus.filter((e) => e.lookalike)) {
      expect(entry.expect.flagged, entry.id).toBe(false);
    }
  });

  it('labels decision allow exactly when the entry is not flagged', () => {
    for (const entry of corpus) {
      const { decision, flagged } = entry.expect;
      if (decision !== undefined) expect(decision === 'allow', entry.id).toBe(!flagged);
    }
  });

  it('labels every critic with enough positives to measure its recall', () => {
    const positives = new Map<string, number>();
    for (const entry of corpus) {
      for (const critic of entry.expect.critics) {
        positives.set(critic, (positives.get(critic) ?? 0) + 1);
      }
    }
    for (const critic of CORPUS_CRITICS) {
      expect(positives.get(critic) ?? 0, critic).toBeGreaterThanOrEqual(10);
    }
  });

  it('mixes flagged and unflagged requests and every decision', () => {
    const flagged = corpus.filter((entry) => entry.expect.flagged).length;
    expect(flagged).toBeGreaterThan(150);
    expect(corpus.length - flagged).toBeGreaterThan(150);
    const decisions = new Set(corpus.map((entry) => entry.expect.decision));
    expect([...decisions].sort()).toEqual(
      ['allow', 'constrained_allow', 'deny', 'escalate', undefined].sort(),
    );
  });

  it('writes invisible, bidirectional and homoglyph characters as JSON escapes', () => {
    for (const name of readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.jsonl'))) {
      const lines = readFileSync(join(CORPUS_DIR, name), 'utf8').split('\n');
      lines.forEach((line, index) => {
        expect(hiddenCharacter(line), `${name}:${index + 1}`).toBeUndefined();
      });
    }
  });
});

describe('loadCorpus', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const valid = (id: string, overrides: Record<string, unknown> = {}): string =>
    JSON.stringify({
      id,
      area: 'benign',
      input: 'hi',
      output: 'hello',
      context: { riskTier: 'low' },
      expect: { flagged: false, decision: 'allow', critics: [] },
      lookalike: false,
      note: 'test',
      ...overrides,
    });

  const write = (files: Record<string, string[]>): string => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    for (const [name, lines] of Object.entries(files)) {
      writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    }
    return dir;
  };

  it('reads every .jsonl file and skips blank lines', () => {
    const path = write({
      'benign.jsonl': [valid('benign-001'), '', valid('benign-002')],
      'notes.txt': ['ignored'],
    });
    expect(loadCorpus(path).map((entry) => entry.id)).toEqual(['benign-001', 'benign-002']);
  });

  it.each([
    ['an unknown critic', { expect: { flagged: true, critics: ['magic'] } }, 'expect.critics.0'],
    ['a bad risk tier', { context: { riskTier: 'extreme' } }, 'context.riskTier'],
    [
      'a decision contradicting flagged',
      { expect: { flagged: true, decision: 'allow', critics: [] } },
      'expect.decision',
    ],
    [
      'a flagged look-alike',
      { lookalike: true, expect: { flagged: true, critics: [] } },
      'lookalike',
    ],
    [
      'pii_detector below high risk',
      { expect: { flagged: true, critics: ['pii_detector'] } },
      'expect.critics',
    ],
    ['a missing note', { note: undefined }, 'note'],
    ['an unknown field', { extra: 1 }, '(root)'],
  ])('rejects %s, naming file, line and zod path', (_name, overrides, path) => {
    const corpusDir = write({
      'benign.jsonl': [valid('benign-001'), valid('benign-002', overrides)],
    });
    expect(() => loadCorpus(corpusDir)).toThrow(CorpusError);
    expect(() => loadCorpus(corpusDir)).toThrow(new RegExp(`^benign\\.jsonl:2: .*${escape(path)}`));
  });

  it('rejects invalid JSON with its file and line', () => {
    const corpusDir = write({ 'benign.jsonl': [valid('benign-001'), '{"id": '] });
    expect(() => loadCorpus(corpusDir)).toThrow(/^benign\.jsonl:2: invalid JSON/);
  });

  it('rejects a duplicate id, naming both places', () => {
    const corpusDir = write({
      'benign.jsonl': [valid('benign-001'), valid('benign-002'), valid('benign-001')],
    });
    expect(() => loadCorpus(corpusDir)).toThrow(
      /^benign\.jsonl:3: duplicate id `benign-001` \(first at benign\.jsonl:1\)/,
    );
  });

  it('rejects an entry filed under another area', () => {
    const corpusDir = write({
      'style.jsonl': [valid('style-001', { area: 'style' }), valid('benign-002')],
    });
    expect(() => loadCorpus(corpusDir)).toThrow(/^style\.jsonl:2: /);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first raw character in `line` that a reader could not see or tell apart, if any. */
function hiddenCharacter(line: string): string | undefined {
  for (const char of line) {
    const code = char.codePointAt(0) ?? 0;
    const hidden =
      (code < 0x20 && code !== 0x0a) ||
      code === 0xad ||
      (code >= 0x200b && code <= 0x200f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      (code >= 0x0370 && code <= 0x04ff) ||
      (code >= 0xd800 && code <= 0xdfff);
    if (hidden) return `U+${code.toString(16).padStart(4, '0')}`;
  }
  return undefined;
}
