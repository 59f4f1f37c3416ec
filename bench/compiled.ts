/**
 * The library as `npm run build` ships it: `src/` transpiled by the TypeScript compiler into
 * node_modules/.cache, so benchmarks measure the shipped code rather than tsx's transform (whose
 * `keepNames` adds a property definition to every named closure created at run time).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Eleanor from '../src/index.js';

export type Library = typeof Eleanor;

/** Where {@link compiledLibrary} writes the build: `<root>/index.js`, `<root>/server/app.js` … */
export function compiledRoot(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return path.join(root, 'node_modules', '.cache', 'eleanor-bench', 'compiled');
}

/** Compiles `src/` with the TypeScript compiler into node_modules/.cache and imports it. */
export async function compiledLibrary(reuse: boolean): Promise<Library> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out = compiledRoot();
  const entry = pathToFileURL(path.join(out, 'index.js')).href;
  if (reuse && fs.existsSync(path.join(out, 'index.js'))) return (await import(entry)) as Library;
  fs.rmSync(out, { recursive: true, force: true });
  // Only the parent compiles: the TypeScript compiler is a large heap no measured process carries.
  const { default: ts } = await import('typescript');
  const files = fs
    .readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-helpers'));
  const all = fs.readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' });
  for (const asset of all.filter((f) => !f.endsWith('.ts'))) {
    const from = path.join(root, 'src', asset);
    if (!fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(out, asset)), { recursive: true });
    fs.copyFileSync(from, path.join(out, asset));
  }
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, 'src', file), 'utf8');
    const js = ts.transpileModule(text, {
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    }).outputText;
    const target = path.join(out, file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, js);
  }
  fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n');
  return (await import(pathToFileURL(path.join(out, 'index.js')).href)) as Library;
}
