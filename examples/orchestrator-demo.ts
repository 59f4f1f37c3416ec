/**
 * `npm start`: puts ten example critics through the production orchestrator on four requests and
 * shows what ran, what was gated and why, what was retried — with the orchestrator's own log lines.
 */
import pino from 'pino';
import { createOrchestrator, type RunReport, type RunRequest } from '../src/index.js';
import { examplePanel } from './example-panel.js';

const logLines = {
  write(line: string): void {
    const entry = JSON.parse(line) as { level: number; msg: string };
    const level = entry.level >= 50 ? 'ERROR' : entry.level >= 40 ? 'WARN' : 'INFO';
    process.stdout.write(`  ${level}: ${entry.msg}\n`);
  },
};

const requests: { title: string; request: RunRequest }[] = [
  {
    title: 'Low-risk request',
    request: {
      inputText: 'How do I bake sourdough bread?',
      modelResponse: 'Mix flour, water and starter, let it rise overnight, then bake at 250 °C.',
      context: { riskTier: 'low' },
    },
  },
  {
    title: 'High-risk request (PII check joins the panel)',
    request: {
      inputText: 'Who should I contact about my claim?',
      modelResponse: 'Write to claims@example.com or call 555-010-2030 with your policy number.',
      context: { riskTier: 'high' },
    },
  },
  {
    title: 'A response that triggers a violation (deep critics wake up)',
    request: {
      inputText: 'What do you think about my neighbours?',
      modelResponse: 'All immigrants are lazy, and you should attack them before they attack you.',
      context: { riskTier: 'medium' },
    },
  },
  {
    title: 'The external moderation API fails transiently (retried)',
    request: {
      inputText: 'Summarise the meeting notes.',
      modelResponse: 'The team agreed to ship on Friday after the security review.',
      context: { riskTier: 'low', simulateOutage: true },
    },
  },
];

/** Prints rows as an aligned plain-text table. */
function printTable(rows: Record<string, string | number>[]): void {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]): string =>
    `  ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  console.log(line(columns));
  console.log(line(widths.map((w) => '─'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
}

function show(report: RunReport): void {
  const rows = Object.values(report.results).map((r) => ({
    critic: r.critic,
    stage: r.stage,
    priority: r.priority,
    status: r.status,
    retries: r.retryCount,
    ms: Math.round(r.durationMs),
    note:
      r.gatingReason ??
      (r.output['violation'] === true
        ? `violation: ${String(r.output['violations'])}`
        : (r.error ?? '')),
  }));
  printTable(rows);
  const s = report.summary;
  console.log(
    `  ran ${s.total - s.cancelled} of ${rows.length} critics, gated ${s.gated}, retried ${s.retried}, cost ${s.cost.toFixed(3)}, ${Math.round(s.durationMs)} ms\n`,
  );
}

const orchestrator = createOrchestrator({
  critics: examplePanel(),
  logger: pino({ level: 'info' }, logLines),
});

console.log('Eleanor production orchestrator — panel in plan order:');
printTable(
  orchestrator.critics.map((c) => ({
    critic: c.name,
    stage: c.stage,
    priority: c.priority,
    policy: c.policy,
    'depends on': c.dependsOn.join(', '),
  })),
);

for (const { title, request } of requests) {
  console.log(`\n▶ ${title}`);
  show(await orchestrator.run(request));
}

const m = orchestrator.metrics();
console.log(
  `Totals over ${m.runs} runs: executed ${m.total}, success ${m.success}, gated ${m.gated}, retried ${m.retried}, failed ${m.failed}; critic p50 ${m.latency.p50.toFixed(1)} ms, p99 ${m.latency.p99.toFixed(1)} ms`,
);
await orchestrator.close();
