/**
 * `external_api_critic`: a moderation endpoint over HTTP, OpenAI moderation-compatible
 * (`POST {baseUrl}/moderations` → `{results: [{flagged, categories, category_scores}]}`). Each
 * category score becomes a graded violation; a flagged result is always a violation. A 429 whose
 * `Retry-After` fits the budget is waited out (abortably) and retried once inside the attempt.
 */
import { z } from 'zod';
import { systemClock, sleep } from '../orchestrator/clock.js';
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { AttemptContext, CriticInput, FailureMode } from '../orchestrator/types.js';
import { VIOLATION_THRESHOLD, buildFinding } from './finding.js';
import { CriticHttpError, CriticProtocolError, checkBaseUrl, postJson } from './http-errors.js';
import type { BuiltInCritic, EvidenceSpan, Finding, Violation } from './types.js';

export const EXTERNAL_API_CRITIC = 'external_api_critic';

export interface ExternalApiCriticOptions {
  /** Base URL of a moderation-compatible API, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set and non-empty. @default none */
  apiKey?: string;
  /** Sent as `model` when set, e.g. `omni-moderation-latest`. @default the server's default */
  model?: string;
  /** Per-attempt timeout, enforced by the orchestrator through the attempt's signal. @default 5000 */
  timeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /**
   * Longest `Retry-After` waited out inside an attempt (then one retry); a longer one, or a
   * second 429, throws a {@link CriticHttpError} for the orchestrator's retry. @default 2000
   */
  maxRetryAfterMs?: number;
  /** @default 'open' (the local panel still covers the same harms when the service is down) */
  failureMode?: FailureMode;
}

/** Score thresholds for severities 3, 2 and 1. */
export const SCORE_THRESHOLDS: readonly (readonly [score: number, severity: number])[] = [
  [0.9, 3],
  [0.6, 2],
  [0.3, 1],
];

/** Categories graded one step more severe than their score alone says (capped at 3). */
export const GRAVE_CATEGORIES: ReadonlySet<string> = new Set([
  'sexual/minors',
  'self-harm/instructions',
  'self-harm/intent',
  'illicit/violent',
  'hate/threatening',
  'harassment/threatening',
]);

const Result = z.object({
  flagged: z.boolean(),
  categories: z.record(z.string(), z.boolean().nullable()),
  category_scores: z.record(z.string(), z.number()),
});
type Result = z.infer<typeof Result>;

/** One category's grade: severity 0–3, the service's score, and whether the service flagged it. */
interface Graded {
  severity: number;
  score: number;
  flagged: boolean;
}

const Moderation = z.object({
  id: z.string().optional(),
  model: z.string().optional(),
  results: z.array(Result).min(1),
});
/** A moderation answer as parsed. */
export type ModerationAnswer = z.infer<typeof Moderation>;
type Moderation = ModerationAnswer;

/** Builds the `external_api_critic` critic (DEEP_ANALYSIS stage, ALWAYS by its name). */
export function createExternalApiCritic(options: ExternalApiCriticOptions): BuiltInCritic {
  const config = checkOptions(options);
  return {
    name: EXTERNAL_API_CRITIC,
    reads: ['modelResponse'],
    version: '1',
    failureMode: options.failureMode ?? 'open',
    timeoutMs: config.timeoutMs,
    maxRetries: 2,
    cost: 0.001,
    tags: ['network', 'moderation'],
    // A Finding is a plain object; the spread gives it the index signature CriticOutput asks for.
    evaluate: async (input, ctx) => ({ ...(await moderate(config, input, ctx)) }),
  };
}

interface ModerationConfig {
  url: string;
  apiKey: string | undefined;
  model: string | undefined;
  timeoutMs: number;
  maxRetryAfterMs: number;
  fetch: typeof globalThis.fetch | undefined;
}

function checkOptions(options: ExternalApiCriticOptions): ModerationConfig {
  const url = checkBaseUrl(options.baseUrl, EXTERNAL_API_CRITIC);
  const timeoutMs = options.timeoutMs ?? 5000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidOptionError('timeoutMs', 'a number > 0', timeoutMs, EXTERNAL_API_CRITIC);
  }
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 2000;
  if (!Number.isFinite(maxRetryAfterMs) || maxRetryAfterMs < 0) {
    throw new InvalidOptionError(
      'maxRetryAfterMs',
      'a number >= 0',
      maxRetryAfterMs,
      EXTERNAL_API_CRITIC,
    );
  }
  if (options.model !== undefined && options.model.trim() === '') {
    throw new InvalidOptionError('model', 'a non-empty string', options.model, EXTERNAL_API_CRITIC);
  }
  return {
    url: `${url}/moderations`,
    apiKey: options.apiKey,
    model: options.model,
    timeoutMs,
    maxRetryAfterMs,
    fetch: options.fetch,
  };
}

async function moderate(
  config: ModerationConfig,
  input: CriticInput,
  ctx: AttemptContext,
): Promise<Finding> {
  if (input.modelResponse.trim() === '') {
    return buildFinding([], {
      clean: 'The response is empty: there is nothing to moderate.',
      details: { skipped: 'empty_response' },
    });
  }
  const body: Record<string, unknown> = { input: input.modelResponse };
  if (config.model !== undefined) body['model'] = config.model;
  const post = (): Promise<string> =>
    postJson({
      critic: EXTERNAL_API_CRITIC,
      url: config.url,
      body,
      apiKey: config.apiKey,
      signal: ctx.signal,
      fetch: config.fetch ?? globalThis.fetch,
    });
  let waitedMs: number | undefined;
  let text: string;
  try {
    text = await post();
  } catch (error) {
    waitedMs = waitable(error, config.maxRetryAfterMs);
    if (waitedMs === undefined) throw error;
    await sleep(systemClock, waitedMs, ctx.signal);
    text = await post();
  }
  return scoreModeration(parseModeration(text), input.modelResponse, waitedMs);
}

