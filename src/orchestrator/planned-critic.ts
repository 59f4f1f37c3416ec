/**
 * A critic spec checked and completed with defaults and classification: what the plan and the
 * scheduler work with. Built once, at construction.
 */
import type { ZodType } from 'zod';
import type { ValidationRules } from './validate.js';
import { classifyCritic, type Classification } from './classify.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import { DEFAULT_BREAKER } from './breaker.js';
import {
  checkBoolean,
  checkFunction,
  checkInteger,
  checkKnownKeys,
  checkNumber,
  checkObject,
  checkStringArray,
} from './check.js';
import { InvalidOptionError } from './errors.js';
import type {
  BackoffOptions,
  CircuitBreakerOptions,
  CriticCondition,
  CriticSpec,
  FailureMode,
  OutputValidator,
} from './types.js';
import { isPolicy, isStage, MAX_PRIORITY, MIN_PRIORITY, Policy, type Stage } from './vocabulary.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_REQUIRED_FIELDS: readonly string[] = ['value', 'score'];
const MAX_TIMEOUT_MS = 2_147_483_647; // setTimeout's limit

const SPEC_KEYS: ReadonlySet<string> = new Set([
  'name',
  'evaluate',
  'stage',
  'priority',
  'policy',
  'condition',
  'dependsOn',
  'timeoutMs',
  'maxRetries',
  'retryOnTimeout',
  'backoff',
  'maxConcurrent',
  'ratePerSecond',
  'requiredFields',
  'schema',
  'reads',
  'validate',
  'circuitBreaker',
  'failureMode',
  'tags',
  'cost',
  'version',
  'configHash',
]);
const BACKOFF_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_BACKOFF));
const BREAKER_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_BREAKER));
const FAILURE_MODES: readonly FailureMode[] = ['open', 'closed', 'escalate'];

export interface PlannedCritic {
  readonly name: string;
  readonly spec: Readonly<CriticSpec>;
  /** Position in the panel as declared. */
  readonly declared: number;
  readonly stage: Stage;
  readonly priority: number;
  readonly policy: Policy;
  readonly classification: Classification;
  readonly condition: CriticCondition | undefined;
  readonly dependsOn: readonly string[];
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryOnTimeout: boolean;
  readonly backoff: Readonly<Required<BackoffOptions>>;
  readonly maxConcurrent: number;
  readonly ratePerSecond: number | undefined;
  readonly requiredFields: readonly string[];
  readonly schema: ZodType | undefined;
  readonly validate: OutputValidator | undefined;
  /** `requiredFields`, `schema` and `validate` together, as validation takes them. */
  readonly rules: ValidationRules;
  readonly circuitBreaker: Readonly<Required<CircuitBreakerOptions>> | undefined;
  readonly failureMode: FailureMode;
  readonly tags: readonly string[];
  readonly cost: number;
  readonly version: string;
  /** What the critic reads (for cache keys); undefined = not cacheable. */
  readonly reads: readonly string[] | undefined;
  /** Hash of the critic's configuration (for cache keys). */
  readonly configHash: string | undefined;
}

/** Checks one spec and fills in its defaults. Throws {@link InvalidOptionError}. */
export function planCritic(value: unknown, declared: number): PlannedCritic {
  const spec = checkObject(value, `critics[${declared}]`);
  if (typeof spec['name'] !== 'string' || spec['name'].trim() === '') {
    throw new InvalidOptionError(`critics[${declared}].name`, 'a non-empty string', spec['name']);
  }
  const name = spec['name'];
  checkKnownKeys(spec, SPEC_KEYS, '', name);
  const s = spec as unknown as CriticSpec;
  checkFunction(s.evaluate, 'evaluate', name);
  if (s.stage !== undefined && !isStage(s.stage)) {
    throw new InvalidOptionError('stage', 'a Stage (PRE_VALIDATION … VALIDATION)', s.stage, name);
  }
  if (s.policy !== undefined && !isPolicy(s.policy)) {
    throw new InvalidOptionError('policy', 'a Policy (ALWAYS, ON_VIOLATION, …)', s.policy, name);
  }
  if (s.priority !== undefined)
    checkInteger(s.priority, 'priority', MIN_PRIORITY, MAX_PRIORITY, name);
  const classification = classifyCritic(name, {
    ...(s.stage === undefined ? {} : { stage: s.stage }),
    ...(s.priority === undefined ? {} : { priority: s.priority }),
    ...(s.policy === undefined ? {} : { policy: s.policy }),
  });
  const condition =
    s.condition === undefined
      ? undefined
      : checkFunction<CriticCondition>(s.condition, 'condition', name);
  if (classification.policy === Policy.CONDITIONAL && condition === undefined) {
    throw new InvalidOptionError(
      'condition',
      'a predicate function when policy is CONDITIONAL',
      undefined,
      name,
    );
  }
  return {
    name,
    spec: s,
    declared,
    stage: classification.stage,
    priority: classification.priority,
    policy: classification.policy,
    classification,
    condition,
    dependsOn: s.dependsOn === undefined ? [] : checkStringArray(s.dependsOn, 'dependsOn', name),
    timeoutMs: opt(s.timeoutMs, DEFAULT_TIMEOUT_MS, (v) =>
      checkNumber(v, 'timeoutMs', 0, MAX_TIMEOUT_MS, name, true),
    ),
    maxRetries: opt(s.maxRetries, DEFAULT_MAX_RETRIES, (v) =>
      checkInteger(v, 'maxRetries', 0, 100, name),
    ),
    retryOnTimeout: opt(s.retryOnTimeout, true, (v) => checkBoolean(v, 'retryOnTimeout', name)),
    backoff: planBackoff(s.backoff, name),
    maxConcurrent: opt(s.maxConcurrent, Number.POSITIVE_INFINITY, (v) =>
      checkInteger(v, 'maxConcurrent', 1, Number.MAX_SAFE_INTEGER, name),
    ),
    ratePerSecond: opt(s.ratePerSecond, undefined, (v) =>
      checkNumber(v, 'ratePerSecond', 0, 1e9, name, true),
    ),
    ...validationRules(s, name),
    circuitBreaker: planBreaker(s.circuitBreaker, name),
    failureMode: opt(s.failureMode, 'open', (v) => checkFailureMode(v, name)),
    tags: opt(s.tags, [], (v) => checkStringArray(v, 'tags', name)),
    cost: opt(s.cost, 0, (v) => checkNumber(v, 'cost', 0, Number.MAX_VALUE, name)),
    reads: opt(s.reads, undefined, (v) => checkReads(v, name)),
    version: opt(s.version, '1', (v) => checkNonEmpty(v, 'version', name)),
    configHash: opt(s.configHash, undefined, (v) => checkNonEmpty(v, 'configHash', name)),
  };
}

