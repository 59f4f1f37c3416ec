import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../orchestrator/errors.js';
import { startService } from './serve.js';

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, text: () => text };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eleanor-serve-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('startService', () => {
  it('listens, evaluates over real HTTP into SQLite, and stops gracefully', async () => {
    const out = sink();
    const running = await startService({
      env: { ELEANOR_PORT: '0', ELEANOR_SQLITE_PATH: path.join(dir, 'eleanor.db') },
      stdout: out.stream,
      handleSignals: false,
    });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${running.url}/v1/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: 'What is 2 + 2?', output: 'It is 4.', traceId: 'serve-1' }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ decision: 'allow', recorded: true });
      const record = await fetch(`${running.url}/v1/decisions/serve-1`);
      expect(await record.json()).toMatchObject({
        traceId: 'serve-1',
        decision: 'allow',
        sequence: 1,
      });
      const stats = await fetch(`${running.url}/v1/stats`);
      expect(await stats.json()).toMatchObject({ total: 1 });
      // The same request again: the critics' results come from the cache.
      const again = await fetch(`${running.url}/v1/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: 'What is 2 + 2?', output: 'It is 4.', traceId: 'serve-2' }),
      });
      const cached = (await again.json()) as { critics: Record<string, { fromCache?: boolean }> };
      expect(cached.critics['quick_safety']?.fromCache).toBe(true);
      const metrics = await (await fetch(`${running.url}/metrics`)).text();
      expect(metrics).toMatch(/^eleanor_decisions_total\{decision="allow"\} 2$/m);
      expect(metrics).toMatch(/^eleanor_cache_requests_total\{result="hit"\} [1-9]\d*$/m);
      expect(metrics).toMatch(/^eleanor_store_queue_depth 0$/m);
    } finally {
      await running.stop('test');
    }
    await running.stopped;
    expect(out.text()).toContain('Eleanor listening on');
    expect(out.text()).toContain('"msg":"Eleanor stopped"');
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it('refuses to start when the evidence store cannot open, naming it', async () => {
    await expect(
      startService({
        env: {
          ELEANOR_PORT: '0',
          ELEANOR_STORE: 'postgres',
          ELEANOR_DATABASE_URL: 'postgres://127.0.0.1:1/none',
        },
        stdout: sink().stream,
        handleSignals: false,
      }),
    ).rejects.toThrow(/postgres/i);
  });

  it('exports its spans over OTLP/HTTP when an endpoint is configured', async () => {
    const received: { path: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.setEncoding('latin1');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const address = collector.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const running = await startService({
        env: {
          ELEANOR_PORT: '0',
          ELEANOR_STORE: 'memory',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${String(port)}/v1/traces`,
        },
        stdout: sink().stream,
        handleSignals: false,
      });
      const res = await fetch(`${running.url}/v1/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: 'a', output: 'b' }),
      });
      expect(res.status).toBe(200);
      // Stopping flushes the batch.
      await running.stop();
      expect(received.map((r) => r.path)).toContain('/v1/traces');
      const sent = received.map((r) => r.body).join('');
      expect(sent).toContain('eleanor.evaluate');
      expect(sent).toContain('eleanor.critic');
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });

  it('refuses to listen beyond loopback without API keys', async () => {
    await expect(
      startService({
        env: { ELEANOR_HOST: '0.0.0.0', ELEANOR_PORT: '0', ELEANOR_STORE: 'memory' },
        handleSignals: false,
      }),
    ).rejects.toThrow(ConfigError);
  });

  it('requires the key when listening beyond loopback with keys', async () => {
    const key = 'serve-test-key-0123456789';
    const running = await startService({
      env: {
        ELEANOR_HOST: '0.0.0.0',
        ELEANOR_PORT: '0',
        ELEANOR_API_KEYS: `t:${key}`,
        ELEANOR_STORE: 'memory',
      },
      stdout: sink().stream,
      handleSignals: false,
    });
    try {
      const port = new URL(running.url).port;
      const url = `http://127.0.0.1:${port}/v1/evaluate`;
      const body = JSON.stringify({ input: 'a', output: 'b' });
      const headers = { 'content-type': 'application/json' };
      expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(401);
      const ok = await fetch(url, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${key}` },
        body,
      });
      expect(ok.status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
