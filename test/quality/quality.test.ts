import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { measureQuality, type QualityReport } from '../../src/quality/measure.js';
import { loadCorpus } from '../corpus/corpus.js';
import { RECORDED_CRITICS, RECORDED_DECISION } from './recorded.js';

/** Rounding slack: records are kept to three decimals. */
const SLACK = 0.0005;

describe('panel quality on the labelled corpus', () => {
  let engine: Engine;
  let report: QualityReport;

  beforeAll(async () => {
    // The deterministic panel only: an empty environment configures no network critic.
    engine = createEngine({ env: {} });
    report = await measureQuality(loadCorpus(), (request) => engine.evaluate(request), {
      concurrency: 8,
    });
  }, 60_000);

  afterAll(async () => {
    await engine.close();
  });

  it('evaluates every corpus entry without an error', () => {
    expect(report.errors).toEqual([]);
  });

  it('keeps decision precision and recall at or above their records', () => {
    expect(report.decision.precision ?? 0).toBeGreaterThanOrEqual(
      RECORDED_DECISION.precision - SLACK,
    );
    expect(report.decision.recall ?? 0).toBeGreaterThanOrEqual(RECORDED_DECISION.recall - SLACK);
  });

  it('flags at most 5 % of benign look-alikes', () => {
    expect(report.lookalikes.falsePositiveRate ?? 1).toBeLessThanOrEqual(
      RECORDED_DECISION.lookalikeFalsePositiveRate,
    );
  });

  it.each(Object.entries(RECORDED_CRITICS))(
    'keeps %s at or above its recorded precision and recall',
    (critic, recorded) => {
      const measured = report.critics[critic];
      expect(measured, `no figures for ${critic}`).toBeDefined();
      expect(measured?.precision ?? 0).toBeGreaterThanOrEqual(recorded.precision - SLACK);
      expect(measured?.recall ?? 0).toBeGreaterThanOrEqual(recorded.recall - SLACK);
    },
  );
});
