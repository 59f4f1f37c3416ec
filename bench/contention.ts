/**
 * Contention: 100 concurrent runs × 10 critics (priorities 1…10, each sleeping 1–5 ms) through
 * one orchestrator with maxConcurrent 10. The cap is process-wide, so no more than 10
 * executions are ever in flight, and the queue serves higher priorities first. Baseline, same
 * process: the same traffic with the cap lifted to 1000 (what a per-request limit of 10 amounts
 * to with 100 requests: nothing binds).
 */
import { createOrchestrator, type CriticSpec, type Percentiles } from '../src/index.js';
import {
  fmt,
  log,
  now,
  ratio,
  runIfMain,
  seededRandom,
  sleep,
  table,
  type Bench,
  type Verdict,
} from './lib.js';

const RUNS = 100;
const CAP = 10;

interface Outcome {
  peakInFlight: number;
  observedPeak: number;
  batchMs: number[];
  byPriority: Record<number, Percentiles>;
}

async function measure(maxConcurrent: number, batches: number, seed: number): Promise<Outcome> {
  const random = seededRandom(seed);
  let inFlight = 0;
  let observedPeak = 0;
  const critics: CriticSpec[] = Array.from({ length: 10 }, (_, i) => ({
    name: `critic_p${i + 1}`,
    priority: i + 1,
    evaluate: async () => {
      inFlight++;
      if (inFlight > observedPeak) observedPeak = inFlight;
      await sleep(1 + Math.floor(random() * 5));
      inFlight--;
      return { value: 1, score: 0 };
    },
  }));
  const orchestrator = createOrchestrator({ critics, maxConcurrent });
  const batchMs: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = now();
    await Promise.all(
      Array.from({ length: RUNS }, (_, i) =>
        orchestrator.run({ inputText: `request ${i}`, modelResponse: 'response' }),
      ),
    );
    batchMs.push(now() - t0);
  }
  const m = orchestrator.metrics();
  await orchestrator.close();
  return {
    peakInFlight: m.peakInFlight,
    observedPeak,
    batchMs,
    byPriority: m.queueTimeByPriority,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export const run: Bench = async ({ quick }) => {
  const batches = quick ? 2 : 5;
  const capped = await measure(CAP, batches, 1);
  log(`capped: peak ${capped.peakInFlight}, batch ${fmt(mean(capped.batchMs), 1)} ms`);
  const uncapped = await measure(1000, batches, 1);
  log(`uncapped: peak ${uncapped.peakInFlight}, batch ${fmt(mean(uncapped.batchMs), 1)} ms`);

  const levels = Object.keys(capped.byPriority)
    .map(Number)
    .sort((a, b) => a - b);
  const priorityRows = levels.map((p) => {
    const q = capped.byPriority[p] as Percentiles;
    const u = uncapped.byPriority[p];
    return [
      String(p),
      fmt(q.count),
      `${fmt(q.p50, 1)} ms`,
      `${fmt(q.p99, 1)} ms`,
      `${fmt(q.max, 1)} ms`,
      u === undefined ? '—' : `${fmt(u.p99, 2)} ms`,
    ];
  });
  const p1 = capped.byPriority[1];
  const p10 = capped.byPriority[10];
  const ordered = p1 !== undefined && p10 !== undefined && p1.p50 < p10.p50 && p1.p99 < p10.p99;
  const executions = RUNS * 10 * batches;
  const body = [
    `${fmt(batches)} batches of ${RUNS} concurrent runs × 10 critics (priority 1…10, each sleeping`,
    `1–5 ms, seeded), ${fmt(executions)} executions per configuration. Peak in flight is read`,
    `from \`metrics().peakInFlight\` and cross-checked by a counter inside the critics.`,
    '',
    table(
      [
        'Configuration',
        'Peak in flight (metrics)',
        'Peak in flight (observed in critics)',
        'Batch wall time (mean)',
      ],
      [
        [
          `maxConcurrent ${CAP} (process-wide)`,
          fmt(capped.peakInFlight),
          fmt(capped.observedPeak),
          `${fmt(mean(capped.batchMs), 1)} ms`,
        ],
        [
          'baseline: maxConcurrent 1000 (≈ per-request limit of 10)',
          fmt(uncapped.peakInFlight),
          fmt(uncapped.observedPeak),
          `${fmt(mean(uncapped.batchMs), 1)} ms`,
        ],
      ],
    ),
    '',
    `Queue time by priority with maxConcurrent ${CAP} (\`metrics().queueTimeByPriority\`; the`,
    `window keeps the last 1,024 samples per level), beside the uncapped baseline's p99:`,
    '',
    table(
      ['Priority', 'Samples', 'p50 queue', 'p99 queue', 'max queue', 'Baseline p99 queue'],
      priorityRows,
    ),
    '',
    p1 !== undefined && p10 !== undefined
      ? `Priority 10 waits ${ratio(p10.p50 / Math.max(p1.p50, 0.001), 0)} as long as priority 1 at the median (p50 ${fmt(p1.p50, 2)} ms vs ${fmt(p10.p50, 1)} ms).`
      : '',
  ].join('\n');
  const verdicts: Verdict[] = [
    {
      figure: `Peak in flight, 100 runs × 10 critics, maxConcurrent ${CAP}`,
      measured: `${fmt(capped.peakInFlight)} (observed ${fmt(capped.observedPeak)})`,
      target: `≤ ${CAP}`,
      pass: capped.peakInFlight <= CAP && capped.observedPeak <= CAP,
    },
    {
      figure: 'Priority 1 queues less than priority 10 (p50 and p99)',
      measured:
        p1 === undefined || p10 === undefined
          ? 'no samples'
          : `p50 ${fmt(p1.p50, 2)} vs ${fmt(p10.p50, 1)} ms; p99 ${fmt(p1.p99, 2)} vs ${fmt(p10.p99, 1)} ms`,
      target: 'p1 < p10',
      pass: ordered,
    },
  ];
  return { id: 'contention', title: 'Contention', body, verdicts };
};

await runIfMain(import.meta.url, run);
