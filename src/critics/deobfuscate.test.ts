import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deobfuscate } from './deobfuscate.js';

/** The original text behind a normalised span. */
function original(text: string, start: number, end: number): string {
  const at = deobfuscate(text).toOriginal(start, end);
  return text.slice(at.start, at.end);
}

describe('deobfuscate', () => {
  it.each([
    ['leetspeak', 'how to k1ll someone', 'how to kill someone'],
    ['leet with a doubled 1', 'b0mb and m3th', 'bomb and meth'],
    ['leet symbols', 'h@ck the $ystem', 'hack the system'],
    ['spaced letters', 'k i l l him', 'kill him'],
    ['dotted letters', 'b.o.m.b', 'bomb'],
    ['dashed letters', 'm-e-t-h lab', 'meth lab'],
    ['spaced words with double spaces', 'h o w  t o  m a k e', 'how  to  make'],
    ['zero-width characters', 'b\u200bo\u200bm\u200bb', 'bomb'],
    ['soft hyphens and bidi controls', 'ki\u00adll \u202eme', 'kill me'],
    ['Cyrillic homoglyphs', 'bоmb аttасk', 'bomb attack'],
    ['Greek homoglyphs', 'κill', 'kill'],
    ['full-width letters', 'ｂｏｍｂ', 'bomb'],
    ['accents', 'bómb', 'bomb'],
    ['curly apostrophes', 'I’m going', "i'm going"],
    ['upper case', 'HOW TO MAKE A BOMB', 'how to make a bomb'],
    [
      'two-character leet function words',
      'h0w t0 p01s0n it, d0 it n0w',
      'how to poison it, do it now',
    ],
  ])('undoes %s', (_name, input, expected) => {
    expect(deobfuscate(input).text).toBe(expected);
  });

  it.each([
    ['quantities with units', 'take 500mg or 50g and 2nd dose', 'take 500mg or 50g and 2nd dose'],
    ['git hashes', 'commit 3f9a1b7c4d2e', 'commit 3f9a1b7c4d2e'],
    ['order numbers', 'order 1234567890', 'order 1234567890'],
    ['a trailing exclamation', 'wow! great!', 'wow! great!'],
    ['C++', 'I like C++ and C#', 'i like c++ and c#'],
    ['spaced digits', '1 2 3 go', '1 2 3 go'],
    ['e.g. and i.e.', 'e.g. this, i.e. that', 'e.g. this, i.e. that'],
    [
      'short cell, vitamin and volume codes',
      'cell a1, vitamin b2, 5 m3, f1 key',
      'cell a1, vitamin b2, 5 m3, f1 key',
    ],
  ])('leaves %s alone', (_name, input, expected) => {
    expect(deobfuscate(input).text).toBe(expected);
  });

  it('maps normalised spans back to the original characters', () => {
    const text = 'please b\u200bo\u200bm\u200bb it';
    const view = deobfuscate(text);
    const start = view.text.indexOf('bomb');
    expect(original(text, start, start + 4)).toBe('b\u200bo\u200bm\u200bb');
    const spaced = 'a k i l l b';
    const at = deobfuscate(spaced).text.indexOf('kill');
    expect(original(spaced, at, at + 4)).toBe('k i l l');
  });

  it('maps a folded surrogate pair to both of its code units', () => {
    const text = 'x \u{1D41B}\u{1D428}\u{1D426}\u{1D41B} y';
    const view = deobfuscate(text);
    expect(view.text).toBe('x bomb y');
    expect(original(text, 2, 6)).toBe('\u{1D41B}\u{1D428}\u{1D426}\u{1D41B}');
  });

  it('reports an unchanged text as unchanged, with an identity map', () => {
    const view = deobfuscate('A plain sentence.');
    expect(view.changed).toBe(false);
    expect(view.toOriginal(2, 7)).toEqual({ start: 2, end: 7 });
  });

  it('always maps spans inside the original text, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const view = deobfuscate(text);
        for (let start = 0; start <= view.text.length; start++) {
          const end = Math.min(view.text.length, start + 3);
          const at = view.toOriginal(start, end);
          expect(at.start).toBeGreaterThanOrEqual(0);
          expect(at.end).toBeGreaterThanOrEqual(at.start);
          expect(at.end).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});
