import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrchestrator } from './orchestrator.js';
import { OK, fakeLogger, settle } from './test-helpers/fixtures.js';
import type { CriticSpec, Logger, RunRequest } from './types.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const REQUEST: RunRequest = {
  inputText: 'question',
  modelResponse: 'answer',
  context: { riskTier: 'medium' },
  traceId: 'trace-logs',
};

/**
 * The seed's panel: ten critics, classified by name. Four are gated (two ON_VIOLATION with no
 * violation, two ON_HIGH_RISK at medium risk), the external critic fails once and succeeds on
 * its retry after 2 s, and one critic fails for good: total=6, success=5, gated=4, retried=1.
 */
function seedPanel(): CriticSpec[] {
  const ok = (name: string): CriticSpec => ({ name, evaluate: () => OK });
  return [
    ok('quick_safety'),
    ok('rights_critic'),
    ok('fairness_eval'),
    ok('style_checker'),
    {
      name: 'metadata_log',
      maxRetries: 0,
      evaluate: () => {
        throw new Error('metadata store unreachable');
      },
    },
    {
      name: 'external_api_critic',
      backoff: { initialDelayMs: 2000, jitter: 0 },
      evaluate: (_input, { attempt }) => {
        if (attempt === 0) throw new Error('HTTP 503');
        return OK;
      },
    },
    ok('deep_analysis'),
    ok('pii_detector'),
    ok('comprehensive_review'),
    ok('sensitive_topics'),
  ];
}

const SEED_LINES = [
  'Running 10 critics with Production Orchestrator (gating=on, retries=on)',
  'Critic deep_analysis gated: no_prior_violations',
  'Retrying external_api_critic in 2.0s (attempt 1/2)',
  'Orchestrator execution complete: total=6, success=5, gated=4, retried=1',
];

async function runSeedPanel(logger: Logger) {
  const orchestrator = createOrchestrator({ critics: seedPanel(), logger });
  return settle(orchestrator.run(REQUEST));
}

describe('seed log lines', () => {
  it('logs the four seed lines verbatim through an injected logger', async () => {
    const logger = fakeLogger();
    const report = await runSeedPanel(logger);
    expect(report.summary).toMatchObject({ total: 6, success: 5, gated: 4, retried: 1 });
    const info = logger.messages('info');
    for (const line of SEED_LINES) expect(info).toContain(line);
    expect(info[0]).toBe(SEED_LINES[0]);
    expect(info.at(-1)).toBe(SEED_LINES[3]);
    expect(info.indexOf(SEED_LINES[2])).toBeLessThan(info.indexOf(SEED_LINES[1]));
    expect(info.filter((m) => m?.includes(' gated: ') === true).sort()).toEqual([
      'Critic comprehensive_review gated: no_prior_violations',
      'Critic deep_analysis gated: no_prior_violations',
      'Critic pii_detector gated: risk_tier_not_high: medium',
      'Critic sensitive_topics gated: risk_tier_not_high: medium',
    ]);
  });

  it('puts the numbers alongside each message as fields', async () => {
    const logger = fakeLogger();
    await runSeedPanel(logger);
    const field = (msg: string) => logger.calls.find((c) => c.msg === msg)?.obj;
    expect(field(SEED_LINES[0]!)).toMatchObject({ traceId: 'trace-logs', critics: 10 });
    expect(field(SEED_LINES[1]!)).toMatchObject({
      traceId: 'trace-logs',
      critic: 'deep_analysis',
      reason: 'no_prior_violations',
    });
    expect(field(SEED_LINES[2]!)).toMatchObject({
      traceId: 'trace-logs',
      critic: 'external_api_critic',
      retry: 1,
      maxRetries: 2,
      delayMs: 2000,
      error: 'HTTP 503',
    });
    expect(field(SEED_LINES[3]!)).toMatchObject({
      traceId: 'trace-logs',
      total: 6,
      success: 5,
      failed: 1,
      gated: 4,
      retried: 1,
    });
  });

  it('writes the same lines as JSON through a real pino logger', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      {
        write: (chunk: string) => {
          lines.push(chunk);
        },
      },
    );
    await runSeedPanel(logger);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const messages = records.map((r) => r['msg']);
    for (const line of SEED_LINES) expect(messages).toContain(line);
    const complete = records.find((r) => r['msg'] === SEED_LINES[3]);
    expect(complete).toMatchObject({
      level: 30,
      traceId: 'trace-logs',
      total: 6,
      success: 5,
      gated: 4,
      retried: 1,
    });
    const retry = records.find((r) => r['msg'] === SEED_LINES[2]);
    expect(retry).toMatchObject({ critic: 'external_api_critic', delayMs: 2000 });
  });

  it.each([
    [1500, 'Retrying external_api_critic in 1.5s (attempt 1/2)'],
    [250, 'Retrying external_api_critic in 0.3s (attempt 1/2)'],
    [12_000, 'Retrying external_api_critic in 12.0s (attempt 1/2)'],
  ])('formats a %i ms backoff as %j', async (initialDelayMs, line) => {
    const logger = fakeLogger();
    const orchestrator = createOrchestrator({
      logger,
      critics: [
        {
          name: 'external_api_critic',
          backoff: { initialDelayMs, maxDelayMs: 20_000, jitter: 0 },
          evaluate: (_input, { attempt }) => {
            if (attempt === 0) throw new Error('HTTP 503');
            return OK;
          },
        },
      ],
    });
    await settle(orchestrator.run(REQUEST));
    expect(logger.messages('info')).toContain(line);
  });

  it('says gating=off and retries=off when they are disabled', async () => {
    const logger = fakeLogger();
    const orchestrator = createOrchestrator({
      critics: seedPanel(),
      logger,
      enableGating: false,
      enableRetries: false,
    });
    await settle(orchestrator.run(REQUEST));
    const info = logger.messages('info');
    expect(info[0]).toBe(
      'Running 10 critics with Production Orchestrator (gating=off, retries=off)',
    );
    expect(info.some((m) => m?.includes(' gated: ') === true)).toBe(false);
    expect(info.at(-1)).toBe(
      'Orchestrator execution complete: total=10, success=8, gated=0, retried=0',
    );
  });
});
