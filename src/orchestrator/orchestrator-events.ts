/**
 * The orchestrator's typed events.
 */
import type { BreakerState } from './breaker.js';
import { Emitter } from './events.js';
import type { CriticResult, RunReport } from './types.js';

export interface OrchestratorEvents {
  /** A run was admitted and is about to start its critics. */
  runStart: { traceId: string; critics: number };
  /** A critic attempt is about to call the critic. */
  criticStart: {
    traceId: string;
    critic: string;
    attempt: number;
    stage: string;
    priority: number;
  };
  /** A critic has its result for this run. */
  criticFinish: { traceId: string; result: CriticResult };
  /** A failed attempt will be retried after `delayMs`. */
  retry: {
    traceId: string;
    critic: string;
    retry: number;
    maxRetries: number;
    delayMs: number;
    error: string;
  };
  /** A critic was skipped by its policy. */
  gated: { traceId: string; critic: string; reason: string };
  /** A critic's circuit breaker changed state. */
  breakerStateChange: { critic: string; from: BreakerState; to: BreakerState };
  /** A run is complete. */
  runComplete: { report: RunReport };
}

export type OrchestratorEventName = keyof OrchestratorEvents;

export type OrchestratorEmitters = { [K in OrchestratorEventName]: Emitter<OrchestratorEvents[K]> };

export function createEmitters(onListenerError: (error: unknown) => void): OrchestratorEmitters {
  return {
    runStart: new Emitter(onListenerError),
    criticStart: new Emitter(onListenerError),
    criticFinish: new Emitter(onListenerError),
    retry: new Emitter(onListenerError),
    gated: new Emitter(onListenerError),
    breakerStateChange: new Emitter(onListenerError),
    runComplete: new Emitter(onListenerError),
  };
}
