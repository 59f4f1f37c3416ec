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
  AuditUnavailableError,
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

// The decision engine and its critic panel.
export { createEngine } from './engine/engine.js';
export type { Engine, EngineOptions, EngineEvents, EngineMetrics } from './engine/engine.js';
export {
  engineConfigFromEnv,
  ENGINE_ENV,
  DEFAULT_MAX_TEXT_CHARS,
  DEFAULT_SQLITE_PATH,
} from './engine/config.js';
export type { EngineConfig, JudgeConfig, ModerationConfig, StoreConfig } from './engine/config.js';
export { defaultPanel, deterministicPanel } from './engine/default-panel.js';
export type { EvaluateRequest, EvaluationResult } from './engine/types.js';
export { decide } from './decision/aggregate.js';
export { auditHash, auditPayload, canonicalJson } from './decision/audit-hash.js';
export { readFinding } from './decision/read-finding.js';
export type {
  Decision,
  DecisionInput,
  DecisionOutcome,
  Dissent,
  Escalation,
  EscalationSignalRecord,
  Reason,
} from './decision/types.js';
export type {
  BuiltInCritic,
  EscalationSignal,
  EscalationTier,
  EvidenceSpan,
  Finding,
  Violation,
} from './critics/types.js';
export { buildFinding } from './critics/finding.js';
export { createInputValidation } from './critics/input-validation.js';
export { createQuickSafety } from './critics/quick-safety.js';
export { createPromptInjectionCheck } from './critics/prompt-injection-check.js';
export { createSecretsScan } from './critics/secrets-scan.js';
export { createPiiDetector } from './critics/pii-detector.js';
export { createRights } from './critics/rights.js';
export { createAutonomy } from './critics/autonomy.js';
export { createFairnessEval } from './critics/fairness-eval.js';
export { createTruth } from './critics/truth.js';
export { createRisk } from './critics/risk.js';
export { createOperations } from './critics/operations.js';
export { createStyleChecker } from './critics/style-checker.js';
export { createDeepBiasCheck } from './critics/deep-bias-check.js';
export { createDeepAnalysis } from './critics/deep-analysis.js';
export { createExternalApiCritic } from './critics/external-api-critic.js';
export { CriticHttpError, CriticProtocolError, JudgeProtocolError } from './critics/http-errors.js';

// The evidence store: one hash-chained decision record per evaluation.
export { openEvidenceStore } from './store/evidence/open.js';
export type { OpenStoreOptions } from './store/evidence/open.js';
export { MemoryEvidenceStore } from './store/evidence/memory.js';
export type { MemoryStoreOptions } from './store/evidence/memory.js';
export { SqliteEvidenceStore, openSqliteStore } from './store/evidence/sqlite.js';
export type { SqliteStoreOptions, SqliteSynchronous } from './store/evidence/sqlite.js';
export { PostgresEvidenceStore, openPostgresStore } from './store/evidence/postgres.js';
export type { PostgresStoreOptions } from './store/evidence/postgres.js';
export { EvidenceStoreError } from './store/evidence/errors.js';
export type { StoreOperation } from './store/evidence/errors.js';
export { buildDecisionRecord } from './store/evidence/record.js';
export type { RecordSource } from './store/evidence/record.js';
export { GENESIS_HASH, verifyRows } from './store/evidence/chain.js';
export type { StoredRow } from './store/evidence/chain.js';
export { TEXT_MODES, STORE_KINDS } from './store/evidence/types.js';
export type {
  CriticStats,
  DecisionRecord,
  DecisionRecordInput,
  EvidencePage,
  EvidenceQuery,
  EvidenceStats,
  EvidenceStore,
  LatencyPercentiles,
  RecordedCriticResult,
  RecordedRequest,
  StatsOptions,
  StoreHealth,
  StoreKind,
  TextMode,
  VerifyResult,
} from './store/evidence/types.js';

// The critic-result cache: memory L1, Redis L2, single flight, wired through the hooks.
export {
  createCriticCache,
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_CACHE_MAX_ENTRIES,
  DEFAULT_CACHE_MAX_CHARS,
} from './store/cache/critic-cache.js';
export type { CriticCache } from './store/cache/critic-cache.js';
export { createRedisLayer, DEFAULT_REDIS_PREFIX } from './store/cache/redis-layer.js';
export type { RedisLayerOptions } from './store/cache/redis-layer.js';
export { cacheHooks } from './store/cache/hooks.js';
export type { CacheHooks } from './store/cache/hooks.js';
export { CacheKeys, CACHE_KEY_VERSION } from './store/cache/key.js';
export { CacheError } from './store/cache/errors.js';
export type {
  CacheBackend,
  CacheHealth,
  CacheStats,
  CriticCacheOptions,
  MemoryLayerStats,
  RemoteLayer,
  RemoteLayerStats,
  RemoteState,
  SingleFlightStats,
} from './store/cache/types.js';
export { cacheConfigFromEnv, CACHE_ENV, DEFAULT_CACHE_CONFIG } from './engine/cache-config.js';
export type { CacheConfig, CacheKind } from './engine/cache-config.js';
