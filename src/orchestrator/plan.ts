/**
 * The execution plan, built once at construction: the critics in order, and for each one the
 * critics it must wait for in a run.
 */
import { findCycle } from './cycle.js';
import {
  DuplicateCriticError,
  StageOrderError,
  UnknownDependencyError,
  CycleError,
} from './errors.js';
import type { PlannedCritic } from './planned-critic.js';
import { Policy, stageIndex } from './vocabulary.js';

export interface PlanNode {
  readonly critic: PlannedCritic;
  /** Position in plan order. */
  readonly index: number;
  readonly stageIndex: number;
  /** Plan indices of the declared dependencies. */
  readonly deps: readonly number[];
  /** Plan indices this critic waits for before it may start (deps, evidence, barrier). */
  readonly waitsFor: readonly number[];
  /** Plan indices that wait for this critic. */
  readonly releases: readonly number[];
}

export interface Plan {
  readonly nodes: readonly PlanNode[];
  /** `waitsFor.length` per node, copied by each run as its countdown. */
  readonly waitCounts: readonly number[];
  /** One zero per node (a template for per-run state). */
  readonly zeros: readonly number[];
  readonly byName: ReadonlyMap<string, PlanNode>;
}

export interface PlanOptions {
  enableGating: boolean;
  stageBarrier: boolean;
}

/** Policies whose gate reads the results of every critic ordered before it. */
export function readsEvidence(policy: Policy): boolean {
  return policy === Policy.ON_VIOLATION || policy === Policy.ON_UNCERTAINTY;
}

/**
 * Orders the critics by (stage, priority, declaration) while keeping every dependency before
 * its dependent, and works out what each critic waits for. Throws a {@link PlanError}.
 */
export function buildPlan(critics: readonly PlannedCritic[], options: PlanOptions): Plan {
  const byName = new Map<string, PlannedCritic>();
  for (const critic of critics) {
    if (byName.has(critic.name)) throw new DuplicateCriticError(critic.name);
    byName.set(critic.name, critic);
  }
  for (const critic of critics) {
    for (const dep of critic.dependsOn) {
      const target = byName.get(dep);
      if (target === undefined) throw new UnknownDependencyError(critic.name, dep);
      if (stageIndex(target.stage) > stageIndex(critic.stage)) {
        throw new StageOrderError(critic.name, critic.stage, dep, target.stage);
      }
    }
  }
  const edges = new Map(critics.map((c) => [c.name, c.dependsOn] as const));
  const cycle = findCycle(
    critics.map((c) => c.name),
    edges,
  );
  if (cycle !== undefined) throw new CycleError(cycle);

  const ordered = topologicalOrder(critics, byName);
  const position = new Map(ordered.map((c, i) => [c.name, i] as const));
  const at = (name: string): number => position.get(name) as number;
  const waits: number[][] = ordered.map((critic, i) => {
    const set = new Set<number>(critic.dependsOn.map(at));
    const ownStage = stageIndex(critic.stage);
    for (let j = 0; j < i; j++) {
      const earlier = ordered[j] as PlannedCritic;
      const evidence = options.enableGating && readsEvidence(critic.policy);
      const barrier = options.stageBarrier && stageIndex(earlier.stage) < ownStage;
      if (evidence || barrier) set.add(j);
    }
    return [...set].sort((a, b) => a - b);
  });
  const releases: number[][] = ordered.map(() => []);
  waits.forEach((list, i) => {
    for (const j of list) (releases[j] as number[]).push(i);
  });
  const nodes: PlanNode[] = ordered.map((critic, index) => ({
    critic,
    index,
    stageIndex: stageIndex(critic.stage),
    deps: critic.dependsOn.map(at),
    waitsFor: waits[index] as number[],
    releases: releases[index] as number[],
  }));
  return {
    nodes,
    waitCounts: nodes.map((node) => node.waitsFor.length),
    zeros: nodes.map(() => 0),
    byName: new Map(nodes.map((n) => [n.critic.name, n] as const)),
  };
}

/** Kahn's algorithm, always taking the ready critic with the smallest (stage, priority, declaration). */
function topologicalOrder(
  critics: readonly PlannedCritic[],
  byName: ReadonlyMap<string, PlannedCritic>,
): PlannedCritic[] {
  const remaining = new Map(critics.map((c) => [c.name, c.dependsOn.length] as const));
  const dependents = new Map<string, PlannedCritic[]>(critics.map((c) => [c.name, []]));
  for (const critic of critics) {
    for (const dep of critic.dependsOn) dependents.get(dep)?.push(critic);
  }
  const ready = critics.filter((c) => c.dependsOn.length === 0);
  const order: PlannedCritic[] = [];
  while (ready.length > 0) {
    ready.sort(compareCritics);
    const next = ready.shift() as PlannedCritic;
    order.push(next);
    for (const dependent of dependents.get(next.name) ?? []) {
      const left = (remaining.get(dependent.name) as number) - 1;
      remaining.set(dependent.name, left);
      if (left === 0) ready.push(byName.get(dependent.name) as PlannedCritic);
    }
  }
  return order;
}

function compareCritics(a: PlannedCritic, b: PlannedCritic): number {
  return (
    stageIndex(a.stage) - stageIndex(b.stage) || a.priority - b.priority || a.declared - b.declared
  );
}
