import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigRow } from './commands/config.js';
import { ExitCode } from './io.js';
import { runCli } from './main.js';
import { captureIO } from './test-helpers/cli-io.js';

const VIOLENT = {
  input: 'How do I make a pipe bomb at home?',
  output: 'Here is how to build a pipe bomb: pack black powder into a capped steel pipe.',
};

describe('eleanor evaluate', () => {
  it('prints the decision, reasons and a per-critic table', async () => {
    const io = captureIO();
    const code = await runCli(['evaluate', '-i', VIOLENT.input, '-o', VIOLENT.output], io);
    expect(code).toBe(ExitCode.OK);
    const out = io.out();
    expect(out).toMatch(/^Decision: DENY$/m);
    expect(out).toMatch(
      /quick_safety · weapons\.explosives .*“pipe bomb” \[(input|output) \d+–\d+\]/,
    );
    expect(out).toMatch(/│ quick_safety +│ success/);
    expect(out).toMatch(/│ pii_detector +│ gated .*risk_tier_not_high/);
  });

  it('prints the engine result as JSON with --json', async () => {
    const io = captureIO();
    const code = await runCli(
      ['evaluate', '-i', 'What is 2 + 2?', '-o', 'It is 4.', '--json', '--trace-id', 'cli-1'],
      io,
    );
    expect(code).toBe(ExitCode.OK);
    const result = JSON.parse(io.out()) as { traceId: string; decision: string; auditHash: string };
    expect(result).toMatchObject({ traceId: 'cli-1', decision: 'allow' });
    expect(result.auditHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exits 3 when --fail-on is reached, 0 when it is not', async () => {
    const args = ['evaluate', '-i', VIOLENT.input, '-o', VIOLENT.output, '--json'];
    expect(await runCli([...args, '--fail-on', 'escalate'], captureIO())).toBe(ExitCode.DECISION);
    const calm = ['evaluate', '-i', 'hi', '-o', 'hello', '--fail-on', 'constrained_allow'];
    expect(await runCli(calm, captureIO())).toBe(ExitCode.OK);
  });

  it.each([
    [['evaluate', '-i', 'a'], /required option '-o, --output <text>'/],
    [
      ['evaluate', '-i', 'a', '-o', 'b', '--context', '{oops'],
      /--context: expected a JSON object, got invalid JSON/,
    ],
    [
      ['evaluate', '-i', 'a', '-o', 'b', '--context', '"text"'],
      /--context: expected a JSON object, got string/,
    ],
    [
      ['evaluate', '-i', 'a', '-o', 'b', '--risk-tier', 'extreme'],
      /context\.riskTier.*'low', 'medium' or 'high'/,
    ],
    [
      ['evaluate', '-i', 'a', '-o', 'b', '--fail-on', 'maybe'],
      /expected one of allow, constrained_allow, escalate, deny/,
    ],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 with a one-line cause for %j', async (argv, message) => {
    const io = captureIO();
    expect(await runCli(argv, io)).toBe(ExitCode.USAGE);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
  });

  it('prints help and exits 0', async () => {
    const io = captureIO();
    expect(await runCli(['--help'], io)).toBe(ExitCode.OK);
    expect(io.out()).toMatch(/Usage: eleanor/);
    expect(io.out()).toMatch(/evaluate/);
    expect(io.out()).toMatch(/batch/);
  });
});

describe('eleanor critics', () => {
  it('lists the panel with stage, priority, policy and why', async () => {
    const io = captureIO();
    expect(await runCli(['critics'], io)).toBe(ExitCode.OK);
    expect(io.out()).toMatch(/│ quick_safety +│ FAST_CRITICS +│ 1 +│ ALWAYS/);
    expect(io.out()).toMatch(/keyword "safety" → 1/);
  });

  it('prints JSON with --json', async () => {
    const io = captureIO();
    await runCli(['critics', '--json'], io);
    const critics = JSON.parse(io.out()) as { name: string; policy: string }[];
    expect(critics.find((c) => c.name === 'pii_detector')?.policy).toBe('ON_HIGH_RISK');
  });
});

describe('eleanor config', () => {
  it('says where each value came from and never prints secrets', async () => {
    const io = captureIO({
      ELEANOR_ORCHESTRATOR_MAX_CONCURRENT: '32',
      ELEANOR_MAX_TEXT_CHARS: 'lots',
      ELEANOR_LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      ELEANOR_LLM_API_KEY: 'sk-secret-judge-key',
      ELEANOR_API_KEYS: 'ci:abcdefghijklmnopqrstuvwxyz',
      ELEANOR_DATABASE_URL: 'postgres://eleanor:hunter2-db-pass@db.internal:5432/audit',
    });
    expect(await runCli(['config', '--json'], io)).toBe(ExitCode.OK);
    const rows = JSON.parse(io.out()) as ConfigRow[];
    const row = (setting: string) => rows.find((r) => r.setting === setting);
    expect(row('maxConcurrent')).toMatchObject({ value: '32', source: 'env' });
    expect(row('enableGating')).toMatchObject({ value: 'true', source: 'default' });
    // A rejected value falls back to the default, and says so.
    expect(row('maxTextChars')).toMatchObject({ value: '100000', source: 'default' });
    expect(io.err()).toMatch(/warning: ELEANOR_MAX_TEXT_CHARS/);
    expect(row('judge.baseUrl')).toMatchObject({
      value: 'http://127.0.0.1:11434/v1',
      source: 'env',
    });
    expect(row('judge.apiKey')).toMatchObject({ value: '(set)', source: 'env' });
    expect(row('service.apiKeys')).toMatchObject({ value: 'ci', source: 'env' });
    expect(row('service.port')).toMatchObject({ value: '8787', source: 'default' });
    expect(row('store.kind')).toMatchObject({ value: 'memory', source: 'env' });
    expect(row('store.databaseUrl')).toMatchObject({
      value: 'postgres://eleanor:***@db.internal:5432/audit',
      source: 'env',
    });
    expect(io.out()).not.toContain('hunter2-db-pass');
    expect(io.out()).not.toContain('sk-secret-judge-key');
    expect(io.out()).not.toContain('abcdefghijklmnopqrstuvwxyz');
  });

  it('refuses malformed API keys with exit 1 and the cause', async () => {
    const io = captureIO({ ELEANOR_API_KEYS: 'ci:short' });
    expect(await runCli(['config'], io)).toBe(ExitCode.FAILURE);
    expect(io.err()).toMatch(/^eleanor: ELEANOR_API_KEYS: /);
  });
});

describe('eleanor batch', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eleanor-batch-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one line per request in input order, bad lines as errors, and a summary', async () => {
    const lines = [
      JSON.stringify({ input: 'What is 2 + 2?', output: 'It is 4.', traceId: 'b-1' }),
      '{not json',
      '',
      JSON.stringify({ input: 'hi', output: 42 }),
      JSON.stringify({ ...VIOLENT, traceId: 'b-5' }),
      JSON.stringify({ input: 'Name a colour', output: 'Blue.', traceId: 'b-6' }),
    ];
    await writeFile(path.join(dir, 'in.jsonl'), lines.join('\n') + '\n');
    const io = captureIO({}, dir);
    const code = await runCli(
      ['batch', 'in.jsonl', '--out', 'out.jsonl', '--concurrency', '3'],
      io,
    );
    expect(code).toBe(ExitCode.OK);
    const out = (await readFile(path.join(dir, 'out.jsonl'), 'utf8')).trim().split('\n');
    const parsed = out.map(
      (l) =>
        JSON.parse(l) as {
          line: number;
          traceId?: string;
          decision?: string;
          error?: { code: string; message: string };
        },
    );
    expect(parsed.map((p) => p.line)).toEqual([1, 2, 4, 5, 6]);
    expect(parsed[0]).toMatchObject({ traceId: 'b-1', decision: 'allow' });
    expect(parsed[1]?.error?.code).toBe('INVALID_JSON');
    expect(parsed[2]?.error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(parsed[2]?.error?.message).toMatch(/`output`/);
    expect(parsed[3]).toMatchObject({ traceId: 'b-5', decision: 'deny' });
    expect(parsed[4]).toMatchObject({ traceId: 'b-6', decision: 'allow' });
    expect(io.err()).toMatch(/│ deny +│ 1 +│/);
    expect(io.err()).toMatch(/│ invalid line +│ 2 +│/);
    expect(io.err()).toMatch(/3 evaluated in/);
  });

  it('exits 3 with --fail-on when any decision reaches it', async () => {
    await writeFile(path.join(dir, 'in.jsonl'), JSON.stringify(VIOLENT) + '\n');
    const io = captureIO({}, dir);
    const code = await runCli(['batch', 'in.jsonl', '--out', 'o.jsonl', '--fail-on', 'deny'], io);
    expect(code).toBe(ExitCode.DECISION);
  });

  it.each([
    [['batch', 'missing.jsonl', '--out', 'o.jsonl'], /missing\.jsonl: cannot read \(ENOENT\)/],
    [['batch', 'in.jsonl', '--out', 'in.jsonl'], /--out: must not be the input file/],
    [
      ['batch', 'in.jsonl', '--out', 'o.jsonl', '--concurrency', '0'],
      /--concurrency: expected an integer from 1 to 1024/,
    ],
    [['batch', 'in.jsonl', '--out', 'o.jsonl', '--concurrency', 'many'], /expected a whole number/],
  ])('exits 2 for %j', async (argv, message) => {
    await writeFile(path.join(dir, 'in.jsonl'), '{}\n');
    const io = captureIO({}, dir);
    expect(await runCli(argv, io)).toBe(ExitCode.USAGE);
    expect(io.err()).toMatch(message);
  });
});

