/**
 * The process-wide execution scheduler: a global concurrency cap, optional per-stage and
 * per-critic caps, per-critic rate limits, and one queue of ready executions dispatched by
 * priority, then age. A waiting execution's effective priority improves by one level for every
 * `agingMs` it has waited, so low-priority work cannot starve.
 */
import type { Clock, TimerHandle } from './clock.js';
import type { TokenBucket } from './token-bucket.js';
import { MAX_PRIORITY, MIN_PRIORITY } from './vocabulary.js';

/** One execution waiting for a slot. */
export interface Ticket {
  readonly critic: number;
  readonly stage: number;
  readonly priority: number;
  enqueuedAt: number;
  /** Called once, when the slot is granted (`grantedAt` is the dispatch time). */
  onGrant: (grantedAt: number) => void;
  /** `queued` until granted or withdrawn. */
  state: 'queued' | 'granted' | 'withdrawn';
  /** True while the last dispatch found the critic's rate limit to be the only obstacle. */
  rateBlocked: boolean;
}

export interface SchedulerOptions {
  maxConcurrent: number;
  /** Cap per stage index (Infinity = none). */
  stageCaps: readonly number[];
  /** Cap per critic index (Infinity = none). */
  criticCaps: readonly number[];
  /** Rate limiter per critic index (undefined = none). */
  buckets: readonly (TokenBucket | undefined)[];
  clock: Clock;
  /** @default 1000 */
  agingMs?: number;
}

const LEVELS = MAX_PRIORITY - MIN_PRIORITY + 1;

export class Scheduler {
  private readonly options: SchedulerOptions;
  private readonly agingMs: number;
  private readonly queues: Ticket[][] = Array.from({ length: LEVELS }, () => []);
  private readonly heads: number[] = new Array<number>(LEVELS).fill(0);
  private readonly stageInFlight: number[];
  private readonly criticInFlight: number[];
  private readonly limited: boolean;
  private wakeTimer: TimerHandle = undefined;
  private waking = false;
  private wakeAt = Number.POSITIVE_INFINITY;
  /** Executions holding a slot. */
  inFlight = 0;
  /** Highest `inFlight` seen. */
  peakInFlight = 0;
  /** Tickets waiting. */
  queued = 0;

  constructor(options: SchedulerOptions) {
    this.options = options;
    this.agingMs = options.agingMs ?? 1000;
    this.stageInFlight = options.stageCaps.map(() => 0);
    this.criticInFlight = options.criticCaps.map(() => 0);
    this.limited =
      options.stageCaps.some(Number.isFinite) ||
      options.criticCaps.some(Number.isFinite) ||
      options.buckets.some((b) => b !== undefined);
  }

  /** Takes a slot without queueing when one is free, nobody waits and no cap or rate applies. */
  tryAcquireNow(critic: number, stage: number): boolean {
    if (this.limited || this.queued > 0 || this.inFlight >= this.options.maxConcurrent)
      return false;
    this.occupy(critic, stage);
    return true;
  }

  /**
   * Grants a slot at once when one is free and nobody is waiting (returns true), or queues the
   * ticket (returns false) and calls `ticket.onGrant` later.
   */
  acquire(ticket: Ticket): boolean {
    if (this.queued === 0 && this.inFlight < this.options.maxConcurrent && this.admits(ticket)) {
      this.take(ticket);
      return true;
    }
    this.queues[ticket.priority - MIN_PRIORITY]?.push(ticket);
    this.queued++;
    this.dispatch();
    return ticket.state === 'granted';
  }

  /** Takes a queued ticket out of the queue (no effect once granted). */
  withdraw(ticket: Ticket): void {
    if (ticket.state !== 'queued') return;
    ticket.state = 'withdrawn';
    this.queued--;
    // Withdrawn tickets are skipped lazily; freeing capacity for others needs no dispatch.
    if (this.queued === 0) this.reset();
  }

  /** Frees the slot held by a granted ticket's execution. */
  release(critic: number, stage: number): void {
    this.inFlight--;
    bump(this.stageInFlight, stage, -1);
    bump(this.criticInFlight, critic, -1);
    if (this.queued > 0) this.dispatch();
  }

  /** Stops the wake-up timer (on close). */
  dispose(): void {
    if (this.waking) this.options.clock.clearTimeout(this.wakeTimer);
    this.waking = false;
    this.wakeAt = Number.POSITIVE_INFINITY;
  }

  private take(ticket: Ticket): void {
    ticket.state = 'granted';
    this.occupy(ticket.critic, ticket.stage);
  }

  /** Counts one more execution in flight, globally, for its stage and for its critic. */
  private occupy(critic: number, stage: number): void {
    this.inFlight++;
    if (this.inFlight > this.peakInFlight) this.peakInFlight = this.inFlight;
    bump(this.stageInFlight, stage, 1);
    bump(this.criticInFlight, critic, 1);
  }

