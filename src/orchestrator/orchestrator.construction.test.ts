import { describe, expect, it } from 'vitest';
import {
  CycleError,
  DuplicateCriticError,
  EleanorError,
  InvalidOptionError,
  PlanError,
  StageOrderError,
  UnknownDependencyError,
} from './errors.js';
import { createOrchestrator } from './orchestrator.js';
import { OK } from './test-helpers/fixtures.js';
import type { CriticSpec, OrchestratorOptions } from './types.js';
import { Policy, Stage } from './vocabulary.js';

function critic(name: string, extra: Record<string, unknown> = {}): CriticSpec {
  return { name, evaluate: () => OK, ...extra };
}

/** The error `createOrchestrator` throws for these options (fails the test if none). */
function constructionError(options: OrchestratorOptions): unknown {
  try {
    createOrchestrator(options);
  } catch (error) {
    return error;
  }
  throw new Error('expected createOrchestrator to throw');
}

function panel(...critics: CriticSpec[]): OrchestratorOptions {
  return { critics };
}

describe('orchestrator construction: plan errors', () => {
  it('rejects a two-critic cycle with a CycleError naming its path', () => {
    const error = constructionError(
      panel(critic('a', { dependsOn: ['b'] }), critic('b', { dependsOn: ['a'] })),
    );
    expect(error).toBeInstanceOf(CycleError);
    const cycle = error as CycleError;
    expect(cycle.message).toContain('a → b → a');
    expect(cycle.path).toEqual(['a', 'b', 'a']);
    expect(cycle.critics).toEqual(['a', 'b']);
  });

  it('names the path of a longer cycle and leaves out critics merely leading into it', () => {
    const error = constructionError(
      panel(
        critic('entry', { dependsOn: ['a'] }),
        critic('a', { dependsOn: ['b'] }),
        critic('b', { dependsOn: ['c'] }),
        critic('c', { dependsOn: ['a'] }),
      ),
    );
    expect(error).toBeInstanceOf(CycleError);
    const cycle = error as CycleError;
    expect(cycle.path).toEqual(['a', 'b', 'c', 'a']);
    expect(cycle.message).toContain('a → b → c → a');
    expect(cycle.message).not.toContain('entry');
  });

  it('rejects a critic depending on itself', () => {
    const error = constructionError(panel(critic('selfish', { dependsOn: ['selfish'] })));
    expect(error).toBeInstanceOf(CycleError);
    expect((error as CycleError).message).toContain('selfish → selfish');
  });

  it('rejects an unknown dependency with an UnknownDependencyError naming both critics', () => {
    const error = constructionError(panel(critic('a', { dependsOn: ['ghost'] }), critic('b')));
    expect(error).toBeInstanceOf(UnknownDependencyError);
    const unknown = error as UnknownDependencyError;
    expect(unknown.message).toContain('`a`');
    expect(unknown.message).toContain('`ghost`');
    expect(unknown.dependency).toBe('ghost');
    expect(unknown.critics).toEqual(['a', 'ghost']);
  });

  it('rejects a dependency on a later stage with a StageOrderError naming both critics and stages', () => {
    const error = constructionError(
      panel(
        critic('early', { stage: Stage.PRE_VALIDATION, dependsOn: ['later'] }),
        critic('later', { stage: Stage.CORE_ANALYSIS }),
      ),
    );
    expect(error).toBeInstanceOf(StageOrderError);
    const message = (error as StageOrderError).message;
    expect(message).toContain('`early`');
    expect(message).toContain('`later`');
    expect(message).toContain('PRE_VALIDATION');
    expect(message).toContain('CORE_ANALYSIS');
  });

  it('accepts a dependency on a critic of the same or an earlier stage', () => {
    const orchestrator = createOrchestrator(
      panel(
        critic('post', { stage: Stage.POST_PROCESSING, dependsOn: ['core', 'pre'] }),
        critic('core', { stage: Stage.CORE_ANALYSIS, dependsOn: ['core_peer'] }),
        critic('core_peer', { stage: Stage.CORE_ANALYSIS }),
        critic('pre', { stage: Stage.PRE_VALIDATION }),
      ),
    );
    expect(orchestrator.critics.map((c) => c.name)).toEqual(['pre', 'core_peer', 'core', 'post']);
  });

  it('rejects duplicate names with a DuplicateCriticError', () => {
    const error = constructionError(panel(critic('twin'), critic('other'), critic('twin')));
    expect(error).toBeInstanceOf(DuplicateCriticError);
    expect((error as DuplicateCriticError).message).toContain('`twin`');
    expect((error as DuplicateCriticError).critics).toEqual(['twin']);
  });

  it('makes every plan error an EleanorError and a PlanError with HTTP status 400', () => {
    const errors = [
      constructionError(panel(critic('a', { dependsOn: ['a'] }))),
      constructionError(panel(critic('a', { dependsOn: ['x'] }))),
      constructionError(
        panel(
          critic('a', { stage: Stage.PRE_VALIDATION, dependsOn: ['b'] }),
          critic('b', { stage: Stage.VALIDATION }),
        ),
      ),
      constructionError(panel(critic('a'), critic('a'))),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(PlanError);
      expect(error).toBeInstanceOf(EleanorError);
      expect((error as PlanError).status).toBe(400);
      expect((error as PlanError).name).toBe((error as PlanError).constructor.name);
    }
  });
});

interface BadOption {
  label: string;
  options: OrchestratorOptions;
  critic?: string;
  field: string;
  /** A fragment of the expectation the message states. */
  expected: string;
  /** How the received value is described in the message. */
  got: string;
}

