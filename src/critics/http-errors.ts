/**
 * The network critics' boundary: their typed errors, and the one request function that turns an
 * HTTP exchange into either a body or one of those errors. The orchestrator retries every thrown
 * error; these errors say clearly whether a retry can help, which status came back, and how long
 * the server asked us to wait.
 */
import { EleanorError, InvalidOptionError } from '../orchestrator/errors.js';

/** Largest success body read, in bytes; a larger one is a protocol error, not a memory problem. */
export const MAX_BODY_BYTES = 1_048_576;
/** How much of an error body is kept for the message. */
const EXCERPT_CHARS = 300;
/** Bytes of an error body read before the rest is dropped. */
const ERROR_BODY_BYTES = 4096;

export interface CriticHttpErrorInit {
  critic: string;
  /** Where the request went (origin and path only: no credentials, no query). */
  url: string;
  /** The upstream HTTP status, or `undefined` when no answer came (connection refused, reset). */
  upstreamStatus: number | undefined;
  statusText?: string;
  retryAfterMs?: number | undefined;
  bodyExcerpt?: string;
  cause?: unknown;
}

/**
 * An upstream HTTP failure: a non-2xx answer, or no answer at all. `status` stays the status
 * Eleanor's own service would answer with (502, a bad gateway); the upstream's is
 * `upstreamStatus`.
 */
export class CriticHttpError extends EleanorError {
  override readonly code: string = 'CRITIC_HTTP_ERROR';
  override readonly status: number = 502;
  readonly critic: string;
  readonly url: string;
  readonly upstreamStatus: number | undefined;
  /** True for 408, 429, 5xx and transport failures: trying again may help. */
  readonly retryable: boolean;
  /** What the server's `Retry-After` (or `retry-after-ms`) asked for, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  readonly bodyExcerpt: string;

  constructor(init: CriticHttpErrorInit) {
    const retryable = isRetryableStatus(init.upstreamStatus);
    super(httpMessage(init, retryable), { cause: init.cause });
    this.critic = init.critic;
    this.url = init.url;
    this.upstreamStatus = init.upstreamStatus;
    this.retryable = retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.bodyExcerpt = init.bodyExcerpt ?? '';
  }
}

/** The server answered 2xx, but not with what the protocol promises. */
export class CriticProtocolError extends EleanorError {
  override readonly code: string = 'CRITIC_PROTOCOL_ERROR';
  override readonly status: number = 502;
  readonly critic: string;
  /** The start of what came back. */
  readonly excerpt: string;
  /** What was wrong with it, one entry per problem. */
  readonly issues: readonly string[];

