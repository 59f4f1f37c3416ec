/**
 * Evidence writes: decision records per second sustained with group commit (SQLite, SQLite with
 * synchronous=FULL, PostgreSQL) beside the in-memory store, and the latency the durable commit
 * adds to an evaluation at 1 and 32 concurrent evaluations — the same engine and panel with the
 * memory store as the baseline, runs alternated in one process.
 *
 * PostgreSQL: ELEANOR_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a
 * schema of its own that is dropped afterwards; skipped with a note when no server answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  buildDecisionRecord,
  createEngine,
  deterministicPanel,
  engineConfigFromEnv,
  MemoryEvidenceStore,
  openPostgresStore,
  openSqliteStore,
  type CriticSpec,
  type DecisionRecordInput,
  type EvidenceStore,
} from '../src/index.js';
import {
  fmt,
  log,
  median,
  now,
  percentile,
  runIfMain,
  table,
  type Bench,
  type Verdict,
} from './lib.js';

const DATABASE_URL =
  process.env['ELEANOR_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const IN_FLIGHT = 256;
const LATENCY_TARGET_MS = 2;

interface Backend {
  label: string;
  open: () => Promise<EvidenceStore>;
  cleanup: () => Promise<void>;
}

function backends(dir: string, schema: string, pgAvailable: boolean): Backend[] {
  let n = 0;
  const file = (): string => path.join(dir, `store-${++n}.db`);
  const list: Backend[] = [
    {
      label: 'memory (baseline)',
      open: () => Promise.resolve(new MemoryEvidenceStore({ limit: 1000 })),
      cleanup: () => Promise.resolve(),
    },
    {
      label: 'SQLite (WAL, synchronous=NORMAL, default)',
      open: () => Promise.resolve(openSqliteStore({ path: file() })),
      cleanup: () => Promise.resolve(),
    },
    {
      label: 'SQLite (WAL, synchronous=FULL)',
      open: () => Promise.resolve(openSqliteStore({ path: file(), synchronous: 'full' })),
      cleanup: () => Promise.resolve(),
    },
  ];
  if (pgAvailable) {
    list.push({
      label: 'PostgreSQL',
      open: () => openPostgresStore({ connectionString: DATABASE_URL, schema }),
      cleanup: () => dropSchema(schema),
    });
  }
  return list;
}

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

/** A realistic record: the built-in panel's evaluation of a response with personal data. */
async function sampleRecord(): Promise<DecisionRecordInput> {
  const config = engineConfigFromEnv({});
  const engine = createEngine({ config, critics: deterministicPanel(config) });
  const request = {
    input: 'What is the customer on file?',
    output:
      'The customer is Maria Keller, phone +44 20 7946 0958, card 4539 1488 0343 6467, living at 221 Baker Street, London.',
    context: { riskTier: 'high' as const },
  };
  const result = await engine.evaluate(request);
  await engine.close();
  return buildDecisionRecord({
    result,
    request,
    configVersion: engine.configVersion,
    textMode: 'redacted',
    recordedAt: Date.now(),
  });
}

/** Records per second with IN_FLIGHT writers, each awaiting its record before the next. */
async function sustained(
  store: EvidenceStore,
  template: DecisionRecordInput,
  windowMs: number,
): Promise<{ perSecond: number; perCpuSecond: number; groupSize: number }> {
  let count = 0;
  const cpu = process.cpuUsage();
  const start = now();
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; now() - start < windowMs; i += 1) {
      await store.record({ ...template, traceId: `w${w}-${i}`, recordedAt: Date.now() });
      count += 1;
    }
  };
  const before = store.health();
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, w) => writer(w)));
  const elapsed = now() - start;
  const used = process.cpuUsage(cpu);
  const after = store.health();
  return {
    perSecond: count / (elapsed / 1000),
    perCpuSecond: count / ((used.user + used.system) / 1e6),
    groupSize: (after.committed - before.committed) / Math.max(1, after.commits - before.commits),
  };
}

/** Three cheap synchronous critics: the evaluation itself costs little, so the store shows. */
const PANEL: CriticSpec[] = ['quick_safety', 'fairness_eval', 'style_checker'].map((name) => ({
  name,
  evaluate: () => ({ value: 'pass', score: 0, severity: 0, violation: false, violations: [] }),
}));

