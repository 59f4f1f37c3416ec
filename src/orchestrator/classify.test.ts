import { describe, expect, it } from 'vitest';
import { classifyCritic, splitWords } from './classify.js';
import { Policy, Stage } from './vocabulary.js';

describe('splitWords', () => {
  it.each([
    ['deep_bias_check', ['deep', 'bias', 'check']],
    ['deep-bias-check', ['deep', 'bias', 'check']],
    ['deepBiasCheck', ['deep', 'bias', 'check']],
    ['DeepBiasCheck', ['deep', 'bias', 'check']],
    ['LLMJudge', ['llm', 'judge']],
    ['externalAPICritic', ['external', 'api', 'critic']],
    ['PII_detector', ['pii', 'detector']],
    ['safety2check', ['safety', '2', 'check']],
    ['v2Fast', ['v', '2', 'fast']],
    ['  quick.safety / v1 ', ['quick', 'safety', 'v', '1']],
    ['', []],
  ])('splits %j into %j', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });
});

describe('classifyCritic', () => {
  it.each([
    ['quick_safety', Stage.FAST_CRITICS, 1, Policy.ALWAYS],
    ['deep_bias_check', Stage.DEEP_ANALYSIS, 2, Policy.ON_VIOLATION],
    ['fairness_eval', Stage.CORE_ANALYSIS, 3, Policy.ALWAYS],
    ['style_checker', Stage.CORE_ANALYSIS, 7, Policy.ALWAYS],
  ])('classifies the seed example %s as %s, priority %i, %s', (name, stage, priority, policy) => {
    expect(classifyCritic(name)).toMatchObject({ stage, priority, policy });
  });

  it.each([
    ['pii_detector', Stage.CORE_ANALYSIS, 4, Policy.ON_HIGH_RISK],
    ['deep_analysis', Stage.DEEP_ANALYSIS, 5, Policy.ON_VIOLATION],
    ['external_api_critic', Stage.DEEP_ANALYSIS, 5, Policy.ALWAYS],
    ['llm_judge', Stage.DEEP_ANALYSIS, 5, Policy.ALWAYS],
    ['harm_check', Stage.PRE_VALIDATION, 3, Policy.ALWAYS],
    ['sanity_validation', Stage.PRE_VALIDATION, 5, Policy.ALWAYS],
    ['summary_aggregate', Stage.POST_PROCESSING, 5, Policy.ALWAYS],
    ['metadata_log', Stage.CORE_ANALYSIS, 9, Policy.ALWAYS],
    ['privacy_compliance', Stage.CORE_ANALYSIS, 4, Policy.ALWAYS],
    ['sensitive_topics', Stage.CORE_ANALYSIS, 5, Policy.ON_HIGH_RISK],
    ['rights_critic', Stage.CORE_ANALYSIS, 2, Policy.ALWAYS],
  ])('classifies %s as %s, priority %i, %s', (name, stage, priority, policy) => {
    expect(classifyCritic(name)).toMatchObject({ stage, priority, policy });
  });

  it.each([
    ['pharmacy_lookup', 'harm'],
    ['technology_review', 'log'],
    ['catalog_lookup', 'log'],
    ['checker_tool', 'check'],
    ['deeply_nested', 'deep'],
    ['unbiased_scan', 'bias'],
  ])('does not match a keyword inside a longer word: %s does not contain %s', (name) => {
    expect(classifyCritic(name)).toMatchObject({
      stage: Stage.CORE_ANALYSIS,
      priority: 5,
      policy: Policy.ALWAYS,
    });
  });

  it.each([
    ['deepBiasCheck', Stage.DEEP_ANALYSIS, 2, Policy.ON_VIOLATION],
    ['deep-bias-check', Stage.DEEP_ANALYSIS, 2, Policy.ON_VIOLATION],
    ['QuickSafety', Stage.FAST_CRITICS, 1, Policy.ALWAYS],
    ['LLMJudge', Stage.DEEP_ANALYSIS, 5, Policy.ALWAYS],
    ['piiDetector', Stage.CORE_ANALYSIS, 4, Policy.ON_HIGH_RISK],
  ])(
    'classifies camelCase and kebab-case name %s like its snake_case twin',
    (name, stage, priority, policy) => {
      expect(classifyCritic(name)).toMatchObject({ stage, priority, policy });
    },
  );

  it('tests deep before check, so deep_bias_check lands in DEEP_ANALYSIS', () => {
    expect(classifyCritic('check_deep').stage).toBe(Stage.DEEP_ANALYSIS);
  });

  it('lets safety keywords keep ALWAYS even on a deep critic', () => {
    expect(classifyCritic('deep_safety').policy).toBe(Policy.ALWAYS);
  });

  it('lets explicit fields win over keywords', () => {
    const result = classifyCritic('deep_bias_check', {
      stage: Stage.POST_PROCESSING,
      priority: 8,
      policy: Policy.ON_UNCERTAINTY,
    });
    expect(result).toEqual({
      stage: Stage.POST_PROCESSING,
      priority: 8,
      policy: Policy.ON_UNCERTAINTY,
      reasons: {
        stage: 'explicit stage',
        priority: 'explicit priority',
        policy: 'explicit policy',
      },
    });
  });

  it('classifies only the fields that are not given explicitly', () => {
    const result = classifyCritic('deep_bias_check', { priority: 9, policy: undefined });
    expect(result).toMatchObject({ stage: Stage.DEEP_ANALYSIS, priority: 9 });
    expect(result.policy).toBe(Policy.ON_VIOLATION);
    expect(result.reasons.priority).toBe('explicit priority');
  });

  it('names the matching keyword in each reason', () => {
    expect(classifyCritic('deep_bias_check').reasons).toEqual({
      stage: 'keyword "deep" → DEEP_ANALYSIS',
      priority: 'keyword "bias" → 2',
      policy: 'keyword "deep" → ON_VIOLATION',
    });
  });

  it('says when a default was used because no keyword matched', () => {
    expect(classifyCritic('pharmacy_lookup').reasons).toEqual({
      stage: 'no keyword → CORE_ANALYSIS (default)',
      priority: 'no keyword → 5 (default)',
      policy: 'no keyword → ALWAYS (default)',
    });
  });
});
