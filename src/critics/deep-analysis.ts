/**
 * `deep_analysis`: an LLM judge over any OpenAI-compatible chat-completions endpoint (OpenAI,
 * Ollama, vLLM …). The judge rates the response on the rubric in `lexicons/judge-rubric.ts` and
 * answers strict JSON; we parse it strictly and recompute the scores ourselves: severities are
 * clamped, every evidence quote is located in the real response, and a rating whose quote is
 * not there (hallucinated evidence) counts half and raises the uncertainty.
 */
import { z } from 'zod';
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { AttemptContext, CriticInput, FailureMode } from '../orchestrator/types.js';
import { buildFinding, round } from './finding.js';
import { JudgeProtocolError, checkBaseUrl, postJson } from './http-errors.js';
import {
  JUDGE_DIMENSIONS,
  JUDGE_RUBRIC,
  judgeSystemPrompt,
  judgeUserPrompt,
  promptNonce,
  type JudgeDimension,
} from './lexicons/judge-rubric.js';
import type { BuiltInCritic, EvidenceSpan, Finding, Violation } from './types.js';

export const DEEP_ANALYSIS = 'deep_analysis';

/** Weight of a rating whose evidence quote is not in the response. */
export const UNLOCATED_WEIGHT = 0.5;
/** Uncertainty added per rating whose evidence quote is not in the response. */
export const UNLOCATED_UNCERTAINTY = 0.2;

export interface DeepAnalysisOptions {
  /** Base URL of an OpenAI-compatible API: `https://api.openai.com/v1`, `http://localhost:11434/v1` (Ollama). */
  baseUrl: string;
  /** The judge model, e.g. `gpt-4o-mini` or `llama3.1:8b`. */
  model: string;
  /** Sent as `Authorization: Bearer …` when set and non-empty. @default none */
  apiKey?: string;
  /** Per-attempt timeout, enforced by the orchestrator through the attempt's signal. @default 15000 */
  timeoutMs?: number;
  /** @default 0 */
  temperature?: number;
  /** Sent as `max_tokens` when set. @default none */
  maxTokens?: number;
  /** Ask for `response_format: {type: 'json_object'}`; false for servers that reject it. @default true */
  jsonMode?: boolean;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** @default 'open' */
  failureMode?: FailureMode;
}

const Rating = z.object({
  severity: z.number(),
  // A missing or null quote or rationale is tolerated; a rated dimension without a quote is
  // then scored as unlocated evidence (half weight, more uncertainty), never trusted.
  evidence: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  rationale: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
});
type Rating = z.infer<typeof Rating>;

/** The judge's verdict: every dimension must be rated. */
const Verdict = z.object({
  ratings: z.object({
    harm: Rating,
    rights_dignity: Rating,
    fairness: Rating,
    privacy: Rating,
    truthfulness: Rating,
    manipulation: Rating,
  }),
  overall_uncertainty: z.number(),
});
/** A verdict as parsed (before our recomputation). */
export type JudgeVerdict = z.infer<typeof Verdict>;
type Verdict = JudgeVerdict;

/** The chat-completions answer, as much of it as we read. */
const Completion = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          refusal: z.string().nullable().optional(),
        }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

/** Builds the `deep_analysis` critic (DEEP_ANALYSIS stage, ON_VIOLATION by its name). */
export function createDeepAnalysis(options: DeepAnalysisOptions): BuiltInCritic {
  const config = checkOptions(options);
  return {
    name: DEEP_ANALYSIS,
    reads: ['inputText', 'modelResponse'],
    version: '1',
    failureMode: options.failureMode ?? 'open',
    timeoutMs: config.timeoutMs,
    maxRetries: 2,
    cost: 0.01,
    tags: ['network', 'llm-judge'],
    // A Finding is a plain object; the spread gives it the index signature CriticOutput asks for.
    evaluate: async (input, ctx) => ({ ...(await judge(config, input, ctx)) }),
  };
}

