/**
 * The service soaked for 10 minutes (`--quick`: 30 s) under steady load on loopback: the
 * deterministic panel at concurrency 16, sampled each minute (each 5 s quick) for throughput,
 * p50/p99 latency and the server's resident memory. Flat means memory after warm-up grows by
 * less than 10 % and the last window's p99 is within 1.5× of the first's.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { compiledLibrary } from './compiled.js';
import { fmt, log, runIfMain, table, type Bench, type Verdict } from './lib.js';
import { startChild } from './service.js';

interface Window {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  rssMb: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<{
  latency: { p50: number; p99: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function rssMb(pid: number): number {
  const kb = Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim(),
  );
  return kb / 1024;
}

export const run: Bench = async ({ quick }) => {
  await compiledLibrary(false);
  const windows = quick ? 6 : 10;
  const windowSeconds = quick ? 5 : 60;
  const { child, port } = await startChild('soak');
  const samples: Window[] = [];
  let sequence = 0;
  try {
    for (let w = 0; w < windows; w++) {
      const result = await autocannon({
        url: `http://127.0.0.1:${String(port)}/v1/evaluate`,
        method: 'POST',
        connections: 16,
        duration: windowSeconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            // A different response every request, so nothing is served from a warm cache.
            setupRequest: (request: Record<string, unknown>) => ({
              ...request,
              body: JSON.stringify({
                input: 'Summarise the incident report.',
                output: `Incident ${String(++sequence)}: the payment service returned errors for twelve minutes after a configuration change; the on-call engineer rolled it back and added a check to the deploy pipeline.`,
                context: { riskTier: sequence % 4 === 0 ? 'high' : 'medium' },
              }),
            }),
          },
        ],
      });
      const sample: Window = {
        requests: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.non2xx + result.errors,
        rssMb: rssMb(child.pid ?? 0),
      };
      samples.push(sample);
      log(
        `window ${String(w + 1)}/${String(windows)}: ${fmt(sample.requests)} req/s, p99 ${fmt(sample.p99, 1)} ms, RSS ${fmt(sample.rssMb, 1)} MB`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(path.join(tmpdir(), `eleanor-soak-${String(child.pid)}`), {
      recursive: true,
      force: true,
    });
  }
  const first = samples[1] ?? samples[0];
  const last = samples.at(-1);
  if (first === undefined || last === undefined) throw new Error('no soak windows');
  const growth = last.rssMb / first.rssMb - 1;
  const p99Ratio = last.p99 / Math.max(1, samples[0]?.p99 ?? 1);
  const verdicts: Verdict[] = [
    {
      figure: `Soak ${quick ? '30 s' : '10 min'}: resident memory, last window vs the second`,
      measured: `${fmt(first.rssMb, 1)} → ${fmt(last.rssMb, 1)} MB (${fmt(growth * 100, 1)} %)`,
      target: '< 10 % growth',
      pass: growth < 0.1,
    },
    {
      figure: `Soak ${quick ? '30 s' : '10 min'}: p99 latency, last window vs the first`,
      measured: `${fmt(samples[0]?.p99 ?? 0, 1)} → ${fmt(last.p99, 1)} ms (${fmt(p99Ratio, 2)}×)`,
      target: '≤ 1.5×',
      pass: p99Ratio <= 1.5,
    },
    {
      figure: 'Soak: errors and non-2xx answers',
      measured: String(samples.reduce((s, w) => s + w.errors, 0)),
      target: '0',
      pass: samples.every((w) => w.errors === 0),
    },
  ];
  const body = [
    `The deterministic panel behind the HTTP service with its SQLite evidence store, 16 connections,`,
    `a different response every request (no cache hits), ${String(windows)} windows of ${String(windowSeconds)} s; the server in its`,
    'own process. RSS includes SQLite’s page cache.',
    '',
    table(
      ['Window', 'Requests/s', 'p50', 'p99', 'Errors', 'RSS'],
      samples.map((w, i) => [
        String(i + 1),
        fmt(w.requests),
        `${fmt(w.p50, 1)} ms`,
        `${fmt(w.p99, 1)} ms`,
        String(w.errors),
        `${fmt(w.rssMb, 1)} MB`,
      ]),
    ),
  ].join('\n');
  return { id: 'soak', title: 'Soak', body, verdicts };
};

await runIfMain(import.meta.url, run);
