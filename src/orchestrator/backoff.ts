/**
 * Exponential back-off with a cap and proportional jitter, as a pure function of the retry
 * number and an injected random source.
 */
import type { BackoffOptions } from './types.js';

/** Back-off used when a critic gives none: 200 ms, doubling, capped at 5 s, up to 20 % jitter. */
export const DEFAULT_BACKOFF: Readonly<Required<BackoffOptions>> = Object.freeze({
  initialDelayMs: 200,
  multiplier: 2,
  maxDelayMs: 5000,
  jitter: 0.2,
});

/**
 * The delay before retry number `retry` (1 = first retry):
 * `min(maxDelayMs, initialDelayMs * multiplier^(retry - 1))`, then reduced by up to `jitter`
 * of itself: `delay * (1 - jitter * random())`. Never negative.
 *
 * @param retry - 1 for the first retry; values below 1 are treated as 1.
 * @param options - resolved back-off options.
 * @param random - a source of numbers in [0, 1), e.g. `Math.random`.
 * @returns milliseconds to wait.
 */
export function backoffDelay(
  retry: number,
  options: Readonly<Required<BackoffOptions>>,
  random: () => number,
): number {
  const exponent = retry > 1 ? retry - 1 : 0;
  const grown = options.initialDelayMs * options.multiplier ** exponent;
  // `grown` may be Infinity for large retries; the cap absorbs it.
  const capped = grown < options.maxDelayMs ? grown : options.maxDelayMs;
  const delay = options.jitter === 0 ? capped : capped * (1 - options.jitter * random());
  return delay > 0 ? delay : 0;
}
