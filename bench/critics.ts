/**
 * The deterministic critic panel's speed: evaluations per second through `createEngine()` over a
 * 2 KB response (one core), beside the same critics called directly with no orchestration, and
 * the time each critic takes on every 100 KB adversarial input (linear-time patterns).
 */
import { ADVERSARIAL_INPUTS } from '../src/critics/adversarial.js';
import type { CriticInput, CriticSpec } from '../src/index.js';
import { compiledLibrary } from './compiled.js';
import { fmt, log, now, runIfMain, table, type Bench, type Verdict } from './lib.js';

const TARGET_EVALUATIONS_PER_S = 2_000;
const TARGET_ADVERSARIAL_MS = 50;

/** About 2 KB of ordinary model output: mixed prose, a list and a little code. */
const RESPONSE_2KB = [
  'Here is a summary of the quarterly planning meeting and the next steps for the team.',
  'The product group agreed to ship the new onboarding flow on Friday, after the security review',
  'and a final accessibility pass. Marketing will prepare the announcement, and support will update',
  'the help-centre articles so that customers can find the new settings page without friction.',
  '',
  '1. Finish the migration of the billing service to the new queue (owner: platform team).',
  '2. Run the load test against staging with twice the expected peak traffic.',
  '3. Review the error budget and decide whether the paging thresholds need adjusting.',
  '4. Collect feedback from the beta customers and triage it before the next sprint.',
  '',
  'To check the deployment, run `kubectl get pods -n billing` and confirm that every pod is ready.',
  'If a pod is stuck, kill the process with `kubectl delete pod <name>` and let the controller',
  'restart it. The dashboards should show latency back under 200 ms within a few minutes.',
  '',
  'Risks: the vendor API has been slow on Mondays, so we scheduled the cut-over for Wednesday.',
  'The finance team asked for a short written note on expected cost changes; Dana will draft it.',
  'Overall the plan is on track, and nothing here needs escalation. Thanks everyone for the focus',
  'this quarter — the numbers look good and the team shipped three major features on schedule.',
]
  .join('\n')
  .repeat(2)
  .slice(0, 2048);

const INPUT = 'Can you summarise the planning meeting for me?';

/**
 * A different 2 KB response for every call: the same prose with a unique reference number at
 * its end. Critics may share work on one text within an evaluation (the same string is handed to
 * each); repeating one text across evaluations would measure those caches, not the critics.
 */
let sequence = 0;
function freshResponse(): string {
  sequence++;
  const tag = ` (ref ${String(sequence).padStart(8, '0')})`;
  return RESPONSE_2KB.slice(0, 2048 - tag.length) + tag;
}

/** Calls per second over the window, and the process's CPU time per call (ms, every thread). */
async function throughput(
  evaluate: () => Promise<unknown>,
  windowMs: number,
): Promise<{ rate: number; cpuMs: number }> {
  const started = now();
  const cpu = process.cpuUsage();
  let n = 0;
  while (now() - started < windowMs) {
    await evaluate();
    n++;
  }
  const used = process.cpuUsage(cpu);
  return { rate: (n / (now() - started)) * 1000, cpuMs: (used.user + used.system) / 1000 / n };
}

