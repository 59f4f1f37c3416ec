/**
 * One run of the panel: tracks which critics are waiting, running and settled, starts each
 * critic the moment what it waits for has settled, enforces the run's and stages' deadlines and
 * the caller's signal, and resolves with the report once every critic has a result.
 */
import type { TimerHandle } from './clock.js';
import { errorMessage } from './errors.js';
import { failureOutput } from './failure.js';
import { startCritic, type CriticWork } from './critic-lifecycle.js';
import { completeMessage } from './logger.js';
import { countResult } from './metrics.js';
import type { PlanNode } from './plan.js';
import { baseInput, inputWithPriors } from './request.js';
import type { RunEnvironment } from './run-environment.js';
import type {
  CriticInput,
  CriticOutput,
  CriticResult,
  RunReport,
  RunRequest,
  RunSummary,
} from './types.js';
import { STAGE_ORDER, Status } from './vocabulary.js';

/** Shared by runs without stage timeouts; never written (only finite timeouts arm a stage). */
const NO_DEADLINES: readonly number[] = STAGE_ORDER.map(() => Number.POSITIVE_INFINITY);

const WAITING = 0;
const STARTED = 1;
const SETTLED = 2;

export class RunExecution {
  readonly env: RunEnvironment;
  readonly input: CriticInput;
  readonly results: (CriticResult | undefined)[];
  readonly startedAt: number;
  /** Absolute deadline of the run (Infinity when none). */
  readonly deadline: number;
  readonly stageDeadlines: readonly number[];
  private readonly state: number[];
  private readonly remaining: number[];
  private readonly work: (CriticWork | undefined)[];
  private readonly summary: RunSummary;
  private timers: TimerHandle[] | undefined;
  private readonly signal: AbortSignal | undefined;
  private readonly onAbort: (() => void) | undefined;
  private readonly onDone: (run: RunExecution, report: RunReport) => void;
  private settledCount = 0;
  /**
   * Set by {@link finish}. Settling one critic can synchronously settle others (a released
   * critic that is gated settles at once), and each level of that nesting sees the last count.
   */
  private finished = false;
  private cancelReason: string | undefined;

