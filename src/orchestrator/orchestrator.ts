/**
 * `createOrchestrator`: one long-lived orchestrator per process, shared by every concurrent run.
 * The production kind runs the panel along its dependency plan with gating, process-wide limits,
 * retries, breakers and deadlines; the simple kind (the rollback path) runs every critic at once
 * with its own timeout only. Both answer the same report shape.
 */
import { CircuitBreaker } from './breaker.js';
import { systemClock, type Clock } from './clock.js';
import { TimeoutList } from './timeout-list.js';
import { ClosedError, InvalidRequestError, OverloadedError, errorMessage } from './errors.js';
import type { Disposable, Listener } from './events.js';
import { runningMessage, silentLogger } from './logger.js';
import { MetricsRecorder, type OrchestratorMetrics } from './metrics.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import {
  createEmitters,
  type OrchestratorEventName,
  type OrchestratorEvents,
} from './orchestrator-events.js';
import { buildPlan, type Plan } from './plan.js';
import { planCritic, type PlannedCritic } from './planned-critic.js';
import { checkRequest } from './request.js';
import type { RunEnvironment } from './run-environment.js';
import { RunExecution } from './run.js';
import { Scheduler } from './scheduler.js';
import { TokenBucket } from './token-bucket.js';
import type {
  OrchestratorKind,
  OrchestratorOptions,
  RunOptions,
  RunReport,
  RunRequest,
} from './types.js';
import { STAGE_ORDER, type Policy, type Stage } from './vocabulary.js';

/** A critic as the plan placed it. */
export interface PlannedCriticInfo {
  name: string;
  stage: Stage;
  priority: number;
  policy: Policy;
  dependsOn: readonly string[];
  timeoutMs: number;
  maxRetries: number;
  failureMode: string;
  cost: number;
  version: string;
  tags: readonly string[];
  /** Why the critic got its stage, priority and policy. */
  reasons: { stage: string; priority: string; policy: string };
}

export interface Orchestrator {
  readonly kind: OrchestratorKind;
  /** Critic executions that may wait at once; a run that would pass it is refused (503). */
  readonly maxQueueSize: number;
  /** The panel in plan order. */
  readonly critics: readonly PlannedCriticInfo[];
  /** Runs the panel on one request. Rejects only for a malformed request, overload or close. */
  run(request: RunRequest, options?: RunOptions): Promise<RunReport>;
  metrics(): OrchestratorMetrics;
  on<K extends OrchestratorEventName>(
    event: K,
    listener: Listener<OrchestratorEvents[K]>,
  ): Disposable;
  /** Refuses new runs, cancels the ones in flight and resolves once they have reported. */
  close(): Promise<void>;
}

/** Builds an orchestrator. Throws an {@link InvalidOptionError} or {@link PlanError} for a bad setup. */
export function createOrchestrator(options: OrchestratorOptions): Orchestrator {
  return new ProductionOrchestrator(resolveOptions(options));
}

