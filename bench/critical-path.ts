/**
 * Critical path: end-to-end latency must approach the longest chain of waits in the plan, not
 * the sum of latencies. Baseline: the same critics run one after another within each stage,
 * stage by stage (the reference system's schedule), measured in this process.
 */
import {
  createOrchestrator,
  Policy,
  Stage,
  STAGE_ORDER,
  type CriticSpec,
  type Orchestrator,
  type PlannedCriticInfo,
  type RunRequest,
} from '../src/index.js';
import {
  fmt,
  log,
  median,
  now,
  ratio,
  runIfMain,
  sleep,
  table,
  type Bench,
  type Verdict,
} from './lib.js';

const TARGET = 1.02;

interface Workload {
  critic: Omit<CriticSpec, 'evaluate'>;
  sleepMs: number;
  violation?: boolean;
}

function sleeper(w: Workload): CriticSpec {
  const output = { value: w.critic.name, score: 0.1, violation: w.violation === true };
  return {
    ...w.critic,
    evaluate: async () => {
      await sleep(w.sleepMs);
      return output;
    },
  };
}

/** Ten independent critics sleeping 50, 100, … 500 ms. */
const INDEPENDENT: Workload[] = Array.from({ length: 10 }, (_, i) => ({
  critic: { name: `sleeper_${(i + 1) * 50}ms`, stage: Stage.CORE_ANALYSIS },
  sleepMs: (i + 1) * 50,
}));

/**
 * A staged panel with dependency chains and gating: rights_check reports a violation, so the
 * ON_VIOLATION critic ordered after it runs and the one ordered before it is gated;
 * pii_detector (ON_HIGH_RISK) is gated because the request is medium risk.
 */
const DAG: Workload[] = [
  { critic: { name: 'input_validation' }, sleepMs: 60 },
  { critic: { name: 'quick_safety', dependsOn: ['input_validation'] }, sleepMs: 80 },
  {
    critic: {
      name: 'early_escalation',
      stage: Stage.FAST_CRITICS,
      priority: 3,
      policy: Policy.ON_VIOLATION,
    },
    sleepMs: 160,
  },
  {
    critic: { name: 'rights_check', stage: Stage.CORE_ANALYSIS, dependsOn: ['quick_safety'] },
    sleepMs: 240,
    violation: true,
  },
  { critic: { name: 'fairness_eval' }, sleepMs: 180 },
  { critic: { name: 'pii_detector' }, sleepMs: 140 },
  { critic: { name: 'style_checker', dependsOn: ['input_validation'] }, sleepMs: 100 },
  { critic: { name: 'external_api_critic' }, sleepMs: 360 },
  { critic: { name: 'deep_analysis', dependsOn: ['rights_check'] }, sleepMs: 400 },
  {
    critic: { name: 'summary_synthesis', dependsOn: ['deep_analysis', 'fairness_eval'] },
    sleepMs: 80,
  },
];
const DAG_REQUEST: RunRequest = {
  inputText: 'How do I appeal a denied claim?',
  modelResponse: 'You can appeal within 30 days.',
  context: { riskTier: 'medium' },
};

interface Scheduled {
  name: string;
  gated: boolean;
  readyMs: number;
  finishMs: number;
  /** The critic whose finish made this one ready (the critical predecessor). */
  after: string | undefined;
}

/**
 * The ideal schedule from the plan: a critic is ready when what it waits for has finished
 * (declared deps; every earlier critic for an evidence-reading policy with gating on; every
 * earlier stage with a stage barrier) and then takes its sleep time, or nothing when gated.
 */
function idealSchedule(
  plan: readonly PlannedCriticInfo[],
  sleeps: ReadonlyMap<string, Workload>,
  riskTier: string,
  stageBarrier: boolean,
): Scheduled[] {
  const out: Scheduled[] = [];
  plan.forEach((critic, i) => {
    const earlier = out.slice(0, i);
    const evidence =
      critic.policy === Policy.ON_VIOLATION || critic.policy === Policy.ON_UNCERTAINTY;
    const stage = STAGE_ORDER.indexOf(critic.stage);
    const waits = earlier.filter(
      (e, j) =>
        critic.dependsOn.includes(e.name) ||
        evidence ||
        (stageBarrier && STAGE_ORDER.indexOf((plan[j] as PlannedCriticInfo).stage) < stage),
    );
    const readyMs = Math.max(0, ...waits.map((w) => w.finishMs));
    const after = waits.find((w) => w.finishMs === readyMs && readyMs > 0)?.name;
    let gated = false;
    if (critic.policy === Policy.ON_VIOLATION) {
      gated = !earlier.some((e) => !e.gated && sleeps.get(e.name)?.violation === true);
    } else if (critic.policy === Policy.ON_HIGH_RISK) {
      gated = riskTier !== 'high';
    }
    const work = sleeps.get(critic.name)?.sleepMs ?? 0;
    out.push({ name: critic.name, gated, readyMs, finishMs: readyMs + (gated ? 0 : work), after });
  });
  return out;
}

