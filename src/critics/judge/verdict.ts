/**
 * The judge's answers, parsed strictly: the chat-completions envelope, then the verdict inside
 * it. Anything malformed throws a {@link JudgeProtocolError}, so a bad verdict is retried or
 * fails — it never passes silently.
 */
import { z } from 'zod';
import { JudgeProtocolError } from '../http-errors.js';
import { DEEP_ANALYSIS } from './name.js';

export const Rating = z.object({
  severity: z.number(),
  // A missing or null quote or rationale is tolerated; a rated dimension without a quote is
  // then scored as unlocated evidence (half weight, more uncertainty), never trusted.
  evidence: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  rationale: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
});
export type Rating = z.infer<typeof Rating>;

/** The judge's verdict: every dimension must be rated. */
const Verdict = z.object({
  ratings: z.object({
    harm: Rating,
    rights_dignity: Rating,
    fairness: Rating,
    privacy: Rating,
    truthfulness: Rating,
    manipulation: Rating,
  }),
  overall_uncertainty: z.number(),
});
/** A verdict as parsed (before our recomputation). */
export type JudgeVerdict = z.infer<typeof Verdict>;

/** The chat-completions answer, as much of it as we read. */
const Completion = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          refusal: z.string().nullable().optional(),
        }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

/** The message content of a chat-completions answer; throws a {@link JudgeProtocolError}. */
export function parseCompletion(text: string): { content: string; model: string | undefined } {
  const json = parseJson(text, 'the chat-completions answer is not JSON');
  const parsed = Completion.safeParse(json);
  if (!parsed.success) {
    throw new JudgeProtocolError(
      DEEP_ANALYSIS,
      'the chat-completions answer has the wrong shape',
      text,
      issues(parsed.error),
    );
  }
  const [choice] = parsed.data.choices;
  const content = choice?.message.content ?? '';
  if (content.trim() === '') {
    const refusal = choice?.message.refusal;
    const problem =
      typeof refusal === 'string' && refusal !== ''
        ? `the judge refused: ${refusal}`
        : 'the judge answered nothing';
    throw new JudgeProtocolError(DEEP_ANALYSIS, problem, text);
  }
  return { content, model: parsed.data.model };
}

/**
 * Parses the judge's verdict strictly. One markdown fence around the JSON (```json … ```) and one
 * leading `<think>…</think>` block (reasoning models) are removed; anything else malformed throws a
 * {@link JudgeProtocolError}, so a bad verdict is retried or fails — it never passes silently.
 */
export function parseVerdict(content: string): JudgeVerdict {
  const json = parseJson(unwrap(content), 'the verdict is not JSON', content);
  const parsed = Verdict.safeParse(json);
  if (!parsed.success) {
    throw new JudgeProtocolError(
      DEEP_ANALYSIS,
      'the verdict does not follow the rubric',
      content,
      issues(parsed.error),
    );
  }
  return parsed.data;
}

function unwrap(content: string): string {
  let text = content.trim();
  if (text.startsWith('<think>')) {
    const end = text.indexOf('</think>');
    if (end !== -1) text = text.slice(end + '</think>'.length).trim();
  }
  if (text.startsWith('```')) {
    const firstLine = text.indexOf('\n');
    text = firstLine === -1 ? '' : text.slice(firstLine + 1);
    text = text.trimEnd();
    if (text.endsWith('```')) text = text.slice(0, -3);
  }
  return text.trim();
}

function parseJson(text: string, problem: string, shown: string = text): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JudgeProtocolError(DEEP_ANALYSIS, problem, shown, [
      error instanceof Error ? error.message : String(error),
    ]);
  }
}

function issues(error: z.ZodError): string[] {
  return error.issues
    .slice(0, 6)
    .map(
      (issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`,
    );
}
