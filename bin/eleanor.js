#!/usr/bin/env node
/* global process, URL */
// The `eleanor` command: the built CLI (`npm run build`) when present, else the TypeScript
// source through tsx (a development checkout).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/main.js', import.meta.url);
let main;
if (existsSync(fileURLToPath(built))) {
  main = await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
const code = await main.runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
