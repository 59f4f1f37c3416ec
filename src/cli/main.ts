/**
 * The `eleanor` command line (commander). `runCli(argv, io)` runs one command in-process and
 * answers its exit code: 0 done, 1 a runtime failure, 2 bad usage or input, 3 a `--fail-on`
 * decision. Errors go to stderr as one line naming the cause; nothing is thrown past here.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EleanorError } from '../orchestrator/errors.js';
import { batchCommand } from './commands/batch.js';
import { configCommand } from './commands/config.js';
import { criticsCommand } from './commands/critics.js';
import { evaluateCommand } from './commands/evaluate.js';
import { reportCommand, type ReportOptions } from './commands/report.js';
import { serveCommand } from './commands/serve.js';
import { parseDecision } from './decision-threshold.js';
import { ExitCode, UsageError, type CliIO } from './io.js';

function integer(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

function number(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError('expected a number');
  return n;
}

function decisionOption(value: string) {
  try {
    return parseDecision(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^--fail-on: /, ''));
  }
}

/** Builds the program; `exit` receives each command's exit code. */
function program(io: CliIO, exit: (code: ExitCode) => void): Command {
  const cli = new Command('eleanor')
    .description(
      'Put model responses in front of a panel of critics and get one governed decision.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run eleanor --help for usage)');
  const failOn = new Option(
    '--fail-on <decision>',
    'exit 3 when a decision is at least this severe (allow < constrained_allow < escalate < deny)',
  ).argParser(decisionOption);

  cli
    .command('serve')
    .description('run the HTTP service (POST /v1/evaluate, /metrics, dashboard at /) until SIGTERM')
    .option('--host <host>', 'address to listen on (ELEANOR_HOST; default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (ELEANOR_PORT; default 8787)')
    .action(async (options: { host?: string; port?: string }) => {
      exit(await serveCommand(options, io));
    });

  cli
    .command('evaluate')
    .description('evaluate one model response and print the decision')
    .requiredOption('-i, --input <text>', "the user's input to the model")
    .requiredOption('-o, --output <text>', "the model's response to review")
    .option('-c, --context <json>', 'request context as a JSON object, e.g. {"riskTier":"high"}')
    .option('--risk-tier <tier>', 'shorthand for context.riskTier: low, medium or high')
    .option('--trace-id <id>', 'correlation id (generated when absent)')
    .option('--json', 'print the engine result as JSON')
    .addOption(failOn)
    .action(async (options: Parameters<typeof evaluateCommand>[0]) => {
      exit(await evaluateCommand(options, io));
    });

  cli
    .command('batch')
    .description('evaluate a JSON-lines file of requests, N at a time')
    .argument('<requests.jsonl>', 'one {"input","output","context"?,"traceId"?} object per line')
    .requiredOption('--out <results.jsonl>', 'where to write one result line per request line')
    .option('--concurrency <n>', 'evaluations in flight', integer, 8)
    .addOption(failOn)
    .action(async (file: string, options: Omit<Parameters<typeof batchCommand>[0], 'file'>) => {
      exit(await batchCommand({ ...options, file }, io));
    });

  cli
    .command('report')
    .description(
      'decisions, gating and retry rates, latency and the cost scenario, from the evidence store',
    )
    .option('--since <time>', 'only evaluations since this ISO-8601 time')
    .option('--volume <requests>', 'requests per day for the cost scenario', number, 1_000_000)
    .option('--price <dollars>', 'price of one critic execution', number, 0.01)
    .option('--json', 'print as JSON')
    .action(async (options: ReportOptions) => {
      exit(await reportCommand(options, io));
    });

  cli
    .command('critics')
    .description('list the panel: stage, priority, policy, timeout, retries and why')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      exit(await criticsCommand(options, io));
    });

  cli
    .command('config')
    .description('print the effective configuration and where each value came from')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      exit(await configCommand(options, io));
    });
  return cli;
}

/** Runs the command line; never throws. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  let code: ExitCode = ExitCode.OK;
  try {
    await program(io, (c) => {
      code = c;
    }).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander has already printed the message.
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`eleanor: ${error.message}\n`);
      return ExitCode.USAGE;
    }
    if (error instanceof EleanorError && error.status === 400) {
      io.stderr.write(`eleanor: ${error.message}\n`);
      return ExitCode.USAGE;
    }
    io.stderr.write(`eleanor: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.FAILURE;
  }
}
