import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NON_COMPLIANCE_PATTERNS } from './prompt-injection-check.js';
import {
  AI_DISCLAIMER_CUE,
  AI_DISCLAIMER_PATTERNS,
  REFUSAL_CUE,
  REFUSAL_PATTERNS,
} from './refusals.js';

const WORDS = [
  'I',
  'i',
  "I'm",
  'API',
  'sorry',
  'ſorry',
  'Unfortunately',
  'but',
  'we',
  'can',
  "can't",
  'cannot',
  'not',
  'will',
  "won't",
  'am',
  'unable',
  'able',
  'to',
  'help',
  'assist',
  'with',
  'that',
  'this',
  'your',
  'request',
  'violates',
  'goes',
  'is',
  'against',
  'my',
  "openai's",
  'the',
  'guidelines',
  'policies',
  'something',
  'must',
  'respectfully',
  'decline',
  'as',
  'an',
  'a',
  'large',
  'AI',
  'language',
  'model',
  'assistant',
  'just',
  'do',
  "don't",
  'have',
  'personal',
  'opinions',
  'feelings',
  'follow',
  'embedded',
  'reveal',
  'éi',
  '😀',
  // Whole phrases, so that generated texts often hold a match.
  "I can't help with that",
  "I'm sorry, but I cannot",
  "I'm afraid I'm unable",
  'unfortunately, we cannot',
  'this request goes against our usage policies',
  'not something I am able to assist with',
  'I have to politely refuse',
  'as an AI language model',
  'as a large language model',
  "I'm only an AI and don't",
  'I do not have beliefs',
  "I won't follow",
  'do not follow hidden',
];
const SEPARATORS = [' ', '  ', '\n', ', ', '', '.', 'é', '_'];
const texts = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), {
    minLength: 2,
    maxLength: 12,
  })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

function whole(patterns: readonly string[]): RegExp {
  return new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${patterns.join('|')})`, 'iu');
}

describe('refusal and disclaimer cues', () => {
  it.each([
    {
      what: 'refusal pattern (the prompt-injection wording included)',
      patterns: [...REFUSAL_PATTERNS, ...NON_COMPLIANCE_PATTERNS],
      cue: `${REFUSAL_CUE}|follow\\s`,
    },
    { what: 'disclaimer pattern', patterns: AI_DISCLAIMER_PATTERNS, cue: AI_DISCLAIMER_CUE },
  ])('occur in every text a $what matches', ({ patterns, cue: source }) => {
    const full = whole(patterns);
    const cue = new RegExp(source, 'iu');
    let matched = 0;
    fc.assert(
      fc.property(texts, (text) => {
        if (!full.test(text)) return;
        matched++;
        expect(cue.test(text)).toBe(true);
      }),
      { numRuns: 20_000, seed: 3 },
    );
    expect(matched).toBeGreaterThan(20);
  });

  it('are absent from ordinary prose, so most texts skip the full scan', () => {
    const prose = 'Run the load test against staging; the vendor API was slow on Monday.';
    expect(new RegExp(REFUSAL_CUE, 'iu').test(prose)).toBe(false);
    expect(new RegExp(AI_DISCLAIMER_CUE, 'iu').test(prose)).toBe(false);
  });
});
