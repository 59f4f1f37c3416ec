/**
 * Ten example critics named like the seed's panel. They do real (if simple) work on the text —
 * keyword and pattern checks with small simulated latencies — so the demo shows the orchestrator's
 * behaviour: staging, gating, dependencies, retries. The full critic panel is a separate module.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CriticInput, CriticOutput, CriticSpec } from '../src/index.js';

const VIOLENCE = /\b(kill|attack|bomb|weapon|shoot)\b/i;
const BIAS = /\b(all|those) (women|men|immigrants|foreigners|old people) are\b/i;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.]+\b/g;
const PHONE = /\b\d{3}[-. ]\d{3}[-. ]\d{4}\b/g;

function finding(
  score: number,
  violations: string[],
  extra: Record<string, unknown> = {},
): CriticOutput {
  return {
    value: violations.length === 0 ? 'pass' : 'flag',
    score,
    severity: violations.length === 0 ? 0 : 2,
    violation: violations.length > 0,
    violations,
    ...extra,
  };
}

const text = (input: CriticInput): string => `${input.inputText}\n${input.modelResponse}`;

/** A moderation service that answers 503 the first time it is called for each request. */
function flakyModeration(): CriticSpec['evaluate'] {
  const seen = new Set<string>();
  return async (input, { signal }) => {
    await delay(30, undefined, { signal });
    if (!seen.has(input.traceId) && input.context['simulateOutage'] === true) {
      seen.add(input.traceId);
      throw new Error('503 Service Unavailable from moderation API');
    }
    return finding(0.1, VIOLENCE.test(input.modelResponse) ? ['moderation:violence'] : []);
  };
}

export function examplePanel(): CriticSpec[] {
  return [
    {
      name: 'input_validation',
      evaluate: (input) =>
        finding(0, input.modelResponse.trim() === '' ? ['empty_response'] : [], {
          length: input.modelResponse.length,
        }),
    },
    {
      name: 'quick_safety',
      evaluate: async (input, { signal }) => {
        await delay(5, undefined, { signal });
        return finding(
          VIOLENCE.test(text(input)) ? 0.9 : 0.05,
          VIOLENCE.test(text(input)) ? ['violence'] : [],
        );
      },
    },
    {
      name: 'rights_analysis',
      evaluate: async (input, { signal }) => {
        await delay(15, undefined, { signal });
        return finding(
          0.1,
          /\b(deny|revoke) (their|your) (vote|rights)\b/i.test(input.modelResponse)
            ? ['rights']
            : [],
        );
      },
    },
    {
      name: 'fairness_eval',
      evaluate: async (input, { signal }) => {
        await delay(20, undefined, { signal });
        return finding(
          BIAS.test(input.modelResponse) ? 0.8 : 0.1,
          BIAS.test(input.modelResponse) ? ['generalisation'] : [],
        );
      },
    },
    {
      name: 'truth_review',
      evaluate: async (input, { signal }) => {
        await delay(25, undefined, { signal });
        const absolute = (input.modelResponse.match(/\b(always|never|guaranteed|100%)\b/gi) ?? [])
          .length;
        return finding(Math.min(1, absolute / 3), [], { uncertainty: absolute > 1 ? 0.8 : 0.2 });
      },
    },
    {
      name: 'pii_detector',
      evaluate: async (input, { signal }) => {
        await delay(10, undefined, { signal });
        const hits = [
          ...(input.modelResponse.match(EMAIL) ?? []),
          ...(input.modelResponse.match(PHONE) ?? []),
        ];
        return finding(
          hits.length > 0 ? 0.7 : 0,
          hits.map(() => 'pii'),
          { spans: hits },
        );
      },
    },
    {
      name: 'style_checker',
      dependsOn: ['input_validation'],
      evaluate: (input) => {
        const letters = input.modelResponse.replace(/[^a-z]/gi, '');
        const shouting = letters.length > 10 && letters === letters.toUpperCase();
        return finding(shouting ? 0.5 : 0, [], {
          shouting,
          sawLength: input.priorResults['input_validation']?.['length'],
        });
      },
    },
    {
      name: 'deep_bias_check',
      dependsOn: ['fairness_eval'],
      evaluate: async (input, { signal }) => {
        await delay(60, undefined, { signal });
        const prior = input.priorResults['fairness_eval'];
        return finding(
          Number(prior?.['score'] ?? 0),
          prior?.['violation'] === true ? ['confirmed_bias'] : [],
        );
      },
    },
    {
      name: 'deep_analysis',
      cost: 0.05,
      evaluate: async (input, { signal }) => {
        await delay(120, undefined, { signal });
        return finding(0.5, [], { summary: `reviewed ${input.modelResponse.length} characters` });
      },
    },
    {
      name: 'external_api_critic',
      maxRetries: 2,
      backoff: { initialDelayMs: 2000, jitter: 0 },
      cost: 0.002,
      evaluate: flakyModeration(),
    },
  ];
}
