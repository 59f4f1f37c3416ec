import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createOrchestrator } from './orchestrator.js';
import { OK, REQUEST, settle } from './test-helpers/fixtures.js';
import type { CriticInput, CriticOutput, CriticSpec, OrchestratorOptions } from './types.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

function returning(name: string, value: unknown, extra: Partial<CriticSpec> = {}): CriticSpec {
  return { name, ...extra, evaluate: () => value as CriticOutput };
}

async function runOne(critic: CriticSpec, extra: Partial<OrchestratorOptions> = {}) {
  const orchestrator = createOrchestrator({ ...extra, critics: [critic] });
  const report = await settle(orchestrator.run(REQUEST));
  const result = report.results[critic.name];
  if (result === undefined) throw new Error(`no result for ${critic.name}`);
  return { result, report, orchestrator };
}

const FAILURE_TEMPLATE = {
  value: null,
  score: 0,
  severity: 0,
  violation: false,
  violations: [],
  details: { error: expect.any(String) as unknown, critic_failed: true },
};

const SCHEMA = z.object({
  value: z.number(),
  score: z.number(),
  details: z.object({ level: z.number() }),
});

describe('orchestrator output validation', () => {
  it('reports a missing required field and keeps the status success', async () => {
    const output = { score: 0.4, justification: 'no value' };
    const { result, report } = await runOne(returning('partial', output));

    expect(result.status).toBe('success');
    expect(result.validationErrors).toContain('missing_required_field: value');
    expect(result.validationErrors).not.toContain('missing_required_field: score');
    expect(result.output).toEqual(output);
    expect(report.summary.success).toBe(1);
  });

  it('checks the fields a critic declares as required', async () => {
    const { result } = await runOne(
      returning('custom_fields', { verdict: 'ok' }, { requiredFields: ['verdict', 'evidence'] }),
    );

    expect(result.validationErrors).toEqual(['missing_required_field: evidence']);
  });

  it('reports custom_validation_failed when the custom validator returns false', async () => {
    const validate = vi.fn(() => false);
    const { result } = await runOne(returning('checked', { ...OK, score: 7 }, { validate }));

    expect(result.status).toBe('success');
    expect(result.validationErrors).toEqual(['custom_validation_failed']);
    expect(validate).toHaveBeenCalledWith({ ...OK, score: 7 });
  });

  it('names the path of a zod schema violation', async () => {
    const { result } = await runOne(
      returning(
        'schemed',
        { value: 1, score: 0.5, details: { level: 'high' } },
        { schema: SCHEMA },
      ),
    );

    expect(result.status).toBe('success');
    expect(result.validationErrors).toHaveLength(1);
    expect(result.validationErrors[0]?.startsWith('schema_violation: details.level')).toBe(true);
  });

  it('passes an output that satisfies the schema', async () => {
    const { result } = await runOne(
      returning('schemed', { value: 1, score: 0.5, details: { level: 2 } }, { schema: SCHEMA }),
    );

    expect(result.validationErrors).toEqual([]);
  });

  it('turns validation failures into status error with the failure template when failOnValidation is set', async () => {
    const { result, report, orchestrator } = await runOne(
      returning(
        'strict',
        { score: 0.5, details: { level: 'high' } },
        { schema: SCHEMA, maxRetries: 2 },
      ),
      { failOnValidation: true },
    );

    expect(result.status).toBe('error');
    expect(result.output).toEqual(FAILURE_TEMPLATE);
    expect(result.validationErrors).toContain('missing_required_field: value');
    expect(
      result.validationErrors.some((e) => e.startsWith('schema_violation: details.level')),
    ).toBe(true);
    expect(result.error).toContain('missing_required_field: value');
    expect(report.summary).toMatchObject({ success: 0, failed: 1 });
    expect(orchestrator.metrics().validationFailures).toBe(1);
  });

  it.each([
    { label: 'a string', value: 'looks fine', described: 'the string' },
    { label: 'an array', value: [OK], described: 'an array' },
    { label: 'null', value: null, described: 'null' },
    { label: 'a Promise resolving to 42', value: Promise.resolve(42), described: 'number 42' },
    { label: 'a class instance', value: new Map([['value', 1]]), described: 'an object' },
  ])(
    'treats $label as an error and lets the rest of the run go on',
    async ({ value, described }) => {
      const seen: CriticInput[] = [];
      const orchestrator = createOrchestrator({
        critics: [
          returning('odd', value, { priority: 1 }),
          returning('sibling', OK, { priority: 5 }),
          {
            name: 'dependent',
            dependsOn: ['odd'],
            evaluate: (input) => {
              seen.push(input);
              return OK;
            },
          },
        ],
      });

      const report = await settle(orchestrator.run(REQUEST));

      const odd = report.results['odd'];
      expect(odd?.status).toBe('error');
      expect(odd?.output).toEqual(FAILURE_TEMPLATE);
      expect(odd?.validationErrors).toHaveLength(1);
      expect(odd?.validationErrors[0]).toMatch(/^output_not_object: /);
      expect(odd?.validationErrors[0]).toContain(described);
      expect(report.results['sibling']?.status).toBe('success');
      expect(report.results['dependent']?.status).toBe('success');
      expect(seen).toHaveLength(1);
      expect(report.summary).toMatchObject({ total: 3, success: 2, failed: 1 });
    },
  );

  it('skips required-field, schema and custom checks when strictValidation is false', async () => {
    const validate = vi.fn(() => false);
    const { result } = await runOne(
      returning('loose', { details: { level: 'high' } }, { schema: SCHEMA, validate }),
      { strictValidation: false, failOnValidation: true },
    );

    expect(result.status).toBe('success');
    expect(result.validationErrors).toEqual([]);
    expect(validate).not.toHaveBeenCalled();
  });

  it('still rejects non-object outputs when strictValidation is false', async () => {
    const { result } = await runOne(returning('loose', 'text'), { strictValidation: false });

    expect(result.status).toBe('error');
    expect(result.validationErrors[0]).toMatch(/^output_not_object: /);
  });
});
