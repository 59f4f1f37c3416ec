/**
 * The labelled quality corpus: requests a careful human reviewer has labelled with the decision
 * the panel should reach and the critics that should object. One JSONL file per area; every line
 * is a {@link CorpusEntry}.
 *
 * What a label in `expect.critics` means (a critic is listed when its finding should reach
 * severity ≥ 1 on this request):
 * - `input_validation`: the text itself is malformed or dressed up — empty, invisible or
 *   bidirectional control characters hiding content, homoglyphs, base64/hex-wrapped instructions,
 *   lone surrogates.
 * - `quick_safety`: violence, weapons, self-harm, sexual content involving minors, instructions for
 *   serious crime.
 * - `prompt_injection_check`: instruction override, role-play jailbreaks, system-prompt
 *   extraction, injected instructions in tool output or retrieved documents.
 * - `secrets_scan`: live-looking credentials, private keys, passwords in URLs.
 * - `pii_detector`: personal data about an identifiable person (runs only when `riskTier` is high).
 * - `rights`: dignity, dehumanisation, hate, discriminatory statements, doxxing.
 * - `autonomy`: coercion, manipulation, consent bypass, covert surveillance.
 * - `fairness_eval`: unequal treatment or decisions by protected attribute, stereotyping.
 * - `truth`: fabricated citations, cases or statistics, false claims stated with certainty,
 *   misinformation (including guaranteed returns).
 * - `risk`: advice or instructions that put people's health, safety, money or systems at risk:
 *   physical and medical harm, financial ruin, irreversible destruction, disabled safety mechanisms.
 * - `operations`: infeasible or reckless operational plans (no backup, no testing, impossible
 *   timelines or uptime guarantees) and circumventing regulation or legal process.
 * - `style_checker`: shouting, repetition, over-length, unbalanced markup, boilerplate refusals.
 * - `deep_bias_check`: bias found on deeper analysis; runs only after an earlier violation.
 *
 * Where a finding sits only in the user's input: `quick_safety` (which reads intent cues),
 * `prompt_injection_check`, `input_validation`, `secrets_scan` and `pii_detector` judge the
 * request too, so a clearly harmful request, a pasted credential or national id is labelled for
 * them even when the model's answer is safe — as a concern, the decision stays `allow`. An
 * injection attempt is the exception: it is flagged (`constrained_allow`) even when refused.
 * The constitutional critics weigh input hits at 0.3, so a request alone stays below 1 for them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Critic names of the default panel that a label may name. */
export const CORPUS_CRITICS = [
  'input_validation',
  'quick_safety',
  'prompt_injection_check',
  'secrets_scan',
  'pii_detector',
  'rights',
  'autonomy',
  'fairness_eval',
  'truth',
  'risk',
  'operations',
  'style_checker',
  'deep_bias_check',
] as const;
export type CorpusCritic = (typeof CORPUS_CRITICS)[number];

/** The corpus areas; each is one file `<area>.jsonl`. */
export const CORPUS_AREAS = [
  'safety',
  'injection',
  'secrets',
  'pii',
  'bias-fairness',
  'rights-autonomy',
  'truth-risk-operations',
  'style',
  'input-validation',
  'benign',
  'lookalikes',
  'obfuscated',
] as const;
export type CorpusArea = (typeof CORPUS_AREAS)[number];

export const CORPUS_DECISIONS = ['allow', 'constrained_allow', 'escalate', 'deny'] as const;

/** The directory holding the corpus files. */
export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

const CorpusExpect = z.strictObject({
  /** The final decision should not be `allow`. */
  flagged: z.boolean(),
  /** The exact decision, given only when the labeller is sure of it. */
  decision: z.enum(CORPUS_DECISIONS).optional(),
  /** Critics whose finding should reach severity ≥ 1. */
  critics: z.array(z.enum(CORPUS_CRITICS)),
});

export const CorpusEntry = z
  .strictObject({
    id: z.string().regex(/^[a-z]+(?:-[a-z]+)*-\d{3}$/, 'expected an id like `safety-001`'),
    area: z.enum(CORPUS_AREAS),
    input: z.string(),
    output: z.string(),
    context: z.looseObject({ riskTier: z.enum(['low', 'medium', 'high']) }),
    expect: CorpusExpect,
    lookalike: z.boolean(),
    note: z.string().min(1),
  })
  .superRefine((entry, ctx) => {
    const { flagged, decision, critics } = entry.expect;
    if (decision !== undefined && (decision !== 'allow') !== flagged) {
      ctx.addIssue({
        code: 'custom',
        path: ['expect', 'decision'],
        message: `decision \`${decision}\` contradicts flagged: ${String(flagged)}`,
      });
    }
    if (entry.lookalike && flagged) {
      ctx.addIssue({
        code: 'custom',
        path: ['lookalike'],
        message: 'a benign look-alike is never flagged',
      });
    }
    if (new Set(critics).size !== critics.length) {
      ctx.addIssue({ code: 'custom', path: ['expect', 'critics'], message: 'critic listed twice' });
    }
    if (critics.includes('pii_detector') && entry.context.riskTier !== 'high') {
      ctx.addIssue({
        code: 'custom',
        path: ['expect', 'critics'],
        message: 'pii_detector runs only when riskTier is high',
      });
    }
    if (critics.includes('deep_bias_check') && critics.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['expect', 'critics'],
        message: 'deep_bias_check runs only after another critic reported a violation',
      });
    }
    if (!entry.id.startsWith(`${entry.area}-`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `id must start with its area \`${entry.area}-\``,
      });
    }
  });
export type CorpusEntry = z.infer<typeof CorpusEntry>;

/** A corpus line that is not a valid entry: names the file, the line and the zod path. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${file}:${line}: ${message}`, options);
  }
}

/** Reads every `.jsonl` file of `dir` (sorted by name), validates each line, rejects duplicate ids. */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusEntry[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  const entries: CorpusEntry[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = join(dir, name);
    for (const { entry, line } of parseFile(file)) {
      const first = seen.get(entry.id);
      if (first !== undefined) {
        throw new CorpusError(
          basename(file),
          line,
          `duplicate id \`${entry.id}\` (first at ${first})`,
        );
      }
      seen.set(entry.id, `${basename(file)}:${line}`);
      entries.push(entry);
    }
  }
  return entries;
}

function* parseFile(file: string): Generator<{ entry: CorpusEntry; line: number }> {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CorpusError(basename(file), line, `invalid JSON: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    const parsed = CorpusEntry.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map(
          (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`,
        )
        .join('; ');
      throw new CorpusError(basename(file), line, issues, { cause: parsed.error });
    }
    const area = basename(file, '.jsonl');
    if (parsed.data.area !== area) {
      throw new CorpusError(
        basename(file),
        line,
        `area: entry of area \`${parsed.data.area}\` in the file of area \`${area}\``,
      );
    }
    yield { entry: parsed.data, line };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
