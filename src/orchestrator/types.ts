/**
 * The orchestrator's data contracts: critics, requests, results, reports, hooks and options.
 */
import type { ZodType } from 'zod';
import type { Clock } from './clock.js';
import type { Policy, Stage, Status } from './vocabulary.js';

export type RiskTier = 'low' | 'medium' | 'high';

/** Request context. `riskTier` drives ON_HIGH_RISK gating; other fields are free-form. */
export interface RunContext {
  riskTier?: RiskTier;
  [key: string]: unknown;
}

/** One request to put in front of the panel. */
export interface RunRequest {
  /** The user's input to the model. */
  inputText: string;
  /** The model's response under review. */
  modelResponse: string;
  context?: RunContext;
  /** Correlates logs, events and records; generated when absent. */
  traceId?: string;
}

/** What a critic returns: a plain object. DESIGN.md names the fields the decision reads. */
export type CriticOutput = Record<string, unknown>;

/** What a critic receives. */
export interface CriticInput {
  readonly inputText: string;
  readonly modelResponse: string;
  readonly context: Readonly<RunContext>;
  readonly traceId: string;
  /** Outputs of this critic's declared dependencies only (epistemic isolation). */
  readonly priorResults: Readonly<Record<string, CriticOutput>>;
}

/** Per-attempt context handed to `evaluate`. */
export interface AttemptContext {
  /** Aborts on the critic's timeout, a stage or run deadline, or the caller's signal. */
  readonly signal: AbortSignal;
  /** 0 for the first attempt, 1 for the first retry, … */
  readonly attempt: number;
}

export interface BackoffOptions {
  /** @default 200 */
  initialDelayMs?: number;
  /** @default 2 */
  multiplier?: number;
  /** @default 5000 */
  maxDelayMs?: number;
  /** Fraction of the delay randomised away (0 = none, 1 = full jitter). @default 0.2 */
  jitter?: number;
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the breaker. @default 5 */
  failureThreshold?: number;
  /** How long the breaker stays open before letting one probe through. @default 30000 */
  cooldownMs?: number;
}

/** How a critic's failure weighs on the decision (used by the decision engine). */
export type FailureMode = 'open' | 'closed' | 'escalate';

/** A custom output check: `true` (or an empty array) passes; `false` or messages fail. */
export type OutputValidator = (output: CriticOutput) => boolean | readonly string[];

/** A predicate for the CONDITIONAL policy. */
export type CriticCondition = (input: CriticInput) => boolean;

export interface CriticSpec {
  /** Unique within the panel. Also drives name classification. */
  name: string;
  evaluate: (input: CriticInput, ctx: AttemptContext) => CriticOutput | Promise<CriticOutput>;
  /** @default from name classification */
  stage?: Stage;
  /** 1 (highest) … 10. @default from name classification */
  priority?: number;
  /** @default from name classification */
  policy?: Policy;
  /** Required with `policy: CONDITIONAL`. */
  condition?: CriticCondition;
  /** Critics that must settle first; their outputs appear in `priorResults`. */
  dependsOn?: readonly string[];
  /** Per-attempt timeout. @default 10000 */
  timeoutMs?: number;
  /** @default 2 */
  maxRetries?: number;
  /** Retry attempts that timed out. @default true */
  retryOnTimeout?: boolean;
  backoff?: BackoffOptions;
  /** Executions of this critic in flight across all runs. @default unlimited */
  maxConcurrent?: number;
  /** Attempts per second across all runs (token bucket; any rate > 0). @default unlimited */
  ratePerSecond?: number;
  /** @default ['value', 'score'] */
  requiredFields?: readonly string[];
  schema?: ZodType;
  validate?: OutputValidator;
  /** Breaker options, or `false` to disable the breaker. @default enabled with defaults */
  circuitBreaker?: CircuitBreakerOptions | false;
  /** @default 'open' */
  failureMode?: FailureMode;
  tags?: readonly string[];
  /** Cost of one execution, in any unit (summed in reports). @default 0 */
  cost?: number;
  /** Version of the critic's logic (cache keys and records). @default '1' */
  version?: string;
  /**
   * A hash of the options the critic was built with (thresholds, lexicon choices, endpoints):
   * part of its cache key, so results computed under another configuration never hit.
   * @default none (the key then rests on name and version alone)
   */
  configHash?: string;
  /**
   * The request fields and context keys the critic reads (`inputText`, `modelResponse`,
   * `context.<key>`): a cache keys the critic's results on exactly these. A critic that does not
   * declare them is never cached. @default undefined (not cacheable)
   */
  reads?: readonly string[];
}

