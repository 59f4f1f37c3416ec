import { afterEach, describe, expect, it, vi } from 'vitest';
import { LegacyRunnerError } from './errors.js';
import { runCriticsParallel } from './legacy.js';
import { OK, REQUEST, fakeLogger } from './test-helpers/fixtures.js';
import type { CriticSpec } from './types.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const ALLOW = 'ELEANOR_ALLOW_LEGACY_CRITIC_RUNNER';
const ENFORCE = 'ELEANOR_ENFORCE_SINGLE_CRITIC_PIPELINE';

function critics(): { specs: CriticSpec[]; calls: string[] } {
  const calls: string[] = [];
  const specs: CriticSpec[] = [
    {
      name: 'ok',
      evaluate: () => {
        calls.push('ok');
        return OK;
      },
    },
    {
      name: 'deep_depends',
      dependsOn: ['ok'],
      evaluate: () => {
        calls.push('deep_depends');
        return OK;
      },
    },
    {
      name: 'broken',
      maxRetries: 3,
      evaluate: () => {
        calls.push('broken');
        throw new Error('boom');
      },
    },
  ];
  return { specs, calls };
}

describe('runCriticsParallel (legacy runner)', () => {
  it.each([
    ['nothing set', {}],
    [`${ALLOW}=0`, { [ALLOW]: '0' }],
    [`${ALLOW}=false`, { [ALLOW]: 'false' }],
    [`${ALLOW}=garbage`, { [ALLOW]: 'please' }],
    [`${ENFORCE}=true`, { [ENFORCE]: 'true' }],
    [`${ENFORCE}=yes and ${ALLOW}=no`, { [ENFORCE]: 'yes', [ALLOW]: 'no' }],
  ])('refuses with a LegacyRunnerError when %s', async (_why, env) => {
    const { specs, calls } = critics();
    const warn = vi.fn();
    const result = runCriticsParallel(specs, REQUEST, { env, warn });
    await expect(result).rejects.toBeInstanceOf(LegacyRunnerError);
    await expect(result).rejects.toThrow(/ELEANOR_ALLOW_LEGACY_CRITIC_RUNNER/);
    expect(calls).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ...['1', 'true', 'yes', 'on', 'TRUE', 'On'].map(
      (v) => [`${ALLOW}=${v}`, { [ALLOW]: v }] as const,
    ),
    ...['0', 'false', 'no', 'off', 'FALSE'].map(
      (v) => [`${ENFORCE}=${v}`, { [ENFORCE]: v }] as const,
    ),
  ])('runs when %s, warning that it is deprecated', async (_why, env) => {
    const { specs, calls } = critics();
    const warn = vi.fn();
    const logger = fakeLogger();
    const report = await runCriticsParallel(specs, REQUEST, { env, warn, logger });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/deprecated/);
    const warnings = logger.calls.filter((c) => c.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/runCriticsParallel is deprecated/);
    expect(warnings[0]?.obj).toMatchObject({ runner: 'legacy' });
    expect(report.results['ok']?.status).toBe('success');
    expect(report.results['deep_depends']?.status).toBe('success');
    expect(report.results['broken']).toMatchObject({ status: 'error', error: 'boom' });
    expect(report.summary).toMatchObject({ total: 3, success: 2, failed: 1, gated: 0 });
    expect(calls.filter((c) => c === 'broken')).toHaveLength(1);
  });

  it('emits a DeprecationWarning through process.emitWarning when no warn function is given', async () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const { specs } = critics();
    const report = await runCriticsParallel(specs, REQUEST, { env: { [ALLOW]: '1' } });
    expect(report.results['ok']?.status).toBe('success');
    expect(emitWarning).toHaveBeenCalledTimes(1);
    expect(emitWarning.mock.calls[0]?.[0]).toMatch(/deprecated/);
    expect(emitWarning.mock.calls[0]?.[1]).toMatchObject({
      type: 'DeprecationWarning',
      code: 'ELEANOR_LEGACY_RUNNER',
    });
  });

  it('reads process.env when no env is given', async () => {
    const { specs } = critics();
    const warn = vi.fn();
    vi.stubEnv(ALLOW, '');
    vi.stubEnv(ENFORCE, '');
    await expect(runCriticsParallel(specs, REQUEST, { warn })).rejects.toBeInstanceOf(
      LegacyRunnerError,
    );
    vi.stubEnv(ALLOW, 'yes');
    const report = await runCriticsParallel(specs, REQUEST, { warn });
    expect(report.results['ok']?.status).toBe('success');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('logs through the given logger like the simple orchestrator', async () => {
    const logger = fakeLogger();
    const { specs } = critics();
    await runCriticsParallel(specs, REQUEST, { env: { [ALLOW]: 'on' }, warn: vi.fn(), logger });
    expect(logger.messages('info')).toEqual([
      'Running 3 critics with Simple Orchestrator (gating=off, retries=off)',
      'Orchestrator execution complete: total=3, success=2, gated=0, retried=0',
    ]);
  });
});