interface JudgeConfig {
  url: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
  temperature: number;
  maxTokens: number | undefined;
  jsonMode: boolean;
  fetch: typeof globalThis.fetch | undefined;
}

function checkOptions(options: DeepAnalysisOptions): JudgeConfig {
  const url = checkBaseUrl(options.baseUrl, DEEP_ANALYSIS);
  if (typeof options.model !== 'string' || options.model.trim() === '') {
    throw new InvalidOptionError('model', 'a non-empty string', options.model, DEEP_ANALYSIS);
  }
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidOptionError('timeoutMs', 'a number > 0', timeoutMs, DEEP_ANALYSIS);
  }
  const temperature = options.temperature ?? 0;
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > 2) {
    throw new InvalidOptionError('temperature', 'a number in [0, 2]', temperature, DEEP_ANALYSIS);
  }
  if (
    options.maxTokens !== undefined &&
    (!Number.isInteger(options.maxTokens) || options.maxTokens < 1)
  ) {
    throw new InvalidOptionError('maxTokens', 'an integer >= 1', options.maxTokens, DEEP_ANALYSIS);
  }
  return {
    url: `${url}/chat/completions`,
    model: options.model,
    apiKey: options.apiKey,
    timeoutMs,
    temperature,
    maxTokens: options.maxTokens,
    jsonMode: options.jsonMode ?? true,
    fetch: options.fetch,
  };
}

async function judge(
  config: JudgeConfig,
  input: CriticInput,
  ctx: AttemptContext,
): Promise<Finding> {
  if (input.modelResponse.trim() === '') {
    return buildFinding([], {
      clean: 'The response is empty: there is nothing for the judge to rate.',
      details: { skipped: 'empty_response' },
    });
  }
  const nonce = promptNonce(input.inputText, input.modelResponse);
  const body: Record<string, unknown> = {
    model: config.model,
    messages: [
      { role: 'system', content: judgeSystemPrompt(nonce) },
      { role: 'user', content: judgeUserPrompt(input.inputText, input.modelResponse, nonce) },
    ],
    temperature: config.temperature,
  };
  if (config.maxTokens !== undefined) body['max_tokens'] = config.maxTokens;
  if (config.jsonMode) body['response_format'] = { type: 'json_object' };
  const text = await postJson({
    critic: DEEP_ANALYSIS,
    url: config.url,
    body,
    apiKey: config.apiKey,
    signal: ctx.signal,
    fetch: config.fetch ?? globalThis.fetch,
  });
  const completion = parseCompletion(text);
  const verdict = parseVerdict(completion.content);
  return scoreVerdict(verdict, input, completion.model ?? config.model);
}

/** The message content of a chat-completions answer; throws a {@link JudgeProtocolError}. */
export function parseCompletion(text: string): { content: string; model: string | undefined } {
  const json = parseJson(text, 'the chat-completions answer is not JSON');
  const parsed = Completion.safeParse(json);
  if (!parsed.success) {
    throw new JudgeProtocolError(
      DEEP_ANALYSIS,
      'the chat-completions answer has the wrong shape',
      text,
      issues(parsed.error),
    );
  }
  const [choice] = parsed.data.choices;
  const content = choice?.message.content ?? '';
  if (content.trim() === '') {
    const refusal = choice?.message.refusal;
    const problem =
      typeof refusal === 'string' && refusal !== ''
        ? `the judge refused: ${refusal}`
        : 'the judge answered nothing';
    throw new JudgeProtocolError(DEEP_ANALYSIS, problem, text);
  }
  return { content, model: parsed.data.model };
}

/**
 * Parses the judge's verdict strictly. One markdown fence around the JSON (```json … ```) and one
 * leading `<think>…</think>` block (reasoning models) are removed; anything else malformed throws a
 * {@link JudgeProtocolError}, so a bad verdict is retried or fails — it never passes silently.
 */
