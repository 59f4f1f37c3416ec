import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { isPlainObject, validateOutput } from './validate.js';

const REQUIRED = ['value', 'score'] as const;

describe('validateOutput', () => {
  it('returns no errors for a valid output', () => {
    expect(validateOutput({ value: 'ok', score: 0.5 }, { requiredFields: REQUIRED })).toEqual([]);
  });

  it('names each missing required field, absent or undefined', () => {
    expect(validateOutput({ value: undefined }, { requiredFields: REQUIRED })).toEqual([
      'missing_required_field: value',
      'missing_required_field: score',
    ]);
  });

  it('accepts null and falsy values as present', () => {
    expect(validateOutput({ value: null, score: 0 }, { requiredFields: REQUIRED })).toEqual([]);
  });

  it('does not count inherited properties as present', () => {
    expect(validateOutput({}, { requiredFields: ['constructor', 'toString'] })).toEqual([
      'missing_required_field: constructor',
      'missing_required_field: toString',
    ]);
  });

  it('reports one schema_violation per zod issue, naming the nested path', () => {
    const schema = z.object({
      score: z.number(),
      details: z.object({ level: z.enum(['low', 'high']) }),
    });
    const errors = validateOutput(
      { value: 1, score: 'high', details: { level: 'medium' } },
      { requiredFields: REQUIRED, schema },
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^schema_violation: score: .+/);
    expect(errors[1]).toMatch(/^schema_violation: details\.level: .+/);
  });

  it('names the root when a schema issue has no path', () => {
    const schema = z.object({}).refine(() => false, { message: 'never valid' });
    expect(validateOutput({}, { requiredFields: [], schema })).toEqual([
      'schema_violation: (root): never valid',
    ]);
  });

  it('joins array indices into the dotted path', () => {
    const schema = z.object({ violations: z.array(z.string()) });
    expect(validateOutput({ violations: ['a', 2] }, { requiredFields: [], schema })).toEqual([
      expect.stringMatching(/^schema_violation: violations\.1: /),
    ]);
  });

  it('reports schema_error instead of throwing when the schema cannot parse synchronously', () => {
    const schema = z.object({}).refine(async () => Promise.resolve(true));
    const errors = validateOutput({}, { requiredFields: [], schema });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^schema_error: /);
  });

  it('reports custom_validation_failed when the validator returns false', () => {
    expect(
      validateOutput({ value: 1, score: 1 }, { requiredFields: REQUIRED, validate: () => false }),
    ).toEqual(['custom_validation_failed']);
  });

  it('reports each message the validator returns', () => {
    expect(
      validateOutput({}, { requiredFields: [], validate: () => ['score too high', 'no value'] }),
    ).toEqual(['custom_validation_failed: score too high', 'custom_validation_failed: no value']);
  });

  it('passes when the validator returns true or an empty array', () => {
    expect(validateOutput({}, { requiredFields: [], validate: () => true })).toEqual([]);
    expect(validateOutput({}, { requiredFields: [], validate: () => [] })).toEqual([]);
  });

  it('reports custom_validation_error when the validator throws', () => {
    const validate = (): boolean => {
      throw new Error('boom');
    };
    expect(validateOutput({}, { requiredFields: [], validate })).toEqual([
      'custom_validation_error: boom',
    ]);
  });

  it('reports required-field, schema and custom errors together, in that order', () => {
    const errors = validateOutput(
      { value: 'x' },
      { requiredFields: REQUIRED, schema: z.object({ value: z.number() }), validate: () => false },
    );
    expect(errors).toEqual([
      'missing_required_field: score',
      expect.stringMatching(/^schema_violation: value: /),
      'custom_validation_failed',
    ]);
  });
});

describe('isPlainObject', () => {
  it('accepts object literals and null-prototype objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
  });

  it('rejects null, primitives, arrays and functions', () => {
    for (const value of [null, undefined, 0, 'x', true, [], [1], () => ({})]) {
      expect(isPlainObject(value)).toBe(false);
    }
  });

  it('rejects class instances, Maps, Dates and Promises', () => {
    class Output {
      value = 1;
    }
    for (const value of [new Output(), new Map(), new Date(), Promise.resolve({})]) {
      expect(isPlainObject(value)).toBe(false);
    }
  });
});
