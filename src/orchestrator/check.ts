/**
 * Up-front checks for option values: each failure is an {@link InvalidOptionError} naming the
 * critic (when there is one), the field, what was expected and what was given.
 */
import { InvalidOptionError } from './errors.js';

export function checkInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
  critic?: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}…${max}`;
    throw new InvalidOptionError(field, `an integer ${range}`, value, critic);
  }
  return value;
}

/** A finite number in [min, max]; `exclusiveMin` makes the lower bound strict. */
export function checkNumber(
  value: unknown,
  field: string,
  min: number,
  max: number,
  critic?: string,
  exclusiveMin = false,
): number {
  const low = exclusiveMin ? (value as number) <= min : (value as number) < min;
  if (typeof value !== 'number' || !Number.isFinite(value) || low || value > max) {
    const lower = exclusiveMin ? `> ${min}` : `>= ${min}`;
    const expected =
      max === Number.MAX_VALUE ? `a finite number ${lower}` : `a number ${lower} and <= ${max}`;
    throw new InvalidOptionError(field, expected, value, critic);
  }
  return value;
}

export function checkBoolean(value: unknown, field: string, critic?: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidOptionError(field, 'a boolean', value, critic);
  return value;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the function type it checked for
export function checkFunction<T>(value: unknown, field: string, critic?: string): T {
  if (typeof value !== 'function') throw new InvalidOptionError(field, 'a function', value, critic);
  return value as T;
}

export function checkStringArray(value: unknown, field: string, critic?: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new InvalidOptionError(field, 'an array of strings', value, critic);
  }
  return [...(value as string[])];
}

export function checkObject(
  value: unknown,
  field: string,
  critic?: string,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError(field, 'an object', value, critic);
  }
  return value as Record<string, unknown>;
}

/** Rejects keys that are not in `known` (catches typos like `maxRetry`). */
export function checkKnownKeys(
  value: Record<string, unknown>,
  known: ReadonlySet<string>,
  field: string,
  critic?: string,
): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) {
      throw new InvalidOptionError(
        `${field}${field === '' ? '' : '.'}${key}`,
        `absent: it is not a known field (known: ${[...known].join(', ')})`,
        value[key],
        critic,
      );
    }
  }
}
