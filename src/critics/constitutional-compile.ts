/**
 * Compiles a constitutional lexicon once: every entry becomes a sticky regex tried only where
 * one of its start words (and second words) begins, indexed by word and by the words' numbers in
 * the shared vocabulary, so the cost of a scan grows with the words that matter, not with the
 * lexicon's size.
 */
import { alt } from './lexicons/constitutional.js';
import { numberIndex, type Candidate, type WordCandidates } from './constitutional-index.js';
import {
  CONTEXT_KINDS,
  type CategoryLexicon,
  type ConstitutionalLexicon,
  type ContextKind,
  type Fragment,
  type LexiconEntry,
} from './constitutional-types.js';

const B0 = '(?<![\\p{L}\\p{N}_])';
const B1 = '(?![\\p{L}\\p{N}_])';

export interface CompiledFragment {
  readonly name: string;
  readonly sticky: RegExp;
  /** {@link sticky} without its leading look-behind (see {@link CompiledEntry.bare}). */
  readonly bare: RegExp;
  /** The last position tried (scans are synchronous, so one slot per fragment suffices). */
  readonly memo: { text: string; start: number; end: number };
}

export interface CompiledEntry {
  readonly entry: LexiconEntry;
  /** Position in the lexicon's entries (for per-entry attempt counts). */
  readonly ordinal: number;
  /** Index of the entry's category in the lexicon. */
  readonly category: number;
  readonly lead: CompiledFragment | undefined;
  /** Sticky: tried only where a start word begins (or where the lead ends). */
  readonly sticky: RegExp;
  /**
   * {@link sticky} without its leading word-boundary look-behind, the costliest step of a
   * Unicode match: at a word start the preceding character is no letter, digit or `_`, so the
   * look-behind holds unless that character ends a surrogate pair (an astral letter may).
   */
  readonly bare: RegExp;
  /** The whole match as a global pattern: for `scan` entries and {@link auditStarts}. */
  readonly global: RegExp;
  /** A scanned entry's required literals (one of them is in every match). */
  readonly requires: readonly string[] | undefined;
}

export interface CompiledModifier {
  readonly pattern: RegExp;
  readonly factor: number;
  readonly scope: 'same' | 'input';
}

export interface CompiledCategory {
  readonly lexicon: CategoryLexicon;
  readonly modifiers: readonly CompiledModifier[];
  readonly contexts: ReadonlySet<ContextKind>;
}

export interface CompiledLexicon {
  readonly critic: string;
  readonly categories: readonly CompiledCategory[];
  /** Entries by the lower-case word a match can begin with. */
  readonly index: ReadonlyMap<string, readonly Candidate[]>;
  /** The same by the start word's vocabulary number (see `constitutional-vocabulary.ts`). */
  readonly byId: readonly (WordCandidates | undefined)[];
  readonly scanned: readonly CompiledEntry[];
  readonly entries: readonly CompiledEntry[];
}

/** The lower-case leading word of a phrase (`don't` → `don`), or undefined if it has none. */
export function leadingWord(phrase: string): string | undefined {
  return /^[\p{L}\p{N}_]+/u.exec(phrase.trim())?.[0].toLowerCase();
}

/** Capture groups in a pattern source (escapes and character classes skipped). */
export function captureGroups(source: string): number {
  let groups = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' && (source[i + 1] !== '?' || /^\?<[^=!]/.test(source.slice(i + 1, i + 4))))
      groups++;
  }
  return groups;
}

function itemSource(owner: string, item: { phrases?: readonly string[]; pattern?: string }) {
  const { phrases, pattern } = item;
  if (phrases !== undefined && pattern === undefined) return alt(phrases);
  if (pattern === undefined || phrases !== undefined) {
    throw new TypeError(`Expected \`${owner}\` to have exactly one of phrases or pattern`);
  }
  if (captureGroups(pattern) !== 0) {
    throw new TypeError(`Expected \`${owner}\` pattern without capture groups`);
  }
  if (/[A-Z]/.test(pattern.replace(/\\[pP]\{[^}]*\}|\\./g, ''))) {
    throw new TypeError(`Expected \`${owner}\` pattern in lower case (the scanned text is)`);
  }
  return `(?:${pattern})`;
}

