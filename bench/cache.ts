/**
 * The critic-result cache: evaluations per second through `createEngine()` with the deterministic
 * panel on a workload where half the requests repeat an earlier one, cache off (the baseline)
 * versus memory (L1) versus memory in front of Redis (L1 + L2), in one process on the same
 * request sequence. Each configuration starts every round with an empty cache; configurations
 * take turns slice by slice and the median of the rounds is reported. A second workload with no repeats shows
 * what the cache costs when it never hits.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CriticCache, EvaluateRequest } from '../src/index.js';
import { compiledLibrary, type Library } from './compiled.js';
import {
  fmt,
  log,
  median,
  now,
  ratio,
  runIfMain,
  seededRandom,
  table,
  type Bench,
  type Verdict,
} from './lib.js';

const REPEAT_SHARE = 0.5;
const CONCURRENCY = 16;
/**
 * At 50 % repeats a free hit would double throughput. On this panel neither side is free: a hit
 * still pays the orchestration, the decision and the audit hash (about 45 % of an uncached
 * evaluation of these cheap deterministic critics), and a miss pays the key, the lookup and the
 * write (about a third more), so about 1.1× is what to expect here; the target is that the
 * cache pays for itself. Critics that take milliseconds (an LLM judge, a moderation API) are
 * what the cache is for: there a hit saves nearly all of an evaluation.
 */
const TARGET_L1_SPEEDUP = 1.0;
const REDIS_URL = process.env['ELEANOR_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const BASE = [
  'Here is a summary of the quarterly planning meeting and the next steps for the team.',
  'The product group agreed to ship the new onboarding flow on Friday, after the security review',
  'and a final accessibility pass. Marketing will prepare the announcement, and support will update',
  'the help-centre articles so that customers can find the new settings page without friction.',
  '1. Finish the migration of the billing service to the new queue (owner: platform team).',
  '2. Run the load test against staging with twice the expected peak traffic.',
  '3. Review the error budget and decide whether the paging thresholds need adjusting.',
  'To check the deployment, run `kubectl get pods -n billing` and confirm that every pod is ready.',
  'Risks: the vendor API has been slow on Mondays, so we scheduled the cut-over for Wednesday.',
  'Overall the plan is on track, and nothing here needs escalation. Thanks everyone.',
].join('\n');

/** Request `n` of a workload: about 1 KB, distinct from every other `n`. */
function request(n: number): EvaluateRequest {
  return {
    input: `Can you summarise planning meeting ${String(n)} for me?`,
    output: `${BASE}\nMeeting reference ${String(n)}; follow-up ticket OPS-${String(1000 + n)}.`,
    context: { riskTier: n % 3 === 0 ? 'high' : 'low' },
  };
}

/** Which request each evaluation sends: a fresh one, or (with `repeatShare`) an earlier one. */
function workload(count: number, repeatShare: number, seed: number): number[] {
  const random = seededRandom(seed);
  const sequence: number[] = [];
  let fresh = 0;
  for (let i = 0; i < count; i++) {
    if (sequence.length > 0 && random() < repeatShare) {
      sequence.push(sequence[Math.floor(random() * sequence.length)] ?? 0);
    } else sequence.push(fresh++);
  }
  return sequence;
}

type Mode = 'off' | 'l1' | 'l1+redis';

interface Panel {
  config: ReturnType<Library['engineConfigFromEnv']>;
  critics: ReturnType<Library['deterministicPanel']>;
}

interface Setup {
  cache: CriticCache | false;
  close: () => Promise<void>;
}

async function setup(lib: Library, mode: Mode, prefix: string): Promise<Setup> {
  if (mode === 'off') return { cache: false, close: () => Promise.resolve() };
  if (mode === 'l1') return { cache: lib.createCriticCache(), close: () => Promise.resolve() };
  const remote = lib.createRedisLayer({ url: REDIS_URL, ttlMs: 600_000, prefix });
  const cache = lib.createCriticCache({ remote });
  const started = now();
  while (remote.stats().state !== 'ready' && now() - started < 2000) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { cache, close: () => cache.close() };
}

/** The chunk of the sequence each configuration runs before the next one takes its turn. */
const SLICE = 40;

/**
 * One round: every configuration runs the whole of `sequence` with a fresh cache, taking turns
 * slice by slice, so that a change in what else the machine is doing falls on all of them alike.
 * Returns evaluations per second for each configuration.
 */
async function round(
  lib: Library,
  panel: Panel,
  modes: readonly Mode[],
  sequence: readonly number[],
  concurrency: number,
  prefix: string,
): Promise<Record<Mode, number>> {
  const setups = await Promise.all(modes.map((m) => setup(lib, m, `${prefix}${randomUUID()}:`)));
  // The same critic objects every time: their lazily compiled lexicons stay warm.
  const engines = setups.map(({ cache }) =>
    lib.createEngine({ config: panel.config, critics: panel.critics, cache }),
  );
  const elapsed = modes.map(() => 0);
  for (let from = 0; from < sequence.length; from += SLICE) {
    const slice = sequence.slice(from, from + SLICE);
    for (let k = 0; k < modes.length; k++) {
      const i = (k + from / SLICE) % modes.length;
      const engine = engines[i];
      if (engine === undefined) continue;
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < slice.length) await engine.evaluate(request(slice[next++] ?? 0));
      };
      const started = now();
      await Promise.all(Array.from({ length: concurrency }, worker));
      elapsed[i] = (elapsed[i] ?? 0) + now() - started;
    }
  }
  await Promise.all(engines.map((e) => e.close()));
  await Promise.all(setups.map((s) => s.close()));
  const rates = { off: Number.NaN, l1: Number.NaN, 'l1+redis': Number.NaN };
  modes.forEach((m, i) => {
    rates[m] = (sequence.length / (elapsed[i] ?? Number.NaN)) * 1000;
  });
  return rates;
}

