/**
 * Checks orchestrator options up front and fills in defaults. Every problem is an
 * {@link InvalidOptionError} naming the field, what was expected and what came.
 */
import {
  checkBoolean,
  checkFunction,
  checkInteger,
  checkKnownKeys,
  checkNumber,
  checkObject,
} from './check.js';
import type { Clock } from './clock.js';
import { InvalidOptionError } from './errors.js';
import type {
  CriticSpec,
  Logger,
  OrchestratorHooks,
  OrchestratorKind,
  OrchestratorOptions,
} from './types.js';
import { STAGE_ORDER, type Stage } from './vocabulary.js';

export const DEFAULT_MAX_CONCURRENT = 10;
export const DEFAULT_MAX_QUEUE_SIZE = 10_000;
export const DEFAULT_ABANDON_AFTER_MS = 5_000;
export const DEFAULT_UNCERTAINTY_THRESHOLD = 0.7;
const MAX_MS = 2_147_483_647;

export interface ResolvedOptions {
  critics: readonly CriticSpec[];
  kind: OrchestratorKind;
  maxConcurrent: number;
  maxConcurrentPerStage: Partial<Record<Stage, number>>;
  maxQueueSize: number;
  enableGating: boolean;
  enableRetries: boolean;
  strictValidation: boolean;
  failOnValidation: boolean;
  /** Infinity when none. */
  globalTimeoutMs: number;
  stageTimeoutMs: Partial<Record<Stage, number>>;
  stageBarrier: boolean;
  uncertaintyThreshold: number;
  abandonAfterMs: number;
  hooks: OrchestratorHooks;
  logger: Logger | undefined;
  clock: Clock | undefined;
  random: () => number;
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  'critics',
  'kind',
  'maxConcurrent',
  'maxConcurrentPerStage',
  'maxQueueSize',
  'enableGating',
  'enableRetries',
  'strictValidation',
  'failOnValidation',
  'globalTimeoutMs',
  'stageTimeoutMs',
  'stageBarrier',
  'uncertaintyThreshold',
  'abandonAfterMs',
  'hooks',
  'logger',
  'clock',
  'random',
]);
const HOOK_KEYS: ReadonlySet<string> = new Set(['beforeAttempt', 'afterSuccess', 'onFailure']);
const STAGE_KEYS: ReadonlySet<string> = new Set(STAGE_ORDER);

