/**
 * `eleanor serve` as a real process: it starts, answers, and on SIGTERM stops gracefully —
 * the in-flight evaluation is answered, the evidence is flushed, the process exits 0.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/eleanor.js', import.meta.url));

describe('eleanor serve', () => {
  it('stops gracefully on SIGTERM and exits 0', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, ELEANOR_STORE: 'memory', ELEANOR_SHUTDOWN_GRACE_MS: '5000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code) => {
        resolve(code);
      });
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /Eleanor listening on (http:\/\/[^"\s]+)/.exec(out);
        if (match?.[1] !== undefined) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 50);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`serve exited early with ${String(code)}: ${out}`));
      });
    });
    const res = await fetch(`${url}/v1/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'hi', output: 'hello', traceId: 'signal-1' }),
    });
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('"msg":"Eleanor shutting down"');
    expect(out).toContain('"reason":"SIGTERM"');
    expect(out).toContain('"msg":"Eleanor stopped"');
  }, 60_000);
});
