/**
 * Name classification: a critic's stage, priority and policy guessed from the words of its name,
 * for critics that do not declare them. Keywords match whole words only ("pharmacy" is not
 * "harm", "technology" is not "log"), and explicit fields always win.
 */
import { Policy, Stage } from './vocabulary.js';

/** One row of a keyword table: any of `keywords` as a whole word of the name selects `value`. */
export interface KeywordRule<T> {
  readonly keywords: readonly string[];
  readonly value: T;
}

/** Stage rules, tried in order; the first rule with a matching word wins. */
export const STAGE_RULES: readonly KeywordRule<Stage>[] = [
  {
    keywords: ['deep', 'comprehensive', 'detailed', 'llm', 'external'],
    value: Stage.DEEP_ANALYSIS,
  },
  { keywords: ['quick', 'fast', 'simple', 'basic'], value: Stage.FAST_CRITICS },
  { keywords: ['validation', 'sanity', 'check'], value: Stage.PRE_VALIDATION },
  { keywords: ['aggregate', 'summary', 'synthesis'], value: Stage.POST_PROCESSING },
];

/** Priority rules (1 highest … 10 lowest), tried in order; the first rule with a matching word wins. */
export const PRIORITY_RULES: readonly KeywordRule<number>[] = [
  { keywords: ['safety', 'security', 'critical'], value: 1 },
  { keywords: ['rights', 'bias', 'discrimination'], value: 2 },
  { keywords: ['fairness', 'ethics', 'harm'], value: 3 },
  { keywords: ['privacy', 'pii', 'compliance'], value: 4 },
  { keywords: ['analyze', 'assess', 'evaluate'], value: 5 },
  { keywords: ['style', 'quality', 'format'], value: 7 },
  { keywords: ['document', 'metadata', 'log'], value: 9 },
];

/** Policy rules, tried in order; the first rule with a matching word wins. */
export const POLICY_RULES: readonly KeywordRule<Policy>[] = [
  { keywords: ['safety', 'security', 'critical'], value: Policy.ALWAYS },
  { keywords: ['deep', 'comprehensive', 'detailed'], value: Policy.ON_VIOLATION },
  { keywords: ['pii', 'personal', 'sensitive'], value: Policy.ON_HIGH_RISK },
];

/** Values used when no keyword matches. */
export const CLASSIFICATION_DEFAULTS: Readonly<{ stage: Stage; priority: number; policy: Policy }> =
  Object.freeze({ stage: Stage.CORE_ANALYSIS, priority: 5, policy: Policy.ALWAYS });

/** Fields a critic may declare itself; each one given overrides classification. */
export interface ExplicitClassification {
  stage?: Stage | undefined;
  priority?: number | undefined;
  policy?: Policy | undefined;
}

/** A critic's stage, priority and policy, with a human-readable reason for each. */
export interface Classification {
  stage: Stage;
  priority: number;
  policy: Policy;
  /** Why each value was chosen, e.g. `keyword "deep" → DEEP_ANALYSIS` or `explicit stage`. */
  reasons: { stage: string; priority: string; policy: string };
}

/**
 * Letters of one case run, a capitalised word, or a run of digits. An upper-case run stops
 * before the capital that starts the next word: `LLMJudge` → `LLM`, `Judge`.
 */
const WORD_PATTERN = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|[\p{Lo}\p{Lt}\p{Lm}]+|\p{N}+/gu;

/**
 * Splits a critic name into lower-case words across snake_case, kebab-case, camelCase and
 * PascalCase; digits form their own words.
 *
 * @example splitWords('deepBiasCheck') // ['deep', 'bias', 'check']
 * @example splitWords('LLMJudge_v2') // ['llm', 'judge', 'v', '2']
 */
export function splitWords(name: string): string[] {
  return Array.from(name.matchAll(WORD_PATTERN), (match) => match[0].toLowerCase());
}

interface RuleMatch<T> {
  readonly keyword: string;
  readonly value: T;
}

/** The first rule (in table order) with a keyword among `words`, and the word that matched. */
function firstMatch<T>(
  rules: readonly KeywordRule<T>[],
  words: readonly string[],
): RuleMatch<T> | undefined {
  for (const rule of rules) {
    const keyword = words.find((word) => rule.keywords.includes(word));
    if (keyword !== undefined) return { keyword, value: rule.value };
  }
  return undefined;
}

interface Decided<T> {
  readonly value: T;
  readonly reason: string;
}

/** Picks the explicit value, else the first keyword match, else the default — with the reason. */
function decide<T extends string | number>(
  field: 'stage' | 'priority' | 'policy',
  explicit: T | undefined,
  rules: readonly KeywordRule<T>[],
  words: readonly string[],
  fallback: T,
): Decided<T> {
  if (explicit !== undefined) return { value: explicit, reason: `explicit ${field}` };
  const match = firstMatch(rules, words);
  if (match !== undefined) {
    return { value: match.value, reason: `keyword "${match.keyword}" → ${match.value}` };
  }
  return { value: fallback, reason: `no keyword → ${fallback} (default)` };
}

/**
 * Classifies a critic from its name. Each field given in `explicit` wins; the others come from
 * the first matching keyword rule ({@link STAGE_RULES}, {@link PRIORITY_RULES},
 * {@link POLICY_RULES}) or the {@link CLASSIFICATION_DEFAULTS}.
 *
 * @example classifyCritic('deep_bias_check') // DEEP_ANALYSIS, priority 2, ON_VIOLATION
 */
export function classifyCritic(
  name: string,
  explicit: ExplicitClassification = {},
): Classification {
  const words = splitWords(name);
  const stage = decide('stage', explicit.stage, STAGE_RULES, words, CLASSIFICATION_DEFAULTS.stage);
  const priority = decide(
    'priority',
    explicit.priority,
    PRIORITY_RULES,
    words,
    CLASSIFICATION_DEFAULTS.priority,
  );
  const policy = decide(
    'policy',
    explicit.policy,
    POLICY_RULES,
    words,
    CLASSIFICATION_DEFAULTS.policy,
  );
  return {
    stage: stage.value,
    priority: priority.value,
    policy: policy.value,
    reasons: { stage: stage.reason, priority: priority.reason, policy: policy.reason },
  };
}
