/**
 * The default critic panel: every deterministic built-in critic, plus the two network critics
 * when the configuration names their endpoints. Built as an explicit list (no global registry).
 */
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

/** The deterministic panel: needs no network and no external service. */
export function deterministicPanel(config: Pick<EngineConfig, 'maxTextChars'>): BuiltInCritic[] {
  return [
    createInputValidation({ maxChars: config.maxTextChars }),
    createQuickSafety(),
    createPromptInjectionCheck(),
    createSecretsScan(),
    createPiiDetector(),
    createRights(),
    createAutonomy(),
    createFairnessEval(),
    createTruth(),
    createRisk(),
    createOperations(),
    createStyleChecker(),
    createDeepBiasCheck(),
  ];
}

/** The default panel for a configuration: deterministic critics plus configured network ones. */
export function defaultPanel(config: EngineConfig): BuiltInCritic[] {
  const panel = deterministicPanel(config);
  if (config.judge !== undefined) panel.push(createDeepAnalysis(config.judge));
  if (config.moderation !== undefined) panel.push(createExternalApiCritic(config.moderation));
  return panel;
}
