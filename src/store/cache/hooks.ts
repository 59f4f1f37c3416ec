/**
 * Wires a {@link CriticCache} into an orchestrator through its hooks:
 *
 * - `beforeAttempt` derives the critic's key and looks it up (memory, then Redis); a returned
 *   output is a cache hit. On a miss it joins an identical execution already running, or
 *   becomes the one that others join (single flight).
 * - `afterSuccess` stores a fresh, valid output and hands it to the joiners.
 * - a `criticFinish` listener frees the joiners of an execution that ended any other way (error,
 *   timeout, cancellation, open circuit, fallback output): they run the critic themselves.
 *
 * Nothing else is ever stored: `afterSuccess` only sees successful executions that did not come
 * from the cache, and outputs that fail the critic's validation rules are refused.
 */
import type { Disposable, Listener } from '../../orchestrator/events.js';
import type { OrchestratorEvents } from '../../orchestrator/orchestrator-events.js';
import { DEFAULT_REQUIRED_FIELDS, DEFAULT_TIMEOUT_MS } from '../../orchestrator/planned-critic.js';
import type {
  CriticInput,
  CriticOutput,
  CriticSpec,
  HookContext,
  OrchestratorHooks,
} from '../../orchestrator/types.js';
import { isPlainObject, validateOutput } from '../../orchestrator/validate.js';
import { Status } from '../../orchestrator/vocabulary.js';
import { canonicalJson } from '../../decision/audit-hash.js';
import type { CriticCache } from './critic-cache.js';
import { CacheKeys } from './key.js';
import type { Flight } from './single-flight.js';

/** What {@link cacheHooks} hands the orchestrator. */
export interface CacheHooks {
  readonly hooks: Required<Pick<OrchestratorHooks, 'beforeAttempt' | 'afterSuccess'>>;
  /** Subscribe it to the orchestrator's `criticFinish` event (see {@link CacheHooks.attach}). */
  readonly onCriticFinish: Listener<OrchestratorEvents['criticFinish']>;
  /** Subscribes {@link CacheHooks.onCriticFinish} to an orchestrator's events. */
  attach(orchestrator: {
    on(event: 'criticFinish', listener: Listener<OrchestratorEvents['criticFinish']>): Disposable;
  }): Disposable;
}

/** Builds the hooks that put `cache` in front of an orchestrator's critics. */
export function cacheHooks(cache: CriticCache): CacheHooks {
  return new CacheWiring(cache);
}

/** A cached value back as an output; `undefined` for anything but a JSON object. */
function decode(text: string | undefined): CriticOutput | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The canonical JSON of a valid output; `undefined` when it fails the critic's rules. */
function encode(spec: Readonly<CriticSpec>, output: CriticOutput): string | undefined {
  const errors = validateOutput(output, {
    requiredFields: spec.requiredFields ?? DEFAULT_REQUIRED_FIELDS,
    schema: spec.schema,
    validate: spec.validate,
  });
  if (errors.length > 0) return undefined;
  try {
    return canonicalJson(output);
  } catch {
    // A throwing toJSON: such an output cannot be stored.
    return undefined;
  }
}

function runKey(traceId: string, critic: string): string {
  return `${traceId}\u0000${critic}`;
}

class CacheWiring implements CacheHooks {
  readonly hooks: CacheHooks['hooks'];
  readonly onCriticFinish: CacheHooks['onCriticFinish'];
  private readonly cache: CriticCache;
  private readonly keys = new CacheKeys();
  /** Executions this wiring leads, by run input and critic (a run's critics share one input). */
  private readonly leading = new WeakMap<CriticInput, Map<string, Flight>>();
  /** The same executions by trace id and critic, as `criticFinish` names them. */
  private readonly byRun = new Map<string, Flight[]>();

  constructor(cache: CriticCache) {
    this.cache = cache;
    this.hooks = {
      beforeAttempt: (ctx) => this.lookup(ctx),
      afterSuccess: (ctx) => {
        this.store(ctx, ctx.output);
      },
    };
    this.onCriticFinish = ({ traceId, result }) => {
      if (result.status === Status.SUCCESS && result.fromCache !== true) return;
      const key = runKey(traceId, result.critic);
      const flights = this.byRun.get(key);
      if (flights === undefined) return;
      this.byRun.delete(key);
      for (const flight of flights) this.cache.flights.settle(flight, undefined);
    };
  }

  attach(orchestrator: Parameters<CacheHooks['attach']>[0]): Disposable {
    return orchestrator.on('criticFinish', this.onCriticFinish);
  }

  private lookup(ctx: HookContext): CriticOutput | undefined | Promise<CriticOutput | undefined> {
    const key = this.keys.keyFor(ctx.spec, ctx.input);
    if (key === undefined) return undefined;
    // A retry of an execution this wiring leads: look nothing up, let it run again.
    if (this.leading.get(ctx.input)?.has(ctx.critic) === true) return undefined;
    const local = decode(this.cache.getLocal(key));
    if (local !== undefined) return local;
    const running = this.cache.flights.find(key);
    if (running !== undefined) {
      return this.cache.flights
        .join(running, ctx.spec.timeoutMs ?? DEFAULT_TIMEOUT_MS)
        .then(decode);
    }
    const flight = this.cache.flights.lead(key);
    this.register(ctx, flight);
    const remote = this.cache.getRemote(key);
    if (remote === undefined) return undefined;
    return remote.then((text) => {
      const output = decode(text);
      if (output !== undefined) this.complete(ctx, text);
      return output;
    });
  }

  private store(ctx: HookContext, output: CriticOutput): void {
    const key = this.keys.keyFor(ctx.spec, ctx.input);
    if (key === undefined) return;
    const text = encode(ctx.spec, output);
    if (text === undefined) this.cache.reject();
    else this.cache.set(key, text);
    this.complete(ctx, text);
  }

  private register(ctx: HookContext, flight: Flight): void {
    let mine = this.leading.get(ctx.input);
    if (mine === undefined) {
      mine = new Map();
      this.leading.set(ctx.input, mine);
    }
    mine.set(ctx.critic, flight);
    const key = runKey(ctx.traceId, ctx.critic);
    const flights = this.byRun.get(key);
    if (flights === undefined) this.byRun.set(key, [flight]);
    else flights.push(flight);
  }

  /** Ends the execution `ctx` leads, if any, handing `text` to its joiners. */
  private complete(ctx: HookContext, text: string | undefined): void {
    const mine = this.leading.get(ctx.input);
    const flight = mine?.get(ctx.critic);
    if (flight === undefined) return;
    mine?.delete(ctx.critic);
    const key = runKey(ctx.traceId, ctx.critic);
    const flights = this.byRun.get(key)?.filter((f) => f !== flight);
    if (flights === undefined || flights.length === 0) this.byRun.delete(key);
    else this.byRun.set(key, flights);
    this.cache.flights.settle(flight, text);
  }
}
