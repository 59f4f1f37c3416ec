import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HARM_RULES } from './lexicons/quick-safety-rules.js';
import { REQUEST_LEADS } from './lexicons/quick-safety-cues.js';
import { startKeys } from './regex-prefix.js';
import { WordScanner, WordScannerGroup, indexWords, triggerKeys } from './word-trigger.js';

/** What a plain global whole-word regex finds. */
function reference(body: string, text: string): [number, number][] {
  const regex = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${body})(?![\p{L}\p{N}_])`, 'gu');
  return Array.from(text.matchAll(regex), (m): [number, number] => [
    m.index,
    m.index + m[0].length,
  ]);
}

describe('startKeys', () => {
  it.each([
    ['literals', 'kill|bomb', ['kill', 'bomb']],
    ['short words end with $', 'i|we\\s+should', ['i$', 'we$']],
    ['optional prefixes', '(?:pipe\\s+)?bombs?', ['pipe', 'bomb']],
    ['classes', '[bk]ill', ['bill', 'kill']],
    ['quantifiers', 'ha(?:ha)+', ['haha']],
    ['lookarounds are skipped', '(?!x)go(?=\\s)', ['go$']],
    ['digits', '\\d{2}yo', ['00yo', '99yo']],
  ])('enumerates %s', (_name, source, expected) => {
    const keys = startKeys(source, 4);
    expect(keys).not.toBeNull();
    for (const key of expected) expect(keys).toContain(key);
  });

  it.each([
    ['a Unicode property at the start', '\\p{L}+ing'],
    ['a start that may be punctuation', '-?kill'],
    ['an empty match', '(?:kill)?'],
    ['a negated class', '[^a]bc'],
  ])('gives up on %s', (_name, source) => {
    expect(startKeys(source, 4)).toBeNull();
  });

  it('enumerates every harm rule and request lead', () => {
    for (const rule of HARM_RULES)
      expect(triggerKeys(rule.patterns.join('|')), rule.id).not.toBeNull();
    expect(triggerKeys(REQUEST_LEADS.join('|'))).not.toBeNull();
  });
});

describe('WordScanner', () => {
  const lexicon = [
    'how\\s+(?:to|do\\s+i)\\s+make',
    'bombs?',
    'kill(?:s|ed)?\\s+(?:him|her)',
    'i\\s+will',
  ];

  it('finds what a global regex finds', () => {
    const alphabet = [
      'how to make',
      'bomb',
      'bombs',
      'kill him',
      'killed her',
      'i will',
      'a',
      'the',
      ' ',
      '.',
      'bombing',
      'xkill',
      "i'll",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        const scanner = new WordScanner(lexicon);
        expect(scanner.scan(text, indexWords(text), 1000)).toEqual(
          reference(lexicon.join('|'), text),
        );
      }),
    );
  });

  it('reports which alternative matched', () => {
    const scanner = new WordScanner(lexicon);
    const seen: number[] = [];
    scanner.scan(
      'i will kill him with a bomb',
      indexWords('i will kill him with a bomb'),
      10,
      (alternative) => seen.push(alternative),
    );
    expect(seen).toEqual([3, 2, 1]);
  });

  it('falls back to a global scan when starts cannot be enumerated', () => {
    const scanner = new WordScanner(['\\p{L}+ing']);
    expect(scanner.global).not.toBeNull();
    expect(scanner.scan('singing loudly', indexWords('singing loudly'), 10)).toEqual([[0, 7]]);
  });

  it('matches a group member exactly as the member alone', () => {
    const a = new WordScanner(['bombs?', 'kill']);
    const b = new WordScanner(['the\\s+bomb', 'how\\s+to']);
    const group = new WordScannerGroup([
      ['a', a],
      ['b', b],
    ] as const);
    const text = 'how to kill the bomb and the bombs';
    const words = indexWords(text);
    const all = group.scanAll(text, words, 100);
    expect(all.get('a')).toEqual(a.scan(text, words, 100));
    expect(all.get('b')).toEqual(b.scan(text, words, 100));
  });

  it('indexes words with keys of their first four characters', () => {
    const index = indexWords('a bomb, kill-switch éé');
    expect(Array.from(index.starts.subarray(0, index.length))).toEqual([0, 2, 8, 13, 20]);
  });
});
