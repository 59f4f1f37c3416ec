/**
 * The parts of one evaluation that its audit payload and its decision record both hold — every
 * critic's output (the bulk of both), the reasons, the dissent, the escalation — written to
 * canonical JSON once and reused by both. The engine builds it, hashes the payload, builds and
 * prepares the record in one synchronous stretch of its own code, and then drops it: nothing
 * can change those objects in between.
 */
import { CanonicalTexts } from '../decision/canonical-json.js';
import type { DecisionOutcome } from '../decision/types.js';
import type { CriticResult } from '../orchestrator/types.js';

export function sharedTexts(
  results: Readonly<Record<string, CriticResult>>,
  outcome: Pick<DecisionOutcome, 'reasons' | 'dissent' | 'escalation'>,
): CanonicalTexts {
  const texts = new CanonicalTexts();
  // Outputs first: the dissent quotes them.
  for (const critic in results) {
    const result = results[critic];
    if (result !== undefined) texts.add(result.output);
  }
  texts.add(outcome.reasons);
  texts.add(outcome.dissent);
  if (outcome.escalation !== null) texts.add(outcome.escalation);
  return texts;
}
