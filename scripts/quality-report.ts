/**
 * Runs the default panel (deterministic critics only) over the labelled corpus and prints
 * precision, recall and false-positive rates per critic and for the decision, plus the worst
 * mismatches to tune from.
 *
 *   npx tsx scripts/quality-report.ts [--json out.json] [--mismatches 40] [--area safety ...]
 *                                     [--concurrency 8]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENGINE_ENV } from '../src/engine/config.js';
import { createEngine } from '../src/engine/engine.js';
import { qualityMarkdown } from '../src/quality/markdown.js';
import { measureQuality } from '../src/quality/measure.js';
import { CORPUS_AREAS, loadCorpus } from '../test/corpus/corpus.js';

const NETWORK_VARIABLES = new Set<string>([
  ENGINE_ENV.judgeBaseUrl,
  ENGINE_ENV.judgeModel,
  ENGINE_ENV.judgeApiKey,
  ENGINE_ENV.moderationBaseUrl,
  ENGINE_ENV.moderationModel,
  ENGINE_ENV.moderationApiKey,
]);

const USAGE =
  'Usage: npx tsx scripts/quality-report.ts [--json out.json] [--mismatches N] [--area AREA ...] [--concurrency N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      mismatches: { type: 'string', default: '25' },
      area: { type: 'string', multiple: true },
      concurrency: { type: 'string', default: '4' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const mismatches = positiveInteger('mismatches', values.mismatches);
  const concurrency = positiveInteger('concurrency', values.concurrency);
  const areas = values.area ?? [];
  for (const area of areas) {
    if (!(CORPUS_AREAS as readonly string[]).includes(area)) {
      throw new TypeError(`Unknown area \`${area}\`; expected one of ${CORPUS_AREAS.join(', ')}`);
    }
  }
  const corpus = loadCorpus().filter((entry) => areas.length === 0 || areas.includes(entry.area));

  // Only the deterministic panel: the network critics stay off whatever the environment says.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !NETWORK_VARIABLES.has(name)),
  );
  const engine = createEngine({ env });
  const started = performance.now();
  try {
    const report = await measureQuality(corpus, (request) => engine.evaluate(request), {
      concurrency,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`# Quality on the labelled corpus\n`);
    console.log(
      `${corpus.length} requests${areas.length > 0 ? ` (areas: ${areas.join(', ')})` : ''}, ` +
        `panel ${engine.configVersion}, evaluated in ${seconds.toFixed(1)} s.\n`,
    );
    console.log(qualityMarkdown(report, { mismatches }));
    if (values.json !== undefined) {
      writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
      console.error(`Wrote ${values.json}`);
    }
  } finally {
    await engine.close();
  }
}

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`Expected \`--${name}\` to be an integer >= 1, got \`${raw}\``);
  }
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
