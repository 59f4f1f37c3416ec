/**
 * µs per call of the five fast critics on the bench's 2 KB response (fresh tsc compile), and the
 * worst time of each over the adversarial inputs (as output and as input, median of 3).
 *   npx tsx scratch/speed.ts [--adv] [--reps 5]
 */
import { ADVERSARIAL_INPUTS } from '../src/critics/adversarial.js';
import { compiledLibrary } from '../bench/compiled.js';
import { readFileSync } from 'node:fs';

const lib = await compiledLibrary(process.argv.includes('--reuse'));
const src = readFileSync('bench/critics.ts', 'utf8');
const m = /const RESPONSE_2KB = \[([\s\S]*?)\]\n/.exec(src)!;
const R = (eval('[' + m[1] + ']') as string[]).join('\n').repeat(2).slice(0, 2048);
const NAMES = ['input_validation', 'quick_safety', 'prompt_injection_check', 'secrets_scan', 'style_checker'];
const critics = lib.deterministicPanel(lib.engineConfigFromEnv({})).filter((c) => NAMES.includes(c.name));
const COLD = process.argv.includes('--cold');
const ctx = { signal: new AbortController().signal, attempt: 0 } as any;
const input = { inputText: 'Can you summarise the planning meeting for me?', modelResponse: R, context: { riskTier: 'high' }, traceId: 'x', priorResults: {} } as any;
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1] ?? 5) || 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const c of critics) for (let i = 0; i < 500; i++) await c.evaluate(input, ctx);
const per: Record<string, number[]> = {};
for (let r = 0; r < reps; r++) {
  for (const c of critics) {
    const N = 1000;
    const t = process.cpuUsage();
    for (let i = 0; i < N; i++) await c.evaluate(input, ctx);
    const u = process.cpuUsage(t);
    (per[c.name] ??= []).push((u.user + u.system) / N);
  }
}
for (const c of critics) console.log(c.name.padEnd(24), median(per[c.name]!).toFixed(1), 'µs median, min', Math.min(...per[c.name]!).toFixed(1), '(runs:', per[c.name]!.map((x) => x.toFixed(0)).join(' '), ')');
if (process.argv.includes('--adv')) {
  for (const c of critics) {
    let worst = 0;
    let worstName = '';
    for (const a of ADVERSARIAL_INPUTS) {
      for (const asInput of [false, true]) {
        const inp = { ...input, inputText: asInput ? a.text : 'Tell me more.', modelResponse: asInput ? 'Here is an answer.' : a.text };
        const ts: number[] = [];
        for (let k = 0; k < 3; k++) { const t = performance.now(); await c.evaluate(inp, ctx); ts.push(performance.now() - t); }
        const ms = median(ts);
        if (ms > worst) { worst = ms; worstName = `${a.name} (${asInput ? 'input' : 'output'})`; }
      }
    }
    console.log(`adversarial max ${c.name.padEnd(24)} ${worst.toFixed(1)} ms  ${worstName}`);
  }
}
