/**
 * The panel's recorded quality on the labelled corpus (from `npx tsx scripts/quality-report.ts`,
 * 2026-11-25, 574 entries). The regression test fails when a figure drops below its record; when
 * a change improves a figure, raise the record in the same commit. Records fell for
 * quick_safety, prompt_injection_check and risk when held-out entries were added (entries
 * written before tuning, benign look-alikes among them), not with a code change.
 */
export interface RecordedFigures {
  precision: number;
  recall: number;
}

export const RECORDED_DECISION = {
  precision: 0.955,
  recall: 0.909,
  /** Share of benign look-alikes the panel may flag (issue 3: at most 5 %). */
  lookalikeFalsePositiveRate: 0.05,
} as const;

export const RECORDED_CRITICS: Readonly<Record<string, RecordedFigures>> = {
  autonomy: { precision: 0.857, recall: 0.947 },
  deep_bias_check: { precision: 0.952, recall: 0.909 },
  fairness_eval: { precision: 0.955, recall: 0.84 },
  input_validation: { precision: 1, recall: 1 },
  operations: { precision: 0.762, recall: 1 },
  pii_detector: { precision: 1, recall: 0.941 },
  prompt_injection_check: { precision: 0.945, recall: 0.867 },
  quick_safety: { precision: 0.922, recall: 0.868 },
  rights: { precision: 0.935, recall: 0.935 },
  risk: { precision: 1, recall: 0.816 },
  secrets_scan: { precision: 1, recall: 1 },
  style_checker: { precision: 1, recall: 1 },
  truth: { precision: 0.952, recall: 0.833 },
};
