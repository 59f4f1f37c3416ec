/**
 * Before/after in one process: transpiles /tmp/eleanor-base/src (the commit before this work) and
 * this tree's src, then alternates the five critics of each over the bench's 2 KB response,
 * measuring CPU time. Prints medians and the after/before ratio.
 *   rm -rf /tmp/eleanor-base && mkdir -p /tmp/eleanor-base && git archive a881030 src | tar -x -C /tmp/eleanor-base
 *   npx tsx scratch/compare.ts [--reps 9] [--cold]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

async function compile(srcRoot: string, out: string): Promise<any> {
  fs.rmSync(out, { recursive: true, force: true });
  for (const file of fs.readdirSync(srcRoot, { recursive: true, encoding: 'utf8' })) {
    const from = path.join(srcRoot, file);
    if (!fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    if (!file.endsWith('.ts')) { fs.copyFileSync(from, path.join(out, file)); continue; }
    if (file.endsWith('.test.ts') || file.includes('test-helpers')) continue;
    const js = ts.transpileModule(fs.readFileSync(from, 'utf8'), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true }, fileName: file });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), js.outputText);
  }
  // Resolve bare imports through this tree's node_modules.
  fs.symlinkSync(path.resolve('node_modules'), path.join(out, 'node_modules'));
  return import(pathToFileURL(path.join(out, 'index.js')).href);
}

const base = await compile('/tmp/eleanor-base/src', '/tmp/eleanor-cmp/base');
const head = await compile(path.resolve('src'), '/tmp/eleanor-cmp/head');
const src = fs.readFileSync('bench/critics.ts', 'utf8');
const m = /const RESPONSE_2KB = \[([\s\S]*?)\]\n/.exec(src)!;
const R = (eval('[' + m[1] + ']') as string[]).join('\n').repeat(2).slice(0, 2048);
const NAMES = ['input_validation', 'quick_safety', 'prompt_injection_check', 'secrets_scan', 'style_checker'];
const COLD = process.argv.includes('--cold');
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 9;
const panels = { base: base.deterministicPanel(base.engineConfigFromEnv({})), head: head.deterministicPanel(head.engineConfigFromEnv({})) };
const ctx = { signal: new AbortController().signal, attempt: 0 };
// Cold: a different text each call (a unique word in the middle), so no per-text memo can hit.
const texts = Array.from({ length: COLD ? 1024 : 1 }, (_, k) => COLD ? `${R.slice(0, 1000)} v${k} ${R.slice(1000, 2040 - String(k).length)}` : R);
const inputs = texts.map((t) => ({ inputText: 'Can you summarise the planning meeting for me?', modelResponse: t, context: { riskTier: 'high' }, traceId: 'x', priorResults: {} }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const N = 1000;
async function time(c: any): Promise<number> {
  const t = process.cpuUsage();
  for (let i = 0; i < N; i++) await c.evaluate(inputs[i % inputs.length], ctx);
  const u = process.cpuUsage(t);
  return (u.user + u.system) / N;
}
const results: Record<string, { base: number[]; head: number[] }> = {};
for (const name of NAMES) {
  const b = panels.base.find((c: any) => c.name === name);
  const h = panels.head.find((c: any) => c.name === name);
  await time(b); await time(h); await time(b); await time(h);
  const r = (results[name] = { base: [], head: [] });
  for (let k = 0; k < reps; k++) { r.base.push(await time(b)); r.head.push(await time(h)); }
  const mb = median(r.base), mh = median(r.head);
  console.log(`${name.padEnd(24)} before ${mb.toFixed(1).padStart(6)} µs  after ${mh.toFixed(1).padStart(6)} µs  ratio ${(mh / mb).toFixed(2)}`);
}
if (process.argv.includes('--adv')) {
  const { ADVERSARIAL_INPUTS } = await import('../src/critics/adversarial.js');
  for (const name of NAMES) {
    const worst: Record<string, [number, string]> = { base: [0, ''], head: [0, ''] };
    for (const a of ADVERSARIAL_INPUTS) {
      for (const asInput of [false, true]) {
        const inp = { inputText: asInput ? a.text : 'Tell me more.', modelResponse: asInput ? 'Here is an answer.' : a.text, context: { riskTier: 'low' }, traceId: 'x', priorResults: {} };
        for (const which of ['base', 'head'] as const) {
          const c = panels[which].find((x: any) => x.name === name);
          const ts: number[] = [];
          for (let k = 0; k < 3; k++) { const t = process.cpuUsage(); await c.evaluate(inp, ctx); const u = process.cpuUsage(t); ts.push((u.user + u.system) / 1000); }
          const ms = median(ts);
          if (ms > worst[which]![0]) worst[which] = [ms, `${a.name} (${asInput ? 'input' : 'output'})`];
        }
      }
    }
    console.log(`adversarial max ${name.padEnd(24)} before ${worst.base![0].toFixed(1)} ms (${worst.base![1]})  after ${worst.head![0].toFixed(1)} ms (${worst.head![1]})`);
  }
}
