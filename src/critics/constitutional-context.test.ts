import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasFictionCue, isFiction } from './constitutional-context.js';
import { prepareText } from './constitutional-text.js';
import { FICTION_CUES } from './lexicons/constitutional.js';

/** Pieces of fiction cues, near-misses, case-folding letters and word-joining characters. */
const piece = fc.constantFrom(
  'once upon a time',
  'short story',
  'ſhort ſtory',
  'the villain',
  'a character',
  'characters in',
  'role-play as',
  'roleplay as',
  'in-universe',
  'in the story',
  'write me a poem',
  'write an essay',
  'chapter 12',
  'chapter',
  'fictional',
  'fiction',
  'the',
  'in',
  'a',
  'ONCE',
  'Upon',
  '𝐀',
  'é',
  '_',
  '3',
  ' ',
  '\n',
  '-',
  '.',
);
const text = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));

describe('fiction cues', () => {
  it('finds a cue exactly where the whole-text pattern finds one', () => {
    fc.assert(
      fc.property(text, (value) => {
        const reading = prepareText(value, 'output').folded;
        expect(hasFictionCue(reading)).toBe(FICTION_CUES.test(reading.text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads cues whose first letters case-fold to ASCII and skips cues glued to a word', () => {
    expect(hasFictionCue(prepareText('A ſhort ſtory.', 'output').folded)).toBe(true);
    expect(hasFictionCue(prepareText('Shortly: X-ray story.', 'output').folded)).toBe(false);
    expect(hasFictionCue(prepareText('𝐀once upon a time', 'output').folded)).toBe(false);
    expect(hasFictionCue(prepareText('Chapter 3 begins', 'output').folded)).toBe(true);
  });

  it('frames a request or a response as fiction when either carries a cue', () => {
    expect(isFiction('Write me a story about a dragon.', 'Here it is.')).toBe(true);
    expect(isFiction('Summarise the meeting.', 'The narrator walks in.')).toBe(true);
    expect(isFiction('Summarise the meeting.', 'The team shipped on Friday.')).toBe(false);
  });
});
