/**
 * Calls a synchronous built-in critic on one request, as the orchestrator would, and hands back
 * its finding; a critic that answers with a promise fails the test.
 */
import type { RunContext } from '../../orchestrator/types.js';
import type { BuiltInCritic, Finding } from '../types.js';

const signal = new AbortController().signal;

export function evaluateSync(
  critic: BuiltInCritic,
  inputText: string,
  modelResponse: string,
  context: RunContext = {},
): Finding {
  const output = critic.evaluate(
    { inputText, modelResponse, context, traceId: 't', priorResults: {} },
    { signal, attempt: 0 },
  );
  if (output instanceof Promise) throw new TypeError(`${critic.name} must be synchronous`);
  return output as unknown as Finding;
}