  constructor(critic: string, problem: string, received: string, issues: readonly string[] = []) {
    const shown = excerpt(received);
    super(
      `${critic}: ${problem}${issues.length > 0 ? ` (${issues.join('; ')})` : ''}; received: ${JSON.stringify(shown)}`,
    );
    this.critic = critic;
    this.excerpt = shown;
    this.issues = issues;
  }
}

/** The LLM judge's verdict could not be parsed into the rubric's strict JSON shape. */
export class JudgeProtocolError extends CriticProtocolError {
  override readonly code: string = 'JUDGE_PROTOCOL_ERROR';
}

/** 408, 429 and 5xx, and no answer at all, may succeed on a later attempt. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

function httpMessage(init: CriticHttpErrorInit, retryable: boolean): string {
  const kind = retryable ? 'retryable' : 'not retryable';
  if (init.upstreamStatus === undefined) {
    const cause = describeCause(init.cause);
    return `${init.critic}: POST ${init.url} failed without a complete HTTP answer (${kind})${cause}`;
  }
  const text = init.statusText === undefined || init.statusText === '' ? '' : ` ${init.statusText}`;
  const wait = init.retryAfterMs === undefined ? '' : `, Retry-After ${init.retryAfterMs} ms`;
  const body =
    init.bodyExcerpt === undefined || init.bodyExcerpt === '' ? '' : `: ${init.bodyExcerpt}`;
  return `${init.critic}: POST ${init.url} answered HTTP ${init.upstreamStatus}${text} (${kind}${wait})${body}`;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return '';
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
  return `: ${cause.message}${inner}`;
}

/** Collapses whitespace and cuts to {@link EXCERPT_CHARS}. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

/**
 * Milliseconds the server asked us to wait: `retry-after-ms` (OpenAI), else `Retry-After` as
 * delta-seconds (fractions accepted) or an HTTP date. `undefined` when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(?:\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The URL as shown in messages: origin and path, never credentials or query. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}

export interface PostJsonRequest {
  critic: string;
  url: string;
  body: unknown;
  apiKey: string | undefined;
  signal: AbortSignal;
  fetch: typeof globalThis.fetch;
}

/**
 * POSTs a JSON body and returns the 2xx answer's text. Throws a {@link CriticHttpError} for a
 * non-2xx answer or a transport failure, a {@link CriticProtocolError} for an oversized body, and
 * the signal's reason when the signal aborted the exchange.
 */
export async function postJson(req: PostJsonRequest): Promise<string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (req.apiKey !== undefined && req.apiKey !== '')
    headers['authorization'] = `Bearer ${req.apiKey}`;
  const url = displayUrl(req.url);
  let response: Response;
  try {
    response = await req.fetch(req.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(req.body),
      signal: req.signal,
    });
  } catch (error) {
    if (req.signal.aborted) throw abortReason(req.signal);
    throw new CriticHttpError({ critic: req.critic, url, upstreamStatus: undefined, cause: error });
  }
  try {
    if (response.ok) {
      const text = await readText(response, MAX_BODY_BYTES);
      if (text === undefined) {
        throw new CriticProtocolError(
          req.critic,
          `the answer from ${url} exceeds ${MAX_BODY_BYTES} bytes`,
          '',
        );
      }
      return text;
    }
    const body = (await readText(response, ERROR_BODY_BYTES, true)) ?? '';
    throw new CriticHttpError({
      critic: req.critic,
      url,
      upstreamStatus: response.status,
      statusText: response.statusText,
      retryAfterMs: parseRetryAfter(response.headers),
      bodyExcerpt: excerpt(body),
    });
  } catch (error) {
    if (req.signal.aborted) throw abortReason(req.signal);
    if (error instanceof EleanorError) throw error;
    throw new CriticHttpError({
      critic: req.critic,
      url,
      upstreamStatus: undefined,
      cause: error,
    });
  }
}

/**
 * Reads at most `limit` bytes of the body as UTF-8. Returns `undefined` when the body is longer,
 * unless `truncate` is set, in which case it returns what fits. The rest is cancelled either way.
 */
async function readText(
  response: Response,
  limit: number,
  truncate = false,
): Promise<string | undefined> {
  if (response.body === null) return '';
  // Node's typings leave the chunk type open; fetch bodies are byte streams.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const room = limit - bytes;
      if (chunk.value.byteLength > room) {
        if (!truncate) return undefined;
        return text + decoder.decode(chunk.value.subarray(0, room));
      }
      bytes += chunk.value.byteLength;
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** The signal's reason as something throwable and recognisable. */
function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/** An http(s) base URL without trailing slashes; throws an {@link InvalidOptionError} otherwise. */
export function checkBaseUrl(baseUrl: unknown, critic: string): string {
  const expected = 'an http(s) URL such as `http://localhost:11434/v1`';
  if (typeof baseUrl !== 'string')
    throw new InvalidOptionError('baseUrl', expected, baseUrl, critic);
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new InvalidOptionError('baseUrl', expected, baseUrl, critic);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidOptionError('baseUrl', expected, baseUrl, critic);
  }
  return baseUrl.replace(/\/+$/, '');
}
