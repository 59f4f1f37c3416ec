/**
 * A typed view of the parts of `compromise` the name scanner uses: its lexicon (word → tags)
 * and the `json({ offset: true })` output of a match, read defensively since the library types
 * it as `any`.
 *
 * compromise is loaded on first use, not at import: it takes about half a second and ~20 MB of
 * heap, which a process that never scans for names (or imports Eleanor only for its
 * orchestrator) should not pay — a larger resident heap makes every garbage collection dearer.
 */
import { createRequire } from 'node:module';

type Nlp = typeof import('compromise').default;

export interface NlpTerm {
  text: string;
  tags: string[];
  /** Offsets in the parsed text (UTF-16), `length` without surrounding punctuation. */
  offset: { start: number; length: number };
}

export interface NlpMatch {
  text: string;
  terms: NlpTerm[];
}

/** A match pattern parsed once by `nlp.parseMatch` (compromise reuses it as given). */
type Parsed = ReturnType<Nlp['parseMatch']>;

/**
 * The patterns of compromise's `people()` (`topics/people/find.js`) and of `properNouns()`,
 * parsed once: compromise otherwise parses each match string on every call.
 */
interface Patterns {
  hasComma: Parsed;
  person: Parsed;
  possessive: Parsed;
  hisOrHer: Parsed;
  properNouns: Parsed;
}

interface Loaded {
  nlp: Nlp;
  lexicon: ReadonlyMap<string, readonly string[]>;
  patterns: Patterns;
  /**
   * The compute steps the name scanner needs: tokenise, look words up and run the pre-tagger.
   * compromise's post-tagger and chunker are skipped — they cost more than half of a parse and,
   * for names, mostly widen matches ("Ask Sarah Connor"). Steps this version lacks are left out.
   */
  steps: string[];
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded === undefined) {
    const nlp = createRequire(import.meta.url)('compromise') as Nlp;
    loaded = {
      nlp,
      lexicon: readLexicon(nlp.model()),
      patterns: {
        hasComma: nlp.parseMatch('@hasComma'),
        person: nlp.parseMatch('#Honorific+? #Person+'),
        possessive: nlp.parseMatch('#Possessive'),
        hisOrHer: nlp.parseMatch('(his|her)'),
        properNouns: nlp.parseMatch('#ProperNoun+'),
      },
      steps: ['alias', 'machine', 'index', 'id', 'lexicon', 'preTagger'].filter((step) =>
        nlp.hooks().includes(step),
      ),
    };
  }
  return loaded;
}

/** A compromise document for `text`, tagged enough for `people()`, `places()` and `match()`. */
export function parse(text: string): ReturnType<Nlp> {
  const { nlp, steps } = load();
  if (!steps.includes('preTagger')) return nlp(text);
  // `tokenize` is typed as the bare tokeniser's view; at run time it has every plugin's methods.
  return nlp.tokenize(text).compute(steps) as ReturnType<Nlp>;
}

/**
 * A parsed text and the matches the name scanner asks of it, read from compromise's term objects
 * (`view.docs`) after one offset pass. This is what `json({ offset: true })` returns, without its
 * cost: it recomputes offsets and copies every term per call, and for people it also splits each
 * name into first and last name and guesses a gender, none of which the scanner reads. A match's
 * `text` is the parsed text from its first term to its last.
 */
export class NlpDoc {
  private readonly view: ReturnType<Nlp>;

  constructor(readonly text: string) {
    this.view = parse(text);
    this.view.compute('offset');
  }

  /** Whether any term of the text bears `tag`. */
  hasTag(tag: string): boolean {
    const sentences: unknown = this.view.document;
    if (!Array.isArray(sentences)) return false;
    return (sentences as unknown[]).some(
      (terms) =>
        Array.isArray(terms) &&
        (terms as unknown[]).some((term) => {
          const tags = field(term, 'tags');
          return tags instanceof Set && tags.has(tag);
        }),
    );
  }

  /**
   * compromise's `people()`, as its `find` does it (split after commas, honorifics and people,
   * split after possessives other than his and her; `notIf` is `ifNo`) with the patterns parsed
   * once.
   */
  people(): NlpMatch[] {
    const { hasComma, person, possessive, hisOrHer } = load().patterns;
    const found = this.view.splitAfter(hasComma).match(person);
    return this.read(found.splitAfter(found.match(possessive).ifNo(hisOrHer)).docs);
  }

  /** Runs of proper nouns, `match('#ProperNoun+')`. */
  properNouns(): NlpMatch[] {
    return this.read(this.view.match(load().patterns.properNouns).docs);
  }

  /** compromise's `places()`. */
  places(): NlpMatch[] {
    return this.read(this.view.places().docs);
  }

  /** compromise's `organizations()`. */
  organizations(): NlpMatch[] {
    return this.read(this.view.organizations().docs);
  }

