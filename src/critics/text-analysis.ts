/**
 * A shared, memoised analysis of one text: derived forms that several critics need (the
 * lower-cased text, runs of base64 characters) computed once per text and reused by every critic
 * of an evaluation. The engine hands the same string to each critic, so a tiny cache of the last
 * few texts (compared by value, which for the same string object is an identity check) turns the
 * second and later requests into a lookup. Each form is computed lazily, on first request, in one
 * linear pass.
 */

/** Shortest run of base64 characters recorded by {@link TextAnalysis.base64Runs}. */
export const MIN_BASE64_RUN = 20;

/** Texts remembered at once: an evaluation's input and output, with room for a neighbour's. */
const CACHE_SIZE = 4;

/** Base64 alphabet codes (`A–Z a–z 0–9 + /`), padding aside. */
const BASE64 = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  BASE64[ch.charCodeAt(0)] = 1;
}

/** Derived forms of one text, each computed on first use. */
export class TextAnalysis {
  private lowerCached: string | undefined;
  private sameLengthLowerCached: string | undefined;
  private runsCached: Int32Array | undefined;

  constructor(readonly text: string) {}

  /** `text.toLowerCase()` (may differ in length from the text: `İ` lowers to two units). */
  lowerCase(): string {
    return (this.lowerCached ??= this.text.toLowerCase());
  }

  /**
   * The text in lower case with its offsets kept: the full lowering when it keeps the length,
   * otherwise only ASCII letters lowered.
   */
  sameLengthLower(): string {
    if (this.sameLengthLowerCached !== undefined) return this.sameLengthLowerCached;
    const lowered = this.lowerCase();
    this.sameLengthLowerCached =
      lowered.length === this.text.length
        ? lowered
        : this.text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
    return this.sameLengthLowerCached;
  }

  /**
   * Maximal runs of base64 characters (`[A-Za-z0-9+/]`, padding excluded) at least
   * {@link MIN_BASE64_RUN} long, as flat `[start0, end0, start1, end1, …]` offsets in text order.
   * These are exactly the matches of a global `/[A-Za-z0-9+/]{20,}/g` scan.
   */
  base64Runs(): Int32Array {
    return (this.runsCached ??= findBase64Runs(this.text));
  }
}

function findBase64Runs(text: string): Int32Array {
  const n = text.length;
  let out = new Int32Array(16);
  let count = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code >= 128 || BASE64[code] !== 1) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128 || BASE64[c] !== 1) break;
    }
    if (i - start < MIN_BASE64_RUN) continue;
    if (count + 2 > out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[count++] = start;
    out[count++] = i;
  }
  return out.subarray(0, count);
}

const cache: TextAnalysis[] = [];

/**
 * The analysis of `text`, shared with every other caller asking about the same text while it is
 * among the last few texts analysed.
 */
export function analyseText(text: string): TextAnalysis {
  for (const entry of cache) if (entry.text === text) return entry;
  const analysis = new TextAnalysis(text);
  if (cache.length >= CACHE_SIZE) cache.pop();
  cache.unshift(analysis);
  return analysis;
}