export function parseVerdict(content: string): Verdict {
  const json = parseJson(unwrap(content), 'the verdict is not JSON', content);
  const parsed = Verdict.safeParse(json);
  if (!parsed.success) {
    throw new JudgeProtocolError(
      DEEP_ANALYSIS,
      'the verdict does not follow the rubric',
      content,
      issues(parsed.error),
    );
  }
  return parsed.data;
}

function unwrap(content: string): string {
  let text = content.trim();
  if (text.startsWith('<think>')) {
    const end = text.indexOf('</think>');
    if (end !== -1) text = text.slice(end + '</think>'.length).trim();
  }
  if (text.startsWith('```')) {
    const firstLine = text.indexOf('\n');
    text = firstLine === -1 ? '' : text.slice(firstLine + 1);
    text = text.trimEnd();
    if (text.endsWith('```')) text = text.slice(0, -3);
  }
  return text.trim();
}

function parseJson(text: string, problem: string, shown: string = text): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JudgeProtocolError(DEEP_ANALYSIS, problem, shown, [
      error instanceof Error ? error.message : String(error),
    ]);
  }
}

function issues(error: z.ZodError): string[] {
  return error.issues
    .slice(0, 6)
    .map(
      (issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`,
    );
}

interface RatingDetail {
  reported: number;
  severity: number;
  evidence: QuoteMatch | 'none';
  rationale: string;
}

/**
 * Our score from the judge's verdict. Severities are clamped to 0–3; a rated dimension whose
 * quote is not in the response counts {@link UNLOCATED_WEIGHT} and adds
 * {@link UNLOCATED_UNCERTAINTY}; the finding's severity is the highest weighted rating.
 */
export function scoreVerdict(verdict: Verdict, input: CriticInput, model: string): Finding {
  const violations: Violation[] = [];
  const ratings: Partial<Record<JudgeDimension, RatingDetail>> = {};
  let unlocated = 0;
  for (const dimension of JUDGE_DIMENSIONS) {
    const rating: Rating = verdict.ratings[dimension];
    const reported = clamp(rating.severity, 0, 3);
    const rationale = rating.rationale.trim().slice(0, 240);
    if (reported === 0) {
      ratings[dimension] = { reported, severity: 0, evidence: 'none', rationale };
      continue;
    }
    const located = locateQuote(rating.evidence, input.modelResponse, input.inputText);
    const inResponse = located.span?.source === 'output';
    if (!inResponse) unlocated++;
    const severity = round(reported * (inResponse ? 1 : UNLOCATED_WEIGHT));
    ratings[dimension] = { reported, severity, evidence: located.match, rationale };
    violations.push(
      violationFor(dimension, reported, severity, rationale, located.span, inResponse),
    );
  }
  const uncertainty = clamp(
    clamp(verdict.overall_uncertainty, 0, 1) + unlocated * UNLOCATED_UNCERTAINTY,
    0,
    1,
  );
  return buildFinding(violations, {
    clean: 'The judge found no problem on any rubric dimension.',
    uncertainty,
    details: {
      model,
      ratings,
      judgeUncertainty: clamp(verdict.overall_uncertainty, 0, 1),
      unlocatedEvidence: unlocated,
    },
  });
}

function violationFor(
  dimension: JudgeDimension,
  reported: number,
  severity: number,
  rationale: string,
  span: EvidenceSpan | undefined,
  inResponse: boolean,
): Violation {
  const label = JUDGE_RUBRIC[dimension].label;
  const because = rationale === '' ? '' : `: ${rationale}`;
  const caveat = inResponse
    ? ''
    : ' (its evidence quote is not in the response, so it counts half)';
  return {
    category: `judge.${dimension}`,
    severity,
    description: `${label} rated ${reported}/3 by the judge${caveat}${because}`,
    evidence: span === undefined ? [] : [span],
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** How an evidence quote was found: in the response (by which pass), only in the input, or not at all. */
export type QuoteMatch =
  'exact' | 'whitespace' | 'case' | 'fragments' | 'input' | 'not_found' | 'missing';

export interface LocatedQuote {
  match: QuoteMatch;
  span: EvidenceSpan | undefined;
}

/** Non-space characters a quote needs to count as evidence (unless it is the whole response). */
const MIN_QUOTE_CHARS = 3;

/**
 * Finds the judge's quote in the response: exactly, then with whitespace runs collapsed, then
 * also ignoring case and typographic quotes and dashes, then as `…`-separated fragments in order.
 * A quote found only in the user's input gets an input span (it is still not evidence about the
 * response). Offsets are the real ones in the searched text.
 */
export function locateQuote(quote: string, response: string, inputText: string): LocatedQuote {
  const needle = quote.trim();
  const nonSpace = needle.replace(/\s/g, '').length;
  if (nonSpace === 0 || (nonSpace < MIN_QUOTE_CHARS && needle !== response.trim())) {
    return { match: 'missing', span: undefined };
  }
  const inResponse = find(needle, response);
  if (inResponse !== undefined)
    return { match: inResponse.how, span: toSpan('output', response, inResponse) };
  const pieces = findFragments(needle, response);
  if (pieces !== undefined) return { match: 'fragments', span: toSpan('output', response, pieces) };
  const inInput = find(needle, inputText);
  if (inInput !== undefined) return { match: 'input', span: toSpan('input', inputText, inInput) };
  return { match: 'not_found', span: undefined };
}

interface Found {
  how: 'exact' | 'whitespace' | 'case';
  start: number;
  end: number;
}

function find(needle: string, haystack: string): Found | undefined {
  const exact = haystack.indexOf(needle);
  if (exact !== -1) return { how: 'exact', start: exact, end: exact + needle.length };
  for (const how of ['whitespace', 'case'] as const) {
    const folded = fold(haystack, how === 'case');
    const target = fold(needle, how === 'case').text;
    const at = folded.text.indexOf(target);
    if (at !== -1) return { how, ...folded.original(at, at + target.length) };
  }
  return undefined;
}

/** The quote split at ellipses, each piece found after the previous one (loosely). */
function findFragments(
  needle: string,
  haystack: string,
): { start: number; end: number } | undefined {
  const pieces = needle
    .split(/\.\.\.|…/)
    .map((piece) => fold(piece.trim(), true).text)
    .filter((piece) => piece.replace(/\s/g, '').length >= MIN_QUOTE_CHARS);
  if (pieces.length < 2) return undefined;
  const folded = fold(haystack, true);
  let from = 0;
  let first = -1;
  for (const piece of pieces) {
    const at = folded.text.indexOf(piece, from);
    if (at === -1) return undefined;
    if (first === -1) first = at;
    from = at + piece.length;
  }
  return folded.original(first, from);
}

const TYPOGRAPHY: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

interface Folded {
  text: string;
  /** The original range behind folded positions [start, end). */
  original(start: number, end: number): { start: number; end: number };
}

/**
 * Collapses whitespace runs to one space and, when `loose`, lower-cases and folds typographic
 * punctuation, remembering where each folded character came from.
 */
function fold(source: string, loose: boolean): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let inSpace = false;
  for (let i = 0; i < source.length;) {
    const width = (source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const char = source.slice(i, i + width);
    const space = /^\s$/u.test(char);
    const out = space
      ? inSpace
        ? ''
        : ' '
      : loose
        ? (TYPOGRAPHY[char] ?? char.toLowerCase())
        : char;
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    text += out;
    inSpace = space;
    i += width;
  }
  return {
    text,
    original: (start, end) => ({ start: starts[start] ?? 0, end: ends[end - 1] ?? source.length }),
  };
}

function toSpan(
  source: 'output' | 'input',
  text: string,
  range: { start: number; end: number },
): EvidenceSpan {
  return { source, start: range.start, end: range.end, text: text.slice(range.start, range.end) };
}
