/**
 * Checks an evaluate request at the boundary: a zod schema names the field that is wrong and
 * what was expected; the engine's core receives typed values only.
 */
import { z } from 'zod';
import { InvalidRequestError } from '../orchestrator/errors.js';
import type { EvaluateRequest } from './types.js';

/**
 * How deep `context` may nest. Everything downstream (hashing, storing) walks it; a bound keeps
 * a hostile body from exhausting the stack.
 */
export const MAX_CONTEXT_DEPTH = 32;

/** Nesting depth of a JSON value (a scalar is 0), counted without recursion. */
function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > max) max = depth + 1;
    if (max > MAX_CONTEXT_DEPTH) return max;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}

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
        .refine((c) => depthOf(c) <= MAX_CONTEXT_DEPTH, {
          error: `expected \`context\` to be nested at most ${String(MAX_CONTEXT_DEPTH)} levels deep`,
        })
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
