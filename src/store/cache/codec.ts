/**
 * How outputs are kept: as JSON text. Every hit hands out a fresh object (no caller can change
 * what the cache holds), memory and Redis hold the same bytes, and an output read back has the
 * same RFC 8785 canonical form as the output that was stored — so a hit leaves the decision's
 * audit hash unchanged.
 */
import { DEFAULT_REQUIRED_FIELDS } from '../../orchestrator/planned-critic.js';
import type { CriticOutput, CriticSpec } from '../../orchestrator/types.js';
import { isPlainObject, validateOutput } from '../../orchestrator/validate.js';

/** A cached value back as an output; `undefined` for anything but a JSON object. */
export function decode(text: string | undefined): CriticOutput | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The JSON of a valid output; `undefined` when it fails the critic's rules or is not JSON (a
 * bigint, a cycle, a throwing `toJSON`). A value read back from this JSON has the same RFC 8785
 * canonical form as the output itself, so a hit leaves the decision's audit hash unchanged.
 */
export function encode(spec: Readonly<CriticSpec>, output: CriticOutput): string | undefined {
  const errors = validateOutput(output, {
    requiredFields: spec.requiredFields ?? DEFAULT_REQUIRED_FIELDS,
    schema: spec.schema,
    validate: spec.validate,
  });
  if (errors.length > 0) return undefined;
  try {
    return JSON.stringify(output);
  } catch {
    return undefined;
  }
}
