/**
 * The default critic panel: every deterministic built-in critic, plus the two network critics
 * when the configuration names their endpoints. Built as an explicit list (no global registry).
 * Each critic carries a hash of the options its factory was given, so a cache never serves a
 * result computed under another configuration.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../decision/audit-hash.js';
import type { BuiltInCritic } from '../critics/types.js';
import { createAutonomy } from '../critics/autonomy.js';
import { createDeepAnalysis } from '../critics/deep-analysis.js';
import { createDeepBiasCheck } from '../critics/deep-bias-check.js';
import { createExternalApiCritic } from '../critics/external-api-critic.js';
import { createFairnessEval } from '../critics/fairness-eval.js';
import { createInputValidation } from '../critics/input-validation.js';
import { createOperations } from '../critics/operations.js';
import { createPiiDetector } from '../critics/pii-detector.js';
import { createPromptInjectionCheck } from '../critics/prompt-injection-check.js';
import { createQuickSafety } from '../critics/quick-safety.js';
import { createRights } from '../critics/rights.js';
import { createRisk } from '../critics/risk.js';
import { createSecretsScan } from '../critics/secrets-scan.js';
import { createStyleChecker } from '../critics/style-checker.js';
import { createTruth } from '../critics/truth.js';
import type { EngineConfig } from './config.js';

/** Builds a critic with `factory(options)` and stamps it with the hash of those options. */
function configured<O extends object>(
  factory: (options: O) => BuiltInCritic,
  options: O,
): BuiltInCritic {
  return { ...factory(options), configHash: hashOf(options) };
}

/** A short hash of a critic's options. */
function hashOf(options: object): string {
  return createHash('sha256').update(canonicalJson(options)).digest('hex').slice(0, 16);
}

/** The deterministic panel: needs no network and no external service. */
export function deterministicPanel(config: Pick<EngineConfig, 'maxTextChars'>): BuiltInCritic[] {
  return [
    configured(createInputValidation, { maxChars: config.maxTextChars }),
    configured(createQuickSafety, {}),
    configured(createPromptInjectionCheck, {}),
    configured(createSecretsScan, {}),
    configured(createPiiDetector, {}),
    configured(createRights, {}),
    configured(createAutonomy, {}),
    configured(createFairnessEval, {}),
    configured(createTruth, {}),
    configured(createRisk, {}),
    configured(createOperations, {}),
    configured(createStyleChecker, {}),
    configured(createDeepBiasCheck, {}),
  ];
}

/** The default panel for a configuration: deterministic critics plus configured network ones. */
export function defaultPanel(config: EngineConfig): BuiltInCritic[] {
  const panel = deterministicPanel(config);
  // The API keys stay out of the hash: they do not change what a critic answers.
  const { judge, moderation } = config;
  if (judge !== undefined) {
    panel.push({
      ...createDeepAnalysis(judge),
      configHash: hashOf({ baseUrl: judge.baseUrl, model: judge.model }),
    });
  }
  if (moderation !== undefined) {
    panel.push({
      ...createExternalApiCritic(moderation),
      configHash: hashOf({ baseUrl: moderation.baseUrl, model: moderation.model ?? null }),
    });
  }
  return panel;
}
