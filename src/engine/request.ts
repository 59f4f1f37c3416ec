/**
 * Checks an evaluate request at the boundary: a zod schema names the field that is wrong and
 * what was expected; the engine's core receives typed values only.
 */
import { z } from 'zod';
import { InvalidRequestError } from '../orchestrator/errors.js';
import type { EvaluateRequest } from './types.js';

function requestSchema(maxTextChars: number) {
  const text = (field: string) =>
    z.string({ error: `expected \`${field}\` to be a string` }).max(maxTextChars, {
      error: `expected \`${field}\` to be at most ${maxTextChars} characters`,
    });
  return z
    .object({
      input: text('input'),
      output: text('output'),
      context: z
        .record(z.string(), z.unknown(), { error: 'expected `context` to be an object' })
        .refine(
          (c) =>
            c['riskTier'] === undefined ||
            ['low', 'medium', 'high'].includes(c['riskTier'] as string),
          {
            error: "expected `context.riskTier` to be 'low', 'medium' or 'high'",
            path: ['riskTier'],
          },
        )
        .optional(),
      traceId: z.string().min(1).max(200).optional(),
    })
    .strict();
}

export type RequestChecker = (request: unknown) => EvaluateRequest;

/** A checker bound to the configured text limit. Throws {@link InvalidRequestError}. */
export function requestChecker(maxTextChars: number): RequestChecker {
  const schema = requestSchema(maxTextChars);
  return (request) => {
    const parsed = schema.safeParse(request);
    if (parsed.success) return parsed.data as EvaluateRequest;
    const issue = parsed.error.issues[0];
    const path = issue === undefined || issue.path.length === 0 ? 'request' : issue.path.join('.');
    const value = issue === undefined ? request : valueAt(request, issue.path);
    const expected =
      issue?.code === 'unrecognized_keys'
        ? `free of unknown fields (${issue.keys.join(', ')}); expected only input, output, context, traceId`
        : (issue?.message ?? 'valid').replace(/^expected `[^`]*` to be /, '');
    throw new InvalidRequestError(path, expected, value);
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
