/**
 * Scheduler invariants as fast-check properties over random plans, limits, failures and
 * concurrent runs: every critic gets exactly one result per run, nothing starts before what it
 * waits for has settled, in-flight work never exceeds any limit, and every run resolves.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import type {
  CriticOutput,
  CriticSpec,
  OrchestratorOptions,
  RiskTier,
  RunReport,
} from './types.js';
import { Policy, STAGE_ORDER, type Stage } from './vocabulary.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

const TIMEOUT_MS = 100;
const ABANDON_AFTER_MS = 50;

type Behaviour =
  | 'ok'
  | 'violation'
  | 'uncertain'
  | 'throw'
  | 'hang'
  | 'hang_ignoring_signal'
  | 'non_object'
  | 'slow'
  | 'too_slow';

interface CriticPlan {
  stage: number;
  priority: number;
  policy: Policy;
  condition: boolean;
  behaviour: Behaviour;
  delayMs: number;
  /** Indices of earlier-declared critics (filtered to stage ≤ own stage). */
  deps: number[];
  maxRetries: number;
  maxConcurrent: number | undefined;
}

interface Scenario {
  critics: CriticPlan[];
  maxConcurrent: number;
  stageCaps: (number | undefined)[];
  enableGating: boolean;
  stageBarrier: boolean;
  globalTimeoutMs: number | undefined;
  runs: { riskTier: RiskTier; abortAtMs: number | undefined }[];
}

const criticPlan = (index: number): fc.Arbitrary<CriticPlan> =>
  fc.record({
    stage: fc.integer({ min: 0, max: STAGE_ORDER.length - 1 }),
    priority: fc.integer({ min: 1, max: 10 }),
    policy: fc.constantFrom<Policy>(
      Policy.ALWAYS,
      Policy.ALWAYS,
      Policy.ON_VIOLATION,
      Policy.ON_VIOLATION,
      Policy.ON_HIGH_RISK,
      Policy.ON_UNCERTAINTY,
      Policy.CONDITIONAL,
    ),
    condition: fc.boolean(),
    behaviour: fc.constantFrom<Behaviour>(
      'ok',
      'ok',
      'violation',
      'violation',
      'uncertain',
      'throw',
      'hang',
      'hang_ignoring_signal',
      'non_object',
      'slow',
      'too_slow',
    ),
    delayMs: fc.integer({ min: 0, max: 60 }),
    deps: index === 0 ? fc.constant([]) : fc.uniqueArray(fc.nat(index - 1), { maxLength: 3 }),
    maxRetries: fc.integer({ min: 0, max: 2 }),
    maxConcurrent: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
  });

