/**
 * What every run of one orchestrator shares: the plan, the process-wide scheduler, breakers and
 * metrics, hooks, events and settings.
 */
import type { CircuitBreaker } from './breaker.js';
import type { Clock } from './clock.js';
import type { MetricsRecorder } from './metrics.js';
import type { OrchestratorEmitters } from './orchestrator-events.js';
import type { Plan } from './plan.js';
import type { Scheduler } from './scheduler.js';
import type { TimeoutList } from './timeout-list.js';
import type { Logger, OrchestratorHooks } from './types.js';

export interface RunSettings {
  readonly enableGating: boolean;
  readonly enableRetries: boolean;
  readonly strictValidation: boolean;
  readonly failOnValidation: boolean;
  /** Infinity when none. */
  readonly globalTimeoutMs: number;
  /** Per stage index; Infinity when none. */
  readonly stageTimeouts: readonly number[];
  /** Whether any stage has a finite timeout. */
  readonly anyStageTimeout: boolean;
  readonly uncertaintyThreshold: number;
  readonly abandonAfterMs: number;
  /** Whether critics receive their dependencies' outputs (false in the simple orchestrator). */
  readonly followDependencies: boolean;
}

export interface RunEnvironment {
  readonly label: string;
  readonly plan: Plan;
  readonly scheduler: Scheduler;
  readonly breakers: readonly (CircuitBreaker | undefined)[];
  /** The timeout list each critic's attempts join (one list per distinct timeout). */
  readonly timeouts: readonly TimeoutList[];
  readonly metrics: MetricsRecorder;
  readonly events: OrchestratorEmitters;
  readonly hooks: OrchestratorHooks;
  /** Whether any hook is set (hook contexts are built only then). */
  readonly hasHooks: boolean;
  readonly logger: Logger;
  /** False when the logger is the silent default: skip building messages. */
  readonly logging: boolean;
  readonly clock: Clock;
  readonly random: () => number;
  readonly settings: RunSettings;
}