  /** Caps and rate limit allow this ticket now (takes a rate token when they do). */
  private admits(ticket: Ticket): boolean {
    if (!this.limited) return true;
    const { stageCaps, criticCaps, buckets } = this.options;
    ticket.rateBlocked = false;
    if ((this.stageInFlight[ticket.stage] as number) >= (stageCaps[ticket.stage] as number))
      return false;
    if ((this.criticInFlight[ticket.critic] as number) >= (criticCaps[ticket.critic] as number))
      return false;
    const bucket = buckets[ticket.critic];
    if (bucket === undefined) return true;
    const wait = bucket.tryTake();
    ticket.rateBlocked = wait > 0;
    if (wait > 0) this.wakeIn(wait);
    return wait === 0;
  }

  private dispatch(): void {
    while (this.queued > 0 && this.inFlight < this.options.maxConcurrent) {
      const ticket = this.next();
      if (ticket === undefined) return;
      this.queued--;
      this.take(ticket);
      ticket.onGrant(this.options.clock.now());
    }
  }

  /** The admissible ticket with the best effective priority, then the oldest. */
  private next(): Ticket | undefined {
    const now = this.options.clock.now();
    if (this.limited) return this.nextAdmissible(now);
    let best: Ticket | undefined;
    let bestLevel = 0;
    let bestRank = Number.POSITIVE_INFINITY;
    for (let level = 0; level < LEVELS; level++) {
      const head = this.firstQueued(level);
      if (head === undefined) continue;
      const rank = level - Math.floor((now - head.enqueuedAt) / this.agingMs);
      if (
        rank < bestRank ||
        (rank === bestRank && best !== undefined && head.enqueuedAt < best.enqueuedAt)
      ) {
        best = head;
        bestLevel = level;
        bestRank = rank;
      }
    }
    return best === undefined ? undefined : this.shift(bestLevel);
  }

  /** Slow path with caps or rate limits: scan every queued ticket in rank order. */
  private nextAdmissible(now: number): Ticket | undefined {
    const candidates: { ticket: Ticket; level: number; offset: number; rank: number }[] = [];
    for (let level = 0; level < LEVELS; level++) {
      const queue = this.queues[level] as Ticket[];
      for (let offset = this.heads[level] as number; offset < queue.length; offset++) {
        const ticket = queue[offset] as Ticket;
        if (ticket.state !== 'queued') continue;
        const rank = level - Math.floor((now - ticket.enqueuedAt) / this.agingMs);
        candidates.push({ ticket, level, offset, rank });
      }
    }
    candidates.sort((a, b) => a.rank - b.rank || a.ticket.enqueuedAt - b.ticket.enqueuedAt);
    // Critics found blocked in this pass, and whether their rate limit was the only obstacle:
    // a later ticket of the same critic is blocked for the same reason.
    const blockedCritics = new Map<number, boolean>();
    for (const { ticket, level, offset } of candidates) {
      const rateBlocked = blockedCritics.get(ticket.critic);
      if (rateBlocked !== undefined) {
        ticket.rateBlocked = rateBlocked;
        continue;
      }
      if (this.admits(ticket)) {
        const queue = this.queues[level] as Ticket[];
        queue.splice(offset, 1);
        this.compact(level);
        return ticket;
      }
      blockedCritics.set(ticket.critic, ticket.rateBlocked);
    }
    return undefined;
  }

  private firstQueued(level: number): Ticket | undefined {
    this.compact(level);
    const queue = this.queues[level] as Ticket[];
    return queue[this.heads[level] as number];
  }

  /** Drops withdrawn tickets from the head of a level and trims consumed space. */
  private compact(level: number): void {
    const queue = this.queues[level] as Ticket[];
    let head = this.heads[level] as number;
    while (head < queue.length && (queue[head] as Ticket).state !== 'queued') head++;
    if (head === queue.length) {
      // Setting `length` is a runtime call even on an empty array: skip it when already empty.
      if (head !== 0) queue.length = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    this.heads[level] = head;
  }

  private shift(level: number): Ticket {
    const queue = this.queues[level] as Ticket[];
    const head = this.heads[level] as number;
    const ticket = queue[head] as Ticket;
    this.heads[level] = head + 1;
    this.compact(level);
    return ticket;
  }

  private reset(): void {
    for (let level = 0; level < LEVELS; level++) {
      (this.queues[level] as Ticket[]).length = 0;
      this.heads[level] = 0;
    }
  }

  private wakeIn(ms: number): void {
    const at = this.options.clock.now() + ms;
    if (at >= this.wakeAt) return;
    if (this.waking) this.options.clock.clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.waking = true;
    this.wakeTimer = this.options.clock.setTimeout(() => {
      this.waking = false;
      this.wakeAt = Number.POSITIVE_INFINITY;
      this.dispatch();
    }, ms);
  }
}

function bump(counts: number[], index: number, by: number): void {
  counts[index] = (counts[index] ?? 0) + by;
}
