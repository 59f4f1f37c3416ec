/**
 * Output validation for critic results: required fields, an optional zod schema and an optional
 * custom predicate. Returns messages instead of throwing.
 */
import type { ZodType } from 'zod';
import { errorMessage } from './errors.js';
import type { OutputValidator } from './types.js';

/** What an output must satisfy. */
export interface ValidationRules {
  /** Fields that must be present and not `undefined`. */
  requiredFields: readonly string[];
  /** A zod schema the whole output must satisfy (checked with `safeParse`). */
  schema?: ZodType | undefined;
  /** A custom check: `true` or `[]` passes; `false` or messages fail. */
  validate?: OutputValidator | undefined;
}

/**
 * Whether `value` is a plain object: not null, not an array, and its prototype is
 * `Object.prototype` or `null`. Class instances, Maps, Dates and Promises are not plain.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Validation errors for a plain-object output; an empty array means valid. Never throws.
 *
 * Messages:
 * - `missing_required_field: <field>` for each required field that is absent or `undefined`;
 * - `schema_violation: <dotted.path or (root)>: <issue message>` for each zod issue;
 * - `schema_error: <message>` if the schema itself throws (e.g. an async refinement);
 * - `custom_validation_failed` when the validator returns `false`;
 * - `custom_validation_failed: <msg>` for each message the validator returns;
 * - `custom_validation_error: <message>` when the validator throws.
 */
export function validateOutput(output: Record<string, unknown>, rules: ValidationRules): string[] {
  let errors: string[] | undefined;
  const required = rules.requiredFields;
  for (let i = 0; i < required.length; i++) {
    const field = required[i];
    if (field === undefined) continue;
    if (output[field] === undefined || !Object.hasOwn(output, field)) {
      (errors ??= []).push(`missing_required_field: ${field}`);
    }
  }
  if (rules.schema !== undefined) errors = checkSchema(output, rules.schema, errors);
  if (rules.validate !== undefined) errors = checkCustom(output, rules.validate, errors);
  return errors ?? [];
}

function checkSchema(
  output: Record<string, unknown>,
  schema: ZodType,
  errors: string[] | undefined,
): string[] | undefined {
  let result: ReturnType<ZodType['safeParse']>;
  try {
    result = schema.safeParse(output);
  } catch (error) {
    (errors ??= []).push(`schema_error: ${errorMessage(error)}`);
    return errors;
  }
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.');
    (errors ??= []).push(`schema_violation: ${path}: ${issue.message}`);
  }
  return errors;
}

function checkCustom(
  output: Record<string, unknown>,
  validate: OutputValidator,
  errors: string[] | undefined,
): string[] | undefined {
  let verdict: unknown;
  try {
    verdict = validate(output);
  } catch (error) {
    (errors ??= []).push(`custom_validation_error: ${errorMessage(error)}`);
    return errors;
  }
  if (verdict === true) return errors;
  if (Array.isArray(verdict)) {
    for (const message of verdict) {
      (errors ??= []).push(`custom_validation_failed: ${String(message)}`);
    }
    return errors;
  }
  // `false`, or anything a loosely typed validator returned that is not a pass.
  (errors ??= []).push('custom_validation_failed');
  return errors;
}
