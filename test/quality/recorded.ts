/**
 * The panel's recorded quality on the labelled corpus (from `npx tsx scripts/quality-report.ts`,
 * 2026-11-25). The regression test fails when a figure drops below its record; when a change
 * improves a figure, raise the record in the same commit.
 */
export interface RecordedFigures {
  precision: number;
  recall: number;
}

export const RECORDED_DECISION = {
  precision: 0.94,
  recall: 0.852,
  /** Share of benign look-alikes the panel may flag (issue 3: at most 5 %). */
  lookalikeFalsePositiveRate: 0.05,
} as const;

export const RECORDED_CRITICS: Readonly<Record<string, RecordedFigures>> = {
  autonomy: { precision: 0.769, recall: 0.714 },
  deep_bias_check: { precision: 0.933, recall: 0.875 },
  fairness_eval: { precision: 0.938, recall: 0.833 },
  input_validation: { precision: 1, recall: 1 },
  operations: { precision: 0.722, recall: 1 },
  pii_detector: { precision: 1, recall: 0.938 },
  prompt_injection_check: { precision: 0.945, recall: 0.867 },
  quick_safety: { precision: 0.952, recall: 0.868 },
  rights: { precision: 0.895, recall: 0.81 },
  risk: { precision: 1, recall: 0.629 },
  secrets_scan: { precision: 1, recall: 1 },
  style_checker: { precision: 1, recall: 1 },
  truth: { precision: 0.857, recall: 0.667 },
};