/** The words of a phrase as the scanner splits them (`don't think` → `don`, `t`, `think`). */
export function wordsOf(phrase: string): string[] {
  return phrase.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * The words an entry can begin with, each with the second words it can continue with (undefined
 * when any second word can follow, e.g. a one-word phrase); undefined for scanned entries.
 */
function startPairs(
  entry: LexiconEntry,
  lead: Fragment | undefined,
): Map<string, Set<string> | undefined> | undefined {
  if (entry.scan === true) return undefined;
  const starts = lead?.starts ?? entry.phrases ?? entry.starts;
  if (starts === undefined || starts.length === 0) {
    throw new TypeError(`Expected \`${entry.id}\` to declare starts, a lead or scan: true`);
  }
  const pairs = new Map<string, Set<string> | undefined>();
  for (const phrase of starts) {
    const [first, second] = wordsOf(phrase);
    if (first === undefined || leadingWord(phrase) !== first) {
      throw new TypeError(
        `Expected \`${entry.id}\` starts to begin with a word, got \`${phrase}\``,
      );
    }
    const known = pairs.get(first);
    if (lead !== undefined || second === undefined || (pairs.has(first) && known === undefined)) {
      pairs.set(first, undefined);
    } else {
      pairs.set(first, new Set([...(known ?? []), second]));
    }
  }
  return pairs;
}

function compileFragment(lexicon: ConstitutionalLexicon, name: string): CompiledFragment {
  const fragment = lexicon.fragments?.[name];
  if (fragment === undefined) {
    throw new TypeError(`Expected lead \`${name}\` among the lexicon's fragments`);
  }
  return {
    name,
    sticky: new RegExp(`${B0}(?:${fragment.pattern})`, 'uy'),
    bare: new RegExp(`(?:${fragment.pattern})`, 'uy'),
    memo: { text: '', start: -1, end: -1 },
  };
}

/** A scan entry's required literals, checked: non-empty and lower case, like the scanned text. */
function checkRequires(entry: LexiconEntry): readonly string[] | undefined {
  const { requires } = entry;
  if (requires === undefined) return undefined;
  const valid =
    entry.scan === true &&
    requires.length > 0 &&
    requires.every((r) => r !== '' && r === r.toLowerCase());
  if (!valid) {
    throw new TypeError(
      `Expected \`${entry.id}\` requires on a scan entry, as non-empty lower-case literals, got \`${JSON.stringify(requires)}\``,
    );
  }
  return requires;
}

function compileEntry(
  lexicon: ConstitutionalLexicon,
  entry: LexiconEntry,
  category: number,
  fragments: Map<string, CompiledFragment>,
  ordinal: number,
): CompiledEntry {
  if (!(entry.weight > 0 && entry.weight <= 1)) {
    throw new TypeError(`Expected \`${entry.id}\` weight in (0, 1], got \`${entry.weight}\``);
  }
  const body = itemSource(entry.id, entry);
  const requires = checkRequires(entry);
  let lead: CompiledFragment | undefined;
  if (entry.lead !== undefined) {
    lead = fragments.get(entry.lead) ?? compileFragment(lexicon, entry.lead);
    fragments.set(entry.lead, lead);
  }
  const leadSource =
    entry.lead === undefined ? '' : `(?:${lexicon.fragments?.[entry.lead]?.pattern ?? ''})`;
  return {
    entry,
    ordinal,
    category,
    lead,
    sticky: new RegExp(`${lead === undefined ? B0 : ''}${body}${B1}`, 'uy'),
    bare: new RegExp(`${body}${B1}`, 'uy'),
    global: new RegExp(`${B0}${leadSource}${body}${B1}`, 'gu'),
    requires,
  };
}

function compileCategory(category: CategoryLexicon): CompiledCategory {
  return {
    lexicon: category,
    modifiers: (category.modifiers ?? []).map((m) => ({
      // Phrases are whole words; a pattern places its own boundaries.
      pattern: new RegExp(
        m.pattern === undefined ? `${B0}${itemSource(m.id, m)}${B1}` : itemSource(m.id, m),
        'gu',
      ),
      factor: m.factor,
      scope: m.scope ?? 'same',
    })),
    contexts: new Set(category.contexts ?? CONTEXT_KINDS),
  };
}

/** Compiles a lexicon once; throws a TypeError naming the entry when one is malformed. */
export function compileLexicon(lexicon: ConstitutionalLexicon): CompiledLexicon {
  const ids = new Set<string>();
  const fragments = new Map<string, CompiledFragment>();
  const index = new Map<string, Candidate[]>();
  const scanned: CompiledEntry[] = [];
  const entries: CompiledEntry[] = [];
  lexicon.categories.forEach((category, i) => {
    for (const entry of category.entries) {
      if (ids.has(entry.id)) throw new TypeError(`Duplicate lexicon entry \`${entry.id}\``);
      ids.add(entry.id);
      const compiled = compileEntry(lexicon, entry, i, fragments, entries.length);
      entries.push(compiled);
      const lead = entry.lead === undefined ? undefined : lexicon.fragments?.[entry.lead];
      const pairs = startPairs(entry, lead);
      if (pairs === undefined) scanned.push(compiled);
      for (const [word, seconds] of pairs ?? []) {
        index.set(word, [...(index.get(word) ?? []), { compiled, seconds }]);
      }
    }
  });
  return {
    critic: lexicon.critic,
    categories: lexicon.categories.map(compileCategory),
    index,
    byId: numberIndex(index),
    scanned,
    entries,
  };
}