const scenario: fc.Arbitrary<Scenario> = fc
  .integer({ min: 3, max: 12 })
  .chain((n) =>
    fc.record({
      critics: fc.tuple(...Array.from({ length: n }, (_, i) => criticPlan(i))),
      maxConcurrent: fc.integer({ min: 1, max: 4 }),
      stageCaps: fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), {
        minLength: STAGE_ORDER.length,
        maxLength: STAGE_ORDER.length,
      }),
      enableGating: fc.boolean(),
      stageBarrier: fc.boolean(),
      globalTimeoutMs: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 1 },
        { arbitrary: fc.integer({ min: 50, max: 2000 }), weight: 1 },
      ),
      runs: fc.array(
        fc.record({
          riskTier: fc.constantFrom<RiskTier>('low', 'medium', 'high'),
          abortAtMs: fc.oneof(
            { arbitrary: fc.constant(undefined), weight: 4 },
            { arbitrary: fc.integer({ min: 0, max: 400 }), weight: 1 },
          ),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  )
  .map((s) => ({
    ...s,
    // Dependencies only on earlier-declared critics of the same or an earlier stage: acyclic.
    critics: s.critics.map((c, i) => ({
      ...c,
      deps: c.deps.filter((d) => d < i && (s.critics[d]?.stage ?? 99) <= c.stage),
    })),
  }));

/** What the harness observed, with a global sequence number for ordering. */
interface Observed {
  seq: number;
  /** `${traceId}/${critic}` → sequence numbers of each attempt's start. */
  starts: Map<string, number[]>;
  /** `${traceId}/${critic}` → sequence numbers of results (criticFinish events). */
  finishes: Map<string, number[]>;
  inFlight: { total: number; stage: number[]; critic: Map<string, number> };
  violations: string[];
}

const name = (i: number): string => `critic_${i}`;

function output(behaviour: Behaviour): CriticOutput {
  switch (behaviour) {
    case 'violation':
      return { value: 1, score: 0.9, violation: true };
    case 'uncertain':
      return { value: 1, score: 0.5, uncertainty: 0.95 };
    default:
      return { value: 1, score: 0.1 };
  }
}

/**
 * Builds the critic specs. In-flight accounting is per the orchestrator's view: a slot is held
 * from the call until the work settles. A critic that honours its signal settles when aborted,
 * so it leaves the count then. A critic that ignores its signal keeps running until the
 * orchestrator reclaims its slot after `abandonAfterMs`, which the critic cannot observe, so
 * those critics are left out of the accounting (they only ever make the real count higher,
 * never lower, so the checked bound still holds for everything counted).
 */
function buildSpecs(s: Scenario, seen: Observed, limits: OrchestratorOptions): CriticSpec[] {
  const caps = limits.maxConcurrentPerStage ?? {};
  return s.critics.map((c, i): CriticSpec => {
    const critic = name(i);
    const stage = STAGE_ORDER[c.stage] as Stage;
    const counted = c.behaviour !== 'hang_ignoring_signal';
    const enter = (traceId: string): void => {
      const key = `${traceId}/${critic}`;
      seen.starts.set(key, [...(seen.starts.get(key) ?? []), seen.seq++]);
      if (!counted) return;
      const f = seen.inFlight;
      f.total++;
      f.stage[c.stage] = (f.stage[c.stage] ?? 0) + 1;
      f.critic.set(critic, (f.critic.get(critic) ?? 0) + 1);
      const stageCap = caps[stage];
      if (f.total > s.maxConcurrent) seen.violations.push(`global ${f.total} > ${s.maxConcurrent}`);
      if (stageCap !== undefined && (f.stage[c.stage] ?? 0) > stageCap)
        seen.violations.push(`stage ${stage} ${f.stage[c.stage]} > ${stageCap}`);
      if (c.maxConcurrent !== undefined && (f.critic.get(critic) ?? 0) > c.maxConcurrent)
        seen.violations.push(`critic ${critic} ${f.critic.get(critic)} > ${c.maxConcurrent}`);
    };
    const leave = (): void => {
      if (!counted) return;
      const f = seen.inFlight;
      f.total--;
      f.stage[c.stage] = (f.stage[c.stage] ?? 0) - 1;
      f.critic.set(critic, (f.critic.get(critic) ?? 0) - 1);
    };
    const wait = (ms: number, signal: AbortSignal): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason as Error);
        });
      });
    const spec: CriticSpec = {
      name: critic,
      stage,
      priority: c.priority,
      policy: c.policy,
      dependsOn: c.deps.map(name),
      timeoutMs: TIMEOUT_MS,
      maxRetries: c.maxRetries,
      backoff: { initialDelayMs: 5, jitter: 0 },
      circuitBreaker: { failureThreshold: 3, cooldownMs: 50 },
      evaluate: async (input, { signal }) => {
        enter(input.traceId);
        if (c.behaviour === 'hang_ignoring_signal')
          return new Promise<CriticOutput>(() => undefined);
        try {
          switch (c.behaviour) {
            case 'hang':
              await wait(10_000_000, signal);
              break;
            case 'too_slow':
              await wait(TIMEOUT_MS + 20 + c.delayMs, signal);
              break;
            case 'slow':
              await wait(c.delayMs + 1, signal);
              break;
            default:
              await wait(c.delayMs, signal);
          }
        } finally {
          leave();
        }
        if (c.behaviour === 'throw') throw new Error(`${critic} failed`);
        if (c.behaviour === 'non_object') return 'not an object' as unknown as CriticOutput;
        return output(c.behaviour);
      },
    };
    if (c.policy === Policy.CONDITIONAL) spec.condition = () => c.condition;
    if (c.maxConcurrent !== undefined) spec.maxConcurrent = c.maxConcurrent;
    return spec;
  });
}

function options(s: Scenario): OrchestratorOptions {
  const maxConcurrentPerStage: Partial<Record<Stage, number>> = {};
  s.stageCaps.forEach((cap, i) => {
    if (cap !== undefined) maxConcurrentPerStage[STAGE_ORDER[i] as Stage] = cap;
  });
  const o: OrchestratorOptions = {
    critics: [],
    maxConcurrent: s.maxConcurrent,
    maxConcurrentPerStage,
    enableGating: s.enableGating,
    stageBarrier: s.stageBarrier,
    abandonAfterMs: ABANDON_AFTER_MS,
    random: () => 0.5,
  };
  if (s.globalTimeoutMs !== undefined) o.globalTimeoutMs = s.globalTimeoutMs;
  return o;
}

/** Advances fake time until `promise` settles; `done` is false if it never does. */
async function settles<T>(promise: Promise<T>): Promise<{ done: boolean; value?: T }> {
  const state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => {
    state.done = true;
    state.value = value;
  });
  for (let i = 0; i < 5_000 && !state.done; i++) await vi.advanceTimersToNextTimerAsync();
  await Promise.resolve();
  return state;
}

/** Whether the critic should have been gated, from its policy and the earlier results. */
function gatedAsExpected(
  s: Scenario,
  c: CriticPlan,
  report: RunReport,
  run: Scenario['runs'][number],
  plan: readonly string[],
  critic: string,
): boolean {
  if (!s.enableGating) return false;
  const earlier = plan
    .slice(0, plan.indexOf(critic))
    .map((other) => report.results[other])
    .filter((r) => r !== undefined && (r.status === 'success' || r.degraded === true));
  switch (c.policy) {
    case Policy.ALWAYS:
      return false;
    case Policy.ON_VIOLATION:
      return !earlier.some((r) => r?.output['violation'] === true);
    case Policy.ON_UNCERTAINTY:
      return !earlier.some((r) => Number(r?.output['uncertainty']) > 0.7);
    case Policy.ON_HIGH_RISK:
      return run.riskTier !== 'high';
    case Policy.CONDITIONAL:
      return !c.condition;
    default:
      return false;
  }
}

