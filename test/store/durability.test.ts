/**
 * Durability: a child process evaluating under load with the SQLite store is killed with
 * SIGKILL; every evaluation it reported as finished is in the store, and the chain verifies.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(here, 'durability-child.ts');
const CLOSE_CHILD = path.join(here, 'close-child.ts');

/** Runs the child until it has reported `count` evaluations, then SIGKILLs it. */
function runAndKill(file: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: string[] = [];
    let partial = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      reported.push(...lines.filter((l) => l !== ''));
      if (reported.length >= count && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported);
      else reject(new Error(`child ended by itself (code ${String(code)}): ${stderr}`));
    });
  });
}

describe('durability of the SQLite evidence store', () => {
  it('keeps every evaluation the child reported when the child is SIGKILLed mid-run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eleanor-durability-'));
    const file = path.join(dir, 'eleanor.db');
    try {
      const reported = await runAndKill(file, 1500);
      expect(reported.length).toBeGreaterThanOrEqual(1500);
      const store = openSqliteStore({ path: file });
      const missing: string[] = [];
      for (const traceId of reported) {
        if ((await store.get(traceId)) === undefined) missing.push(traceId);
      }
      expect(missing).toEqual([]);
      const verified = await store.verify();
      expect(verified.ok).toBe(true);
      expect(verified.checked).toBeGreaterThanOrEqual(reported.length);
      await store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finishes closing when closing the store is the last work of a process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eleanor-close-'));
    const file = path.join(dir, 'eleanor.db');
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', CLOSE_CHILD, file], {
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      expect(child.stdout).toBe('closed\n');
      const store = openSqliteStore({ path: file });
      expect(await store.verify()).toEqual({ ok: true, checked: 1 });
      await store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
