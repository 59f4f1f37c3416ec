/**
 * What a regex match can start with: the first few characters of every string a (lexicon) regex
 * source can match, computed once from its syntax. Used to run large lexicons only at words that
 * can start a match. Handles the syntax lexicons use — literals, classes, escapes, groups,
 * lookarounds, alternation and quantifiers; a start it cannot enumerate (`\p{L}`, `.`, a negated
 * class, too many combinations) makes the answer `null`, and callers fall back to a plain scan.
 */

/** Marks the end of a word: a non-word character or the end of the match. */
export const END = '$';
/** Any word character: a prefix containing it cannot be enumerated. */
const ANY = '\u0001';
const MAX_PREFIXES = 5_000;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

class Unknown extends Error {}

type Node =
  | { readonly kind: 'chars'; readonly chars: readonly string[] }
  | { readonly kind: 'empty' }
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly items: readonly Node[] }
  | { readonly kind: 'repeat'; readonly item: Node; readonly min: number; readonly max: number };

const EMPTY: Node = { kind: 'empty' };
const ANY_OR_END: Node = { kind: 'chars', chars: [ANY, END] };
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** One character class as prefix symbols: word characters (lower-cased) or END. */
function chars(list: readonly string[]): Node {
  return {
    kind: 'chars',
    chars: [...new Set(list.map((c) => (WORD_CHAR.test(c) ? c.toLowerCase() : END)))],
  };
}

/** Parses the regex subset the lexicons use into a {@link Node}. */
class Parser {
  private i = 0;

  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Unknown(`unexpected ${this.src[this.i] ?? ''}`);
    return node;
  }

  private alternation(): Node {
    const items = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] ?? EMPTY) : { kind: 'alt', items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(item: Node): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) throw new Unknown('bad quantifier');
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === undefined || m[3] === '' ? Infinity : Number(m[3]);
    } else {
      return item;
    }
    if (this.src[this.i] === '?') this.i++;
    return { kind: 'repeat', item, min, max };
  }

  private atom(): Node {
    const c = this.src[this.i] ?? '';
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY_OR_END;
    return chars([c]);
  }

  private group(): Node {
    const rest = this.src.slice(this.i, this.i + 4);
    let lookaround = false;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.i += 3;
      lookaround = true;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.i += 4;
      lookaround = true;
    } else if (rest.startsWith('(?<')) {
      this.i = this.src.indexOf('>', this.i) + 1;
    } else this.i += 1;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Unknown('unclosed group');
    this.i++;
    return lookaround ? EMPTY : inner;
  }

  private escape(): Node {
    const c = this.src[this.i + 1] ?? '';
    this.i += 2;
    if (c === 'd') return chars(DIGITS);
    if (c === 'b' || c === 'B') return EMPTY;
    if ('sSWDntrf'.includes(c)) return chars([' ']);
    if (c === 'w') return { kind: 'chars', chars: [ANY] };
    if (c === 'p' || c === 'P') {
      const close = this.src.indexOf('}', this.i);
      if (close < 0) throw new Unknown('bad \\p');
      this.i = close + 1;
      return c === 'p' ? { kind: 'chars', chars: [ANY] } : ANY_OR_END;
    }
    if (c === 'u') {
      const hex = /^\{([0-9a-f]+)\}|^([0-9a-f]{4})/i.exec(this.src.slice(this.i));
      if (hex === null) throw new Unknown('bad \\u');
      this.i += hex[0].length;
      return chars([String.fromCodePoint(parseInt(hex[1] ?? hex[2] ?? '0', 16))]);
    }
    return chars([c]);
  }

  private charClass(): Node {
    const end = this.classEnd();
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    if (body.startsWith('^')) return ANY_OR_END;
    const list: string[] = [];
    for (let k = 0; k < body.length; k++) {
      let c = body[k] ?? '';
      if (c === '\\') {
        const e = body[k + 1] ?? '';
        k++;
        if (e === 'd') {
          list.push(...DIGITS);
          continue;
        }
        if (e === 'p' || e === 'P' || e === 'w') return ANY_OR_END;
        c = e === 's' || e === 'n' || e === 't' ? ' ' : e;
      }
      if (body[k + 1] === '-' && k + 2 < body.length && body[k + 2] !== '\\') {
        const to = (body[k + 2] ?? c).charCodeAt(0);
        for (let code = c.charCodeAt(0); code <= to; code++) list.push(String.fromCharCode(code));
        k += 2;
        continue;
      }
      list.push(c);
    }
    return chars(list);
  }

  private classEnd(): number {
    for (let k = this.i + 1; k < this.src.length; k++) {
      if (this.src[k] === '\\') k++;
      else if (this.src[k] === ']') return k;
    }
    throw new Unknown('unclosed class');
  }
}

/** Whether a prefix needs no more characters: long enough, or the word ended. */
function complete(s: string, length: number): boolean {
  return s.length >= length || s.endsWith(END);
}

/**
 * The prefixes of length `length` (or shorter and ended by END, or shorter because the node
 * ended) of the strings a node matches. Expands only as far as the prefix needs.
 */
function first(node: Node, length: number): Set<string> {
  let byLength = memo.get(node);
  if (byLength === undefined) {
    byLength = new Map();
    memo.set(node, byLength);
  }
  let result = byLength.get(length);
  if (result === undefined) {
    result = compute(node, length);
    byLength.set(length, result);
  }
  return result;
}

const memo = new WeakMap<Node, Map<number, Set<string>>>();

function compute(node: Node, length: number): Set<string> {
  switch (node.kind) {
    case 'chars':
      return new Set(node.chars);
    case 'empty':
      return new Set(['']);
    case 'alt': {
      const out = new Set<string>();
      for (const item of node.items) for (const s of first(item, length)) out.add(s);
      return out;
    }
    case 'seq':
      return sequence(node.items, length);
    case 'repeat': {
      const min = Math.min(node.min, length);
      const max = Math.min(node.max, length);
      const optional: Node = { kind: 'alt', items: [EMPTY, node.item] };
      const items = [...Array<Node>(min).fill(node.item), ...Array<Node>(max - min).fill(optional)];
      return sequence(items, length);
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}

function sequence(items: readonly Node[], length: number): Set<string> {
  let current = new Set(['']);
  for (const item of items) {
    let open = false;
    const next = new Set<string>();
    for (const s of current) {
      if (complete(s, length)) {
        next.add(s);
        continue;
      }
      open = true;
      for (const t of first(item, length - s.length)) next.add(s + t);
      if (next.size > MAX_PREFIXES) throw new Unknown('too many prefixes');
    }
    if (!open) return current;
    current = next;
  }
  return current;
}

/**
 * The keys (first `length` characters, or a shorter word + `$`) of every word a match of the
 * whole-word regex `source` can start with; `null` when they cannot be enumerated.
 */
export function startKeys(source: string, length: number): Set<string> | null {
  try {
    const keys = new Set<string>();
    for (const p of first(new Parser(source).parse(), length)) {
      // A match that can start with a non-word character, or be empty, cannot be indexed by words.
      if (p === '' || p.startsWith(END) || p.includes(ANY)) return null;
      const ended = p.indexOf(END);
      const word = ended < 0 ? p : p.slice(0, ended + 1);
      // The source ended before `length` characters: the word boundary after it ends the word.
      keys.add(word.length < length && !word.endsWith(END) ? `${word}${END}` : word);
    }
    return keys;
  } catch (error) {
    if (error instanceof Unknown) return null;
    throw error;
  }
}