/** How long to wait before the one in-attempt retry, or `undefined` when the error is final. */
function waitable(error: unknown, budgetMs: number): number | undefined {
  if (!(error instanceof CriticHttpError) || error.upstreamStatus !== 429) return undefined;
  const wait = error.retryAfterMs;
  return wait !== undefined && wait <= budgetMs ? wait : undefined;
}

/** The moderation answer, strictly; throws a {@link CriticProtocolError} otherwise. */
export function parseModeration(text: string): Moderation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CriticProtocolError(EXTERNAL_API_CRITIC, 'the moderation answer is not JSON', text, [
      error instanceof Error ? error.message : String(error),
    ]);
  }
  const parsed = Moderation.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 6)
      .map((i) => `${i.path.length === 0 ? '(root)' : i.path.join('.')}: ${i.message}`);
    throw new CriticProtocolError(
      EXTERNAL_API_CRITIC,
      'the moderation answer has the wrong shape',
      text,
      issues,
    );
  }
  return parsed.data;
}

/** Severity 0–3 of one category score (grave categories one step higher, capped at 3). */
export function severityOf(category: string, score: number): number {
  const base = SCORE_THRESHOLDS.find(([threshold]) => score >= threshold)?.[1] ?? 0;
  return base > 0 && GRAVE_CATEGORIES.has(category) ? Math.min(3, base + 1) : base;
}

/** `self-harm/intent` → `self_harm.intent`: the dotted category of a violation. */
export function categoryName(category: string): string {
  return category
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, '_')
    .replace(/\//g, '.');
}

/**
 * Our finding from the moderation answer: every category, in every result, graded by its score;
 * a category the service flagged is at least a violation (severity 2), and a flagged result with
 * no flagged category raises its top-scoring category to a violation.
 */
export function scoreModeration(
  moderation: Moderation,
  response: string,
  waitedMs?: number,
): Finding {
  const severities = new Map<string, Graded>();
  let flagged = false;
  for (const result of moderation.results) {
    flagged ||= result.flagged;
    for (const [category, entry] of gradeResult(result)) {
      const prior = severities.get(category);
      severities.set(category, {
        severity: Math.max(entry.severity, prior?.severity ?? 0),
        score: Math.max(entry.score, prior?.score ?? 0),
        flagged: entry.flagged || (prior?.flagged ?? false),
      });
    }
  }
  const span = wholeResponse(response);
  const violations: Violation[] = [];
  for (const [category, { severity, score, flagged: byService }] of severities) {
    if (severity === 0) continue;
    violations.push({
      category: categoryName(category),
      severity,
      description: `Moderation ${byService ? 'flagged' : 'scored'} ${category} at ${score.toFixed(2)}`,
      evidence: span === undefined ? [] : [span],
    });
  }
  const maxSeverity = violations.reduce((max, v) => Math.max(max, v.severity), 0);
  const details: Record<string, unknown> = {
    flagged,
    scores: Object.fromEntries([...severities].map(([c, e]) => [c, e.score])),
  };
  if (moderation.id !== undefined) details['id'] = moderation.id;
  if (moderation.model !== undefined) details['model'] = moderation.model;
  if (waitedMs !== undefined) details['retriedAfterMs'] = waitedMs;
  return buildFinding(violations, {
    clean: 'The moderation service found nothing to flag.',
    // The service's own verdict and its scores disagree: our grading is on shakier ground.
    uncertainty: flagged !== maxSeverity >= VIOLATION_THRESHOLD ? 0.5 : 0.15,
    details,
  });
}

/** Each category of one result with its graded severity, score and the service's flag. */
function gradeResult(result: Result): Map<string, Graded> {
  const graded = new Map<string, Graded>();
  const names = new Set([
    ...Object.keys(result.category_scores),
    ...Object.keys(result.categories),
  ]);
  for (const category of names) {
    const score = clampScore(result.category_scores[category] ?? 0);
    const flagged = result.categories[category] === true;
    const severity = Math.max(severityOf(category, score), flagged ? VIOLATION_THRESHOLD : 0);
    graded.set(category, { severity, score, flagged });
  }
  const anyFlaggedCategory = [...graded.values()].some((e) => e.flagged);
  if (result.flagged && !anyFlaggedCategory) raiseTopCategory(graded);
  return graded;
}

/** A result flagged with no category flagged: its highest-scoring category becomes a violation. */
function raiseTopCategory(graded: Map<string, Graded>): void {
  let top: string | undefined;
  let topScore = -1;
  for (const [category, entry] of graded) {
    if (entry.score > topScore) {
      top = category;
      topScore = entry.score;
    }
  }
  const entry = top === undefined ? undefined : graded.get(top);
  if (top === undefined || entry === undefined) {
    graded.set('flagged', { severity: VIOLATION_THRESHOLD, score: 1, flagged: true });
    return;
  }
  graded.set(top, {
    ...entry,
    severity: Math.max(entry.severity, VIOLATION_THRESHOLD),
    flagged: true,
  });
}

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

/** The response without its surrounding whitespace, as one span (none when it is blank). */
function wholeResponse(response: string): EvidenceSpan | undefined {
  const start = response.length - response.trimStart().length;
  const end = response.trimEnd().length;
  if (end <= start) return undefined;
  return { source: 'output', start, end, text: response.slice(start, end) };
}
