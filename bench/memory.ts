/**
 * Memory: one long-lived orchestrator serving 1,000,000 runs of a ten-critic no-op panel, with
 * RSS and (with --expose-gc) heapUsed after a full collection sampled every 100,000 runs. The
 * baseline is the same process before the orchestrator exists. Run alone with
 * `node --expose-gc --import tsx bench/memory.ts`.
 */
import { createOrchestrator, type CriticSpec } from '../src/index.js';
import {
  collectGarbage,
  fmt,
  log,
  mb,
  now,
  pct,
  runIfMain,
  table,
  type Bench,
  type Verdict,
} from './lib.js';

const STEP = 100_000;
const IN_FLIGHT = 100;
const GROWTH_LIMIT = 0.1;
const REQUEST = { inputText: 'input', modelResponse: 'response' };

interface Sample {
  runs: number;
  rss: number;
  heapUsed: number;
  elapsedMs: number;
}

function sample(runs: number, started: number): Sample {
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  return { runs, rss, heapUsed, elapsedMs: now() - started };
}

export const run: Bench = async ({ quick }) => {
  const total = quick ? 200_000 : 1_000_000;
  const gc = collectGarbage();
  const baseline = sample(0, now());
  const critics: CriticSpec[] = Array.from({ length: 10 }, (_, i) => ({
    name: `noop_${i}`,
    evaluate: () => ({ value: 1, score: 0 }),
  }));
  const orchestrator = createOrchestrator({ critics, maxConcurrent: 1000 });
  const pending = new Array<Promise<unknown>>(IN_FLIGHT);
  const started = now();
  const samples: Sample[] = [sample(0, started)];
  for (let runs = 0; runs < total;) {
    for (let i = 0; i < IN_FLIGHT; i++) pending[i] = orchestrator.run(REQUEST);
    await Promise.all(pending);
    runs += IN_FLIGHT;
    if (runs % STEP === 0) {
      samples.push(sample(runs, started));
      log(`${fmt(runs)} runs: rss ${mb(process.memoryUsage().rss)}`);
    }
  }
  const metrics = orchestrator.metrics();
  await orchestrator.close();

  // Compare with 200,000 runs (100,000 in a quick run, whose last sample is at 200,000).
  const reference = total > 200_000 ? 200_000 : STEP;
  const last = samples[samples.length - 1] as Sample;
  const atReference = samples.find((s) => s.runs === reference) ?? last;
  const rows = samples.map((s) => [
    fmt(s.runs),
    mb(s.rss),
    gc ? mb(s.heapUsed) : 'n/a',
    `+${mb(s.rss - baseline.rss)}`,
    gc ? `+${mb(s.heapUsed - baseline.heapUsed)}` : 'n/a',
    fmt(s.elapsedMs / 1000, 1),
  ]);
  const rssGrowth = last.rss / atReference.rss - 1;
  const heapGrowth = last.heapUsed / atReference.heapUsed - 1;
  const body = [
    `${fmt(total)} runs (${IN_FLIGHT} in flight) of ten synchronous no-op critics through one`,
    `orchestrator (maxConcurrent 1000). Samples every ${fmt(STEP)} runs; heapUsed is read after`,
    `\`global.gc()\` ${gc ? '(run with --expose-gc)' : '— NOT AVAILABLE: run with --expose-gc for heap figures'}.`,
    `Baseline: the same process before the orchestrator was created: RSS ${mb(baseline.rss)},`,
    `heapUsed ${gc ? mb(baseline.heapUsed) : 'n/a'}. The orchestrator's metrics counted`,
    `${fmt(metrics.runs)} runs and ${fmt(metrics.success)} critic successes.`,
    '',
    table(['Runs', 'RSS', 'heapUsed', 'RSS over baseline', 'Heap over baseline', 'Seconds'], rows),
  ].join('\n');
  const verdicts: Verdict[] = [
    {
      figure: `RSS, last sample (${fmt(last.runs)} runs) vs sample at ${fmt(atReference.runs)}`,
      measured: `${mb(last.rss)} vs ${mb(atReference.rss)} (${rssGrowth >= 0 ? '+' : ''}${pct(rssGrowth)})`,
      target: `≤ +${pct(GROWTH_LIMIT, 0)}`,
      pass: rssGrowth <= GROWTH_LIMIT,
    },
    {
      figure: `heapUsed after GC, last sample vs sample at ${fmt(atReference.runs)}`,
      measured: gc
        ? `${mb(last.heapUsed)} vs ${mb(atReference.heapUsed)} (${heapGrowth >= 0 ? '+' : ''}${pct(heapGrowth)})`
        : 'n/a (no --expose-gc)',
      target: `≤ +${pct(GROWTH_LIMIT, 0)}`,
      pass: gc ? heapGrowth <= GROWTH_LIMIT : undefined,
    },
  ];
  return { id: 'memory', title: 'Memory', body, verdicts };
};

await runIfMain(import.meta.url, run);
