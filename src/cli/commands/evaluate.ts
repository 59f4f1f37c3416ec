/**
 * `eleanor evaluate --input … --output … [--context JSON] [--json]`: one evaluation, printed for
 * a person (decision, reasons, escalation, per-critic table) or as the engine's JSON result.
 */
import type { Decision } from '../../decision/types.js';
import type { EvaluateRequest } from '../../engine/types.js';
import { atLeast } from '../decision-threshold.js';
import { formatEvaluation } from '../format.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { openRuntime } from '../runtime.js';

export interface EvaluateOptions {
  input: string;
  output: string;
  context?: string;
  riskTier?: string;
  traceId?: string;
  json?: boolean;
  failOn?: Decision;
}

/** Parses `--context` as a JSON object; a usage error names what was wrong. */
export function parseContext(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(
      `--context: expected a JSON object, got invalid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      `--context: expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

export async function evaluateCommand(options: EvaluateOptions, io: CliIO): Promise<ExitCode> {
  const context = parseContext(options.context);
  // The engine checks the request (riskTier's values included) and names a bad field.
  const request: { input: string; output: string; context?: unknown; traceId?: string } = {
    input: options.input,
    output: options.output,
  };
  if (context !== undefined || options.riskTier !== undefined) {
    request.context = {
      ...context,
      ...(options.riskTier === undefined ? {} : { riskTier: options.riskTier }),
    };
  }
  if (options.traceId !== undefined) request.traceId = options.traceId;
  const runtime = await openRuntime(io);
  try {
    const result = await runtime.engine.evaluate(request as EvaluateRequest);
    io.stdout.write(
      options.json === true ? `${JSON.stringify(result)}\n` : `${formatEvaluation(result)}\n`,
    );
    return options.failOn !== undefined && atLeast(result.decision, options.failOn)
      ? ExitCode.DECISION
      : ExitCode.OK;
  } finally {
    await runtime.close();
  }
}
