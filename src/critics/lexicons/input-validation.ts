/**
 * Data for the `input_validation` critic: invisible and control characters, Cyrillic/Greek
 * letters that look like Latin ones, and the words that make decoded text read as instructions.
 * The confusables table is also used by `prompt_injection_check` to fold homoglyphs.
 */

/** What an invisible or control character is, for grading. */
export const CharKind = {
  NONE: 0,
  /** Zero-width space, word joiner, invisible operators, soft hyphen, Mongolian vowel separator. */
  ZERO_WIDTH: 1,
  /** ZWNJ / ZWJ: legitimate inside emoji sequences and scripts that use joiners. */
  JOINER: 2,
  /** LRM / RLM / ALM: legitimate in text with right-to-left letters. */
  DIRECTION_MARK: 3,
  /** Bidi embeddings and isolates (LRE, RLE, PDF, LRI, RLI, FSI, PDI). */
  BIDI_EMBEDDING: 4,
  /** Bidi overrides (LRO, RLO): the "Trojan Source" characters. */
  BIDI_OVERRIDE: 5,
  /** U+FEFF: a byte-order mark at the start, an invisible character anywhere else. */
  BOM: 6,
  /** C0 / C1 control characters other than tab, line feed and carriage return. */
  CONTROL: 7,
  /** ESC, which starts terminal escape sequences. */
  ESCAPE: 8,
  HIGH_SURROGATE: 9,
  LOW_SURROGATE: 10,
  /** VS1–VS16: legitimate one at a time after a base character. */
  VARIATION_SELECTOR: 11,
  /** Hangul fillers, rendered as blanks and used for invisible names. */
  FILLER: 12,
} as const;
export type CharKind = (typeof CharKind)[keyof typeof CharKind];

/** Ranges of BMP code units (inclusive) and their kind. */
export const CHAR_RANGES: readonly (readonly [from: number, to: number, kind: CharKind])[] = [
  [0x00, 0x08, CharKind.CONTROL],
  [0x0b, 0x0c, CharKind.CONTROL],
  [0x0e, 0x1a, CharKind.CONTROL],
  [0x1b, 0x1b, CharKind.ESCAPE],
  [0x1c, 0x1f, CharKind.CONTROL],
  [0x7f, 0x9f, CharKind.CONTROL],
  [0xad, 0xad, CharKind.ZERO_WIDTH],
  [0x061c, 0x061c, CharKind.DIRECTION_MARK],
  [0x115f, 0x1160, CharKind.FILLER],
  [0x180e, 0x180e, CharKind.ZERO_WIDTH],
  [0x200b, 0x200b, CharKind.ZERO_WIDTH],
  [0x200c, 0x200d, CharKind.JOINER],
  [0x200e, 0x200f, CharKind.DIRECTION_MARK],
  [0x202a, 0x202c, CharKind.BIDI_EMBEDDING],
  [0x202d, 0x202e, CharKind.BIDI_OVERRIDE],
  [0x2060, 0x2064, CharKind.ZERO_WIDTH],
  [0x2066, 0x2069, CharKind.BIDI_EMBEDDING],
  [0x3164, 0x3164, CharKind.FILLER],
  [0xd800, 0xdbff, CharKind.HIGH_SURROGATE],
  [0xdc00, 0xdfff, CharKind.LOW_SURROGATE],
  [0xfe00, 0xfe0f, CharKind.VARIATION_SELECTOR],
  [0xfeff, 0xfeff, CharKind.BOM],
  [0xffa0, 0xffa0, CharKind.FILLER],
];

/** Kind of every BMP code unit, built once from {@link CHAR_RANGES}. */
export const CHAR_KIND: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const [from, to, kind] of CHAR_RANGES) table.fill(kind, from, to + 1);
  return table;
})();

/** Names used in descriptions. */
export const CHAR_NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
};

/** Tag characters U+E0000–U+E007F are U+DB40 followed by U+DC00–U+DC7F. */
export const TAG_HIGH = 0xdb40;
export const TAG_LOW_FIRST = 0xdc00;
export const TAG_LOW_LAST = 0xdc7f;
/** CANCEL TAG (U+E007F) ends an emoji tag sequence. */
export const TAG_CANCEL_LOW = 0xdc7f;
/** Variation selectors VS17–VS256 (U+E0100–U+E01EF) are U+DB40 followed by U+DD00–U+DDEF. */
export const VS_SUPPLEMENT_LOW_FIRST = 0xdd00;
export const VS_SUPPLEMENT_LOW_LAST = 0xddef;
/** U+1F3F4 WAVING BLACK FLAG, the base of subdivision flags (🏴 + tags + cancel tag). */
export const BLACK_FLAG = '\u{1F3F4}';

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo … and their presentation forms). */
export const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Cyrillic and Greek letters (and a few others) that render like Latin letters, with the Latin
 * letter they imitate. Lower case maps to lower case, upper case to upper case.
 */
export const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic lower case
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  ь: 'b',
  ɡ: 'g',
  // Cyrillic upper case
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  Һ: 'H',
  І: 'I',
  Ї: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  Ү: 'Y',
  Ь: 'b',
  // Greek lower case
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ϲ: 'c',
  ϳ: 'j',
  // Greek upper case
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  // Armenian
  օ: 'o',
  ս: 'u',
  ց: 'g',
  ո: 'n',
  հ: 'h',
};

/** {@link CONFUSABLES} keyed by UTF-16 code unit, for scanning loops. */
export const CONFUSABLE_BY_CODE: ReadonlyMap<number, string> = new Map(
  Object.entries(CONFUSABLES).map(([from, to]) => [from.charCodeAt(0), to]),
);

/** Any Cyrillic, Greek or Armenian character: the cheap test before tokenising words. */
export const NON_LATIN_LOOKALIKE_SCRIPT = /[\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u1f00-\u1fff]/;

/**
 * Phrases that make decoded text an instruction aimed at the model (each one alone is enough
 * for the highest severity).
 */
export const STRONG_INSTRUCTION_PHRASES: readonly string[] = [
  'ignore previous',
  'ignore all',
  'ignore the above',
  'ignore your',
  'ignore prior',
  'disregard',
  'system prompt',
  'new instructions',
  'you are now',
  'jailbreak',
  'developer mode',
  'do anything now',
  'no restrictions',
  'previous instructions',
  'prior instructions',
  'exfiltrate',
];

/** Words that make decoded sentence-like text read as a command. */
export const INSTRUCTION_WORDS: readonly string[] = [
  'ignore',
  'instruction',
  'instructions',
  'execute',
  'password',
  'passwords',
  'credentials',
  'secret',
  'api key',
  'token',
  'admin',
  'sudo',
  'rm -rf',
  'curl',
  'wget',
  'bash',
  'powershell',
  'eval',
  'override',
  'bypass',
  'reveal',
  'forget',
  'pretend',
  'respond with',
  'reply with',
  'send',
  'delete',
  'download',
  'run',
  'must',
];

/**
 * Words that open a request or question. Prose decoded from base64/hex in the user input that
 * starts with one (or ends with "?") is a request wrapped in an encoding to get past filters.
 */
// prettier-ignore
export const REQUEST_OPENERS: ReadonlySet<string> = new Set([
  'how', 'what', "what's", 'whats', 'which', 'where', 'why', 'who', 'when', 'can', 'could',
  'would', 'will', 'is', 'are', 'do', 'does', 'should', 'tell', 'give', 'write', 'explain',
  'show', 'list', 'describe', 'make', 'help', 'create', 'generate', 'find', 'send', 'print',
  'output', 'provide', 'answer', 'teach', 'please', 'i', "i'm", 'im',
]);
