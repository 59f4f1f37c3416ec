/**
 * Gating: executions and cost per request for a ten-critic panel modelled on the seed, under
 * 70 % low-risk / 30 % high-risk traffic, with gating on versus off (the baseline, same process,
 * same requests). The seed claims 3.8 of 10 executions (a 62 % cost cut); this measures ours.
 */
import {
  createOrchestrator,
  type CriticInput,
  type CriticSpec,
  type RunRequest,
} from '../src/index.js';
import { fmt, log, pct, runIfMain, seededRandom, table, type Bench, type Verdict } from './lib.js';

const COST = 0.01;
const HIGH_RISK_SHARE = 0.3;
const VIOLATION_RATE = { low: 0.05, high: 0.5 } as const;
const SEED_CLAIM = 3.8;

/** quick_safety reports a violation when the request says so (the deterministic model). */
function panel(calls: Map<string, number>): CriticSpec[] {
  const critic = (
    name: string,
    verdict: (input: CriticInput) => boolean = () => false,
  ): CriticSpec => ({
    name,
    cost: COST,
    evaluate: (input) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      const violation = verdict(input);
      return { value: name, score: violation ? 0.9 : 0.1, violation };
    },
  });
  return [
    critic('input_validation'),
    critic('quick_safety', (input) => input.context['violates'] === true),
    critic('rights_review'),
    critic('fairness_eval'),
    critic('pii_detector'),
    critic('style_checker'),
    critic('deep_analysis'),
    critic('deep_bias_check'),
    critic('comprehensive_review'),
    critic('external_api_critic'),
  ];
}

interface Traffic {
  tier: 'low' | 'high';
  request: RunRequest;
}

function traffic(count: number): Traffic[] {
  const random = seededRandom(42);
  return Array.from({ length: count }, (_, i) => {
    const tier = random() < HIGH_RISK_SHARE ? 'high' : 'low';
    const violates = random() < VIOLATION_RATE[tier];
    return {
      tier,
      request: {
        inputText: `request ${i}`,
        modelResponse: 'response',
        context: { riskTier: tier, violates },
      },
    };
  });
}

interface Tally {
  requests: number;
  executions: number;
  cost: number;
}

interface Measured {
  byTier: Record<'low' | 'high' | 'all', Tally>;
  calls: Map<string, number>;
  policies: Map<string, string>;
}

async function measure(enableGating: boolean, requests: readonly Traffic[]): Promise<Measured> {
  const calls = new Map<string, number>();
  const orchestrator = createOrchestrator({ critics: panel(calls), enableGating });
  const blank = (): Tally => ({ requests: 0, executions: 0, cost: 0 });
  const byTier = { low: blank(), high: blank(), all: blank() };
  for (let i = 0; i < requests.length; i += 100) {
    const slice = requests.slice(i, i + 100);
    const reports = await Promise.all(slice.map((t) => orchestrator.run(t.request)));
    reports.forEach((report, j) => {
      const tier = (slice[j] as Traffic).tier;
      for (const tally of [byTier[tier], byTier.all]) {
        tally.requests++;
        tally.executions += report.summary.total;
        tally.cost += report.summary.cost;
      }
    });
  }
  const policies = new Map(orchestrator.critics.map((c) => [c.name, c.policy]));
  await orchestrator.close();
  return { byTier, calls, policies };
}

export const run: Bench = async ({ quick }) => {
  const count = quick ? 2_000 : 10_000;
  const requests = traffic(count);
  const on = await measure(true, requests);
  const off = await measure(false, requests);
  const per = (t: Tally, key: 'executions' | 'cost'): number => t[key] / t.requests;
  log(`gating on: ${fmt(per(on.byTier.all, 'executions'), 2)} executions per request`);

  const rows = (['low', 'high', 'all'] as const).map((tier) => {
    const a = on.byTier[tier];
    const b = off.byTier[tier];
    return [
      tier === 'all' ? 'all traffic' : `${tier} risk`,
      fmt(a.requests),
      fmt(per(b, 'executions'), 2),
      fmt(per(a, 'executions'), 2),
      fmt(per(b, 'cost'), 4),
      fmt(per(a, 'cost'), 4),
      pct(1 - per(a, 'cost') / per(b, 'cost')),
    ];
  });
  const criticRows = [...on.policies].map(([name, policy]) => [
    name,
    policy,
    fmt(off.calls.get(name) ?? 0),
    fmt(on.calls.get(name) ?? 0),
    pct((on.calls.get(name) ?? 0) / count),
  ]);
  const execOn = per(on.byTier.all, 'executions');
  const saved = 1 - per(on.byTier.all, 'cost') / per(off.byTier.all, 'cost');
  const actualCalls = [...on.calls.values()].reduce((a, b) => a + b, 0);
  const body = [
    `${fmt(count)} requests (seeded): ${pct(HIGH_RISK_SHARE, 0)} high risk. quick_safety reports a`,
    `violation for ${pct(VIOLATION_RATE.high, 0)} of high-risk and ${pct(VIOLATION_RATE.low, 0)} of`,
    `low-risk requests; no other critic does. Every critic costs ${fmt(COST, 2)} per execution.`,
    `Policies come from name classification: pii_detector is ON_HIGH_RISK; deep_analysis,`,
    `deep_bias_check and comprehensive_review are ON_VIOLATION; the other six run always.`,
    `Executions = \`summary.total\` (critics not gated); cost = \`summary.cost\`. The same requests`,
    `run with \`enableGating: false\` as the baseline.`,
    '',
    table(
      [
        'Traffic',
        'Requests',
        'Executions/request (gating off)',
        'Executions/request (gating on)',
        'Cost/request (off)',
        'Cost/request (on)',
        'Cost saved',
      ],
      rows,
    ),
    '',
    table(['Critic', 'Policy', 'Calls (gating off)', 'Calls (gating on)', 'Ran for'], criticRows),
    '',
    `Critic calls counted inside the critics with gating on: ${fmt(actualCalls)} (= ${fmt(actualCalls / count, 2)} per request,`,
    `${actualCalls === on.byTier.all.executions ? 'equal to' : 'DIFFERENT FROM'} the reports' \`summary.total\`).`,
    `The seed claimed ${fmt(SEED_CLAIM, 1)} of 10 executions (62 % saved); with this panel and`,
    `traffic we measure ${fmt(execOn, 2)} of 10 (${pct(saved)} saved). The saving depends on how many`,
    `critics are gated by policy and how often their trigger fires: six of these ten critics run`,
    `on every request by design.`,
  ].join('\n');
  const verdicts: Verdict[] = [
    {
      figure: 'Executions per request, gating on (seed claimed 3.8 of 10)',
      measured: `${fmt(execOn, 2)} of 10`,
      target: 'report (no target)',
      pass: undefined,
    },
    {
      figure: 'Cost saved by gating',
      measured: pct(saved),
      target: 'report (seed claimed 62 %)',
      pass: undefined,
    },
    {
      figure: 'Counted executions = critic calls actually made',
      measured: `${fmt(on.byTier.all.executions)} vs ${fmt(actualCalls)}`,
      target: 'equal',
      pass: actualCalls === on.byTier.all.executions,
    },
  ];
  return { id: 'gating', title: 'Gating', body, verdicts };
};

await runIfMain(import.meta.url, run);
