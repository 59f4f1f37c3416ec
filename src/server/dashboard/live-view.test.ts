import { describe, expect, it } from 'vitest';
import { LiveView, type DecidedEvaluation } from './live-view.js';

function evaluation(
  traceId: string,
  decision: DecidedEvaluation['decision'],
  severities: number[] = [],
): DecidedEvaluation {
  return {
    traceId,
    decision,
    escalation: decision === 'escalate' ? { tier: 'TIER_2' } : null,
    reasons: severities.map((severity, i) => ({
      critic: `critic_${String(i)}`,
      category: 'cat',
      severity,
    })),
    degraded: [],
    summary: { durationMs: 3 },
  };
}

describe('LiveView', () => {
  it('keeps the most recent decisions, newest first, with their top three reasons', () => {
    let t = 1_000_000;
    const view = new LiveView({ recent: 2, now: () => t });
    view.add(evaluation('a', 'allow'));
    t += 10;
    view.add(evaluation('b', 'escalate', [1, 3, 2, 0.5]));
    t += 10;
    view.add(evaluation('c', 'deny', [3]));
    const recent = view.recent();
    expect(recent.map((r) => r.traceId)).toEqual(['c', 'b']);
    expect(recent[1]).toMatchObject({
      decision: 'escalate',
      at: 1_000_010,
      escalationTier: 'TIER_2',
      reasons: ['critic_1/cat (3)', 'critic_2/cat (2)', 'critic_0/cat (1)'],
    });
  });

  it('counts decisions per minute over the window, old buckets recycled', () => {
    let t = 10 * 60_000;
    const view = new LiveView({ buckets: 3, now: () => t });
    view.add(evaluation('a', 'allow'));
    view.add(evaluation('b', 'deny'));
    t += 60_000;
    view.add(evaluation('c', 'allow'));
    let timeline = view.timeline();
    expect(timeline.map((b) => b.start)).toEqual([9 * 60_000, 10 * 60_000, 11 * 60_000]);
    expect(timeline.map((b) => b.counts.allow)).toEqual([0, 1, 1]);
    expect(timeline.map((b) => b.counts.deny)).toEqual([0, 1, 0]);
    // Three minutes on, minute 10's slot is reused for minute 13 and starts empty.
    t += 2 * 60_000;
    view.add(evaluation('d', 'escalate'));
    timeline = view.timeline();
    expect(timeline.map((b) => b.start)).toEqual([11 * 60_000, 12 * 60_000, 13 * 60_000]);
    expect(timeline.map((b) => b.counts)).toEqual([
      { allow: 1, constrained_allow: 0, escalate: 0, deny: 0 },
      { allow: 0, constrained_allow: 0, escalate: 0, deny: 0 },
      { allow: 0, constrained_allow: 0, escalate: 1, deny: 0 },
    ]);
  });

  it('hands out copies the caller cannot use to change the view', () => {
    const view = new LiveView({ now: () => 0 });
    view.add(evaluation('a', 'deny', [3]));
    view.recent()[0]?.reasons.push('tampered');
    const bucket = view.timeline().at(-1);
    if (bucket !== undefined) bucket.counts.deny = 99;
    expect(view.recent()[0]?.reasons).toEqual(['critic_0/cat (3)']);
    expect(view.timeline().at(-1)?.counts.deny).toBe(1);
  });
});
