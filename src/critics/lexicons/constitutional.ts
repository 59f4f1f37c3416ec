/**
 * Data shared by the constitutional critics: the cues that say a hit is negated, reported,
 * quoted or fictional, the homoglyph map of the offset-preserving normaliser, and the small
 * fragments lexicons build their patterns from. Every fragment is linear-time: alternations of
 * literals and character-class runs that cannot overlap what follows them.
 */
import { escapeRegExp } from '../text.js';

/** Whitespace between two words (Unicode spaces are folded to a plain space before scanning). */
export const S = '[ \\t\\n\\r]+';
/** Optional whitespace. */
export const SO = '[ \\t\\n\\r]*';

/**
 * An alternation of literal phrases, lower-cased (the scanned text is lower-cased), longest
 * first; a space in a phrase matches any run of whitespace.
 */
export function alt(phrases: readonly string[]): string {
  const unique = [...new Set(phrases.map((p) => p.trim().toLowerCase()))];
  const sorted = unique.sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((p) => escapeRegExp(p).replace(/\s+/g, S)).join('|')})`;
}

/**
 * Start phrases for a pattern that may open with one of `leads` ("the", "a", "their") before one
 * of `words`: each word alone and each after each lead, so the index tries a common lead word
 * only where one of those words follows it.
 */
export function optionalLead(leads: readonly string[], words: readonly string[]): string[] {
  return [...words, ...leads.flatMap((lead) => words.map((word) => `${lead} ${word}`))];
}

/** One word (letters, digits, apostrophes, hyphens), at most 30 characters. */
export const WORD = "[\\p{L}\\p{N}'-]{1,30}";

/** Up to `n` whole words, each followed by whitespace. */
export function words(n: number): string {
  return `(?:${WORD}${S}){0,${n}}`;
}

/** Up to `n` characters that do not end a clause. */
export function gap(n: number): string {
  return `[^.!?;\\n]{0,${n}}`;
}

/** Third-person object pronouns and possessives that point at another person. */
export const PERSON = alt([
  'her',
  'him',
  'them',
  'someone',
  'somebody',
  'this person',
  'that person',
  'a person',
  'this guy',
  'this girl',
  'this woman',
  'this man',
  'my ex',
  'your ex',
  'my neighbor',
  'my neighbour',
  'my coworker',
  'my co-worker',
  'my boss',
]);
export const POSSESSIVE_WORDS: readonly string[] = [
  'her',
  'his',
  'their',
  "someone's",
  "somebody's",
  "a person's",
  "this person's",
  "my ex's",
  "your ex's",
  "your wife's",
  "your husband's",
  "your partner's",
  "your girlfriend's",
  "your boyfriend's",
  "your crush's",
  "your coworker's",
  "your neighbor's",
  "your neighbour's",
  "my crush's",
  "my wife's",
  "my husband's",
  "my partner's",
  "my girlfriend's",
  "my boyfriend's",
  "my neighbor's",
  "my neighbour's",
  "my coworker's",
  "my boss's",
  "the victim's",
  "the target's",
];
export const POSSESSIVE = alt(POSSESSIVE_WORDS);

// ── Context cues ─────────────────────────────────────────────────────────────────────────────

/** Short negators; they govern a hit only when they sit within the last few words before it. */
export const NEGATION_NEAR =
  /(?:(?<![\p{L}\p{N}_])(?:not|no|never|nor|without|cannot|neither|stop|avoid|avoiding|refuse|rather)|n't)(?![\p{L}\p{N}_])(?!\s{1,3}(?:doubt|wonder|only|just|question|surprise|matter|exception|secret|longer)(?![\p{L}\p{N}_]))/iu;

/** A label that disowns the sentence after it ("Myth: …", "False claim: …"). */
export const DISOWNING_LABEL =
  /(?<![\p{L}\p{N}_])(?:myth|false|claim|misconception|rumou?r|hoax|debunked|fiction|misinformation|disinformation|example|quote)\s{0,3}[:–—-]\s{0,3}$/iu;

/** Phrases that disown what follows them in the same clause. */
export const NEGATION_FAR = new RegExp(
  `(?<![\\p{L}\\p{N}_])${alt([
    'wrong to',
    'false that',
    'untrue that',
    'not true that',
    'myth that',
    'misconception that',
    'a misconception',
    'stereotype that',
    'trope that',
    'rather than',
    'instead of',
    'against',
    'condemn',
    'condemns',
    'condemned',
    'reject the',
    'rejects the',
    'oppose',
    'opposes',
    'illegal',
    'unlawful',
    'prohibited',
    'forbidden',
    'banned',
    'protect',
    'protecting',
    'protects',
    'prevent',
    'preventing',
    'warn',
    'warns',
    'warning',
    'beware',
    'watch out for',
    'signs of',
    'signs that',
    'red flags',
    'recognise',
    'recognize',
    'spot',
    'report',
    'debunk',
    'debunked',
    'debunking',
    'falsely',
    'no one should',
    'nobody should',
    'refuse to',
    'i refuse',
    'dangerous to',
    'harmful to',
    'never ok to',
    'never okay to',
    'it is wrong',
    "it's wrong",
    'there is no evidence',
    "there's no evidence",
  ])}(?![\\p{L}\\p{N}_])`,
  'iu',
);

/** After a hit, in the same sentence: the text refutes or condemns what it just said. */
export const REFUTATION_AFTER = new RegExp(
  `(?:(?<![\\p{L}\\p{N}_])(?:is|are|was|were|sounds|seems)|'s|'re|—|–|-|:)\\s{0,3}(?:simply\\s{1,3}|just\\s{1,3}|completely\\s{1,3}|entirely\\s{1,3}|totally\\s{1,3}|deeply\\s{1,3}|both\\s{1,3})?${alt(
    [
      'not true',
      'untrue',
      'false',
      'wrong',
      'a myth',
      'myths',
      'a lie',
      'lies',
      'a stereotype',
      'stereotypes',
      'a harmful stereotype',
      'stereotyping',
      'harmful',
      'racist',
      'sexist',
      'bigoted',
      'hateful',
      'offensive',
      'dehumanising',
      'dehumanizing',
      'demeaning',
      'derogatory',
      'a slur',
      'slurs',
      'debunked',
      'baseless',
      'unfounded',
      'misinformation',
      'disinformation',
      'illegal',
      'unlawful',
      'discrimination',
      'discriminatory',
      'unacceptable',
      'inaccurate',
      'incorrect',
      'nonsense',
      'a conspiracy theory',
      'a trope',
      'propaganda',
      'a scam',
      'not supported',
      'not supported by evidence',
      'dangerous',
      'a red flag',
      'a warning sign',
      'abuse',
      'abusive',
      'manipulation',
      'manipulative',
      'a dark pattern',
    ],
  )}(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])(?:has|have) been debunked`,
  'iu',
);

/** Speech, reporting and framing cues: the text relays or studies what someone else says. */
export const REPORTING_CUES = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${alt([
    'said',
    'says',
    'they say',
    'people say',
    'some say',
    'claim that',
    'claims',
    'claimed',
    'argue',
    'argues',
    'argued',
    'believes',
    'believed',
    'thinks',
    'thought',
    'once thought',
    'used to think',
    'used to believe',
    'believed that',
    'people believed',
    'myths',
    'called',
    'calling',
    'described',
    'describes',
    'describing',
    'depicted',
    'depicts',
    'portrayed',
    'portrays',
    'labelled',
    'labeled',
    'referred to',
    'insisted',
    'tweeted',
    'posted',
    'wrote',
    'writes',
    'declared',
    'asserted',
    'alleged',
    'allegedly',
    'alleging',
    'ruled',
    'found that',
    'finds that',
    'showed',
    'shows that',
    'reported',
    'reports that',
    'according to',
    'accused',
    'accuses',
    'sneered',
    'sneers',
    'shouted',
    'shouts',
    'yelled',
    'yells',
    'chanted',
    'muttered',
    'spread',
    'spreads',
    'promoted',
    'peddled',
    'peddles',
    'historically',
    'in the past',
    'propaganda',
    'rhetoric',
    'the slur',
    'slurs like',
    'the term',
    'the word',
    'the phrase',
    'the trope',
    'the stereotype',
    'stereotypes like',
    'stereotypes such as',
    'the myth',
    'the idea',
    'the notion',
    'the claim',
    'the belief',
    'the argument',
    'the assumption',
    'the narrative',
    'conspiracy theory',
    'conspiracy theories',
    'conspiracy theorists',
    'theory that',
    'the hoax',
    'the lie that',
    'quote',
    'quoted',
    'headline',
    'lyrics',
    'examples of',
    'example of',
    'such as',
    'e.g.',
    'phrases like',
    'statements like',
    'comments like',
    'remarks like',
    'messages like',
    'tactics like',
    'tactics such as',
  ])}|in the (?:1[6-9]|20)\\d0s)(?![\\p{L}\\p{N}_])`,
  'iu',
);

