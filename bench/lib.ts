/**
 * Shared helpers for the benchmarks: options, timing, statistics, a seeded PRNG, Markdown
 * tables and the standalone/child-process entry point. Benchmarks measure the real clock; every
 * figure is reported beside a baseline measured in the same process.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface BenchOptions {
  /** A fast smoke run: fewer repetitions, shorter windows, smaller workloads. */
  quick: boolean;
}

/** One figure checked against its target. `pass` undefined = informational. */
export interface Verdict {
  figure: string;
  measured: string;
  target: string;
  pass: boolean | undefined;
}

export interface BenchResult {
  id: string;
  title: string;
  /** Markdown body of the benchmark's section (tables and notes). */
  body: string;
  verdicts: Verdict[];
  elapsedMs: number;
}

export type Bench = (options: BenchOptions) => Promise<Omit<BenchResult, 'elapsedMs'>>;

/** Prefix of the line a benchmark prints in `--json` mode (read by run-all). */
export const RESULT_MARKER = '@@eleanor-bench-result@@';

export function parseOptions(argv: readonly string[] = process.argv.slice(2)): BenchOptions & {
  json: boolean;
} {
  return { quick: argv.includes('--quick'), json: argv.includes('--json') };
}

/** Runs `bench` when `moduleUrl` is the process's entry point (`npx tsx bench/x.ts`). */
export async function runIfMain(moduleUrl: string, bench: Bench): Promise<void> {
  const entry = process.argv[1];
  if (entry === undefined || path.resolve(entry) !== fileURLToPath(moduleUrl)) return;
  const options = parseOptions();
  const started = now();
  const partial = await bench(options);
  const result: BenchResult = { ...partial, elapsedMs: now() - started };
  if (options.json) {
    process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
  } else {
    process.stdout.write(`${renderSection(result, 2)}\n${renderVerdicts([result])}\n`);
  }
}

/** Progress on stderr (stdout carries the result). */
export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

// ── time ────────────────────────────────────────────────────────────────────────────────

export const now = (): number => performance.now();

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `batch` (which completes `perBatch` operations) until `windowMs` have passed and
 * returns operations per second.
 */
export async function throughput(
  windowMs: number,
  perBatch: number,
  batch: () => Promise<unknown>,
): Promise<number> {
  const start = now();
  let ops = 0;
  let elapsed = 0;
  do {
    await batch();
    ops += perBatch;
    elapsed = now() - start;
  } while (elapsed < windowMs);
  return ops / (elapsed / 1000);
}

/** Milliseconds spent in garbage collection so far (from a `gc` PerformanceObserver). */
export function gcTracker(): { readonly ms: () => Promise<number>; stop: () => void } {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    // Entries are delivered on a later turn of the event loop: let them arrive first.
    ms: async () => {
      await sleep(1);
      return total;
    },
    stop: () => {
      observer.disconnect();
    },
  };
}

/** Forces a full collection when the process runs with `--expose-gc`; false otherwise. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return false;
  gc();
  gc();
  return true;
}

// ── statistics ─────────────────────────────────────────────────────────────────────────

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (0 < p ≤ 100); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[Math.max(0, rank - 1)] ?? Number.NaN;
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  const count = values.length;
  const mean = count === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / count;
  return {
    count,
    mean,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: count === 0 ? Number.NaN : Math.max(...values),
  };
}

/** Least-squares line through the points (x, y): y ≈ intercept + slope · x. */
export function linearFit(
  xs: readonly number[],
  ys: readonly number[],
): { slope: number; intercept: number } {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return { slope: 0, intercept: ys[0] ?? Number.NaN };
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    sxy += dx * ((ys[i] as number) - my);
    sxx += dx * dx;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Mulberry32: a small deterministic PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ── formatting ─────────────────────────────────────────────────────────────────────────

/** A number with thousands separators and a fixed number of decimals. */
export function fmt(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

export function pct(fraction: number, decimals = 1): string {
  return `${fmt(fraction * 100, decimals)} %`;
}

export function ratio(value: number, decimals = 2): string {
  return `${fmt(value, decimals)}×`;
}

export function mb(bytes: number): string {
  return `${fmt(bytes / 1024 / 1024, 1)} MB`;
}

export function verdictCell(pass: boolean | undefined): string {
  if (pass === undefined) return 'info';
  return pass ? '**PASS**' : '**FAIL**';
}

/** A Markdown table; numeric-looking columns are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = headers.map((_, c) =>
    rows.every((row) => /^([\s\d.,×%+−-]*(ms|µs|MB|runs\/s)?|—)$/.test(row[c] ?? '')),
  );
  const head = `| ${headers.join(' | ')} |`;
  const rule = `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`;
  const body = rows.map((row) => `| ${row.join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** A benchmark's section: heading, body, then its verdicts. */
export function renderSection(result: BenchResult, level: number): string {
  const hashes = '#'.repeat(level);
  const verdicts = result.verdicts.map((v) => [
    v.figure,
    v.measured,
    v.target,
    verdictCell(v.pass),
  ]);
  return [
    `${hashes} ${result.title}`,
    '',
    result.body.trim(),
    '',
    table(['Target', 'Measured', 'Required', 'Result'], verdicts),
    '',
    `_Ran in ${fmt(result.elapsedMs / 1000, 1)} s._`,
    '',
  ].join('\n');
}

/** One row per verdict across benchmarks. */
export function renderVerdicts(results: readonly BenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.verdicts.map((v) => [r.title, v.figure, v.measured, v.target, verdictCell(v.pass)]),
  );
  return table(['Benchmark', 'Figure', 'Measured', 'Target', 'Result'], rows);
}

// ── machine ────────────────────────────────────────────────────────────────────────────

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  loadAverage: string;
}

/**
 * The machine's single-thread speed right now: a fixed piece of CPU work of the kinds Eleanor
 * does (JSON serialisation, SHA-256, regular-expression scans over prose), median of 7 runs in
 * ms. Figures from runs on different machines (or the same machine under different load)
 * compare only after dividing by it.
 */
export function referenceWorkMs(): number {
  const words = ['alpha', 'process', 'kill', 'report', 'Maria', 'review', '4539', 'the', 'and'];
  const random = seededRandom(7);
  const text = Array.from(
    { length: 4000 },
    () => words[Math.floor(random() * words.length)] ?? '',
  ).join(' ');
  const object = {
    text,
    items: Array.from({ length: 200 }, (_, i) => ({ i, text: text.slice(i, i + 80) })),
  };
  const runs: number[] = [];
  for (let r = 0; r < 8; r++) {
    const started = now();
    let sink = 0;
    for (let k = 0; k < 20; k++) {
      const json = JSON.stringify(object);
      sink += createHash('sha256').update(json).digest()[0] ?? 0;
      sink += (text.match(/\b(?:kill|process|review)\b/g) ?? []).length;
      sink += text.toLowerCase().split(/\s+/).length;
    }
    if (sink < 0) throw new Error('unreachable');
    if (r > 0) runs.push(now() - started);
  }
  return median(runs);
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${fmt(os.totalmem() / 1024 ** 3, 1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    loadAverage: os
      .loadavg()
      .map((l) => fmt(l, 2))
      .join(' / '),
  };
}
