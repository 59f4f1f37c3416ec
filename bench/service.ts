/**
 * The HTTP service under load (autocannon, loopback, concurrency 32), each server in its own
 * process: the orchestration overhead on a panel of I/O-bound critics (service latency minus
 * the panel's critical path — the measure NeMo Guardrails publishes), the deterministic panel's
 * throughput and latency, and the HTTP floor (fastify answering a fixed body) as a baseline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledLibrary } from './compiled.js';
import { fmt, log, runIfMain, table, type Bench, type Verdict } from './lib.js';
import { IO_CRITICS, IO_CRITIC_MS } from './service-panel.js';

const CONNECTIONS = 32;
const TARGET_P50_MS = 1;
const TARGET_P99_MS = 5;
/** NeMo Guardrails' published orchestration overhead at concurrency 32. */
const NEMO = { p50: 12.3, p99: 27 };

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const here = path.dirname(fileURLToPath(import.meta.url));

export async function startChild(
  mode: string,
  extra: readonly string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      // The soak reads the server's heap after a forced collection (service-child.ts).
      ...(mode === 'soak' ? ['--expose-gc'] : []),
      '--import',
      'tsx',
      path.join(here, 'service-child.ts'),
      mode,
      ...extra,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /port=(\d+)/.exec(text);
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    });
    child.on('exit', (code) => {
      reject(new Error(`service child (${mode}) exited with ${String(code)}`));
    });
  });
  return { child, port };
}

const BODY = JSON.stringify({
  input: 'Can you summarise the planning meeting for me?',
  output:
    'The team agreed to ship the onboarding flow on Friday after the security review. Marketing prepares the announcement; support updates the help centre. Risks: the vendor API is slow on Mondays.',
  context: { riskTier: 'medium' },
});

async function load(
  port: number,
  seconds: number,
  connections = CONNECTIONS,
): Promise<AutocannonResult> {
  return autocannon({
    url: `http://127.0.0.1:${String(port)}/v1/evaluate`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections,
    duration: seconds,
  });
}

async function measure(
  mode: string,
  quick: boolean,
  connections = CONNECTIONS,
): Promise<AutocannonResult> {
  const { child, port } = await startChild(mode);
  try {
    await load(port, quick ? 1 : 3, connections); // warm-up: JIT, pools
    const result = await load(port, quick ? 3 : 15, connections);
    log(
      `${mode} (${String(connections)} connections): ${fmt(result.requests.average)} req/s, p50 ${fmt(result.latency.p50, 2)} ms, p99 ${fmt(result.latency.p99, 2)} ms, non-2xx ${String(result.non2xx)}`,
    );
    return result;
  } finally {
    child.kill('SIGTERM');
  }
}

export const run: Bench = async ({ quick }) => {
  await compiledLibrary(false); // the children load this build
  const floor = await measure('floor', quick);
  const ioFloor = await measure('io-floor', quick);
  const io = await measure('io', quick);
  // One connection: what Eleanor adds to a single request with nothing queued beside it.
  const ioFloorAlone = await measure('io-floor', quick, 1);
  const ioAlone = await measure('io', quick, 1);
  const deterministic = await measure('deterministic', quick);
  // Eleanor's part: the I/O panel's latency less the same HTTP and waits without Eleanor.
  const overhead = {
    p50: io.latency.p50 - ioFloor.latency.p50,
    p99: io.latency.p99 - ioFloor.latency.p99,
  };
  const row = (name: string, r: AutocannonResult, extra: string): string[] => [
    name,
    fmt(r.requests.average),
    `${fmt(r.latency.p50, 2)} ms`,
    `${fmt(r.latency.p99, 2)} ms`,
    String(r.non2xx + r.errors + r.timeouts),
    extra,
  ];
  const verdicts: Verdict[] = [
    {
      figure: `Orchestration overhead at concurrency ${String(CONNECTIONS)}, p50 (I/O panel − I/O floor)`,
      measured: `${fmt(overhead.p50, 2)} ms`,
      target: `≤ ${String(TARGET_P50_MS)} ms (NeMo Guardrails: ${String(NEMO.p50)} ms)`,
      pass: overhead.p50 <= TARGET_P50_MS,
    },
    {
      figure: `Orchestration overhead at concurrency ${String(CONNECTIONS)}, p99`,
      measured: `${fmt(overhead.p99, 2)} ms`,
      target: `≤ ${String(TARGET_P99_MS)} ms (NeMo Guardrails: ${String(NEMO.p99)} ms)`,
      pass: overhead.p99 <= TARGET_P99_MS,
    },
    {
      figure: 'Orchestration overhead, one connection, mean (I/O panel − I/O floor)',
      measured: `${fmt(ioAlone.latency.average - ioFloorAlone.latency.average, 2)} ms`,
      target: 'informational',
      pass: undefined,
    },
    {
      figure: `Deterministic panel over HTTP at concurrency ${String(CONNECTIONS)}`,
      measured: `${fmt(deterministic.requests.average)} req/s, p50 ${fmt(deterministic.latency.p50, 2)} ms, p99 ${fmt(deterministic.latency.p99, 2)} ms`,
      target: 'informational',
      pass: undefined,
    },
  ];
  const body = [
    `autocannon on loopback, ${String(CONNECTIONS)} connections, ${quick ? '3' : '15'} s after a warm-up, against`,
    'a service in its own process (the tsc build). The I/O panel has',
    `${String(IO_CRITICS)} critics that each wait ${String(IO_CRITIC_MS)} ms like an external check, so the panel's critical path is`,
    `${String(IO_CRITIC_MS)} ms and everything above it is Eleanor: HTTP parsing, admission, scheduling, the decision, the`,
    'audit hash, events and metrics. The overhead is the I/O panel’s latency less the I/O floor’s:',
    'fastify doing the same waits with no Eleanor (so HTTP and timer lateness are not counted as',
    'Eleanor). autocannon reports percentiles in whole milliseconds; the one-connection rows give',
    'the mean as well. With 32 connections the requests stay in step (their waits end in the same',
    'tick), so each evaluation’s own CPU work queues behind the others’: the overhead there is',
    'per-evaluation CPU times the crowd, where one connection shows the cost of a single request.',
    '',
    table(
      ['Server', 'Requests/s', 'p50', 'p99', 'Errors', 'Note'],
      [
        row('HTTP floor (fastify, fixed body)', floor, 'baseline'),
        row(
          `I/O floor (fastify, the same ${String(IO_CRITICS)} × ${String(IO_CRITIC_MS)} ms waits, no Eleanor)`,
          ioFloor,
          'baseline for the overhead',
        ),
        row(
          `I/O panel (${String(IO_CRITICS)} × ${String(IO_CRITIC_MS)} ms)`,
          io,
          `overhead p50 ${fmt(overhead.p50, 2)} ms, p99 ${fmt(overhead.p99, 2)} ms`,
        ),
        row(
          'I/O floor, one connection',
          ioFloorAlone,
          `mean ${fmt(ioFloorAlone.latency.average, 2)} ms`,
        ),
        row(
          'I/O panel, one connection',
          ioAlone,
          `mean ${fmt(ioAlone.latency.average, 2)} ms: overhead ${fmt(ioAlone.latency.average - ioFloorAlone.latency.average, 2)} ms`,
        ),
        row(
          'Deterministic panel (13 critics)',
          deterministic,
          'CPU-bound: latency is queueing behind the panel',
        ),
      ],
    ),
  ].join('\n');
  return { id: 'service', title: 'HTTP service under load', body, verdicts };
};

await runIfMain(import.meta.url, run);
