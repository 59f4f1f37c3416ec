/**
 * Attempt timeouts without a timer per attempt. Attempts with the same timeout expire in the
 * order they started, so each distinct timeout keeps an intrusive doubly-linked list sorted by
 * deadline and one clock timer for its head (none while it is empty): adding and removing an
 * attempt are O(1) and allocate nothing, and completed attempts are unlinked at once.
 */
import type { Clock, TimerHandle } from './clock.js';

/** An entry of a {@link TimeoutList}; the owner embeds these fields. */
export interface Expiring {
  expiresAt: number;
  prev: Expiring | undefined;
  next: Expiring | undefined;
  /** The list the entry is linked into, if any. */
  list: TimeoutList | undefined;
  expire(): void;
}

export class TimeoutList {
  private readonly clock: Clock;
  private head: Expiring | undefined;
  private tail: Expiring | undefined;
  private timer: TimerHandle = undefined;
  private armedFor = Number.POSITIVE_INFINITY;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Links an entry whose `expiresAt` is no earlier than any linked entry's. */
  add(entry: Expiring): void {
    entry.list = this;
    entry.prev = this.tail;
    entry.next = undefined;
    if (this.tail === undefined) this.head = entry;
    else this.tail.next = entry;
    this.tail = entry;
    if (this.armedFor === Number.POSITIVE_INFINITY) this.arm(entry.expiresAt);
  }

  /** Unlinks an entry (no effect if it is not linked here). */
  remove(entry: Expiring): void {
    if (entry.list !== this) return;
    if (entry.prev === undefined) this.head = entry.next;
    else entry.prev.next = entry.next;
    if (entry.next === undefined) this.tail = entry.prev;
    else entry.next.prev = entry.prev;
    entry.prev = undefined;
    entry.next = undefined;
    entry.list = undefined;
    // An empty list keeps no timer: nothing dangles to hold the process open or skew fake time.
    if (this.head === undefined) this.dispose();
  }

  /** Cancels the timer (on close). Linked entries stay linked but will not expire. */
  dispose(): void {
    if (this.armedFor !== Number.POSITIVE_INFINITY) this.clock.clearTimeout(this.timer);
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private arm(at: number): void {
    this.armedFor = at;
    this.timer = this.clock.setTimeout(
      () => {
        this.fire();
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  private fire(): void {
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = this.clock.now();
    let entry = this.head;
    while (entry !== undefined && entry.expiresAt <= now) {
      this.remove(entry);
      entry.expire();
      entry = this.head;
    }
    if (entry !== undefined && this.armedFor === Number.POSITIVE_INFINITY)
      this.arm(entry.expiresAt);
  }
}
