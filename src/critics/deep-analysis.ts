/**
 * `deep_analysis`: an LLM judge over any OpenAI-compatible chat-completions endpoint (OpenAI,
 * Ollama, vLLM …). The judge rates the response on the rubric in `lexicons/judge-rubric.ts` and
 * answers strict JSON; we parse it strictly and recompute the scores ourselves: severities are
 * clamped, every evidence quote is located in the real response, and a rating whose quote is
 * not there (hallucinated evidence) counts half and raises the uncertainty.
 */
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { AttemptContext, CriticInput, FailureMode } from '../orchestrator/types.js';
import { buildFinding } from './finding.js';
import { checkBaseUrl, postJson } from './http-errors.js';
import { DEEP_ANALYSIS } from './judge/name.js';
import { scoreVerdict } from './judge/score.js';
import { parseCompletion, parseVerdict } from './judge/verdict.js';
import { judgeSystemPrompt, judgeUserPrompt, promptNonce } from './lexicons/judge-rubric.js';
import type { BuiltInCritic, Finding } from './types.js';

export { DEEP_ANALYSIS };

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
