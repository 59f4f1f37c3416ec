/**
 * RFC 8785 (JCS) canonical JSON of any value, in one pass. What a critic returned is made safe
 * on the way: undefined, functions and symbols are dropped from objects (null in arrays),
 * non-finite numbers become null, bigints strings, and a cycle the marker `"[Circular]"` — so
 * hashing never throws. Every evaluation hashes its whole decision and findings, so this is on
 * the hot path; the `canonicalize` package is the reference a property test checks it against.
 */

/** The canonical JSON text of `value` (`null` for a value JSON cannot hold at the top). */
export function canonicalJson(value: unknown): string {
  return write(value, new Set()) ?? 'null';
}

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