export interface CriticResult {
  critic: string;
  status: Status;
  /** The critic's output; the failure template when it did not succeed. */
  output: CriticOutput;
  stage: Stage;
  priority: number;
  /** Retries actually made. */
  retryCount: number;
  /** Time from becoming ready to settling, less time spent queued. */
  durationMs: number;
  /** Time spent waiting for a concurrency slot or a rate token. */
  queueTimeMs: number;
  error?: string;
  gatingReason?: string;
  validationErrors: string[];
  /** Set when a failure hook supplied a fallback output. */
  degraded?: boolean;
  /** Set when the output came from the `beforeAttempt` hook (a cache). */
  fromCache?: boolean;
}

export interface RunSummary {
  /** Critics the orchestrator took on (every critic not gated). */
  total: number;
  success: number;
  failed: number;
  timedOut: number;
  gated: number;
  /** Retries made, summed over critics. */
  retried: number;
  cancelled: number;
  circuitOpen: number;
  rateLimited: number;
  cost: number;
  durationMs: number;
}

export interface RunReport {
  traceId: string;
  results: Record<string, CriticResult>;
  summary: RunSummary;
}

export interface RunOptions {
  signal?: AbortSignal;
}

/** Minimal structural logger; any pino logger fits. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** What hooks learn about the attempt in hand. */
export interface HookContext {
  critic: string;
  traceId: string;
  attempt: number;
  input: CriticInput;
  spec: Readonly<CriticSpec>;
}

export interface OrchestratorHooks {
  /** Return an output to serve it instead of calling the critic (a cache hit). */
  beforeAttempt?: (
    ctx: HookContext,
  ) => CriticOutput | undefined | Promise<CriticOutput | undefined>;
  /** Called once per successful (non-cached) execution. */
  afterSuccess?: (
    ctx: HookContext & { output: CriticOutput; durationMs: number },
  ) => void | Promise<void>;
  /** Called when a critic finally fails (error or timeout); may return a fallback output. */
  onFailure?: (
    ctx: HookContext & { status: Status; error: string },
  ) => CriticOutput | undefined | Promise<CriticOutput | undefined>;
}

export type OrchestratorKind = 'production' | 'simple';

export interface OrchestratorOptions {
  critics: readonly CriticSpec[];
  /** @default 'production' */
  kind?: OrchestratorKind;
  /** Critic executions in flight across all runs. @default 10 */
  maxConcurrent?: number;
  /** Caps per stage, across all runs. @default none */
  maxConcurrentPerStage?: Partial<Record<Stage, number>>;
  /** Critic executions waiting (admitted but not started) across all runs. @default 10000 */
  maxQueueSize?: number;
  /** @default true */
  enableGating?: boolean;
  /** @default true */
  enableRetries?: boolean;
  /** @default true */
  strictValidation?: boolean;
  /** @default false */
  failOnValidation?: boolean;
  /** Deadline per run. @default none */
  globalTimeoutMs?: number;
  /** Deadline per stage, from the moment the stage's first critic is ready. @default none */
  stageTimeoutMs?: number | Partial<Record<Stage, number>>;
  /** Make each stage wait for every earlier stage (strict staged mode). @default false */
  stageBarrier?: boolean;
  /** ON_UNCERTAINTY threshold. @default 0.7 */
  uncertaintyThreshold?: number;
  /**
   * How long a slot stays held by an aborted attempt whose work ignores its signal, before
   * it is reclaimed. @default 5000
   */
  abandonAfterMs?: number;
  hooks?: OrchestratorHooks;
  /** @default a silent logger */
  logger?: Logger;
  /** @default the system clock */
  clock?: Clock;
  /** Random source in [0, 1) for jitter. @default Math.random */
  random?: () => number;
}