interface Latencies {
  /** Whole evaluations. */
  evaluation: number[];
  /** The part of each evaluation spent in `store.record` (queueing, sealing, committing). */
  commit: number[];
}

/** Per-evaluation latencies (ms) at `concurrency` evaluations in flight. */
async function latencies(
  store: EvidenceStore,
  concurrency: number,
  evaluations: number,
): Promise<Latencies> {
  const commit: number[] = [];
  const timed: EvidenceStore = {
    kind: store.kind,
    name: store.name,
    record: async (input) => {
      const t = now();
      try {
        return await store.record(input);
      } finally {
        commit.push(now() - t);
      }
    },
    get: (traceId) => store.get(traceId),
    query: (query) => store.query(query),
    stats: (options) => store.stats(options),
    verify: () => store.verify(),
    health: () => store.health(),
    close: () => store.close(),
  };
  const engine = createEngine({ config: engineConfigFromEnv({}), critics: PANEL, store: timed });
  const samples: number[] = [];
  let issued = 0;
  const worker = async (): Promise<void> => {
    while (issued < evaluations) {
      issued += 1;
      const t = now();
      await engine.evaluate({ input: `question ${issued}`, output: 'a calm answer' });
      samples.push(now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await engine.orchestrator.close();
  return { evaluation: samples, commit };
}

interface RunFigures {
  p50: number;
  p99: number;
  commitP50: number;
  commitP99: number;
}

function figuresOf(s: Latencies): RunFigures {
  return {
    p50: percentile(s.evaluation, 50),
    p99: percentile(s.evaluation, 99),
    commitP50: percentile(s.commit, 50),
    commitP99: percentile(s.commit, 99),
  };
}

interface LatencyRow {
  label: string;
  concurrency: number;
  p50: number;
  p99: number;
  addedP50: number;
  addedP99: number;
  commitP50: number;
  commitP99: number;
}

export const run: Bench = async ({ quick }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eleanor-bench-store-'));
  const schema = `eleanor_bench_${process.pid}`;
  const pgAvailable = await pgReachable();
  const list = backends(dir, schema, pgAvailable);
  const template = await sampleRecord();
  const windowMs = quick ? 700 : 3000;
  const repeats = quick ? 1 : 3;
  try {
    // ── throughput ──
    const rates = new Map<string, { perSecond: number[]; perCpu: number[]; group: number[] }>();
    for (let r = 0; r < repeats; r += 1) {
      for (const backend of list) {
        const store = await backend.open();
        const m = await sustained(store, template, windowMs);
        await store.close();
        const entry = rates.get(backend.label) ?? { perSecond: [], perCpu: [], group: [] };
        entry.perSecond.push(m.perSecond);
        entry.perCpu.push(m.perCpuSecond);
        entry.group.push(m.groupSize);
        rates.set(backend.label, entry);
        log(`${backend.label}: ${fmt(m.perSecond)} records/s (mean group ${fmt(m.groupSize, 1)})`);
      }
    }
    const rate = (label: string): number => median(rates.get(label)?.perSecond ?? []);
    const baselineLabel = list[0]?.label ?? '';
    const baselineRate = rate(baselineLabel);
    const throughputRows = list.map((b) => [
      b.label,
      fmt(rate(b.label)),
      fmt(median(rates.get(b.label)?.perCpu ?? [])),
      fmt(median(rates.get(b.label)?.group ?? []), 1),
      `${fmt((rate(b.label) / baselineRate) * 100, 1)} %`,
    ]);

    // ── latency added to an evaluation: rounds alternate the baseline and every store ──
    const evaluations = quick ? 400 : 2000;
    const latencyRows: LatencyRow[] = [];
    for (const concurrency of [1, 32]) {
      // A discarded warm-up run per store: JIT and page cache, not the store, would show.
      for (const backend of list) {
        const store = await backend.open();
        await latencies(store, concurrency, evaluations / 4);
        await store.close();
      }
      const runs = new Map<string, RunFigures[]>();
      for (let r = 0; r < repeats * 2; r += 1) {
        for (const backend of list) {
          const store = await backend.open();
          const s = await latencies(store, concurrency, evaluations);
          await store.close();
          runs.set(backend.label, [...(runs.get(backend.label) ?? []), figuresOf(s)]);
        }
      }
      const base = runs.get(baselineLabel) ?? [];
      for (const backend of list) {
        const own = runs.get(backend.label) ?? [];
        const med = (pick: (f: RunFigures) => number): number => median(own.map(pick));
        // Added = this store's commit wait minus the baseline's in the same round.
        const added = (pick: (f: RunFigures) => number): number =>
          median(own.map((f, k) => pick(f) - pick(base[k] ?? f)));
        latencyRows.push({
          label: backend.label,
          concurrency,
          p50: med((f) => f.p50),
          p99: med((f) => f.p99),
          commitP50: med((f) => f.commitP50),
          commitP99: med((f) => f.commitP99),
          addedP50: added((f) => f.commitP50),
          addedP99: added((f) => f.commitP99),
        });
      }
    }
    const sqliteLabel = list[1]?.label ?? '';
    const added = (concurrency: number): LatencyRow | undefined =>
      latencyRows.find((r) => r.label === sqliteLabel && r.concurrency === concurrency);
    const body = [
      `Sustained writes: ${IN_FLIGHT} writers, each awaiting its record's commit before writing the`,
      `next, for ${fmt(windowMs / 1000, 1)} s per run, median of ${repeats} runs per store; the record is`,
      `the built-in panel's redacted record of a response with personal data`,
      `(${fmt(JSON.stringify(template).length / 1024, 1)} KB of JSON, ${template.critics.length} critics).`,
      `"Mean group" = records per transaction (group commit).`,
      pgAvailable ? '' : `\n**PostgreSQL skipped**: no server answered at ${DATABASE_URL}.\n`,
      table(
        ['Store', 'Records/s', 'Records per CPU-second', 'Mean group', 'vs memory'],
        throughputRows,
      ),
      '',
      `Records per CPU-second (this process's user + system time) does not depend on how much of`,
      `the machine other processes take; PostgreSQL's own CPU is not in it.`,
      '',
      `Latency of one evaluation (three cheap synchronous critics, so the store's share shows),`,
      `${fmt(evaluations)} evaluations per run, ${repeats * 2} runs per store alternated with the memory`,
      `baseline in the same process; each figure is the median over runs. "Commit wait" = the time`,
      `an evaluation spends in \`store.record\` (waiting for its group, sealing, the transaction,`,
      `and — with many in flight — its turn on the event loop). "Added" = the store's commit-wait`,
      `percentile minus the memory baseline's in the same round (the baseline seals and hashes`,
      `too, so this is what durability costs); the target is checked on the added p99.`,
      '',
      table(
        [
          'Store',
          'In flight',
          'Evaluation p50',
          'Evaluation p99',
          'Added p50',
          'Added p99',
          'Commit wait p50',
          'Commit wait p99',
        ],
        latencyRows.map((r) => [
          r.label,
          fmt(r.concurrency),
          `${fmt(r.p50, 3)} ms`,
          `${fmt(r.p99, 3)} ms`,
          `${fmt(r.addedP50, 3)} ms`,
          `${fmt(r.addedP99, 3)} ms`,
          `${fmt(r.commitP50, 3)} ms`,
          `${fmt(r.commitP99, 3)} ms`,
        ]),
      ),
    ].join('\n');
    const verdicts: Verdict[] = [
      ...list.slice(1).map((b) => ({
        figure: `Records/s sustained, ${b.label}`,
        measured: fmt(rate(b.label)),
        target: 'report',
        pass: undefined,
      })),
      ...[1, 32].flatMap((c) => [
        {
          figure: `p50 latency SQLite group commit adds to an evaluation, ${c} in flight`,
          measured: `${fmt(added(c)?.addedP50 ?? Number.NaN, 3)} ms`,
          target: 'report',
          pass: undefined,
        },
        {
          figure: `p99 latency SQLite group commit adds to an evaluation, ${c} in flight`,
          measured: `${fmt(added(c)?.addedP99 ?? Number.NaN, 3)} ms`,
          target: `< ${LATENCY_TARGET_MS} ms`,
          pass: (added(c)?.addedP99 ?? Number.POSITIVE_INFINITY) < LATENCY_TARGET_MS,
        },
      ]),
    ];
    return { id: 'store', title: 'Evidence store', body, verdicts };
  } finally {
    for (const backend of list) await backend.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

await runIfMain(import.meta.url, run);
