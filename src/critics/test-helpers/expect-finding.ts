/**
 * What every built-in critic's finding must satisfy, checked the same way in every critic's
 * tests: a valid critic output, severities on the critic's scale, and evidence that points at a
 * (non-empty, unless allowed) span of the text it names and shows exactly that span (or what the critic shows in
 * its place: secrets_scan shows a redaction).
 */
import { expect } from 'vitest';
import { validateOutput } from '../../orchestrator/validate.js';
import type { Finding } from '../types.js';

export interface FindingRules {
  /** What evidence shows of its span. @default the span itself */
  shown?: (span: string) => string;
  /** The highest severity the finding and each violation may carry. @default 3 */
  maxSeverity?: number;
  /** Evidence may point at an empty span (input_validation's evidence of an empty text). */
  emptySpans?: boolean;
}

export function expectValidFinding(
  finding: Finding,
  inputText: string,
  modelResponse: string,
  rules: FindingRules = {},
): void {
  expect(
    validateOutput(finding as unknown as Record<string, unknown>, {
      requiredFields: ['value', 'score'],
    }),
  ).toEqual([]);
  const maxSeverity = rules.maxSeverity ?? 3;
  expect(finding.severity).toBeGreaterThanOrEqual(0);
  expect(finding.severity).toBeLessThanOrEqual(maxSeverity);
  for (const v of finding.violations) {
    expect(v.severity).toBeLessThanOrEqual(maxSeverity);
    for (const e of v.evidence) {
      const span = (e.source === 'input' ? inputText : modelResponse).slice(e.start, e.end);
      if (rules.emptySpans === true) expect(e.end).toBeGreaterThanOrEqual(e.start);
      else expect(e.end).toBeGreaterThan(e.start);
      expect(e.text).toBe(rules.shown === undefined ? span : rules.shown(span));
    }
  }
}
