/**
 * Eleanor's public surface.
 */
export { createOrchestrator } from './orchestrator/orchestrator.js';
export type { Orchestrator, PlannedCriticInfo } from './orchestrator/orchestrator.js';
export { runCriticsParallel } from './orchestrator/legacy.js';
export type { LegacyRunnerOptions } from './orchestrator/legacy.js';
export { classifyCritic, splitWords } from './orchestrator/classify.js';
export type { Classification } from './orchestrator/classify.js';
export {
  configFromEnv,
  configFromFile,
  orchestratorOptionsFromConfig,
  parseBoolean,
  DEFAULT_CONFIG,
  ENV_VARIABLES,
} from './orchestrator/config.js';
export type {
  EleanorConfig,
  ConfigSource,
  ConfigWarning,
  LoadedConfig,
} from './orchestrator/config.js';
export {
  Stage,
  Policy,
  Status,
  STAGE_ORDER,
  MIN_PRIORITY,
  MAX_PRIORITY,
} from './orchestrator/vocabulary.js';
export {
  EleanorError,
  InvalidOptionError,
  PlanError,
  DuplicateCriticError,
  UnknownDependencyError,
  StageOrderError,
  CycleError,
  OverloadedError,
  CircuitOpenError,
  CriticTimeoutError,
  CancelledError,
  CriticOutputError,
  LegacyRunnerError,
  ConfigError,
  ClosedError,
  InvalidRequestError,
} from './orchestrator/errors.js';
export { systemClock, sleep } from './orchestrator/clock.js';
export type { Clock, TimerHandle } from './orchestrator/clock.js';
export { failureOutput } from './orchestrator/failure.js';
export type { BreakerState } from './orchestrator/breaker.js';
export type { Disposable, Listener } from './orchestrator/events.js';
export type {
  OrchestratorEvents,
  OrchestratorEventName,
} from './orchestrator/orchestrator-events.js';
export type { OrchestratorMetrics, CriticMetrics, StatusCounters } from './orchestrator/metrics.js';
export type { Percentiles } from './orchestrator/latency-window.js';
export type {
  AttemptContext,
  BackoffOptions,
  CircuitBreakerOptions,
  CriticCondition,
  CriticInput,
  CriticOutput,
  CriticResult,
  CriticSpec,
  FailureMode,
  HookContext,
  Logger,
  OrchestratorHooks,
  OrchestratorKind,
  OrchestratorOptions,
  OutputValidator,
  RiskTier,
  RunContext,
  RunOptions,
  RunReport,
  RunRequest,
  RunSummary,
} from './orchestrator/types.js';
