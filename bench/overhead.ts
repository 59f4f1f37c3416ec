/**
 * Orchestration overhead: ten no-op critics, runs per second and µs per run, sequential and
 * 100 in flight, beside a bare `Promise.all` over the same critics' `evaluate` calls.
 *
 * The library is imported from TypeScript source through tsx (esbuild with `keepNames`). For
 * reference, the same source compiled by the TypeScript compiler (what `npm run build` ships)
 * is measured too, in the same process.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AttemptContext, CriticInput, CriticSpec, RunRequest } from '../src/index.js';
import { compiledLibrary, type Library } from './compiled.js';
import {
  fmt,
  gcTracker,
  log,
  median,
  now,
  pct,
  ratio,
  runIfMain,
  table,
  throughput,
  type Bench,
  type Verdict,
} from './lib.js';

/** The libraries a figure may need; a child process loads only its figure's. */
interface Libraries {
  source?: Library;
  compiled?: Library;
}

const REFERENCE_RUNS_PER_S = 7_600;
const TARGET_RUNS_PER_S = 10 * REFERENCE_RUNS_PER_S;
const IN_FLIGHT = 100;
const REQUEST: RunRequest = { inputText: 'input', modelResponse: 'response' };

type Variant = 'sync' | 'async';

function critics(variant: Variant): CriticSpec[] {
  return Array.from({ length: 10 }, (_, i) => ({
    name: `noop_${i}`,
    evaluate:
      variant === 'sync'
        ? () => ({ value: 1, score: 0 })
        : // eslint-disable-next-line @typescript-eslint/require-await -- an async no-op critic is the workload
          async () => ({ value: 1, score: 0 }),
  }));
}

interface Figure {
  label: string;
  /** Which library the figure runs (none for the bare baselines). */
  library: keyof Libraries | undefined;
  variant: Variant;
  mode: 'sequential' | 'concurrent';
  /** Counts toward the ≥ 76,000 runs/s target. */
  gated: boolean;
  /** The bare Promise.all baseline this figure is compared with. */
  baseline?: string;
  batch: () => Promise<unknown>;
  samples: number[];
  /** Share of each window spent in garbage collection. */
  gcShare: number[];
}

/** A batch over the orchestrator, built on first call (the parent never calls it). */
function eleanorBatch(
  libs: Libraries,
  library: keyof Libraries,
  variant: Variant,
  maxConcurrent: number,
  mode: Figure['mode'],
): () => Promise<unknown> {
  let batch: (() => Promise<unknown>) | undefined;
  return () => {
    if (batch === undefined) {
      const lib = libs[library];
      if (lib === undefined) throw new Error(`library ${library} not loaded`);
      batch = buildBatch(lib, variant, maxConcurrent, mode);
    }
    return batch();
  };
}

function buildBatch(
  lib: Library,
  variant: Variant,
  maxConcurrent: number,
  mode: Figure['mode'],
): () => Promise<unknown> {
  const orchestrator = lib.createOrchestrator({ critics: critics(variant), maxConcurrent });
  if (mode === 'sequential') {
    return async () => {
      for (let i = 0; i < IN_FLIGHT; i++) await orchestrator.run(REQUEST);
    };
  }
  const pending: Promise<unknown>[] = new Array<Promise<unknown>>(IN_FLIGHT);
  return () => {
    for (let i = 0; i < IN_FLIGHT; i++) pending[i] = orchestrator.run(REQUEST);
    return Promise.all(pending);
  };
}

function bareBatch(variant: Variant, mode: Figure['mode']): () => Promise<unknown> {
  const list = critics(variant);
  const input: CriticInput = {
    inputText: REQUEST.inputText,
    modelResponse: REQUEST.modelResponse,
    context: {},
    traceId: 'bare',
    priorResults: {},
  };
  const ctx: AttemptContext = { signal: new AbortController().signal, attempt: 0 };
  const once = (): Promise<unknown> =>
    // eslint-disable-next-line @typescript-eslint/await-thenable -- sync critics answer values; Promise.all takes both
    Promise.all(list.map((c) => c.evaluate(input, ctx)));
  if (mode === 'sequential') {
    return async () => {
      for (let i = 0; i < IN_FLIGHT; i++) await once();
    };
  }
  const pending: Promise<unknown>[] = new Array<Promise<unknown>>(IN_FLIGHT);
  return () => {
    for (let i = 0; i < IN_FLIGHT; i++) pending[i] = once();
    return Promise.all(pending);
  };
}