const criticCase = (
  label: string,
  extra: Record<string, unknown>,
  field: string,
  expected: string,
  got: string,
): BadOption => ({
  label,
  options: panel(critic('subject', extra)),
  critic: 'subject',
  field,
  expected,
  got,
});

const optionCase = (
  label: string,
  extra: Record<string, unknown>,
  field: string,
  expected: string,
  got: string,
): BadOption => ({
  label,
  options: { critics: [critic('subject')], ...extra },
  field,
  expected,
  got,
});

const BAD_OPTIONS: BadOption[] = [
  criticCase('priority 0', { priority: 0 }, 'priority', 'an integer in 1…10', 'number 0'),
  criticCase('priority 11', { priority: 11 }, 'priority', 'an integer in 1…10', 'number 11'),
  criticCase('priority 2.5', { priority: 2.5 }, 'priority', 'an integer in 1…10', 'number 2.5'),
  criticCase('timeoutMs 0', { timeoutMs: 0 }, 'timeoutMs', '> 0', 'number 0'),
  criticCase('timeoutMs -1', { timeoutMs: -1 }, 'timeoutMs', '> 0', 'number -1'),
  criticCase('timeoutMs NaN', { timeoutMs: Number.NaN }, 'timeoutMs', '> 0', 'number NaN'),
  criticCase('maxRetries -1', { maxRetries: -1 }, 'maxRetries', 'an integer', 'number -1'),
  criticCase('maxRetries 1.5', { maxRetries: 1.5 }, 'maxRetries', 'an integer', 'number 1.5'),
  criticCase('maxConcurrent 0', { maxConcurrent: 0 }, 'maxConcurrent', '>= 1', 'number 0'),
  criticCase('ratePerSecond 0', { ratePerSecond: 0 }, 'ratePerSecond', '> 0', 'number 0'),
  criticCase('cost -1', { cost: -1 }, 'cost', '>= 0', 'number -1'),
  criticCase('backoff.jitter 2', { backoff: { jitter: 2 } }, 'backoff.jitter', '<= 1', 'number 2'),
  criticCase(
    'circuitBreaker.failureThreshold 0',
    { circuitBreaker: { failureThreshold: 0 } },
    'circuitBreaker.failureThreshold',
    'an integer',
    'number 0',
  ),
  criticCase('unknown critic field maxRetry', { maxRetry: 3 }, 'maxRetry', 'absent', 'number 3'),
  criticCase(
    'non-function evaluate',
    { evaluate: 'run me' },
    'evaluate',
    'a function',
    'the string "run me"',
  ),
  criticCase(
    'CONDITIONAL without condition',
    { policy: Policy.CONDITIONAL },
    'condition',
    'a predicate function',
    'undefined',
  ),
  criticCase('bad stage string', { stage: 'LATE_STAGE' }, 'stage', 'a Stage', '"LATE_STAGE"'),
  criticCase('bad policy string', { policy: 'SOMETIMES' }, 'policy', 'a Policy', '"SOMETIMES"'),
  optionCase('options.maxConcurrent 0', { maxConcurrent: 0 }, 'maxConcurrent', '>= 1', 'number 0'),
  optionCase('maxQueueSize 0', { maxQueueSize: 0 }, 'maxQueueSize', '>= 1', 'number 0'),
  optionCase('globalTimeoutMs -5', { globalTimeoutMs: -5 }, 'globalTimeoutMs', '> 0', 'number -5'),
  optionCase('unknown option key', { maxConcurrency: 4 }, 'maxConcurrency', 'absent', 'number 4'),
  optionCase(
    'maxConcurrentPerStage 0',
    { maxConcurrentPerStage: { CORE_ANALYSIS: 0 } },
    'maxConcurrentPerStage.CORE_ANALYSIS',
    '>= 1',
    'number 0',
  ),
];

describe('orchestrator construction: option errors', () => {
  it.each(BAD_OPTIONS)(
    'rejects $label with an InvalidOptionError naming the field and the value',
    ({ options, critic: criticName, field, expected, got }) => {
      const error = constructionError(options);

      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toBeInstanceOf(EleanorError);
      const invalid = error as InvalidOptionError;
      expect(invalid.field).toBe(field);
      expect(invalid.critic).toBe(criticName);
      expect(invalid.expected).toContain(expected);
      expect(invalid.received).toContain(got);
      expect(invalid.status).toBe(400);
      expect(invalid.message).toContain(`\`${field}\``);
      expect(invalid.message).toContain(expected);
      expect(invalid.message).toContain(`got ${invalid.received}`);
      expect(invalid.message).toContain(got);
      if (criticName !== undefined) expect(invalid.message).toContain(`\`${criticName}\``);
    },
  );

  it('accepts the boundary values of every range', () => {
    const orchestrator = createOrchestrator({
      maxConcurrent: 1,
      maxQueueSize: 1,
      globalTimeoutMs: 1,
      critics: [
        critic('low', {
          priority: 1,
          maxRetries: 0,
          maxConcurrent: 1,
          cost: 0,
          backoff: { jitter: 0 },
          circuitBreaker: { failureThreshold: 1 },
        }),
        critic('high', { priority: 10, backoff: { jitter: 1 }, ratePerSecond: 0.001 }),
      ],
    });
    expect(orchestrator.critics.map((c) => [c.name, c.priority])).toEqual([
      ['low', 1],
      ['high', 10],
    ]);
  });
});