/** The critics along the critical path, first to last (gated ones take no time and drop out). */
function criticalChain(schedule: readonly Scheduled[]): string[] {
  const byName = new Map(schedule.map((s) => [s.name, s]));
  let at = schedule.reduce<Scheduled | undefined>(
    (best, s) => (best === undefined || s.finishMs > best.finishMs ? s : best),
    undefined,
  );
  const chain: string[] = [];
  while (at !== undefined) {
    if (!at.gated) chain.unshift(at.name);
    at = at.after === undefined ? undefined : byName.get(at.after);
  }
  return chain;
}

/** The critical chain's critics awaited one after another, bare: the timers' own overshoot. */
async function bareChain(
  chain: readonly string[],
  specs: ReadonlyMap<string, CriticSpec>,
): Promise<number> {
  const input = {
    inputText: '',
    modelResponse: '',
    context: {},
    traceId: 'bare',
    priorResults: {},
  };
  const ctx = { signal: new AbortController().signal, attempt: 0 };
  const t0 = now();
  for (const name of chain) await specs.get(name)?.evaluate(input, ctx);
  return now() - t0;
}

/** One Eleanor run; returns wall time and each critic's start offset. */
async function timedRun(
  orchestrator: Orchestrator,
  request: RunRequest,
): Promise<{ wallMs: number; starts: Map<string, number>; statuses: Map<string, string> }> {
  const starts = new Map<string, number>();
  const t0 = now();
  const sub = orchestrator.on('criticStart', (e) => starts.set(e.critic, now() - t0));
  const report = await orchestrator.run(request);
  const wallMs = now() - t0;
  sub.dispose();
  const statuses = new Map(Object.values(report.results).map((r) => [r.critic, r.status]));
  return { wallMs, starts, statuses };
}

/** The reference schedule: stage by stage, the stage's critics one after another. */
async function referenceRun(
  plan: readonly PlannedCriticInfo[],
  specs: ReadonlyMap<string, CriticSpec>,
  skip: ReadonlySet<string>,
  request: RunRequest,
): Promise<number> {
  const input = {
    inputText: request.inputText,
    modelResponse: request.modelResponse,
    context: request.context ?? {},
    traceId: 'reference',
    priorResults: {},
  };
  const ctx = { signal: new AbortController().signal, attempt: 0 };
  const t0 = now();
  for (const stage of STAGE_ORDER) {
    for (const critic of plan) {
      if (critic.stage !== stage || skip.has(critic.name)) continue;
      await specs.get(critic.name)?.evaluate(input, ctx);
    }
  }
  return now() - t0;
}

interface Case {
  label: string;
  workload: Workload[];
  request: RunRequest;
  stageBarrier: boolean;
}

interface CaseResult {
  label: string;
  criticalMs: number;
  walls: number[];
  /** The critical path's critics, and the median time to await them one after another, bare. */
  chain: string[];
  chainMs: number;
  referenceMs: number;
  sumMs: number;
  schedule: Scheduled[];
  starts: Map<string, number>;
  statuses: Map<string, string>;
  plan: readonly PlannedCriticInfo[];
}

async function measureCase(c: Case, reps: number): Promise<CaseResult> {
  const specs = c.workload.map(sleeper);
  const orchestrator = createOrchestrator({
    critics: specs,
    maxConcurrent: 16,
    stageBarrier: c.stageBarrier,
  });
  const plan = orchestrator.critics;
  const byName = new Map(c.workload.map((w) => [w.critic.name, w]));
  const schedule = idealSchedule(
    plan,
    byName,
    c.request.context?.riskTier ?? 'unset',
    c.stageBarrier,
  );
  const criticalMs = Math.max(...schedule.map((s) => s.finishMs));
  const chain = criticalChain(schedule);
  const specByName = new Map(specs.map((s) => [s.name, s]));
  await orchestrator.run(c.request); // warm-up
  const walls: number[] = [];
  const chains: number[] = [];
  let last = await timedRun(orchestrator, c.request);
  walls.push(last.wallMs);
  chains.push(await bareChain(chain, specByName));
  for (let r = 1; r < reps; r++) {
    last = await timedRun(orchestrator, c.request);
    walls.push(last.wallMs);
    chains.push(await bareChain(chain, specByName));
  }
  const skip = new Set(schedule.filter((s) => s.gated).map((s) => s.name));
  const referenceMs = await referenceRun(plan, specByName, skip, c.request);
  const sumMs = schedule.reduce(
    (a, s) => a + (s.gated ? 0 : (byName.get(s.name)?.sleepMs ?? 0)),
    0,
  );
  await orchestrator.close();
  log(`${c.label}: critical ${fmt(criticalMs)} ms, median wall ${fmt(median(walls), 1)} ms`);
  return {
    label: c.label,
    criticalMs,
    walls,
    chain,
    chainMs: median(chains),
    referenceMs,
    sumMs,
    schedule,
    ...last,
    plan,
  };
}

