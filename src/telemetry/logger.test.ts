import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../orchestrator/errors.js';
import { createServiceLogger } from './logger.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eleanor-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(): { stream: PassThrough; lines: () => Record<string, unknown>[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return {
    stream,
    lines: () =>
      text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createServiceLogger', () => {
  it('writes JSON lines to stdout and appends them to the log file, creating its directory', async () => {
    const file = path.join(dir, 'logs', 'engine.log');
    const out = capture();
    const service = createServiceLogger({ file, stdout: out.stream, sync: true });
    const { logger } = service;
    logger.info(
      { traceId: 't-1' },
      'Running 3 critics with Production Orchestrator (gating=on, retries=on)',
    );
    service.flush();
    const [line] = out.lines();
    expect(line).toMatchObject({
      level: 30,
      service: 'eleanor',
      traceId: 't-1',
      msg: 'Running 3 critics with Production Orchestrator (gating=on, retries=on)',
    });
    const written = (await readFile(file, 'utf8')).trim().split('\n');
    expect(JSON.parse(written[0] ?? '{}')).toMatchObject({ traceId: 't-1' });
  });

  it('refuses a log file it cannot create, naming the variable', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await writeFile(blocker, '');
    expect(() =>
      createServiceLogger({ file: path.join(blocker, 'engine.log'), stdout: capture().stream }),
    ).toThrow(ConfigError);
    expect(() =>
      createServiceLogger({ file: path.join(blocker, 'engine.log'), stdout: capture().stream }),
    ).toThrow(/^ELEANOR_LOG_FILE: cannot write the log file/);
  });
});
