/**
 * The canonical member order of an object shape: its own enumerable keys sorted by UTF-16 code
 * units (RFC 8785), each with its quoted `"key":` prefix ready. The canonical writer meets the
 * same few shapes over and over (a finding, an evidence span, a critic's record), so the order
 * is worked out once per shape and found again by comparing the key list, not by sorting it.
 * Each key comes quoted with the punctuation before it, so a member is written in two joins.
 */

/** One shape: the keys as `Object.keys` lists them, in canonical order, and quoted. */
export interface KeyOrder {
  /** The keys in enumeration order: what a later object must list to share this order. */
  readonly listed: readonly string[];
  /** The keys sorted by UTF-16 code units. */
  readonly sorted: readonly string[];
  /** `{"key":` for each sorted key (JSON-escaped): the key as the object's first member. */
  readonly first: readonly string[];
  /** `,"key":` for each sorted key: the key after another member. */
  readonly next: readonly string[];
}

/** Shapes kept per first key; a busy first key (`critic`) keeps its most recent few. */
const PER_FIRST_KEY = 4;
/** First keys kept before the table starts over (a workload of endless fresh keys). */
const MAX_FIRST_KEYS = 512;
/**
 * Shapes with more keys, or longer ones in all, are ordered afresh each time, never kept: what
 * the writer meets repeatedly is small, and a request's context could otherwise fill the table
 * with large ones.
 */
export const MAX_KEPT_KEYS = 64;
export const MAX_KEPT_CHARS = 512;

/**
 * Sorted orders keyed by the first listed key. The first key alone does not decide the shape,
 * so every candidate is checked key by key against the list before it is used.
 */
export class KeyOrders {
  private readonly byFirstKey = new Map<string, KeyOrder[]>();

  /** The canonical order of `keys` (a non-empty `Object.keys` list, not modified). */
  of(keys: readonly string[]): KeyOrder {
    if (keys.length > MAX_KEPT_KEYS) return keyOrder(keys);
    const first = keys[0] as string;
    const candidates = this.byFirstKey.get(first);
    if (candidates !== undefined) {
      for (const candidate of candidates) if (sameKeys(candidate.listed, keys)) return candidate;
    }
    const order = keyOrder(keys);
    if (!small(keys)) return order;
    if (candidates === undefined) {
      if (this.byFirstKey.size >= MAX_FIRST_KEYS) this.byFirstKey.clear();
      this.byFirstKey.set(first, [order]);
    } else {
      if (candidates.length >= PER_FIRST_KEY) candidates.pop();
      candidates.unshift(order);
    }
    return order;
  }
}

function small(keys: readonly string[]): boolean {
  let chars = 0;
  for (const key of keys) chars += key.length;
  return chars <= MAX_KEPT_CHARS;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function keyOrder(keys: readonly string[]): KeyOrder {
  const listed = keys.slice();
  // Array.prototype.sort compares strings by UTF-16 code units, as RFC 8785 asks.
  const sorted = keys.slice().sort();
  const quoted = sorted.map((key) => `${JSON.stringify(key)}:`);
  return {
    listed,
    sorted,
    first: quoted.map((key) => `{${key}`),
    next: quoted.map((key) => `,${key}`),
  };
}