function figures(libs: Libraries): Figure[] {
  const list: Figure[] = [];
  for (const variant of ['sync', 'async'] as const) {
    const add = (f: Omit<Figure, 'variant' | 'samples' | 'gcShare' | 'library'>): void => {
      const library = f.label.includes('under tsx')
        ? 'source'
        : f.label.includes('compiled')
          ? 'compiled'
          : undefined;
      list.push({ ...f, library, variant, samples: [], gcShare: [] });
    };
    const seqBase = `bare Promise.all, sequential (${variant})`;
    const concBase = `bare Promise.all, ${IN_FLIGHT} in flight (${variant})`;
    add({
      label: seqBase,
      mode: 'sequential',
      gated: false,
      batch: bareBatch(variant, 'sequential'),
    });
    add({
      label: `Eleanor under tsx, sequential, maxConcurrent 1000 (${variant})`,
      mode: 'sequential',
      gated: false,
      baseline: seqBase,
      batch: eleanorBatch(libs, 'source', variant, 1000, 'sequential'),
    });
    add({
      label: `Eleanor compiled by tsc, sequential, maxConcurrent 1000 (${variant})`,
      mode: 'sequential',
      gated: true,
      baseline: seqBase,
      batch: eleanorBatch(libs, 'compiled', variant, 1000, 'sequential'),
    });
    add({
      label: concBase,
      mode: 'concurrent',
      gated: false,
      batch: bareBatch(variant, 'concurrent'),
    });
    add({
      label: `Eleanor under tsx, ${IN_FLIGHT} in flight, maxConcurrent 1000 (${variant})`,
      mode: 'concurrent',
      gated: false,
      baseline: concBase,
      batch: eleanorBatch(libs, 'source', variant, 1000, 'concurrent'),
    });
    add({
      label: `Eleanor compiled by tsc, ${IN_FLIGHT} in flight, default maxConcurrent 10 (${variant})`,
      mode: 'concurrent',
      gated: false,
      baseline: concBase,
      batch: eleanorBatch(libs, 'compiled', variant, 10, 'concurrent'),
    });
    add({
      label: `Eleanor compiled by tsc, ${IN_FLIGHT} in flight, maxConcurrent 1000 (${variant})`,
      mode: 'concurrent',
      gated: true,
      baseline: concBase,
      batch: eleanorBatch(libs, 'compiled', variant, 1000, 'concurrent'),
    });
  }
  return list;
}

const FIGURE_VARIABLE = 'ELEANOR_BENCH_FIGURE';
const FIGURE_MARKER = '@@eleanor-overhead-figure@@';

/** Measures one figure in this process (a child of the benchmark) and prints its samples. */
async function measureOne(index: number, windowMs: number, reps: number): Promise<void> {
  const wanted = figures({})[index]?.library;
  const libs: Libraries = {};
  if (wanted === 'compiled') libs.compiled = await compiledLibrary(true);
  if (wanted === 'source') libs.source = await import('../src/index.js');
  const figure = figures(libs)[index];
  if (figure === undefined) throw new RangeError(`no figure ${index}`);
  const gc = gcTracker();
  // A fresh process: warm up long enough for the JIT to settle before measuring.
  await throughput(Math.max(1000, 2 * windowMs), IN_FLIGHT, figure.batch);
  for (let r = 0; r < reps; r++) {
    const gcBefore = await gc.ms();
    const started = now();
    figure.samples.push(await throughput(windowMs, IN_FLIGHT, figure.batch));
    figure.gcShare.push(((await gc.ms()) - gcBefore) / (now() - started));
  }
  gc.stop();
  process.stdout.write(
    `${FIGURE_MARKER}${JSON.stringify({ samples: figure.samples, gcShare: figure.gcShare })}\n`,
  );
}

/** Runs one figure in a fresh Node process, so no figure inherits another's heap or JIT state. */
function measureInChild(index: number, quick: boolean): { samples: number[]; gcShare: number[] } {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...(quick ? ['--quick'] : [])],
    {
      env: { ...process.env, [FIGURE_VARIABLE]: String(index) },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith(FIGURE_MARKER));
  if (child.status !== 0 || line === undefined) {
    throw new Error(
      `figure ${index} failed (exit ${String(child.status)}): ${child.stderr.slice(-2000)}`,
    );
  }
  return JSON.parse(line.slice(FIGURE_MARKER.length)) as { samples: number[]; gcShare: number[] };
}