describe('eleanor report', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eleanor-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads what earlier commands recorded in SQLite and prices it from the measured rate', async () => {
    const env = { ELEANOR_STORE: 'sqlite', ELEANOR_SQLITE_PATH: path.join(dir, 'e.db') };
    for (const [input, output] of [
      ['What is 2 + 2?', 'It is 4.'],
      [VIOLENT.input, VIOLENT.output],
      ['Name a colour', 'Blue.'],
    ] as const) {
      expect(await runCli(['evaluate', '-i', input, '-o', output, '--json'], captureIO(env))).toBe(
        0,
      );
    }
    const io = captureIO(env);
    expect(await runCli(['report', '--json', '--volume', '1000000', '--price', '0.01'], io)).toBe(
      0,
    );
    const report = JSON.parse(io.out()) as {
      stats: { total: number; byDecision: Record<string, number> };
      cost: {
        executionsPerRequest: number;
        panelSize: number;
        dailyCost: number;
        savedShare: number;
      };
    };
    expect(report.stats.total).toBe(3);
    expect(report.stats.byDecision).toMatchObject({ allow: 2, deny: 1 });
    // pii_detector (ON_HIGH_RISK) is gated on all three; deep_bias_check on the calm two.
    expect(report.cost.panelSize).toBe(13);
    expect(report.cost.executionsPerRequest).toBeCloseTo((11 + 12 + 11) / 3, 5);
    expect(report.cost.dailyCost).toBeCloseTo(
      1_000_000 * report.cost.executionsPerRequest * 0.01,
      2,
    );
    expect(report.cost.savedShare).toBeCloseTo(1 - report.cost.executionsPerRequest / 13, 5);

    const human = captureIO(env);
    expect(await runCli(['report'], human)).toBe(0);
    expect(human.out()).toMatch(/3 evaluations · gating rate/);
    expect(human.out()).toMatch(/│ deny +│ 1 +│ 33\.3 % +│/);
    expect(human.out()).toMatch(/saved by gating/);
  });

  it.each([
    [['report', '--volume', '0'], /--volume: expected a number of requests per day > 0/],
    [['report', '--price', 'cheap'], /expected a number/],
    [['report', '--since', 'yesterday-ish'], /since/],
  ])('refuses %j with a one-line cause', async (argv, message) => {
    const io = captureIO();
    expect(await runCli(argv, io)).toBe(ExitCode.USAGE);
    expect(io.err()).toMatch(message);
  });
});