class ProductionOrchestrator implements Orchestrator {
  readonly kind: OrchestratorKind;
  readonly maxQueueSize: number;
  readonly critics: readonly PlannedCriticInfo[];
  private readonly env: RunEnvironment;
  private readonly options: ResolvedOptions;
  private readonly active = new Set<RunExecution>();
  private readonly settled = new Set<() => void>();
  /** Critics of admitted runs that have not settled. */
  private outstanding = 0;
  private closed = false;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.kind = options.kind;
    this.maxQueueSize = options.maxQueueSize;
    const simple = options.kind === 'simple';
    const planned = options.critics.map((spec, i) => planCritic(spec, i));
    const plan = buildPlan(simple ? planned.map(withoutDependencies) : planned, {
      enableGating: options.enableGating,
      stageBarrier: options.stageBarrier,
    });
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? silentLogger;
    const events = createEmitters((error) => {
      logger.warn({ err: errorMessage(error) }, 'Event listener failed; continuing');
    });
    this.env = {
      label: simple ? 'Simple' : 'Production',
      plan,
      scheduler: new Scheduler({
        maxConcurrent: options.maxConcurrent,
        stageCaps: STAGE_ORDER.map(
          (stage) => options.maxConcurrentPerStage[stage] ?? Number.POSITIVE_INFINITY,
        ),
        criticCaps: plan.nodes.map((n) => n.critic.maxConcurrent),
        buckets: plan.nodes.map((n) =>
          n.critic.ratePerSecond === undefined || simple
            ? undefined
            : new TokenBucket(n.critic.ratePerSecond, clock),
        ),
        clock,
      }),
      breakers: plan.nodes.map((n) => {
        const breakerOptions = n.critic.circuitBreaker;
        if (breakerOptions === undefined || simple) return undefined;
        return new CircuitBreaker(breakerOptions, clock, (from, to) => {
          logger.warn(
            { critic: n.critic.name, from, to },
            `Circuit breaker for ${n.critic.name}: ${from} → ${to}`,
          );
          if (events.breakerStateChange.active)
            events.breakerStateChange.emit({ critic: n.critic.name, from, to });
        });
      }),
      timeouts: timeoutLists(plan, clock),
      metrics: new MetricsRecorder(plan.nodes.map((n) => n.critic.name)),
      events,
      hooks: options.hooks,
      hasHooks: Object.values(options.hooks).some((hook) => hook !== undefined),
      logger,
      logging: logger !== silentLogger,
      clock,
      random: options.random,
      settings: {
        enableGating: options.enableGating,
        enableRetries: options.enableRetries,
        strictValidation: options.strictValidation,
        failOnValidation: options.failOnValidation,
        globalTimeoutMs: options.globalTimeoutMs,
        stageTimeouts: STAGE_ORDER.map(
          (stage) => options.stageTimeoutMs[stage] ?? Number.POSITIVE_INFINITY,
        ),
        anyStageTimeout: Object.values(options.stageTimeoutMs).some(Number.isFinite),
        uncertaintyThreshold: options.uncertaintyThreshold,
        abandonAfterMs: options.abandonAfterMs,
        followDependencies: !simple,
      },
    };
    this.critics = describePlan(plan);
  }

  run(request: RunRequest, options?: RunOptions): Promise<RunReport> {
    try {
      return Promise.resolve(this.admit(request, options));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private admit(request: RunRequest, options: RunOptions | undefined): Promise<RunReport> {
    if (this.closed) throw new ClosedError();
    const checked = checkRequest(request);
    const signal = options?.signal;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new InvalidRequestError('options.signal', 'an AbortSignal', signal);
    }
    const { env } = this;
    const size = env.plan.nodes.length;
    const waiting = Math.max(0, this.outstanding - env.scheduler.inFlight);
    if (waiting + size > this.options.maxQueueSize) {
      env.metrics.rejected++;
      throw new OverloadedError(waiting, this.options.maxQueueSize, this.retryAfterMs(waiting));
    }
    this.outstanding += size;
    return new Promise<RunReport>((resolve) => {
      const execution = new RunExecution(env, checked, signal, (done, report) => {
        this.outstanding -= size;
        this.active.delete(done);
        if (env.events.runComplete.active) env.events.runComplete.emit({ report });
        resolve(report);
        if (this.active.size === 0) for (const wake of this.settled) wake();
      });
      this.active.add(execution);
      if (env.logging) {
        env.logger.info(
          { traceId: execution.traceId, critics: size },
          runningMessage(size, env.label, env.settings.enableGating, env.settings.enableRetries),
        );
      }
      if (env.events.runStart.active) {
        env.events.runStart.emit({ traceId: execution.traceId, critics: size });
      }
      execution.start();
    });
  }

  /** How long an overloaded client should wait: the queue ahead at the recent execution time. */
  private retryAfterMs(waiting: number): number {
    const perExecution = this.env.metrics.typicalLatencyMs || 100;
    return Math.max(100, Math.ceil((waiting / this.options.maxConcurrent) * perExecution));
  }

  metrics(): OrchestratorMetrics {
    const { scheduler, breakers, plan } = this.env;
    return this.env.metrics.snapshot(
      {
        inFlight: scheduler.inFlight,
        peakInFlight: scheduler.peakInFlight,
        queued: scheduler.queued,
      },
      (name) => {
        const node = plan.byName.get(name);
        return (node === undefined ? undefined : breakers[node.index]?.state) ?? 'disabled';
      },
    );
  }

  on<K extends OrchestratorEventName>(
    event: K,
    listener: Listener<OrchestratorEvents[K]>,
  ): Disposable {
    const emitter = this.env.events[event] as
      { subscribe(l: Listener<OrchestratorEvents[K]>): Disposable } | undefined;
    if (emitter === undefined) {
      throw new InvalidRequestError(
        'event',
        `one of ${Object.keys(this.env.events).join(', ')}`,
        event,
      );
    }
    return emitter.subscribe(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.active.size > 0) {
      const drained = new Promise<void>((resolve) => this.settled.add(resolve));
      for (const execution of [...this.active]) execution.cancelAll('orchestrator_closed');
      await drained;
    }
    this.env.scheduler.dispose();
    for (const list of new Set(this.env.timeouts)) list.dispose();
    for (const emitter of Object.values(this.env.events)) emitter.clear();
  }
}

/** One timeout list per distinct critic timeout, shared by the critics that have it. */
function timeoutLists(plan: Plan, clock: Clock): TimeoutList[] {
  const lists = new Map<number, TimeoutList>();
  return plan.nodes.map(({ critic }) => {
    let list = lists.get(critic.timeoutMs);
    if (list === undefined) {
      list = new TimeoutList(clock);
      lists.set(critic.timeoutMs, list);
    }
    return list;
  });
}

function withoutDependencies(critic: PlannedCritic): PlannedCritic {
  return { ...critic, dependsOn: [] };
}

function describePlan(plan: Plan): PlannedCriticInfo[] {
  return plan.nodes.map(({ critic }) => ({
    name: critic.name,
    stage: critic.stage,
    priority: critic.priority,
    policy: critic.policy,
    dependsOn: critic.dependsOn,
    timeoutMs: critic.timeoutMs,
    maxRetries: critic.maxRetries,
    failureMode: critic.failureMode,
    cost: critic.cost,
    version: critic.version,
    tags: critic.tags,
    reasons: critic.classification.reasons,
  }));
}
