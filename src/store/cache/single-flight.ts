/**
 * Single flight: concurrent lookups of one key share one execution. The first miss leads (runs
 * the critic); the others join and wait — each at most its own bound — for the leader's
 * serialised output. When the leader fails, or a joiner's wait runs out, the joiner is answered
 * `undefined` and runs the critic itself.
 */
import type { Clock, TimerHandle } from '../../orchestrator/clock.js';
import type { SingleFlightStats } from './types.js';

/** One running execution that identical lookups can join. Built by {@link SingleFlight.lead}. */
export class Flight {
  readonly key: string;
  /** Identifies the execution that leads (for the cache hooks: its run input and critic). */
  readonly owner: unknown;
  readonly critic: string;
  /** Whether it has ended (its joiners were answered). */
  settled = false;
  /** Its joiners' answer callbacks. */
  readonly waiters: ((value: string | undefined) => void)[] = [];

  constructor(key: string, owner: unknown, critic: string) {
    this.key = key;
    this.owner = owner;
    this.critic = critic;
  }
}

export class SingleFlight {
  private readonly flights = new Map<string, Flight>();
  private readonly clock: Clock;
  private joins = 0;
  private shared = 0;
  private fellThrough = 0;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** The running execution of `key`, if any. */
  find(key: string): Flight | undefined {
    return this.flights.get(key);
  }

  /** Registers the execution of `critic` by `owner` as the one that lookups of `key` join. */
  lead(key: string, owner: unknown, critic: string): Flight {
    const flight = new Flight(key, owner, critic);
    this.flights.set(key, flight);
    return flight;
  }

  /**
   * Waits for `flight` at most `waitMs`: its output, or `undefined` when it failed or the wait
   * ran out (the caller then runs the critic itself).
   */
  join(flight: Flight, waitMs: number): Promise<string | undefined> {
    const running = flight;
    this.joins++;
    return new Promise((resolve) => {
      let timer: TimerHandle = undefined;
      const answer = (value: string | undefined): void => {
        this.clock.clearTimeout(timer);
        if (value === undefined) this.fellThrough++;
        else this.shared++;
        resolve(value);
      };
      running.waiters.push(answer);
      timer = this.clock.setTimeout(() => {
        const i = running.waiters.indexOf(answer);
        if (i >= 0) running.waiters.splice(i, 1);
        answer(undefined);
      }, waitMs);
    });
  }

  /** Ends `flight`: its joiners get `value` (or run themselves on `undefined`). Idempotent. */
  settle(flight: Flight, value: string | undefined): void {
    const running = flight;
    if (running.settled) return;
    running.settled = true;
    if (this.flights.get(running.key) === running) this.flights.delete(running.key);
    const waiters = running.waiters.splice(0);
    for (const answer of waiters) answer(value);
  }

  stats(): SingleFlightStats {
    return {
      joins: this.joins,
      shared: this.shared,
      fellThrough: this.fellThrough,
      inFlight: this.flights.size,
    };
  }
}
