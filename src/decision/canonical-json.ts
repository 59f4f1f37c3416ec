/**
 * RFC 8785 (JCS) canonical JSON of any value, in one pass. What a critic returned is made safe
 * on the way: undefined, functions and symbols are dropped from objects (null in arrays),
 * non-finite numbers become null, bigints strings, and a cycle the marker `"[Circular]"` — so
 * hashing never throws. Every evaluation hashes its whole decision and findings (and the
 * evidence store its record), so this is on the hot path: the native serialiser does the work
 * with keys put in order by a replacer, and a one-pass writer takes over for what it cannot
 * order. The `canonicalize` package is the reference a property test checks both against.
 */

/** The canonical JSON text of `value` (`null` for a value JSON cannot hold at the top). */
export function canonicalJson(value: unknown): string {
  try {
    // Fast path: the native serialiser with every object's keys put in order first.
    // Typed as string, but undefined for a value JSON cannot hold (undefined, a function).
    const text: string | undefined = JSON.stringify(value, sortedKeys);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    return text ?? 'null';
  } catch {
    // A cycle, or a key the fast path cannot order (an integer-like key, which JavaScript
    // always enumerates first): the one-pass writer handles everything.
    return write(value, new Set()) ?? 'null';
  }
}

/** Thrown by {@link sortedKeys} to fall back to the writer; never escapes. */
const UNORDERABLE = new Error('a key the fast path cannot order');

/**
 * `JSON.stringify` replacer: an object becomes a copy with its keys in UTF-16 order; a bigint its
 * decimal string. The native serialiser does the rest (toJSON, undefined, non-finite numbers,
 * string escapes), exactly as the writer below does.
 */
function sortedKeys(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    // Integer-like keys are enumerated before all others whatever their insertion order.
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && INTEGER_KEY.test(key)) throw UNORDERABLE;
    // Assigning `__proto__` to a copy would set its prototype, not a key.
    if (key === '__proto__') throw UNORDERABLE;
    if (i > 0 && (keys[i - 1] as string) > key) sorted = false;
  }
  if (sorted && Object.getPrototypeOf(source) === Object.prototype) return value;
  if (!sorted) keys.sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = source[key];
  return out;
}

const INTEGER_KEY = /^(?:0|[1-9]\d{0,9})$/;

/** The JSON text of a value, or undefined for one an object leaves out. */
function write(value: unknown, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // ECMAScript number serialisation is JCS's; -0 prints as 0.
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object':
      return value === null ? 'null' : writeObject(value, ancestors);
    default:
      return undefined;
  }
}

function writeObject(value: object, ancestors: Set<object>): string | undefined {
  if (ancestors.has(value)) return '"[Circular]"';
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    return write((toJSON as () => unknown).call(value), ancestors);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      let out = '[';
      const items = value as unknown[];
      for (let i = 0; i < items.length; i++) {
        if (i > 0) out += ',';
        out += write(items[i], ancestors) ?? 'null';
      }
      return out + ']';
    }
    const record = value as Record<string, unknown>;
    // Own enumerable string keys, sorted by UTF-16 code units as JCS asks.
    const keys = Object.keys(record).sort();
    let out = '{';
    let first = true;
    for (const key of keys) {
      const item = write(record[key], ancestors);
      if (item === undefined) continue;
      out += (first ? '' : ',') + JSON.stringify(key) + ':' + item;
      first = false;
    }
    return out + '}';
  } finally {
    ancestors.delete(value);
  }
}