function timelineTable(r: CaseResult, byName: ReadonlyMap<string, Workload>): string {
  const rows = r.plan.map((critic, i) => {
    const s = r.schedule[i] as Scheduled;
    const start = r.starts.get(critic.name);
    return [
      critic.name,
      critic.stage,
      String(critic.priority),
      critic.policy,
      critic.dependsOn.join(', ') || '—',
      `${fmt(byName.get(critic.name)?.sleepMs ?? 0)} ms`,
      r.statuses.get(critic.name) ?? '?',
      s.gated ? '—' : `${fmt(s.readyMs)} ms`,
      start === undefined ? '—' : `${fmt(start, 1)} ms`,
    ];
  });
  return table(
    [
      'Critic (plan order)',
      'Stage',
      'Prio',
      'Policy',
      'Depends on',
      'Sleep',
      'Status',
      'Ideal start',
      'Measured start',
    ],
    rows,
  );
}

export const run: Bench = async ({ quick }) => {
  const reps = quick ? 2 : 5;
  const cases: Case[] = [
    {
      label: 'Independent (10 critics, 50…500 ms)',
      workload: INDEPENDENT,
      request: { inputText: 'q', modelResponse: 'a' },
      stageBarrier: false,
    },
    {
      label: 'DAG with dependencies and gating',
      workload: DAG,
      request: DAG_REQUEST,
      stageBarrier: false,
    },
    {
      label: 'Same DAG, strict staged mode (stageBarrier: true)',
      workload: DAG,
      request: DAG_REQUEST,
      stageBarrier: true,
    },
  ];
  const results: CaseResult[] = [];
  for (const c of cases) results.push(await measureCase(c, reps));

  const rows = results.map((r) => {
    const wall = median(r.walls);
    return [
      r.label,
      `${fmt(r.criticalMs)} ms`,
      `${fmt(wall, 1)} ms`,
      `${fmt(Math.max(...r.walls), 1)} ms`,
      ratio(wall / r.criticalMs, 3),
      `${fmt(r.chainMs, 1)} ms`,
      ratio(wall / r.chainMs, 3),
      `${fmt(r.referenceMs, 1)} ms`,
      ratio(r.referenceMs / wall, 2),
    ];
  });
  const dag = results[1] as CaseResult;
  const gatingAgrees = [...dag.schedule].every(
    (s) => (dag.statuses.get(s.name) === 'gated') === s.gated,
  );
  const body = [
    `Each critic sleeps on a real timer. Eleanor runs with \`maxConcurrent: 16\` (capacity never`,
    `binds); wall time is the median of ${reps} runs after a warm-up. The critical path is computed`,
    `from the orchestrator's own plan (\`orchestrator.critics\`: order, stage, policy, dependsOn) and`,
    `the sleep times: a critic waits for its dependencies, an \`ON_VIOLATION\` critic also for every`,
    `critic ordered before it, and with \`stageBarrier\` for every earlier stage; gated critics take`,
    `0 ms. The reference schedule runs the same critics' \`evaluate\` (gated ones skipped) one after`,
    `another, stage by stage, in this process. The bare critical chain awaits the critics on the`,
    `critical path one after another with no orchestrator, in this process, alternating with the`,
    `Eleanor runs: the difference between it and the computed critical path is timer overshoot,`,
    `which the orchestrator cannot avoid.`,
    '',
    table(
      [
        'Workload',
        'Critical path',
        'Eleanor wall (median)',
        'Eleanor wall (max)',
        'Wall ÷ critical path',
        'Bare critical chain (measured)',
        'Wall ÷ bare chain',
        'Reference sequential (measured)',
        'Speed-up vs reference',
      ],
      rows,
    ),
    '',
    `DAG critical path: ${dag.chain.join(' → ')}.`,
    `Sum of the DAG's non-gated latencies: ${fmt(dag.sumMs)} ms. Gating predicted from the plan`,
    `${gatingAgrees ? 'matches' : 'DOES NOT match'} the statuses Eleanor reported.`,
    '',
    `DAG timeline (last run; start = the moment the critic was called, from the \`criticStart\` event):`,
    '',
    timelineTable(dag, new Map(DAG.map((w) => [w.critic.name, w]))),
  ].join('\n');

  const verdicts: Verdict[] = results.slice(0, 2).map((r) => {
    const value = median(r.walls) / r.criticalMs;
    return {
      figure: `${r.label}: wall ÷ critical path`,
      measured: ratio(value, 3),
      target: `≤ ${fmt(TARGET, 2)}`,
      pass: value <= TARGET,
    };
  });
  verdicts.push({
    figure: 'DAG gating predicted from the plan = gating reported',
    measured: gatingAgrees ? 'yes' : 'no',
    target: 'yes',
    pass: gatingAgrees,
  });
  return { id: 'critical-path', title: 'Critical path', body, verdicts };
};

await runIfMain(import.meta.url, run);
