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
import { DEFAULT_TIMEOUT_MS } from '../../orchestrator/planned-critic.js';
import type { CriticOutput, HookContext, OrchestratorHooks } from '../../orchestrator/types.js';
import { Status } from '../../orchestrator/vocabulary.js';
import { decode, encode } from './codec.js';
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

function runKey(traceId: string, critic: string): string {
  return `${traceId}\u0000${critic}`;
}

class CacheWiring implements CacheHooks {
  readonly hooks: CacheHooks['hooks'];
  readonly onCriticFinish: CacheHooks['onCriticFinish'];
  private readonly cache: CriticCache;
  private readonly keys = new CacheKeys();
  /** Executions this wiring leads, by trace id and critic, as `criticFinish` names them. */
  private readonly byRun = new Map<string, Flight | Flight[]>();

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
      for (const flight of Array.isArray(flights) ? flights : [flights]) {
        this.cache.flights.settle(flight, undefined);
      }
    };
  }

  attach(orchestrator: Parameters<CacheHooks['attach']>[0]): Disposable {
    return orchestrator.on('criticFinish', this.onCriticFinish);
  }

  private lookup(ctx: HookContext): CriticOutput | undefined | Promise<CriticOutput | undefined> {
    const key = this.keys.keyFor(ctx.spec, ctx.input);
    if (key === undefined) return undefined;
    const local = decode(this.cache.getLocal(key));
    if (local !== undefined) return local;
    const running = this.cache.flights.find(key);
    if (running !== undefined) {
      // A retry of the execution that leads: look nothing up, let it run again.
      if (leads(running, ctx)) return undefined;
      return this.cache.flights
        .join(running, ctx.spec.timeoutMs ?? DEFAULT_TIMEOUT_MS)
        .then(decode);
    }
    const flight = this.cache.flights.lead(key, ctx.input, ctx.critic);
    this.register(ctx, flight);
    const remote = this.cache.getRemote(key);
    if (remote === undefined) return undefined;
    return remote.then((text) => {
      const output = decode(text);
      if (output !== undefined) this.complete(ctx, key, text);
      return output;
    });
  }

  private store(ctx: HookContext, output: CriticOutput): void {
    const key = this.keys.keyFor(ctx.spec, ctx.input);
    if (key === undefined) return;
    const text = encode(ctx.spec, output);
    if (text === undefined) this.cache.reject();
    else this.cache.set(key, text);
    this.complete(ctx, key, text);
  }

  private register(ctx: HookContext, flight: Flight): void {
    const key = runKey(ctx.traceId, ctx.critic);
    const existing = this.byRun.get(key);
    // Two runs given the same trace id: rare, so only then a list.
    if (existing === undefined) this.byRun.set(key, flight);
    else if (Array.isArray(existing)) existing.push(flight);
    else this.byRun.set(key, [existing, flight]);
  }

  /** Ends the execution `ctx` leads for `key`, if any, handing `text` to its joiners. */
  private complete(ctx: HookContext, key: string, text: string | undefined): void {
    const flight = this.cache.flights.find(key);
    if (flight === undefined || !leads(flight, ctx)) return;
    const runs = runKey(ctx.traceId, ctx.critic);
    const existing = this.byRun.get(runs);
    if (existing === flight) this.byRun.delete(runs);
    else if (Array.isArray(existing)) {
      const rest = existing.filter((f) => f !== flight);
      if (rest.length === 0) this.byRun.delete(runs);
      else this.byRun.set(runs, rest);
    }
    this.cache.flights.settle(flight, text);
  }
}

/** Whether `flight` is the execution of `ctx`'s critic in `ctx`'s run. */
function leads(flight: Flight, ctx: HookContext): boolean {
  return flight.owner === ctx.input && flight.critic === ctx.critic;
}