export function resolveOptions(value: OrchestratorOptions): ResolvedOptions {
  const o = checkObject(value, 'options') as OrchestratorOptions & Record<string, unknown>;
  checkKnownKeys(o, OPTION_KEYS, '');
  if (!Array.isArray(o.critics))
    throw new InvalidOptionError('critics', 'an array of critic specs', o.critics);
  const kind: unknown = o.kind ?? 'production';
  if (kind !== 'production' && kind !== 'simple') {
    throw new InvalidOptionError('kind', "'production' or 'simple'", kind);
  }
  const simple = kind === 'simple';
  const bool = (v: unknown, field: string, fallback: boolean): boolean =>
    v === undefined ? fallback : checkBoolean(v, field);
  const resolved: ResolvedOptions = {
    critics: o.critics,
    kind,
    maxConcurrent:
      o.maxConcurrent === undefined
        ? DEFAULT_MAX_CONCURRENT
        : checkInteger(o.maxConcurrent, 'maxConcurrent', 1, Number.MAX_SAFE_INTEGER),
    maxConcurrentPerStage: stageMap(o.maxConcurrentPerStage, 'maxConcurrentPerStage', (v, f) =>
      checkInteger(v, f, 1, Number.MAX_SAFE_INTEGER),
    ),
    maxQueueSize:
      o.maxQueueSize === undefined
        ? DEFAULT_MAX_QUEUE_SIZE
        : checkInteger(o.maxQueueSize, 'maxQueueSize', 1, Number.MAX_SAFE_INTEGER),
    enableGating: bool(o.enableGating, 'enableGating', true),
    enableRetries: bool(o.enableRetries, 'enableRetries', true),
    strictValidation: bool(o.strictValidation, 'strictValidation', true),
    failOnValidation: bool(o.failOnValidation, 'failOnValidation', false),
    globalTimeoutMs:
      o.globalTimeoutMs === undefined
        ? Number.POSITIVE_INFINITY
        : checkNumber(o.globalTimeoutMs, 'globalTimeoutMs', 0, MAX_MS, undefined, true),
    stageTimeoutMs: stageTimeouts(o.stageTimeoutMs),
    stageBarrier: bool(o.stageBarrier, 'stageBarrier', false),
    uncertaintyThreshold:
      o.uncertaintyThreshold === undefined
        ? DEFAULT_UNCERTAINTY_THRESHOLD
        : checkNumber(o.uncertaintyThreshold, 'uncertaintyThreshold', 0, 1),
    abandonAfterMs:
      o.abandonAfterMs === undefined
        ? DEFAULT_ABANDON_AFTER_MS
        : checkNumber(o.abandonAfterMs, 'abandonAfterMs', 0, MAX_MS),
    hooks: hooks(o.hooks),
    logger: logger(o.logger),
    clock: clock(o.clock),
    random: o.random === undefined ? Math.random : checkFunction<() => number>(o.random, 'random'),
  };
  if (!simple) return resolved;
  // The rollback path: every critic at once with its own timeout only.
  return {
    ...resolved,
    maxConcurrent: Number.MAX_SAFE_INTEGER,
    maxConcurrentPerStage: {},
    maxQueueSize: Number.MAX_SAFE_INTEGER,
    enableGating: false,
    enableRetries: false,
    globalTimeoutMs: Number.POSITIVE_INFINITY,
    stageTimeoutMs: {},
    stageBarrier: false,
  };
}

function stageMap(
  value: unknown,
  field: string,
  check: (v: unknown, field: string) => number,
): Partial<Record<Stage, number>> {
  if (value === undefined) return {};
  const map = checkObject(value, field);
  checkKnownKeys(map, STAGE_KEYS, field);
  const out: Partial<Record<Stage, number>> = {};
  for (const [stage, v] of Object.entries(map)) {
    if (v !== undefined) out[stage as Stage] = check(v, `${field}.${stage}`);
  }
  return out;
}

function stageTimeouts(value: unknown): Partial<Record<Stage, number>> {
  const check = (v: unknown, f: string): number => checkNumber(v, f, 0, MAX_MS, undefined, true);
  if (typeof value === 'number' || (value !== undefined && typeof value !== 'object')) {
    const ms = check(value, 'stageTimeoutMs');
    return Object.fromEntries(STAGE_ORDER.map((stage) => [stage, ms]));
  }
  return stageMap(value, 'stageTimeoutMs', check);
}

function hooks(value: unknown): OrchestratorHooks {
  if (value === undefined) return {};
  const h = checkObject(value, 'hooks');
  checkKnownKeys(h, HOOK_KEYS, 'hooks');
  for (const key of HOOK_KEYS) {
    if (h[key] !== undefined) checkFunction(h[key], `hooks.${key}`);
  }
  return h;
}

function logger(value: unknown): Logger | undefined {
  if (value === undefined) return undefined;
  const l = checkObject(value, 'logger');
  for (const level of ['info', 'warn', 'error', 'debug']) {
    if (typeof l[level] !== 'function') {
      throw new InvalidOptionError(
        'logger',
        `a pino-compatible logger (missing ${level}())`,
        value,
      );
    }
  }
  return value as Logger;
}

function clock(value: unknown): Clock | undefined {
  if (value === undefined) return undefined;
  const c = checkObject(value, 'clock');
  for (const method of ['now', 'setTimeout', 'clearTimeout']) {
    if (typeof c[method] !== 'function') {
      throw new InvalidOptionError('clock', `a Clock (missing ${method}())`, value);
    }
  }
  return value as Clock;
}
