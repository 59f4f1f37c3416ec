/**
 * Logging: a silent default (the core does no I/O of its own) and the seed's log lines,
 * verbatim, built in one place.
 */
import type { Logger } from './types.js';

const noop = (): void => undefined;

/** Discards everything. */
export const silentLogger: Logger = { info: noop, warn: noop, error: noop, debug: noop };

/** `Running 10 critics with Production Orchestrator (gating=on, retries=on)` */
export function runningMessage(
  count: number,
  kind: string,
  gating: boolean,
  retries: boolean,
): string {
  return `Running ${count} critics with ${kind} Orchestrator (gating=${onOff(gating)}, retries=${onOff(retries)})`;
}

/** `Critic deep_analysis gated: no_prior_violations` */
export function gatedMessage(critic: string, reason: string): string {
  return `Critic ${critic} gated: ${reason}`;
}

/** `Retrying external_api_critic in 2.0s (attempt 1/2)` */
export function retryingMessage(
  critic: string,
  delayMs: number,
  retry: number,
  maxRetries: number,
): string {
  return `Retrying ${critic} in ${(delayMs / 1000).toFixed(1)}s (attempt ${retry}/${maxRetries})`;
}

/** `Orchestrator execution complete: total=6, success=5, gated=4, retried=1` */
export function completeMessage(
  total: number,
  success: number,
  gated: number,
  retried: number,
): string {
  return `Orchestrator execution complete: total=${total}, success=${success}, gated=${gated}, retried=${retried}`;
}

function onOff(value: boolean): string {
  return value ? 'on' : 'off';
}
