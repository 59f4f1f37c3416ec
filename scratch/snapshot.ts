/**
 * Snapshot of every finding of the five fast critics (input_validation, quick_safety,
 * prompt_injection_check, secrets_scan, style_checker) over the corpus, the adversarial inputs
 * (as output and as input), the bench's 2 KB response and every string literal of their tests.
 *
 *   npx tsx scratch/snapshot.ts scratch/snapshot-before.json
 *   cmp scratch/snapshot-before.json scratch/snapshot-after.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { ADVERSARIAL_INPUTS } from '../src/critics/adversarial.js';
import { engineConfigFromEnv } from '../src/engine/config.js';
import { deterministicPanel } from '../src/engine/default-panel.js';
import { loadCorpus } from '../test/corpus/corpus.js';

const NAMES = ['input_validation', 'quick_safety', 'prompt_injection_check', 'secrets_scan', 'style_checker'];
const TEST_FILES = [
  'src/critics/quick-safety.test.ts',
  'src/critics/prompt-injection-check.test.ts',
  'src/critics/style-checker.test.ts',
  'src/critics/input-validation.test.ts',
  'src/critics/secrets-scan.test.ts',
  'src/critics/deobfuscate.test.ts',
  'src/critics/word-trigger.test.ts',
];

const out = process.argv[2] ?? 'scratch/snapshot.json';
const only = process.argv[3];
const critics = deterministicPanel(engineConfigFromEnv({})).filter(
  (c) => NAMES.includes(c.name) && (only === undefined || c.name === only),
);

interface Case { id: string; input: string; output: string; context: Record<string, unknown> }
const cases: Case[] = [];
for (const e of loadCorpus()) cases.push({ id: `corpus:${e.id}`, input: e.input, output: e.output, context: e.context });
for (const a of ADVERSARIAL_INPUTS) {
  cases.push({ id: `adv-out:${a.name}`, input: 'Tell me more.', output: a.text, context: { riskTier: 'low' } });
  cases.push({ id: `adv-in:${a.name}`, input: a.text, output: 'Here is an answer.', context: { riskTier: 'low' } });
}
const bench = readFileSync('bench/critics.ts', 'utf8');
const m = /const RESPONSE_2KB = \[([\s\S]*?)\]\n/.exec(bench);
if (m === null) throw new Error('no RESPONSE_2KB');
const R = (eval(`[${m[1]}]`) as string[]).join('\n').repeat(2).slice(0, 2048);
cases.push({ id: 'bench:2kb', input: 'Can you summarise the planning meeting for me?', output: R, context: { riskTier: 'high' } });

/** String literals (and substitution-free template literals) of a test file. */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push(node.head.text + node.templateSpans.map((s) => s.literal.text).join(' '));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
const seen = new Set<string>();
for (const file of TEST_FILES) {
  for (const text of literals(file)) {
    if (seen.has(text) || text.length < 3) continue;
    seen.add(text);
    cases.push({ id: `test-out:${text.slice(0, 60)}`, input: 'Please answer.', output: text, context: { riskTier: 'low' } });
    cases.push({ id: `test-in:${text.slice(0, 60)}`, input: text, output: 'Sure.', context: { riskTier: 'low' } });
    cases.push({ id: `test-both:${text.slice(0, 60)}`, input: text, output: '', context: { riskTier: 'high' } });
  }
}

const ctx = { signal: new AbortController().signal, attempt: 0 };
const lines: string[] = [];
for (const c of cases) {
  const input = { inputText: c.input, modelResponse: c.output, context: c.context, traceId: 'snap', priorResults: {} };
  for (const critic of critics) {
    const finding = await critic.evaluate(input as never, ctx as never);
    lines.push(JSON.stringify({ case: c.id, critic: critic.name, finding }));
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${cases.length} cases × ${critics.length} critics → ${out}`);
