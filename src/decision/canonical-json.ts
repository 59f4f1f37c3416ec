/**
 * RFC 8785 (JCS) canonical JSON of any value, in one pass. What a critic returned is made safe
 * on the way: undefined, functions and symbols are dropped from objects (null in arrays),
 * non-finite numbers become null, bigints strings, and a cycle the marker `"[Circular]"` — so
 * hashing never throws. Every evaluation hashes its whole decision and findings (and the
 * evidence store its record), so this is on the hot path: a one-pass writer with each object
 * shape's key order worked out once ({@link KeyOrders}) and strings quoted without the native
 * serialiser unless they need escaping. It keeps no ancestor set: past {@link MAX_DEPTH} it
 * gives up and the cycle-aware writer below starts over. The `canonicalize` package is the
 * reference a property test checks both against.
 */
import { KeyOrders } from './canonical-keys.js';

/**
 * The canonical JSON text of `value` (`null` for a value JSON cannot hold at the top). Objects
 * whose text `texts` already holds are written as that text.
 */
export function canonicalJson(value: unknown, texts?: CanonicalTexts): string {
  try {
    return writeValue(value, '', 0, texts) ?? 'null';
  } catch {
    // A cycle (or nesting past MAX_DEPTH), or a getter or toJSON that threw: the cycle-aware
    // writer starts over (and throws what still throws).
    return write(value, new Set()) ?? 'null';
  }
}

/**
 * Canonical texts of objects written once and written again unchanged: an explicit memo for one
 * synchronous stretch of code in which those objects are not modified — the engine's audit
 * payload and decision record of one evaluation share every critic's output. Keep one no longer
 * than that stretch: an object changed after {@link add} would be written as it was.
 */
export class CanonicalTexts {
  private readonly known = new Map<object, string>();

  /**
   * The canonical JSON of `value`, kept for later writes when it stands on its own: not kept
   * for an object with `toJSON` (written differently where a `toJSON` returned it) or one the
   * fast writer gave up on (a cycle marks a different place once embedded).
   */
  add(value: object): string {
    const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON !== 'function') {
      try {
        const text = writePlain(value, 0, this) as string;
        this.known.set(value, text);
        return text;
      } catch {
        // The cycle-aware writer below; nothing kept.
      }
    }
    return canonicalJson(value);
  }

  /** The kept text of `value`, if any. */
  get(value: object): string | undefined {
    return this.known.get(value);
  }
}

/** Nesting at which the fast writer assumes a cycle and hands over. */
const MAX_DEPTH = 100;

/** Thrown past {@link MAX_DEPTH}; caught by {@link canonicalJson}. */
const TOO_DEEP = new RangeError('nesting too deep for the fast canonical writer');

const keyOrders = new KeyOrders();

/** A string JSON.stringify would escape: a quote, a backslash, a control or surrogate unit. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * The JSON text of the value held under `key` (a property name or array index, passed to
 * `toJSON` as JSON.stringify does), or undefined for one an object leaves out.
 */
function writeValue(
  value: unknown,
  key: string | number,
  depth: number,
  texts: CanonicalTexts | undefined,
): string | undefined {
  if (typeof value === 'object' && value !== null) {
    const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      // Applied once, as JSON.stringify does: what it returns is written as it is.
      return writePlain(
        (toJSON as (key: string) => unknown).call(value, String(key)),
        depth,
        texts,
      );
    }
  }
  return writePlain(value, depth, texts);
}

/** The JSON text of a value whose `toJSON` (if any) was already applied. */
function writePlain(
  value: unknown,
  depth: number,
  texts: CanonicalTexts | undefined,
): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // ECMAScript number serialisation is JCS's; -0 prints as 0.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'object':
      if (value === null) return 'null';
      if (texts !== undefined) {
        const known = texts.get(value);
        if (known !== undefined) return known;
      }
      if (depth >= MAX_DEPTH) throw TOO_DEEP;
      return Array.isArray(value)
        ? writeArray(value as unknown[], depth + 1, texts)
        : writeMembers(value as Record<string, unknown>, depth + 1, texts);
    default:
      return undefined;
  }
}

function writeArray(
  items: readonly unknown[],
  depth: number,
  texts: CanonicalTexts | undefined,
): string {
  const length = items.length;
  if (length === 0) return '[]';
  let out = `[${writeValue(items[0], 0, depth, texts) ?? 'null'}`;
  for (let i = 1; i < length; i++) out += `,${writeValue(items[i], i, depth, texts) ?? 'null'}`;
  return `${out}]`;
}

/** Own enumerable string keys in canonical order; members whose value JSON leaves out skipped. */
function writeMembers(
  record: Record<string, unknown>,
  depth: number,
  texts: CanonicalTexts | undefined,
): string {
  const keys = Object.keys(record);
  if (keys.length === 0) return '{}';
  const { sorted, first, next } = keyOrders.of(keys);
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    const item = writeValue(record[key], key, depth, texts);
    if (item === undefined) continue;
    // Two joins per member: fewer string pieces to gather when the text is flattened.
    out = out === '' ? (first[i] as string) + item : out + (next[i] as string) + item;
  }
  return out === '' ? '{}' : `${out}}`;
}

/**
 * The cycle-aware writer: the JSON text of a value, or undefined for one an object leaves out.
 * Slower (an ancestor set, a sort per object); used only when the fast writer gives up.
 */
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
