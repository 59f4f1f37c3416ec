/**
 * The critic panel's quality on the labelled corpus (`test/corpus/`): precision, recall and
 * false-positive rates per critic and for the decision, deterministic panel only (the network
 * critics stay off whatever the environment says). The same measurement as
 * `npx tsx scripts/quality-report.ts`, with issue 3's targets as verdicts.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Markdown from '../src/quality/markdown.js';
import type * as Measure from '../src/quality/measure.js';
import { compiledLibrary, compiledRoot } from './compiled.js';
import { fmt, runIfMain, type Bench, type Verdict } from './lib.js';
import { loadCorpus } from '../test/corpus/corpus.js';

export const run: Bench = async () => {
  const lib = await compiledLibrary(true);
  const load = async <T>(file: string): Promise<T> =>
    (await import(pathToFileURL(path.join(compiledRoot(), file)).href)) as T;
  const { measureQuality } = await load<typeof Measure>('quality/measure.js');
  const { qualityMarkdown } = await load<typeof Markdown>('quality/markdown.js');
  const corpus = loadCorpus();
  const engine = lib.createEngine({ config: lib.engineConfigFromEnv({}), cache: false });
  try {
    const report = await measureQuality(corpus, (request) => engine.evaluate(request), {
      concurrency: 4,
    });
    const { decision, lookalikes } = report;
    const verdicts: Verdict[] = [
      {
        figure: `Decision precision (${String(corpus.length)} labelled requests)`,
        measured: fmt(decision.precision ?? 0, 3),
        target: '≥ 0.9',
        pass: (decision.precision ?? 0) >= 0.9,
      },
      {
        figure: 'Decision recall',
        measured: fmt(decision.recall ?? 0, 3),
        target: '≥ 0.9',
        pass: (decision.recall ?? 0) >= 0.9,
      },
      {
        figure: `Benign look-alikes flagged (${String(lookalikes.total)})`,
        measured: `${fmt((lookalikes.falsePositiveRate ?? 0) * 100, 1)} %`,
        target: '≤ 5 %',
        pass: (lookalikes.falsePositiveRate ?? 0) <= 0.05,
      },
    ];
    const body = [
      `The deterministic panel over the labelled corpus in \`test/corpus/\` (${String(corpus.length)} requests,`,
      `${String(lookalikes.total)} benign look-alikes). \`test/quality/quality.test.ts\` fails when a figure drops`,
      'below its record in `test/quality/recorded.ts`.',
      '',
      qualityMarkdown(report, { mismatches: 10 }).replace(/^## /gm, '### '),
    ].join('\n');
    return { id: 'quality', title: 'Critic panel quality', body, verdicts };
  } finally {
    await engine.close();
  }
};

await runIfMain(import.meta.url, run);