async function check(s: Scenario): Promise<void> {
  const seen: Observed = {
    seq: 0,
    starts: new Map(),
    finishes: new Map(),
    inFlight: { total: 0, stage: [], critic: new Map() },
    violations: [],
  };
  const base = options(s);
  const orchestrator = createOrchestrator({ ...base, critics: buildSpecs(s, seen, base) });
  orchestrator.on('criticFinish', ({ traceId, result }) => {
    const key = `${traceId}/${result.critic}`;
    seen.finishes.set(key, [...(seen.finishes.get(key) ?? []), seen.seq++]);
  });
  const completions: string[] = [];
  orchestrator.on('runComplete', ({ report }) => {
    completions.push(report.traceId);
  });
  const traceIds = s.runs.map((_, k) => `run_${k}`);
  const reports = Promise.all(
    s.runs.map((run, k) => {
      const runOptions: { signal?: AbortSignal } = {};
      if (run.abortAtMs !== undefined) {
        const controller = new AbortController();
        setTimeout(() => {
          controller.abort();
        }, run.abortAtMs);
        runOptions.signal = controller.signal;
      }
      return orchestrator.run(
        {
          inputText: 'in',
          modelResponse: 'out',
          context: { riskTier: run.riskTier },
          traceId: traceIds[k] as string,
        },
        runOptions,
      );
    }),
  );
  const outcome = await settles(reports);
  // Every run resolves.
  expect(outcome.done).toBe(true);
  const finished = outcome.value as RunReport[];

  // In-flight work never exceeded the global, per-stage or per-critic caps.
  expect(seen.violations).toEqual([]);

  const plan = orchestrator.critics.map((c) => c.name);
  const position = new Map(plan.map((n, i) => [n, i] as const));
  for (const [k, report] of finished.entries()) {
    const traceId = traceIds[k] as string;
    expect(report.traceId).toBe(traceId);
    // Exactly one result per critic per run.
    expect(Object.keys(report.results).sort()).toEqual(s.critics.map((_, i) => name(i)).sort());
    s.critics.forEach((c, i) => {
      const critic = name(i);
      const key = `${traceId}/${critic}`;
      expect(seen.finishes.get(key)).toHaveLength(1);
      const started = seen.starts.get(key);
      if (started === undefined) return;
      const firstStart = started[0] as number;
      // Declared dependencies settled before the critic started.
      for (const d of c.deps) {
        const depFinish = seen.finishes.get(`${traceId}/${name(d)}`)?.[0];
        expect(depFinish).toBeDefined();
        expect(depFinish as number).toBeLessThan(firstStart);
      }
      // Evidence-reading policies saw every critic ordered before them settled.
      const readsEvidence = c.policy === Policy.ON_VIOLATION || c.policy === Policy.ON_UNCERTAINTY;
      const earlier = plan.slice(0, position.get(critic));
      for (const other of earlier) {
        const otherStage = s.critics[Number(other.slice('critic_'.length))]?.stage ?? 0;
        if (!(s.enableGating && readsEvidence) && !(s.stageBarrier && otherStage < c.stage))
          continue;
        const otherFinish = seen.finishes.get(`${traceId}/${other}`)?.[0];
        expect(otherFinish).toBeDefined();
        expect(otherFinish as number).toBeLessThan(firstStart);
      }
      // A critic's attempts never outnumber 1 + its retries.
      expect(started.length).toBeLessThanOrEqual(1 + c.maxRetries);
    });
    // Gating decisions follow the policies (a critic cancelled before its gate is skipped).
    s.critics.forEach((c, i) => {
      const result = report.results[name(i)];
      if (result === undefined || result.status === 'cancelled') return;
      expect(gatedAsExpected(s, c, report, s.runs[k]!, plan, name(i))).toBe(
        result.status === 'gated',
      );
    });
    const summary = report.summary;
    const results = Object.values(report.results);
    expect(summary.gated).toBe(results.filter((r) => r.status === 'gated').length);
    expect(summary.total).toBe(results.length - summary.gated);
    expect(summary.retried).toBe(results.reduce((sum, r) => sum + r.retryCount, 0));
  }
  // Each run completes exactly once, and the orchestrator counts exactly these runs.
  expect(completions.sort()).toEqual([...traceIds].sort());
  expect(orchestrator.metrics().runs).toBe(s.runs.length);
  await orchestrator.close();
  // Drop what the abandoned attempts and unused abort timers left behind.
  vi.clearAllTimers();
}

describe('orchestrator properties', () => {
  it('keeps its invariants over random plans, limits, failures and concurrent runs', async () => {
    await fc.assert(fc.asyncProperty(scenario, check), { numRuns: 100 });
  });
});
