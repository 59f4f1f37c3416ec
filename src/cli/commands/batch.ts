/**
 * `eleanor batch requests.jsonl --out results.jsonl [--concurrency N]`: evaluates a JSON-lines
 * file, N at a time, writing one result line per request line in input order. A malformed line
 * is written as an error line and counted; it never stops the batch. A progress bar with ETA
 * draws on a terminal; a summary table closes the run.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import type { Decision } from '../../decision/types.js';
import type { EvaluateRequest, EvaluationResult } from '../../engine/types.js';
import { EleanorError, OverloadedError } from '../../orchestrator/errors.js';
import { percentilesOfSorted } from '../../store/evidence/stats.js';
import { atLeast } from '../decision-threshold.js';
import { table } from '../format.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { openRuntime } from '../runtime.js';

export interface BatchOptions {
  file: string;
  out: string;
  concurrency: number;
  failOn?: Decision;
}

/** One output line: the result, or why the request line could not be evaluated. */
export type BatchLine =
  | ({ line: number } & EvaluationResult)
  | { line: number; error: { code: string; message: string } };

export interface BatchSummary {
  lines: number;
  evaluated: number;
  byDecision: Record<Decision, number>;
  invalid: number;
  failed: number;
  wallMs: number;
  latencyMs: { p50: number; p99: number };
}

/** Attempts at one request when the engine is overloaded (it answers when to retry). */
const OVERLOAD_ATTEMPTS = 5;

export async function batchCommand(options: BatchOptions, io: CliIO): Promise<ExitCode> {
  if (
    !Number.isInteger(options.concurrency) ||
    options.concurrency < 1 ||
    options.concurrency > 1024
  ) {
    throw new UsageError(
      `--concurrency: expected an integer from 1 to 1024, got ${String(options.concurrency)}`,
    );
  }
  const file = path.resolve(io.cwd, options.file);
  const out = path.resolve(io.cwd, options.out);
  if (file === out) throw new UsageError('--out: must not be the input file');
  try {
    if (!(await stat(file)).isFile()) throw new UsageError(`${options.file}: not a file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${options.file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const total = await countLines(file);
  const runtime = await openRuntime(io);
  const bar =
    io.stderr.isTTY === true
      ? new SingleBar({
          stream: io.stderr as NodeJS.WritableStream,
          format:
            'evaluating [{bar}] {value}/{total} · {percentage}% · ETA {eta_formatted} · {rate}/s',
          etaBuffer: 50,
          hideCursor: true,
        })
      : undefined;
  const summary = emptySummary();
  const latencies: number[] = [];
  const started = performance.now();
  bar?.start(total, 0, { rate: '0' });
  const writer = createWriteStream(out, { encoding: 'utf8' });
  const written = new Map<number, string>();
  let nextToWrite = 1;
  const flush = async (): Promise<void> => {
    for (let text = written.get(nextToWrite); text !== undefined; text = written.get(nextToWrite)) {
      written.delete(nextToWrite);
      nextToWrite++;
      if (!writer.write(text)) await once(writer, 'drain');
    }
  };
  const settle = async (entry: BatchLine): Promise<void> => {
    summary.lines++;
    if ('error' in entry) {
      if (entry.error.code === 'INVALID_JSON' || entry.error.code === 'INVALID_REQUEST')
        summary.invalid++;
      else summary.failed++;
    } else {
      summary.evaluated++;
      summary.byDecision[entry.decision]++;
      latencies.push(entry.summary.durationMs);
    }
    written.set(entry.line, `${JSON.stringify(entry)}\n`);
    bar?.update(summary.lines, {
      rate: ((summary.lines * 1000) / (performance.now() - started)).toFixed(1),
    });
    await flush();
  };
  try {
    const running = new Set<Promise<void>>();
    let lineNumber = 0;
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const text of lines) {
      lineNumber++;
      if (text.trim() === '') {
        // Blank lines are skipped: nothing to evaluate, nothing written.
        written.set(lineNumber, '');
        await flush();
        continue;
      }
      const task = evaluateLine(
        runtime.engine.evaluate.bind(runtime.engine),
        text,
        lineNumber,
      ).then(settle);
      running.add(task);
      void task.finally(() => running.delete(task));
      if (running.size >= options.concurrency) await Promise.race(running);
    }
    await Promise.all(running);
    await flush();
  } finally {
    bar?.stop();
    writer.end();
    await once(writer, 'close');
    await runtime.close();
  }
  summary.wallMs = performance.now() - started;
  summary.latencyMs = percentiles(latencies);
  io.stderr.write(`${formatSummary(summary, options.out)}\n`);
  const failing =
    options.failOn !== undefined &&
    Object.entries(summary.byDecision).some(
      ([decision, count]) => count > 0 && atLeast(decision as Decision, options.failOn as Decision),
    );
  if (summary.failed > 0) return ExitCode.FAILURE;
  return failing ? ExitCode.DECISION : ExitCode.OK;
}

async function evaluateLine(
  evaluate: (request: EvaluateRequest) => Promise<EvaluationResult>,
  text: string,
  line: number,
): Promise<BatchLine> {
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    return {
      line,
      error: {
        code: 'INVALID_JSON',
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return { line, ...(await evaluate(request as EvaluateRequest)) };
    } catch (error) {
      if (error instanceof OverloadedError && attempt < OVERLOAD_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
        continue;
      }
      const code = error instanceof EleanorError ? error.code : 'FAILED';
      return {
        line,
        error: { code, message: error instanceof Error ? error.message : String(error) },
      };
    }
  }
}

async function countLines(file: string): Promise<number> {
  let count = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) if (text.trim() !== '') count++;
  return count;
}

function emptySummary(): BatchSummary {
  return {
    lines: 0,
    evaluated: 0,
    byDecision: { allow: 0, constrained_allow: 0, escalate: 0, deny: 0 },
    invalid: 0,
    failed: 0,
    wallMs: 0,
    latencyMs: { p50: 0, p99: 0 },
  };
}

function percentiles(samples: number[]): { p50: number; p99: number } {
  const { p50, p99 } = percentilesOfSorted([...samples].sort((a, b) => a - b));
  return { p50, p99 };
}

export function formatSummary(summary: BatchSummary, out: string): string {
  const rate = summary.wallMs > 0 ? (summary.evaluated * 1000) / summary.wallMs : 0;
  return [
    table(
      ['Outcome', 'Count'],
      [
        ['allow', summary.byDecision.allow],
        ['constrained_allow', summary.byDecision.constrained_allow],
        ['escalate', summary.byDecision.escalate],
        ['deny', summary.byDecision.deny],
        ['invalid line', summary.invalid],
        ['failed', summary.failed],
      ],
    ),
    `${String(summary.evaluated)} evaluated in ${(summary.wallMs / 1000).toFixed(2)} s (${rate.toFixed(1)}/s) · p50 ${summary.latencyMs.p50.toFixed(2)} ms · p99 ${summary.latencyMs.p99.toFixed(2)} ms · results in ${out}`,
  ].join('\n');
}