  private read(docs: unknown): NlpMatch[] {
    if (!Array.isArray(docs)) return [];
    const out: NlpMatch[] = [];
    for (const doc of docs as unknown[]) {
      if (!Array.isArray(doc)) continue;
      const terms = (doc as unknown[]).map(readTermObject);
      const first = terms[0];
      const last = terms[terms.length - 1];
      if (first === undefined || last === undefined || terms.some((t) => t === undefined)) continue;
      const end = last.offset.start + last.offset.length;
      out.push({ text: this.text.slice(first.offset.start, end), terms: terms as NlpTerm[] });
    }
    return out;
  }
}

/** A compromise term object (tags in a Set) as an {@link NlpTerm}, if well-formed. */
function readTermObject(value: unknown): NlpTerm | undefined {
  const tags = field(value, 'tags');
  return readTerm({
    text: field(value, 'text'),
    tags: tags instanceof Set ? [...(tags as Set<unknown>)] : tags,
    offset: field(value, 'offset'),
  });
}

function readLexicon(model: unknown): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  const lexicon = field(field(model, 'one'), 'lexicon');
  if (typeof lexicon !== 'object' || lexicon === null) return map;
  for (const [word, tags] of Object.entries(lexicon as Record<string, unknown>)) {
    if (typeof tags === 'string') map.set(word, [tags]);
    else if (Array.isArray(tags))
      map.set(
        word,
        tags.filter((t) => typeof t === 'string'),
      );
  }
  return map;
}

const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Lower case without diacritics, as compromise's lexicon spells words ("josé" → "jose"). ASCII
 * needs neither decomposition nor mark removal.
 */
export function plain(word: string): string {
  return !NON_ASCII.test(word)
    ? word.toLowerCase()
    : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The lexicon tags of a lower-case word (`['MaleName']`, `['City']` …), or none. */
export function tagsOf(word: string): readonly string[] {
  return load().lexicon.get(word) ?? [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The matches of a `json({ offset: true })` result; malformed entries are skipped. */
export function readMatches(value: unknown): NlpMatch[] {
  if (!Array.isArray(value)) return [];
  const out: NlpMatch[] = [];
  for (const item of value as unknown[]) {
    const terms = field(item, 'terms');
    if (!Array.isArray(terms)) continue;
    const read = (terms as unknown[]).map(readTerm);
    if (read.length === 0 || read.some((t) => t === undefined)) continue;
    const text = field(item, 'text');
    out.push({ text: typeof text === 'string' ? text : '', terms: read as NlpTerm[] });
  }
  return out;
}

function readTerm(value: unknown): NlpTerm | undefined {
  const text = field(value, 'text');
  const tags = field(value, 'tags');
  const offset = field(value, 'offset');
  const start = field(offset, 'start');
  const length = field(offset, 'length');
  if (typeof text !== 'string' || !Array.isArray(tags)) return undefined;
  if (typeof start !== 'number' || typeof length !== 'number') return undefined;
  return {
    text,
    tags: tags.filter((t): t is string => typeof t === 'string'),
    offset: { start, length },
  };
}

/** Windows of a text joined by blank lines, and the way back from joined to text offsets. */
export class Batch {
  static readonly SEPARATOR = '\n\n';
  readonly joined: string;
  /** Per window: its start in `joined`, its start in the text, its length. */
  private readonly pieces: { at: number; from: number; length: number }[] = [];

  constructor(text: string, windows: readonly [number, number][]) {
    let at = 0;
    const parts: string[] = [];
    for (const [from, to] of windows) {
      this.pieces.push({ at, from, length: to - from });
      parts.push(text.slice(from, to));
      at += to - from + Batch.SEPARATOR.length;
    }
    this.joined = parts.join(Batch.SEPARATOR);
  }

  /** Matches with term offsets moved into the text; matches spanning two windows are dropped. */
  place(matches: readonly NlpMatch[]): NlpMatch[] {
    const out: NlpMatch[] = [];
    for (const match of matches) {
      const first = match.terms[0];
      const piece = first === undefined ? undefined : this.pieceAt(first.offset.start);
      if (piece === undefined) continue;
      const inside = match.terms.every(
        (t) =>
          t.offset.start >= piece.at && t.offset.start + t.offset.length <= piece.at + piece.length,
      );
      if (!inside) continue;
      const shift = piece.from - piece.at;
      const terms = match.terms.map((t) => ({
        ...t,
        offset: { start: t.offset.start + shift, length: t.offset.length },
      }));
      out.push({ text: match.text, terms });
    }
    return out;
  }

  private pieceAt(offset: number): { at: number; from: number; length: number } | undefined {
    return this.pieces.find((p) => offset >= p.at && offset < p.at + p.length);
  }
}