export const run: Bench = async ({ quick }) => {
  const windowMs = quick ? 100 : 1000;
  const reps = 5;
  await compiledLibrary(false);
  const list = figures({});
  for (const [index, f] of list.entries()) {
    log(`measuring ${f.label} in its own process`);
    const measured = measureInChild(index, quick);
    f.samples.push(...measured.samples);
    f.gcShare.push(...measured.gcShare);
  }
  const rate = new Map(list.map((f) => [f.label, median(f.samples)]));
  const rows = list.map((f) => {
    const runsPerS = median(f.samples);
    const base = f.baseline === undefined ? undefined : rate.get(f.baseline);
    const us = 1e6 / runsPerS;
    return [
      f.label,
      fmt(runsPerS),
      `${fmt(Math.min(...f.samples))} – ${fmt(Math.max(...f.samples))}`,
      `${fmt(us, 2)} µs`,
      base === undefined ? '—' : `${fmt(us - 1e6 / base, 2)} µs`,
      base === undefined ? '—' : ratio(base / runsPerS, 1),
      ratio(runsPerS / REFERENCE_RUNS_PER_S, 1),
      pct(median(f.gcShare), 0),
    ];
  });
  const body = [
    `Ten no-op critics (\`() => ({ value: 1, score: 0 })\`, or the same as an \`async\``,
    `function). Sequential = one run awaited after another; ${IN_FLIGHT} in flight = batches of`,
    `${IN_FLIGHT} runs awaited together. Each figure runs in its own Node process (no figure`,
    `inherits another's heap or JIT state): ${reps} windows of ${fmt(windowMs)} ms after a warm-up`,
    `window; the median is reported, with the range.`,
    `The baseline is a bare \`Promise.all\` over the same critics' \`evaluate\` calls (no`,
    `orchestration at all). "vs reference" divides by the reference system's ${fmt(REFERENCE_RUNS_PER_S)}`,
    `runs/s. The targets apply to rows marked "compiled by tsc": the same source transpiled by`,
    `the TypeScript compiler, as \`npm run build\` ships it. Rows "under tsx" run the source`,
    `through tsx (development), whose esbuild transform (\`keepNames\`) adds a property`,
    `definition to every named closure created at run time; they are shown for reference.`,
    `"Time in GC" is the share of the measurement windows spent in garbage collection (from a`,
    `\`gc\` PerformanceObserver).`,
    '',
    table(
      [
        'Figure',
        'Runs/s (median)',
        'Range',
        'µs per run',
        'Overhead vs bare',
        'Bare ÷ Eleanor',
        'vs reference 7,600',
        'Time in GC',
      ],
      rows,
    ),
  ].join('\n');
  const verdicts: Verdict[] = list
    .filter((f) => f.gated)
    .map((f) => {
      const runsPerS = rate.get(f.label) ?? 0;
      return {
        figure: f.label,
        measured: `${fmt(runsPerS)} runs/s (${ratio(runsPerS / REFERENCE_RUNS_PER_S, 1)} reference)`,
        target: `≥ ${fmt(TARGET_RUNS_PER_S)} runs/s (10× reference)`,
        pass: runsPerS >= TARGET_RUNS_PER_S,
      };
    });
  for (const f of list.filter((x) => x.label.includes('default maxConcurrent'))) {
    const runsPerS = rate.get(f.label) ?? 0;
    verdicts.push({
      figure: f.label,
      measured: `${fmt(runsPerS)} runs/s (${ratio(runsPerS / REFERENCE_RUNS_PER_S, 1)} reference)`,
      target: `(info) ≥ ${fmt(TARGET_RUNS_PER_S)} runs/s`,
      pass: undefined,
    });
  }
  return { id: 'overhead', title: 'Overhead', body, verdicts };
};

const figureIndex = process.env[FIGURE_VARIABLE];
if (figureIndex === undefined) await runIfMain(import.meta.url, run);
else await measureOne(Number(figureIndex), process.argv.includes('--quick') ? 100 : 1000, 5);
