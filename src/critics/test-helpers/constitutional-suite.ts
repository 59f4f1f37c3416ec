/**
 * The behaviour every constitutional critic shares, as one table-driven suite: classification by
 * name, flagged and benign tables, input hits weighed as a concern at most, exact evidence
 * spans, lexicon start-word soundness and adversarial inputs. Each critic's test file supplies
 * its tables and adds only the tests that are its own.
 */
import { expect, it } from 'vitest';
import { classifyCritic } from '../../orchestrator/classify.js';
import type { FailureMode } from '../../orchestrator/types.js';
import { Policy, Stage } from '../../orchestrator/vocabulary.js';
import { ADVERSARIAL_INPUTS } from '../adversarial.js';
import { auditStarts, compileLexicon, type ConstitutionalLexicon } from '../constitutional.js';
import { DOCTRINE, type ClauseId } from '../lexicons/doctrine.js';
import type { BuiltInCritic, EvidenceSpan, Finding } from '../types.js';
import { evaluateSync } from './run-sync.js';
import { expectValidFinding } from './expect-finding.js';

/** One flagged example: the response, the category it must raise, its least severity, its clause. */
export type PositiveCase = [text: string, category: string, minSeverity: number, clause?: ClauseId];

/**
 * Runs a synchronous critic on one request and checks what every finding must satisfy: a valid
 * output, and evidence whose text is exactly the span it points at.
 */
export function runCritic(critic: BuiltInCritic, modelResponse: string, inputText = ''): Finding {
  const finding = evaluateSync(critic, inputText, modelResponse);
  expectValidFinding(finding, inputText, modelResponse);
  return finding;
}

export interface ConstitutionalSuite {
  readonly critic: BuiltInCritic;
  /** The exported name constant the critic must carry. */
  readonly name: string;
  /** The priority its name classifies it at (stage CORE_ANALYSIS, policy ALWAYS). */
  readonly priority: number;
  readonly failureMode: FailureMode;
  readonly lexicon: ConstitutionalLexicon;
  readonly positive: readonly PositiveCase[];
  /** Responses that must stay below the constitutional threshold (severity < 2). */
  readonly benign: readonly string[];
  /** A response and the evidence span its first violation must point at. */
  readonly evidence: { readonly text: string; readonly span: EvidenceSpan };
}

/** Registers the shared tests of a constitutional critic inside the caller's `describe`. */
export function constitutionalSuite(suite: ConstitutionalSuite): void {
  const { critic, positive, benign } = suite;
  const run = (modelResponse: string, inputText = '') =>
    runCritic(critic, modelResponse, inputText);

  it(`is classified by its name as CORE_ANALYSIS, priority ${suite.priority}, ALWAYS`, () => {
    expect(critic.name).toBe(suite.name);
    expect(classifyCritic(critic.name)).toMatchObject({
      stage: Stage.CORE_ANALYSIS,
      priority: suite.priority,
      policy: Policy.ALWAYS,
    });
    expect(critic).toMatchObject({ reads: ['inputText', 'modelResponse'], version: '1' });
    expect(critic.failureMode).toBe(suite.failureMode);
    expect(critic.stage ?? critic.priority ?? critic.policy).toBeUndefined();
  });

  it.each(positive)('flags %j as %s (severity ≥ %i, clause %s)', (text, category, min, clause) => {
    const f = run(text);
    const v = f.violations.find((x) => x.category === category);
    expect(v?.severity).toBeGreaterThanOrEqual(min);
    expect(v?.evidence.length).toBeGreaterThan(0);
    if (clause !== undefined) {
      expect(f.escalation).toMatchObject({ clause, tier: DOCTRINE[clause].tier });
    }
  });

  it.each(benign)('does not reach the constitutional threshold on %j', (text) => {
    expect(run(text).severity).toBeLessThan(2);
  });

  it.each(positive.map((p) => p[0]))('weighs %j in the user input at most as a concern', (text) => {
    expect(run('I cannot help with that.', text).severity).toBeLessThanOrEqual(1);
  });

  it('points evidence at the exact matched text', () => {
    expect(run(suite.evidence.text).violations[0]?.evidence[0]).toEqual(suite.evidence.span);
  });

  it('keeps every pattern reachable from its start words', () => {
    const lexicon = compileLexicon(suite.lexicon);
    for (const text of [...positive.map((p) => p[0]), ...benign]) {
      expect(auditStarts(lexicon, text)).toEqual([]);
    }
  });

  it.each(ADVERSARIAL_INPUTS)('returns a valid finding for $name', ({ text }) => {
    expect(run(text, text).severity).toBeGreaterThanOrEqual(0);
  });
}
