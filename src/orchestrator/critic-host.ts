/**
 * One critic's execution in one run: the tally of its attempts, and the host its attempts use to
 * free their slot, register for cancellation and deliver their outcome. Methods rather than
 * closures, so the hot path allocates one object per critic.
 */
import type { AttemptHost, Outcome, RunningAttempt } from './attempt.js';
import type { Clock } from './clock.js';
import type { PlanNode } from './plan.js';
import type { RunExecution } from './run.js';
import type { CriticInput } from './types.js';

export type OutcomeHandler = (host: CriticHost, outcome: Outcome) => void;

export class CriticHost implements AttemptHost {
  readonly clock: Clock;
  readonly abandonAfterMs: number;
  readonly run: RunExecution;
  readonly node: PlanNode;
  readonly input: CriticInput;
  readonly readyAt: number;
  queueTimeMs = 0;
  /** Retries whose attempt was actually made (a refused retry is not one). */
  retries = 0;
  /** Attempts that called the critic. */
  invoked = 0;
  /** The fast path's handler of an asynchronous outcome (a module function: no closure). */
  private handler: OutcomeHandler | undefined;
  /** The slow path's waiter for an asynchronous outcome. */
  private waiter: ((outcome: Outcome) => void) | undefined;
  private early: Outcome | undefined;

  constructor(run: RunExecution, node: PlanNode, input: CriticInput, readyAt: number) {
    this.run = run;
    this.node = node;
    this.input = input;
    this.readyAt = readyAt;
    this.clock = run.env.clock;
    this.abandonAfterMs = run.env.settings.abandonAfterMs;
  }

  release(): void {
    this.run.env.scheduler.release(this.node.index, this.node.stageIndex);
  }

  track(running: RunningAttempt | undefined): void {
    this.run.track(this.node, running);
  }

  settled(outcome: Outcome): void {
    const handler = this.handler;
    if (handler !== undefined) {
      this.handler = undefined;
      handler(this, outcome);
      return;
    }
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter === undefined) this.early = outcome;
    else waiter(outcome);
  }

  /** Sends the next asynchronous outcome to `handler` (the fast path). */
  deliverTo(handler: OutcomeHandler): void {
    this.handler = handler;
  }

  /** The next asynchronous outcome, as a promise (the slow path). */
  nextOutcome(): Promise<Outcome> {
    const early = this.early;
    if (early !== undefined) {
      this.early = undefined;
      return Promise.resolve(early);
    }
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }
}
