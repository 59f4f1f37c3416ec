/**
 * Reliability. (1) Every critic call fails transiently with probability 0.15 (seeded): success
 * rates with retries on versus off (the baseline, same process, same failure model). (2) One
 * critic hard down: run latency before its circuit breaker opens versus after, beside the same
 * panel without a breaker.
 */
import { createOrchestrator, type CriticSpec, type Orchestrator } from '../src/index.js';
import {
  fmt,
  log,
  now,
  pct,
  runIfMain,
  seededRandom,
  sleep,
  summarize,
  table,
  type Bench,
  type Summary,
  type Verdict,
} from './lib.js';

const FAILURE_RATE = 0.15;
const CRITICS = 10;
const REQUEST = { inputText: 'input', modelResponse: 'response' };

// ── (1) transient failures ─────────────────────────────────────────────────────────────

interface Rates {
  runs: number;
  runSuccess: number;
  criticSuccess: number;
  calls: number;
  callFailures: number;
  retried: number;
}

async function transient(enableRetries: boolean, runs: number): Promise<Rates> {
  const random = seededRandom(7);
  let calls = 0;
  let callFailures = 0;
  const critics: CriticSpec[] = Array.from({ length: CRITICS }, (_, i) => ({
    name: `flaky_${i}`,
    maxRetries: 2,
    backoff: { initialDelayMs: 0, jitter: 0 },
    // A breaker would (rightly) open on an unlucky streak; this measures retries alone.
    circuitBreaker: false,
    evaluate: () => {
      calls++;
      if (random() < FAILURE_RATE) {
        callFailures++;
        throw new Error('transient failure');
      }
      return { value: 1, score: 0 };
    },
  }));
  const orchestrator = createOrchestrator({ critics, enableRetries, maxConcurrent: 1000 });
  let runSuccess = 0;
  for (let i = 0; i < runs; i += 100) {
    const reports = await Promise.all(
      Array.from({ length: Math.min(100, runs - i) }, () => orchestrator.run(REQUEST)),
    );
    for (const r of reports) if (r.summary.success === CRITICS) runSuccess++;
  }
  const m = orchestrator.metrics();
  await orchestrator.close();
  return {
    runs,
    runSuccess: runSuccess / runs,
    criticSuccess: m.success / m.total,
    calls,
    callFailures,
    retried: m.retried,
  };
}

// ── (2) one critic hard down ───────────────────────────────────────────────────────────

interface Latencies {
  before: number[];
  after: number[];
  statusesBefore: Map<string, number>;
}

function hardDownPanel(breaker: boolean, calls: { n: number }): CriticSpec[] {
  const healthy: CriticSpec[] = Array.from({ length: CRITICS - 1 }, (_, i) => ({
    name: `healthy_${i}`,
    evaluate: () => ({ value: 1, score: 0 }),
  }));
  const down: CriticSpec = {
    name: 'external_api_critic',
    timeoutMs: 50,
    maxRetries: 2,
    backoff: { initialDelayMs: 20, jitter: 0 },
    circuitBreaker: breaker ? { failureThreshold: 5, cooldownMs: 10_000 } : false,
    evaluate: async () => {
      calls.n++;
      await sleep(50);
      throw new Error('503 Service Unavailable');
    },
  };
  return [...healthy, down];
}

async function timed(orchestrator: Orchestrator): Promise<{ ms: number; status: string }> {
  const t0 = now();
  const report = await orchestrator.run(REQUEST);
  return { ms: now() - t0, status: report.results['external_api_critic']?.status ?? '?' };
}

async function hardDown(trials: number, runsAfter: number): Promise<Latencies> {
  const out: Latencies = { before: [], after: [], statusesBefore: new Map() };
  for (let t = 0; t < trials; t++) {
    const calls = { n: 0 };
    const orchestrator = createOrchestrator({ critics: hardDownPanel(true, calls) });
    let after = 0;
    while (after < runsAfter) {
      const callsBefore = calls.n;
      const { ms, status } = await timed(orchestrator);
      if (calls.n === callsBefore) {
        out.after.push(ms);
        after++;
      } else {
        out.before.push(ms);
        out.statusesBefore.set(status, (out.statusesBefore.get(status) ?? 0) + 1);
      }
    }
    await orchestrator.close();
  }
  return out;
}

async function noBreaker(runs: number): Promise<number[]> {
  const orchestrator = createOrchestrator({ critics: hardDownPanel(false, { n: 0 }) });
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await timed(orchestrator)).ms);
  await orchestrator.close();
  return out;
}

