/**
 * What the dashboard shows live, kept in the process from the engine's decision events: the most
 * recent decisions (no texts — only ids, outcome, timing and the top reasons) and per-minute
 * decision counts for the last hour. Fixed memory whatever the traffic.
 */
import type { Decision } from '../../decision/types.js';

export const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];

/** The part of an evaluation result the view reads. */
export interface DecidedEvaluation {
  traceId: string;
  decision: Decision;
  escalation: { tier: string } | null;
  reasons: readonly { critic: string; category: string; severity: number }[];
  degraded: readonly string[];
  summary: { durationMs: number };
}

export interface RecentDecision {
  traceId: string;
  decision: Decision;
  /** Epoch milliseconds. */
  at: number;
  durationMs: number;
  escalationTier: string | null;
  /** Up to three, `critic/category (severity)`. */
  reasons: string[];
  degraded: string[];
}

export interface TimelineBucket {
  /** Epoch milliseconds at the bucket's start. */
  start: number;
  counts: Record<Decision, number>;
}

export interface LiveViewOptions {
  /** @default 20 */
  recent?: number;
  /** @default 60 000 (one minute) */
  bucketMs?: number;
  /** @default 60 (an hour of minutes) */
  buckets?: number;
  /** Wall-clock time in epoch ms. @default Date.now */
  now?: () => number;
}

const emptyCounts = (): Record<Decision, number> => ({
  allow: 0,
  constrained_allow: 0,
  escalate: 0,
  deny: 0,
});

export class LiveView {
  private readonly recentLimit: number;
  private readonly bucketMs: number;
  private readonly bucketCount: number;
  private readonly now: () => number;
  private readonly recentItems: RecentDecision[] = [];
  /** Ring of buckets indexed by `floor(start / bucketMs) % bucketCount`. */
  private readonly ring: TimelineBucket[] = [];

  constructor(options: LiveViewOptions = {}) {
    this.recentLimit = options.recent ?? 20;
    this.bucketMs = options.bucketMs ?? 60_000;
    this.bucketCount = options.buckets ?? 60;
    this.now = options.now ?? Date.now;
  }

  add(result: DecidedEvaluation): void {
    const at = this.now();
    this.recentItems.unshift({
      traceId: result.traceId,
      decision: result.decision,
      at,
      durationMs: result.summary.durationMs,
      escalationTier: result.escalation?.tier ?? null,
      reasons: [...result.reasons]
        .sort((a, b) => b.severity - a.severity)
        .slice(0, 3)
        .map((r) => `${r.critic}/${r.category} (${String(r.severity)})`),
      degraded: [...result.degraded],
    });
    if (this.recentItems.length > this.recentLimit) this.recentItems.length = this.recentLimit;
    this.bucketAt(at).counts[result.decision]++;
  }

  /** Newest first. */
  recent(): RecentDecision[] {
    return this.recentItems.map((r) => ({
      ...r,
      reasons: [...r.reasons],
      degraded: [...r.degraded],
    }));
  }

  /** Every bucket of the window, oldest first, empty ones included. */
  timeline(): TimelineBucket[] {
    const current = Math.floor(this.now() / this.bucketMs);
    const out: TimelineBucket[] = [];
    for (let index = current - this.bucketCount + 1; index <= current; index++) {
      const start = index * this.bucketMs;
      const bucket = this.ring[index % this.bucketCount];
      out.push({
        start,
        counts: bucket?.start === start ? { ...bucket.counts } : emptyCounts(),
      });
    }
    return out;
  }

  private bucketAt(at: number): TimelineBucket {
    const index = Math.floor(at / this.bucketMs);
    const start = index * this.bucketMs;
    const slot = index % this.bucketCount;
    let bucket = this.ring[slot];
    if (bucket?.start !== start) {
      bucket = { start, counts: emptyCounts() };
      this.ring[slot] = bucket;
    }
    return bucket;
  }
}