  constructor(
    env: RunEnvironment,
    request: RunRequest,
    signal: AbortSignal | undefined,
    onDone: (run: RunExecution, report: RunReport) => void,
  ) {
    const n = env.plan.nodes.length;
    this.env = env;
    this.onDone = onDone;
    this.input = baseInput(request);
    this.results = new Array<CriticResult | undefined>(n);
    this.state = env.plan.zeros.slice();
    this.remaining = env.plan.waitCounts.slice();
    this.work = new Array<CriticWork | undefined>(n);
    this.summary = {
      total: 0,
      success: 0,
      failed: 0,
      timedOut: 0,
      gated: 0,
      retried: 0,
      cancelled: 0,
      circuitOpen: 0,
      rateLimited: 0,
      cost: 0,
      durationMs: 0,
    };
    this.startedAt = env.clock.now();
    this.deadline = this.startedAt + env.settings.globalTimeoutMs;
    this.stageDeadlines = env.settings.anyStageTimeout
      ? STAGE_ORDER.map(() => Number.POSITIVE_INFINITY)
      : NO_DEADLINES;
    this.signal = signal;
    if (signal !== undefined) {
      this.onAbort = () => {
        this.cancelAll(`aborted: ${errorMessage(signal.reason)}`);
      };
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  get traceId(): string {
    return this.input.traceId;
  }

  /** Starts every critic that waits for nothing; the rest follow as their prerequisites settle. */
  start(): void {
    if (this.signal?.aborted === true) {
      this.cancelAll(`aborted: ${errorMessage(this.signal.reason)}`);
      return;
    }
    if (Number.isFinite(this.env.settings.globalTimeoutMs)) {
      (this.timers ??= []).push(
        this.env.clock.setTimeout(() => {
          this.cancelAll('global_timeout');
        }, this.env.settings.globalTimeoutMs),
      );
    }
    const nodes = this.env.plan.nodes;
    for (let i = 0; i < nodes.length && this.settledCount < nodes.length; i++) {
      if (this.state[i] === WAITING && this.remaining[i] === 0) this.launch(nodes[i] as PlanNode);
    }
  }

  /** The deadline that applies to a critic: the run's or its stage's, whichever is sooner. */
  deadlineFor(node: PlanNode): number {
    return Math.min(this.deadline, this.stageDeadlines[node.stageIndex] as number);
  }

  /** Why this critic must stop, if it must. */
  cancellation(node: PlanNode): string | undefined {
    if (this.cancelReason !== undefined) return this.cancelReason;
    const stageDeadline = this.stageDeadlines[node.stageIndex] as number;
    if (stageDeadline !== Number.POSITIVE_INFINITY && this.env.clock.now() >= stageDeadline) {
      return `stage_timeout: ${node.critic.stage}`;
    }
    return undefined;
  }

  /** Registers what a started critic is waiting on, so it can be cancelled. */
  track(node: PlanNode, work: CriticWork | undefined): void {
    this.work[node.index] = work;
  }

  /** The input a critic receives: its declared dependencies' outputs only. */
  inputFor(node: PlanNode): CriticInput {
    if (node.deps.length === 0 || !this.env.settings.followDependencies) return this.input;
    const priors: Record<string, CriticOutput> = {};
    for (const dep of node.deps) {
      const result = this.results[dep];
      if (
        result === undefined ||
        result.status === Status.GATED ||
        result.status === Status.CANCELLED
      )
        continue;
      priors[result.critic] = result.output;
    }
    return inputWithPriors(this.input, priors);
  }

  /** Records a critic's result and starts whatever was waiting for it. */
  settle(node: PlanNode, result: CriticResult, cost: number): void {
    const i = node.index;
    if (this.state[i] === SETTLED) return;
    this.state[i] = SETTLED;
    this.work[i] = undefined;
    this.results[i] = result;
    this.settledCount++;
    countResult(this.summary, result, cost);
    this.env.metrics.recordResult(result, cost);
    if (this.env.events.criticFinish.active) {
      this.env.events.criticFinish.emit({ traceId: this.traceId, result });
    }
    const nodes = this.env.plan.nodes;
    for (const next of node.releases) {
      const left = (this.remaining[next] ?? 0) - 1;
      this.remaining[next] = left;
      if (left === 0 && this.state[next] === WAITING) {
        this.launch(nodes[next] as PlanNode);
      }
    }
    if (this.settledCount === nodes.length) this.finish();
  }

  /** Cancels every critic that has not settled. */
  cancelAll(reason: string): void {
    if (this.cancelReason !== undefined || this.settledCount === this.env.plan.nodes.length) return;
    this.cancelReason = reason;
    for (const node of this.env.plan.nodes) this.cancelOne(node, reason);
  }

  private launch(node: PlanNode): void {
    this.state[node.index] = STARTED;
    this.armStageTimer(node);
    const reason = this.cancellation(node);
    if (reason !== undefined) {
      this.settle(node, this.cancelledResult(node, reason), 0);
      return;
    }
    try {
      startCritic(this, node);
    } catch (error) {
      this.defect(node, error);
    }
  }

  /** A defect in the orchestrator itself must still leave the critic with a result. */
  defect(node: PlanNode, error: unknown): void {
    this.env.logger.error(
      { traceId: this.traceId, critic: node.critic.name, err: error },
      'Critic lifecycle failed',
    );
    this.settle(
      node,
      { ...this.cancelledResult(node, errorMessage(error)), status: Status.ERROR },
      0,
    );
  }

  private armStageTimer(node: PlanNode): void {
    const stage = node.stageIndex;
    const timeout = this.env.settings.stageTimeouts[stage] as number;
    if (
      timeout === Number.POSITIVE_INFINITY ||
      this.stageDeadlines[stage] !== Number.POSITIVE_INFINITY
    )
      return;
    (this.stageDeadlines as number[])[stage] = this.env.clock.now() + timeout;
    (this.timers ??= []).push(
      this.env.clock.setTimeout(() => {
        const reason = `stage_timeout: ${node.critic.stage}`;
        for (const other of this.env.plan.nodes) {
          if (other.stageIndex === stage) this.cancelOne(other, reason);
        }
      }, timeout),
    );
  }

  private cancelOne(node: PlanNode, reason: string): void {
    const i = node.index;
    if (this.state[i] === SETTLED) return;
    const work = this.work[i];
    if (work !== undefined) {
      work.cancel(reason);
      return;
    }
    if (this.state[i] === WAITING) this.settle(node, this.cancelledResult(node, reason), 0);
  }

  /** A result for a critic that was cancelled before it produced anything. */
  cancelledResult(node: PlanNode, reason: string): CriticResult {
    const error = `Cancelled: ${reason}`;
    return {
      critic: node.critic.name,
      status: Status.CANCELLED,
      output: failureOutput(error),
      stage: node.critic.stage,
      priority: node.critic.priority,
      retryCount: 0,
      durationMs: 0,
      queueTimeMs: 0,
      error,
      validationErrors: [],
    };
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timers !== undefined)
      for (const timer of this.timers) this.env.clock.clearTimeout(timer);
    if (this.onAbort !== undefined) this.signal?.removeEventListener('abort', this.onAbort);
    const { env, summary } = this;
    summary.durationMs = env.clock.now() - this.startedAt;
    const results: Record<string, CriticResult> = {};
    for (const result of this.results) {
      if (result !== undefined) results[result.critic] = result;
    }
    const report: RunReport = { traceId: this.traceId, results, summary };
    env.metrics.recordRun(summary.durationMs);
    if (env.logging) {
      env.logger.info(
        { traceId: this.traceId, ...summary },
        completeMessage(summary.total, summary.success, summary.gated, summary.retried),
      );
    }
    this.onDone(this, report);
  }
}
