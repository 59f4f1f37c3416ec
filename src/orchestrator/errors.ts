/**
 * Eleanor's error classes: one base, one subclass per failure. Each carries a stable `code`,
 * an ES2022 `cause` where one exists, and the HTTP status the service should answer with.
 */

export interface EleanorErrorOptions {
  cause?: unknown;
}

export class EleanorError extends Error {
  /** A stable machine-readable code. */
  readonly code: string = 'ELEANOR_ERROR';
  /** The HTTP status the service answers with when this error reaches a client. */
  readonly status: number = 500;

  constructor(message: string, options?: EleanorErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** An option or critic field is invalid. Names the critic (if any), the field, what was expected and what came. */
export class InvalidOptionError extends EleanorError {
  override readonly code: string = 'INVALID_OPTION';
  override readonly status: number = 400;
  readonly critic: string | undefined;
  readonly field: string;
  readonly expected: string;
  readonly received: string;

  constructor(field: string, expected: string, value: unknown, critic?: string) {
    const where = critic === undefined ? '' : `critic \`${critic}\`: `;
    const received = describeValue(value);
    super(`${where}expected \`${field}\` to be ${expected}, got ${received}`);
    this.critic = critic;
    this.field = field;
    this.expected = expected;
    this.received = received;
  }
}

/** The critic plan is invalid (base class for plan errors). */
export class PlanError extends EleanorError {
  override readonly code: string = 'INVALID_PLAN';
  override readonly status: number = 400;
  /** The critics the problem involves. */
  readonly critics: readonly string[];

  constructor(message: string, critics: readonly string[]) {
    super(message);
    this.critics = critics;
  }
}

export class DuplicateCriticError extends PlanError {
  override readonly code: string = 'DUPLICATE_CRITIC';
  constructor(name: string) {
    super(`Critic \`${name}\` is declared more than once; critic names must be unique`, [name]);
  }
}

export class UnknownDependencyError extends PlanError {
  override readonly code: string = 'UNKNOWN_DEPENDENCY';
  readonly dependency: string;
  constructor(critic: string, dependency: string) {
    super(`Critic \`${critic}\` depends on \`${dependency}\`, which is not in the panel`, [
      critic,
      dependency,
    ]);
    this.dependency = dependency;
  }
}

export class StageOrderError extends PlanError {
  override readonly code: string = 'DEPENDENCY_ON_LATER_STAGE';
  constructor(critic: string, criticStage: string, dependency: string, dependencyStage: string) {
    super(
      `Critic \`${critic}\` (${criticStage}) depends on \`${dependency}\` (${dependencyStage}), a later stage; a critic may only depend on critics of its own or earlier stages`,
      [critic, dependency],
    );
  }
}

export class CycleError extends PlanError {
  override readonly code: string = 'DEPENDENCY_CYCLE';
  /** The cycle, first name repeated at the end: `['a', 'b', 'a']`. */
  readonly path: readonly string[];
  constructor(path: readonly string[]) {
    super(`Critic dependencies form a cycle: ${path.join(' → ')}`, path.slice(0, -1));
    this.path = path;
  }
}

/** The orchestrator's queue is full: the run was refused at once. */
export class OverloadedError extends EleanorError {
  override readonly code: string = 'OVERLOADED';
  override readonly status: number = 503;
  /** A hint for clients: when to try again. */
  readonly retryAfterMs: number;
  constructor(queued: number, maxQueueSize: number, retryAfterMs: number) {
    super(
      `Orchestrator overloaded: ${queued} critic executions are waiting and this run would pass maxQueueSize=${maxQueueSize}`,
    );
    this.retryAfterMs = retryAfterMs;
  }
}

/** A critic's circuit breaker is open. */
export class CircuitOpenError extends EleanorError {
  override readonly code: string = 'CIRCUIT_OPEN';
  override readonly status: number = 503;
  constructor(critic: string) {
    super(`Circuit breaker for critic \`${critic}\` is open`);
  }
}

/** A critic attempt ran past its timeout. */
export class CriticTimeoutError extends EleanorError {
  override readonly code: string = 'CRITIC_TIMEOUT';
  override readonly status: number = 504;
  constructor(critic: string, timeoutMs: number) {
    super(`Critic \`${critic}\` timed out after ${timeoutMs} ms`);
  }
}

/** Work was cancelled: a deadline passed or the caller aborted. */
export class CancelledError extends EleanorError {
  override readonly code: string = 'CANCELLED';
  override readonly status: number = 499;
  readonly reason: string;
  constructor(reason: string, options?: EleanorErrorOptions) {
    super(`Cancelled: ${reason}`, options);
    this.reason = reason;
  }
}

/** A critic returned output that failed validation. */
export class CriticOutputError extends EleanorError {
  override readonly code: string = 'INVALID_CRITIC_OUTPUT';
  readonly validationErrors: readonly string[];
  constructor(critic: string, validationErrors: readonly string[]) {
    super(`Critic \`${critic}\` returned invalid output: ${validationErrors.join('; ')}`);
    this.validationErrors = validationErrors;
  }
}

/** The legacy runner was called while the single-pipeline guard is on. */
export class LegacyRunnerError extends EleanorError {
  override readonly code: string = 'LEGACY_RUNNER_DISABLED';
  constructor() {
    super(
      'runCriticsParallel is the deprecated legacy runner and is disabled: route critics through createOrchestrator(), or set ELEANOR_ALLOW_LEGACY_CRITIC_RUNNER=1 (or ELEANOR_ENFORCE_SINGLE_CRITIC_PIPELINE=false) to allow it',
    );
  }
}

/** A configuration value is invalid and cannot be defaulted. */
export class ConfigError extends EleanorError {
  override readonly code: string = 'CONFIG_ERROR';
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.variable = variable;
  }
}

/** The orchestrator was closed and accepts no more runs. */
export class ClosedError extends EleanorError {
  override readonly code: string = 'CLOSED';
  override readonly status: number = 503;
  constructor(what = 'Orchestrator') {
    super(`${what} is closed and accepts no new work`);
  }
}

/** A request handed to `run()` is malformed. */
export class InvalidRequestError extends EleanorError {
  override readonly code: string = 'INVALID_REQUEST';
  override readonly status: number = 400;
  readonly field: string;
  constructor(field: string, expected: string, value: unknown) {
    super(`Invalid request: expected \`${field}\` to be ${expected}, got ${describeValue(value)}`);
    this.field = field;
  }
}

/**
 * The evaluation's decision record could not be committed and the audit is required: no
 * decision without its audit record. The service answers 503 and fails readiness.
 */
export class AuditUnavailableError extends EleanorError {
  override readonly code: string = 'AUDIT_UNAVAILABLE';
  override readonly status: number = 503;
  /** The evidence store's name. */
  readonly store: string;
  readonly traceId: string;
  constructor(store: string, traceId: string, cause: unknown) {
    super(
      `Audit unavailable: the decision record of ${traceId} could not be committed to ${store} (${errorMessage(cause)}); no decision is given without its record`,
      { cause },
    );
    this.store = store;
    this.traceId = traceId;
  }
}

/** A short, safe description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${typeof value} ${String(value)}`;
  }
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    const json = JSON.stringify(error) as string | undefined;
    return typeof json === 'string' ? json : String(error);
  } catch {
    return String(error);
  }
}
