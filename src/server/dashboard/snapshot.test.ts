import { describe, expect, it } from 'vitest';
import { createOrchestrator } from '../../orchestrator/orchestrator.js';
import { LiveView } from './live-view.js';
import { dashboardSnapshot } from './snapshot.js';

const clean = { severity: 0, violation: false, justification: 'clean' };

describe('dashboardSnapshot', () => {
  it('combines orchestrator figures, the live view and the cache', async () => {
    const orchestrator = createOrchestrator({
      critics: [
        { name: 'quick_safety', evaluate: () => ({ ...clean }) },
        { name: 'deep_analysis', evaluate: () => ({ ...clean }) },
        {
          name: 'external_api_critic',
          maxRetries: 0,
          evaluate: () => {
            throw new Error('503 upstream');
          },
        },
      ],
    });
    const view = new LiveView({ now: () => 120_000 });
    try {
      const report = await orchestrator.run({ inputText: 'a', modelResponse: 'b' });
      view.add({
        traceId: report.traceId,
        decision: 'allow',
        escalation: null,
        reasons: [],
        degraded: ['external_api_critic'],
        summary: report.summary,
      });
      const snapshot = dashboardSnapshot({
        orchestrator,
        view,
        cache: () => ({ hits: 3, misses: 1 }),
        now: () => 5,
      });
      expect(snapshot.generatedAt).toBe(5);
      expect(snapshot.totals).toMatchObject({
        evaluations: 1,
        inFlight: 0,
        queued: 0,
        rejected: 0,
      });
      expect(snapshot.totals.gatingRate).toBeCloseTo(1 / 3);
      expect(snapshot.recent.map((r) => r.traceId)).toEqual([report.traceId]);
      expect(snapshot.timeline.at(-1)?.counts.allow).toBe(1);
      const rows = Object.fromEntries(snapshot.critics.map((c) => [c.name, c]));
      expect(rows['quick_safety']).toMatchObject({
        executions: 1,
        gatingRate: 0,
        breaker: 'closed',
      });
      expect(rows['deep_analysis']).toMatchObject({ executions: 1, gatingRate: 1 });
      expect(rows['external_api_critic']).toMatchObject({ executions: 1, failed: 1 });
      expect(snapshot.cache).toEqual({ hits: 3, misses: 1, hitRate: 0.75, degraded: false });
    } finally {
      await orchestrator.close();
    }
  });

  it('reports zeros before any evaluation and leaves out an absent cache', async () => {
    const orchestrator = createOrchestrator({
      critics: [{ name: 'quick_safety', evaluate: () => ({ ...clean }) }],
    });
    try {
      const snapshot = dashboardSnapshot({ orchestrator, view: new LiveView() });
      expect(snapshot.totals.gatingRate).toBe(0);
      expect(snapshot.critics[0]).toMatchObject({ executions: 0, gatingRate: 0, latencyP50Ms: 0 });
      expect(snapshot.cache).toBeUndefined();
      expect(snapshot.recent).toEqual([]);
    } finally {
      await orchestrator.close();
    }
  });
});