/** Third parties whose conduct the text describes; a cue only without a normative modal after it. */
export const DESCRIPTIVE_ACTORS = new RegExp(
  `(?<![\\p{L}\\p{N}_])${alt([
    'scammers',
    'scammer',
    'fraudsters',
    'con artists',
    'predators',
    'abusers',
    'abuser',
    'stalkers',
    'stalker',
    'attackers',
    'hackers',
    'criminals',
    'manipulators',
    'bigots',
    'racists',
    'extremists',
    'trolls',
    'cults',
    'cult leaders',
    'landlords',
    'employers',
    'companies',
    'banks',
    'lenders',
    'insurers',
    'retailers',
    'websites',
    'apps',
    'the policy',
    'the law',
    'the company',
    'the court',
    'the judge',
    'the study',
    'researchers',
    'studies',
    'the report',
    'historians',
    'critics',
    'opponents',
    'proponents',
    'people who',
    'those who',
    'some people',
    'many people',
    'some men',
    'some users',
    'regimes',
    'the regime',
    'governments',
  ])}(?![\\p{L}\\p{N}_])`,
  'giu',
);

/** A modal that turns a description into advice ("landlords should …"). */
export const NORMATIVE_MODAL =
  /(?<![\p{L}\p{N}_])(?:should|must|ought|need to|needs to|have to|has to|better|best to|i recommend|i suggest|i'd|you can|just)(?![\p{L}\p{N}_])/iu;

/** Fiction framing phrases (besides the patterned cues of {@link FICTION_CUES}). */
const FICTION_PHRASES = [
  'once upon a time',
  'short story',
  'fictional',
  'work of fiction',
  'the villain',
  'the antagonist',
  'the protagonist',
  'the narrator',
  'the character',
  'a character',
  'characters in',
  'role-play as',
  'roleplay as',
  'plays the role',
  'in-universe',
];

/** Fiction framing, in the request or the response. */
export const FICTION_CUES = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${alt(FICTION_PHRASES)}|write (?:me )?(?:a|an) (?:story|poem|scene|screenplay|script|novel|dialogue|tale|monologue)|in (?:the|this|my|our|a) (?:story|novel|tale|poem|screenplay|script|film|movie|book|game|play)|chapter \\d{1,3})(?![\\p{L}\\p{N}_])`,
  'iu',
);

/**
 * The words a {@link FICTION_CUES} match can begin with (its phrases' first words and the
 * patterned cues' `write`, `in`, `chapter`): the cue is tried only where one of them starts.
 */
export const FICTION_STARTS: readonly string[] = [
  ...new Set([
    ...FICTION_PHRASES.map((phrase) => /^[\p{L}\p{N}_]+/u.exec(phrase)?.[0] ?? phrase),
    'write',
    'in',
    'chapter',
  ]),
];

// ── Normalisation (every replacement is one UTF-16 unit for one, so offsets are preserved) ──

/** Curly quotes and homoglyphs (Cyrillic, Greek) mapped to their ASCII look-alikes. */
export const CONFUSABLES: Readonly<Record<string, string>> = Object.freeze({
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00A0': ' ',
  '\u2000': ' ',
  '\u2001': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u205F': ' ',
  '\u3000': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
  '\u00BB': '"',
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
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
});

export const LEET: Readonly<Record<string, string>> = Object.freeze({
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
});
