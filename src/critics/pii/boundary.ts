/**
 * Leading lookbehinds without their cost. A pattern such as `(?<![\p{L}\p{N}_])\d…` makes the
 * regex engine test the lookbehind at every position of the text before it can look at the first
 * character, so it cannot skip ahead to the few places where a match can start. The scanners
 * instead run the pattern without the lookbehind and test the character before each match here:
 * a match whose start fails the test is dropped and the search resumes one character later —
 * exactly the matches the pattern with the lookbehind would find, in the same order.
 */

/** Whether the lookbehind holds at `index` of `text`. */
export type Boundary = (text: string, index: number) => boolean;

/**
 * The test of a negative lookbehind `(?<![class])` under the `u` flag: true at the start of the
 * text or when the code point before `index` (a surrogate pair counts as one) is not in `class`.
 * `flags` are the pattern's flags (`u`, optionally `i`), so that case folding is the same.
 */
export function notAfter(classBody: string, flags = 'u'): Boundary {
  const member = new RegExp(`^[${classBody}]$`, flags.replace(/[gy]/g, ''));
  const ascii = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    ascii[code] = member.test(String.fromCharCode(code)) ? 1 : 0;
  }
  return (text, index) => {
    if (index <= 0) return true;
    const code = text.charCodeAt(index - 1);
    if (code < 128) return ascii[code] === 0;
    let from = index - 1;
    if (code >= 0xdc00 && code <= 0xdfff && index >= 2) {
      const high = text.charCodeAt(index - 2);
      if (high >= 0xd800 && high <= 0xdbff) from = index - 2;
    }
    return !member.test(text.slice(from, index));
  };
}

/** A pattern split into its body and the test of its leading lookbehind. */
export interface Bounded {
  /** The pattern without its leading lookbehind, with the same flags. */
  readonly body: RegExp;
  /** The lookbehind's test. */
  readonly start: Boundary;
}

const LEADING_LOOKBEHIND = /^\(\?<!\[((?:[^\\\]]|\\.)*)\]\)/su;

/**
 * Splits `(?<![class])body` into `body` (same flags) and the test of `(?<![class])`, so that a
 * pattern keeps its one written form. Throws a TypeError for a pattern of another shape.
 */
export function splitLookbehind(pattern: RegExp): Bounded {
  const m = LEADING_LOOKBEHIND.exec(pattern.source);
  if (m === null || !pattern.unicode) {
    throw new TypeError(
      `Expected a u-flag pattern starting with a negative lookbehind class, got ${String(pattern)}`,
    );
  }
  return {
    body: new RegExp(pattern.source.slice(m[0].length), pattern.flags),
    start: notAfter(m[1] ?? '', pattern.flags),
  };
}

/**
 * A pattern kept whole, for {@link execAfter}. Right for a pattern that starts with a digit: the
 * engine skips to digits quickly by itself, and inside a long run of digits its lookbehind fails
 * at once where a split-off body would be retried, and backtrack, at every digit.
 */
export function whole(pattern: RegExp): Bounded {
  return { body: pattern, start: () => true };
}

/** Code units of the code point at `index` (2 for a surrogate pair, else 1). */
function unitsAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/**
 * The next match of the whole pattern (body and lookbehind), from `body.lastIndex` on: the next
 * body match whose start passes the lookbehind. `body.lastIndex` moves as a global exec's would.
 */
export function execAfter(bounded: Bounded, text: string): RegExpExecArray | null {
  const { body, start } = bounded;
  for (let m = body.exec(text); m !== null; m = body.exec(text)) {
    if (start(text, m.index)) return m;
    body.lastIndex = m.index + unitsAt(text, m.index);
  }
  return null;
}

/** `index`, moved back one code unit when it falls between the halves of a surrogate pair. */
export function codePointStart(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return index;
  const code = text.charCodeAt(index);
  const before = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff
    ? index - 1
    : index;
}