function latencyRow(label: string, s: Summary): string[] {
  return [label, fmt(s.count), `${fmt(s.p50, 2)} ms`, `${fmt(s.p99, 2)} ms`, `${fmt(s.max, 2)} ms`];
}

export const run: Bench = async ({ quick }) => {
  const runs = quick ? 2_000 : 10_000;
  const off = await transient(false, runs);
  const on = await transient(true, runs);
  log(`per-critic success: off ${pct(off.criticSuccess, 2)}, on ${pct(on.criticSuccess, 2)}`);

  const expectedCritic = { off: 1 - FAILURE_RATE, on: 1 - FAILURE_RATE ** 3 };
  const rateRows = [
    ['Retries off (baseline)', off, expectedCritic.off] as const,
    ['Retries on (maxRetries 2)', on, expectedCritic.on] as const,
  ].map(([label, r, expected]) => [
    label,
    fmt(r.runs),
    pct(r.criticSuccess, 2),
    pct(expected, 2),
    pct(r.runSuccess, 2),
    pct(expected ** CRITICS, 2),
    fmt(r.calls),
    pct(1 - r.callFailures / r.calls, 2),
    fmt(r.retried),
  ]);

  const trials = quick ? 3 : 10;
  const down = await hardDown(trials, quick ? 50 : 200);
  const baseline = await noBreaker(quick ? 3 : 10);
  const before = summarize(down.before);
  const after = summarize(down.after);
  const without = summarize(baseline);
  log(`hard down: p99 before ${fmt(before.p99, 1)} ms, after ${fmt(after.p99, 2)} ms`);
  const statuses = [...down.statusesBefore].map(([s, n]) => `${s} × ${fmt(n)}`).join(', ');

  const body = [
    `**Transient failures.** Ten critics; every call throws with probability ${fmt(FAILURE_RATE, 2)}`,
    `(seeded PRNG). ${fmt(runs)} runs per configuration, 100 in flight. Retries: maxRetries 2,`,
    `backoff \`{ initialDelayMs: 0, jitter: 0 }\`; breakers off (an unlucky streak of 5 would`,
    `otherwise open one, which is the breaker's job but not what this measures). A run succeeds`,
    `when all ten critics succeed.`,
    '',
    table(
      [
        'Configuration',
        'Runs',
        'Per-critic success',
        'Expected',
        'Run success',
        'Expected',
        'Calls made',
        'Per-call success',
        'Retries',
      ],
      rateRows,
    ),
    '',
    `The seed claimed 85 % → 98 % per call with retries.`,
    '',
    `**One critic hard down.** external_api_critic hangs 50 ms and throws on every call`,
    `(timeoutMs 50, maxRetries 2, backoff 20 ms ×2, no jitter, circuitBreaker`,
    `\`{ failureThreshold: 5, cooldownMs: 10000 }\`); nine healthy no-op critics beside it. Runs`,
    `one after another, ${fmt(trials)} trials each with a fresh orchestrator. "Before" = runs in`,
    `which the critic was still called (final statuses: ${statuses}); "after" = runs answered`,
    `\`circuit_open\` at once. Baseline: the same panel with \`circuitBreaker: false\`.`,
    '',
    table(
      ['Runs', 'Count', 'p50 run latency', 'p99 run latency', 'max'],
      [
        latencyRow('Before the breaker opens', before),
        latencyRow('After it opened (circuit_open)', after),
        latencyRow('Baseline: no breaker', without),
      ],
    ),
  ].join('\n');
  const verdicts: Verdict[] = [
    {
      figure: 'Per-critic success with two retries (p = 0.15 per call)',
      measured: `${pct(on.criticSuccess, 2)} (off: ${pct(off.criticSuccess, 2)})`,
      target: '> 99.5 %',
      pass: on.criticSuccess > 0.995,
    },
    {
      figure: 'Run success (all ten critics), retries on vs off',
      measured: `${pct(on.runSuccess, 2)} vs ${pct(off.runSuccess, 2)}`,
      target: `report (expected ${pct(expectedCritic.on ** CRITICS, 1)} vs ${pct(expectedCritic.off ** CRITICS, 1)})`,
      pass: undefined,
    },
    {
      figure: 'Hard-down critic: p99 run latency after the breaker opened',
      measured: `${fmt(after.p99, 2)} ms (before: ${fmt(before.p99, 1)} ms, no breaker: ${fmt(without.p99, 1)} ms)`,
      target: 'answers at once (< 5 ms)',
      pass: after.p99 < 5,
    },
  ];
  return { id: 'reliability', title: 'Reliability', body, verdicts };
};

await runIfMain(import.meta.url, run);