export const run: Bench = async ({ quick }) => {
  const windowMs = quick ? 300 : 2000;
  const lib = await compiledLibrary(true);
  const config = lib.engineConfigFromEnv({});
  const verdicts: Verdict[] = [];
  const rows: string[][] = [];
  for (const riskTier of ['low', 'high'] as const) {
    // The critics themselves, not the cache: every response differs anyway.
    const engine = lib.createEngine({
      config,
      critics: lib.deterministicPanel(config),
      cache: false,
    });
    const request = () => ({ input: INPUT, output: freshResponse(), context: { riskTier } });
    const critics: CriticSpec[] = lib.deterministicPanel(config);
    const input = (): CriticInput => ({
      inputText: INPUT,
      modelResponse: freshResponse(),
      context: { riskTier },
      traceId: 'bench',
      priorResults: {},
    });
    const ctx = { signal: new AbortController().signal, attempt: 0 };
    // Baseline: the same critics called one after another, no orchestration, no decision.
    const bare = async (): Promise<void> => {
      const request = input();
      for (const critic of critics) await critic.evaluate(request, ctx);
    };
    await throughput(() => engine.evaluate(request()), windowMs);
    await throughput(bare, windowMs);
    const { rate: bareRate } = await throughput(bare, windowMs);
    const { rate: engineRate, cpuMs } = await throughput(
      () => engine.evaluate(request()),
      windowMs,
    );
    log(`riskTier ${riskTier}: engine ${fmt(engineRate)}/s, bare critics ${fmt(bareRate)}/s`);
    rows.push([
      `riskTier ${riskTier}`,
      fmt(engineRate),
      `${fmt(1000 / engineRate, 3)} ms`,
      `${fmt(cpuMs, 3)} ms`,
      fmt(bareRate),
      `${fmt(1000 / engineRate - 1000 / bareRate, 3)} ms`,
    ]);
    verdicts.push({
      figure: `Deterministic panel over a 2 KB response, riskTier ${riskTier} (one core)`,
      measured: `${fmt(engineRate)} evaluations/s`,
      target: `≥ ${fmt(TARGET_EVALUATIONS_PER_S)} evaluations/s`,
      pass: engineRate >= TARGET_EVALUATIONS_PER_S,
    });
    await engine.close();
  }
  const adversarial = adversarialTimes(lib.deterministicPanel(config), quick);
  const worst = adversarial.reduce(
    (max, r) => (r.ms > max.ms ? r : max),
    adversarial[0] ?? { critic: '', input: '', ms: 0 },
  );
  verdicts.push({
    figure: 'Slowest critic on any 100 KB adversarial input (median of 3 runs)',
    measured: `${fmt(worst.ms, 1)} ms (${worst.critic} on ${worst.input})`,
    target: `≤ ${TARGET_ADVERSARIAL_MS} ms per critic`,
    pass: worst.ms <= TARGET_ADVERSARIAL_MS,
  });
  const slowest = [...adversarial].sort((a, b) => b.ms - a.ms).slice(0, 12);
  const body = [
    `The whole deterministic panel (${String(lib.deterministicPanel(config).length)} critics) through \`createEngine().evaluate()\``,
    'on a 2 KB response, awaited one evaluation after another on one core, beside the same critics',
    'called directly (no orchestration, no decision). At riskTier `high` the PII critic joins',
    '(it is ON_HIGH_RISK). Every call gets a different response (a unique reference number at its',
    'end), so work a critic shares across the panel for one text is not reused across',
    'evaluations. Library: the tsc build. "CPU per evaluation" is the process’s CPU time (every',
    'thread, so the garbage collector’s helper threads too) over the evaluations counted.',
    '',
    table(
      [
        'Request',
        'Evaluations/s',
        'ms per evaluation',
        'CPU per evaluation',
        'Bare critics/s',
        'Orchestration + decision',
      ],
      rows,
    ),
    '',
    `Each critic on each of the ${String(ADVERSARIAL_INPUTS.length)} adversarial inputs (\`src/critics/adversarial.ts\`),`,
    'given as the model output and as the user input, median of 3 runs after one warm-up; the 12',
    'slowest pairs:',
    '',
    table(
      ['Critic', 'Input', 'Length', 'ms'],
      slowest.map((r) => [r.critic, r.input, fmt(r.length), fmt(r.ms, 2)]),
    ),
  ].join('\n');
  return { id: 'critics', title: 'Critic panel speed', body, verdicts };
};

interface Timing {
  critic: string;
  input: string;
  length: number;
  ms: number;
}

function adversarialTimes(critics: readonly CriticSpec[], quick: boolean): Timing[] {
  const ctx = { signal: new AbortController().signal, attempt: 0 };
  const inputs = quick ? ADVERSARIAL_INPUTS.slice(0, 10) : ADVERSARIAL_INPUTS;
  const out: Timing[] = [];
  for (const critic of critics) {
    for (const { name, text } of inputs) {
      const samples: number[] = [];
      for (let i = 0; i < 4; i++) {
        const asOutput = i % 2 === 0;
        const input: CriticInput = {
          inputText: asOutput ? 'question' : text,
          modelResponse: asOutput ? text : 'answer',
          context: { riskTier: 'high' },
          traceId: 'adversarial',
          priorResults: {},
        };
        const started = now();
        void critic.evaluate(input, ctx);
        if (i > 0) samples.push(now() - started);
      }
      samples.sort((a, b) => a - b);
      out.push({ critic: critic.name, input: name, length: text.length, ms: samples[1] ?? 0 });
    }
  }
  return out;
}

await runIfMain(import.meta.url, run);