function validationRules(
  s: CriticSpec,
  name: string,
): Pick<PlannedCritic, 'requiredFields' | 'schema' | 'validate' | 'rules'> {
  const rules = {
    requiredFields: opt(s.requiredFields, DEFAULT_REQUIRED_FIELDS, (v) =>
      checkStringArray(v, 'requiredFields', name),
    ),
    schema: opt(s.schema, undefined, (v) => checkSchema(v, name)),
    validate: opt(s.validate, undefined, (v) =>
      checkFunction<OutputValidator>(v, 'validate', name),
    ),
  };
  return { ...rules, rules };
}

function opt<T, D>(value: T | undefined, fallback: D, check: (v: T) => T): T | D {
  return value === undefined ? fallback : check(value);
}

function planBackoff(value: unknown, critic: string): Readonly<Required<BackoffOptions>> {
  if (value === undefined) return DEFAULT_BACKOFF;
  const b = checkObject(value, 'backoff', critic);
  checkKnownKeys(b, BACKOFF_KEYS, 'backoff', critic);
  const o = b as BackoffOptions;
  const initialDelayMs = opt(o.initialDelayMs, DEFAULT_BACKOFF.initialDelayMs, (v) =>
    checkNumber(v, 'backoff.initialDelayMs', 0, MAX_TIMEOUT_MS, critic),
  );
  const maxDelayMs = opt(o.maxDelayMs, Math.max(DEFAULT_BACKOFF.maxDelayMs, initialDelayMs), (v) =>
    checkNumber(v, 'backoff.maxDelayMs', 0, MAX_TIMEOUT_MS, critic),
  );
  return {
    initialDelayMs,
    multiplier: opt(o.multiplier, DEFAULT_BACKOFF.multiplier, (v) =>
      checkNumber(v, 'backoff.multiplier', 1, 100, critic),
    ),
    maxDelayMs,
    jitter: opt(o.jitter, DEFAULT_BACKOFF.jitter, (v) =>
      checkNumber(v, 'backoff.jitter', 0, 1, critic),
    ),
  };
}

function planBreaker(
  value: unknown,
  critic: string,
): Readonly<Required<CircuitBreakerOptions>> | undefined {
  if (value === false) return undefined;
  if (value === undefined) return DEFAULT_BREAKER;
  const b = checkObject(value, 'circuitBreaker', critic);
  checkKnownKeys(b, BREAKER_KEYS, 'circuitBreaker', critic);
  const o = b as CircuitBreakerOptions;
  return {
    failureThreshold: opt(o.failureThreshold, DEFAULT_BREAKER.failureThreshold, (v) =>
      checkInteger(v, 'circuitBreaker.failureThreshold', 1, 1_000_000, critic),
    ),
    cooldownMs: opt(o.cooldownMs, DEFAULT_BREAKER.cooldownMs, (v) =>
      checkNumber(v, 'circuitBreaker.cooldownMs', 0, MAX_TIMEOUT_MS, critic),
    ),
  };
}

function checkSchema(value: unknown, critic: string): ZodType {
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as ZodType).safeParse !== 'function'
  ) {
    throw new InvalidOptionError('schema', 'a zod schema', value, critic);
  }
  return value as ZodType;
}

function checkNonEmpty(value: unknown, field: string, critic: string): string {
  if (typeof value !== 'string' || value === '')
    throw new InvalidOptionError(field, 'a non-empty string', value, critic);
  return value;
}

function checkFailureMode(value: unknown, critic: string): FailureMode {
  if (!(FAILURE_MODES as readonly unknown[]).includes(value)) {
    throw new InvalidOptionError(
      'failureMode',
      `one of ${FAILURE_MODES.join(', ')}`,
      value,
      critic,
    );
  }
  return value as FailureMode;
}

const READ_FIELD = /^(inputText|modelResponse|context\.[A-Za-z0-9_$-]+)$/;

function checkReads(value: unknown, critic: string): string[] {
  const fields = checkStringArray(value, 'reads', critic);
  const bad = fields.find((f) => !READ_FIELD.test(f));
  if (bad !== undefined) {
    throw new InvalidOptionError(
      'reads',
      "a list of 'inputText', 'modelResponse' or 'context.<key>'",
      bad,
      critic,
    );
  }
  return fields;
}