async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function deleteKeys(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [nextCursor, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = nextCursor;
  } while (cursor !== '0');
  await client.quit();
}

interface Row {
  workload: string;
  concurrency: number;
  rates: Record<Mode, number[]>;
}

export const run: Bench = async ({ quick }) => {
  const lib = await compiledLibrary(true);
  const count = quick ? 160 : 800;
  const rounds = quick ? 2 : 5;
  const redis = await redisReachable();
  const modes: Mode[] = redis ? ['off', 'l1', 'l1+redis'] : ['off', 'l1'];
  const prefix = `eleanor-bench:${randomUUID()}:`;
  const config = lib.engineConfigFromEnv({});
  const panel: Panel = { config, critics: lib.deterministicPanel(config) };
  const rows: Row[] = [];
  try {
    for (const [name, share] of [
      ['50 % repeated', REPEAT_SHARE],
      ['no repeats', 0],
    ] as const) {
      for (const concurrency of [1, CONCURRENCY]) {
        const sequence = workload(count, share, 7);
        const row: Row = {
          workload: name,
          concurrency,
          rates: { off: [], l1: [], 'l1+redis': [] },
        };
        // Warm-up: JIT and lexicons, every configuration.
        await round(lib, panel, modes, sequence.slice(0, 2 * SLICE), concurrency, prefix);
        for (let r = 0; r < rounds; r++) {
          const rates = await round(lib, panel, modes, sequence, concurrency, prefix);
          for (const mode of modes) row.rates[mode].push(rates[mode]);
        }
        log(
          `${name}, ${String(concurrency)} in flight: ${modes.map((m) => `${m} ${fmt(median(row.rates[m]))}/s`).join(', ')}`,
        );
        rows.push(row);
      }
    }
  } finally {
    if (redis) await deleteKeys(prefix);
  }
  return report(rows, redis, count, rounds);
};

function report(
  rows: readonly Row[],
  redis: boolean,
  count: number,
  rounds: number,
): Omit<Awaited<ReturnType<Bench>>, never> {
  const cell = (values: readonly number[]): string =>
    values.length === 0 ? '—' : fmt(median(values));
  const speedup = (row: Row, mode: Mode): number => median(row.rates[mode]) / median(row.rates.off);
  const tableRows = rows.map((row) => [
    row.workload,
    String(row.concurrency),
    cell(row.rates.off),
    cell(row.rates.l1),
    ratio(speedup(row, 'l1')),
    cell(row.rates['l1+redis']),
    row.rates['l1+redis'].length === 0 ? '—' : ratio(speedup(row, 'l1+redis')),
  ]);
  const verdicts: Verdict[] = [];
  for (const row of rows.filter((r) => r.workload === '50 % repeated')) {
    const at = `50 % repeated requests, ${String(row.concurrency)} in flight`;
    verdicts.push({
      figure: `Memory cache vs off, ${at}`,
      measured: `${ratio(speedup(row, 'l1'))} (${cell(row.rates.l1)} vs ${cell(row.rates.off)} evaluations/s)`,
      target: `> ${ratio(TARGET_L1_SPEEDUP)} (pays for itself)`,
      pass: speedup(row, 'l1') > TARGET_L1_SPEEDUP,
    });
    if (redis) {
      verdicts.push({
        figure: `Memory + Redis cache vs off, ${at}`,
        measured: `${ratio(speedup(row, 'l1+redis'))} (${cell(row.rates['l1+redis'])} evaluations/s)`,
        target: 'informational',
        pass: undefined,
      });
    }
  }
  for (const row of rows.filter((r) => r.workload === 'no repeats')) {
    verdicts.push({
      figure: `Memory cache vs off with no repeats (misses only), ${String(row.concurrency)} in flight`,
      measured: ratio(speedup(row, 'l1')),
      target: 'informational',
      pass: undefined,
    });
  }
  const body = [
    `The deterministic panel through \`createEngine().evaluate()\` on ${fmt(count)} evaluations of`,
    'about 1 KB each (a third at riskTier `high`, where the PII critic joins). In the "50 %',
    'repeated" workload each evaluation repeats an earlier request (picked at random) with',
    'probability 0.5, and otherwise sends a new one; "no repeats" sends only new requests, so',
    'the cache only costs (key hashing, lookups, writes, and the hooks path of the orchestrator).',
    'Every configuration starts each round with an empty cache and runs the same sequence; they',
    `take turns every ${String(SLICE)} evaluations (so a change in machine load falls on all of them`,
    `alike), and the table gives the median of ${String(rounds)} rounds.`,
    redis
      ? `Redis: ${REDIS_URL.replace(/:[^:@/]*@/, ':***@')} on the same machine, a fresh key prefix per round.`
      : `Redis was not reachable at ${REDIS_URL}: the L1 + Redis column is empty.`,
    '',
    table(
      [
        'Workload',
        'In flight',
        'Off (evaluations/s)',
        'Memory (L1)',
        'L1 vs off',
        'Memory + Redis',
        'L1 + Redis vs off',
      ],
      tableRows,
    ),
  ].join('\n');
  return { id: 'cache', title: 'Critic-result cache', body, verdicts };
}

await runIfMain(import.meta.url, run);
