/**
 * Child process of the durability test: evaluates requests without pause, 16 in flight, with
 * the SQLite evidence store at `argv[2]`, and prints each evaluation's traceId once `evaluate`
 * has resolved (its record committed). The parent kills it with SIGKILL mid-run.
 */
import {
  createEngine,
  engineConfigFromEnv,
  openSqliteStore,
  type CriticSpec,
} from '../../src/index.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: durability-child.ts <sqlite file>');

const critics: CriticSpec[] = ['quick_safety', 'fairness_eval', 'style_checker'].map((name) => ({
  name,
  evaluate: (input) => ({
    value: input.modelResponse.includes('bad') ? 'violation' : 'pass',
    score: 0,
    severity: input.modelResponse.includes('bad') ? 1 : 0,
    violation: false,
    violations: [],
  }),
}));

const engine = createEngine({
  config: engineConfigFromEnv({}),
  critics,
  store: openSqliteStore({ path: file }),
});

let next = 0;
async function worker(): Promise<never> {
  for (;;) {
    next += 1;
    const traceId = `${process.pid}-${next}`;
    const output = next % 3 === 0 ? `a bad answer ${next}` : `a fine answer ${next}`;
    const result = await engine.evaluate({ input: `question ${next}`, output, traceId });
    process.stdout.write(`${result.traceId}\n`);
  }
}

await Promise.all(Array.from({ length: 16 }, worker));
