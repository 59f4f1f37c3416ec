/**
 * The service soaked for 10 minutes (`--quick`: 30 s) under steady load on loopback: the
 * deterministic panel at concurrency 16, in windows of a minute (5 s quick) for throughput and
 * p50/p99 latency, with the server's resident memory sampled every few seconds and its live heap
 * (after a forced full collection) every 15 s. Flat is judged on the trend, not on two samples
 * (RSS moves by tens of MB with each major GC): a least-squares line through every sample after
 * the first (warm-up) window, and its rise over the soak, must stay under 10 % for the live
 * heap and for RSS, and under 1.5× for the windows' p99.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { compiledLibrary } from './compiled.js';
import { fmt, linearFit, log, runIfMain, table, type Bench, type Verdict } from './lib.js';
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
  const { child, port } = await startChild('soak', [String(quick ? 1000 : 15_000)]);
  const samples: Window[] = [];
  /** [seconds since the soak began, RSS in MB], sampled through every window. */
  const rss: [number, number][] = [];
  const began = Date.now();
  const sampleRss = (): void => {
    rss.push([(Date.now() - began) / 1000, rssMb(child.pid ?? 0)]);
  };
  const sampler = setInterval(sampleRss, quick ? 1000 : 5000);
  /** [seconds since the soak began, live heap in MB after a forced full collection]. */
  const heap: [number, number][] = [];
  let pendingText = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pendingText + chunk.toString('utf8')).split('\n');
    pendingText = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^heap=(\d+)$/.exec(line);
      if (match) heap.push([(Date.now() - began) / 1000, Number(match[1]) / 1024 / 1024]);
    }
  });
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
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(path.join(tmpdir(), `eleanor-soak-${String(child.pid)}`), {
      recursive: true,
      force: true,
    });
  }
  const seconds = windows * windowSeconds;
  const label = quick ? '30 s' : '10 min';
  // The trend after the warm-up window: fitted value at its end vs at its start.
  const trend = (points: readonly [number, number][]) => {
    const settled = points.filter(([t]) => t >= windowSeconds);
    const fit = linearFit(
      settled.map(([t]) => t),
      settled.map(([, mb]) => mb),
    );
    const start = fit.intercept + fit.slope * windowSeconds;
    const end = fit.intercept + fit.slope * seconds;
    return { settled: settled.map(([, mb]) => mb), start, end, growth: end / start - 1 };
  };
  const memory = trend(rss);
  const live = trend(heap);
  const later = samples.slice(1);
  const latency = linearFit(
    later.map((_, i) => i + 1),
    later.map((w) => w.p99),
  );
  const p99Start = latency.intercept + latency.slope;
  const p99End = latency.intercept + latency.slope * (windows - 1);
  const p99Ratio = p99End / Math.max(1, p99Start);
  const verdicts: Verdict[] = [
    {
      figure: `Soak ${label}: live heap after a full GC, trend after the first window (least squares over ${String(live.settled.length)} samples)`,
      measured: `${fmt(live.start, 1)} → ${fmt(live.end, 1)} MB fitted (${fmt(live.growth * 100, 1)} %)`,
      target: '< 10 % growth',
      pass: live.settled.length >= 2 && live.growth < 0.1,
    },
    {
      figure: `Soak ${label}: resident memory trend after the first window (least squares over ${String(memory.settled.length)} samples)`,
      measured: `${fmt(memory.start, 1)} → ${fmt(memory.end, 1)} MB fitted (${fmt(memory.growth * 100, 1)} %; samples ${fmt(Math.min(...memory.settled), 1)}–${fmt(Math.max(...memory.settled), 1)} MB)`,
      target: '< 10 % growth',
      pass: memory.growth < 0.1,
    },
    {
      figure: `Soak ${label}: p99 latency trend over windows 2–${String(windows)} (least squares)`,
      measured: `${fmt(p99Start, 1)} → ${fmt(p99End, 1)} ms fitted (${fmt(p99Ratio, 2)}×)`,
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
    'own process. RSS includes SQLite’s page cache; it is sampled every',
    `${quick ? '1' : '5'} s for the trend; the table shows it at the end of each window.`,
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
