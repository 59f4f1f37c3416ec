/**
 * `eleanor report [--since …]`: what the evidence store says about past evaluations — decisions,
 * gating and retry rates, latency percentiles, per-critic figures — and the seed's cost scenario
 * (1 million requests a day at $0.01 per critic execution) computed from the measured rate of
 * executions per request rather than an assumed one.
 */
import type { EvidenceStats } from '../../store/evidence/types.js';
import { table } from '../format.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { openRuntime } from '../runtime.js';

export interface ReportOptions {
  since?: string;
  /** Requests per day in the cost scenario. */
  volume: number;
  /** Price of one critic execution, in dollars. */
  price: number;
  json?: boolean;
}

export interface CostScenario {
  requestsPerDay: number;
  pricePerExecution: number;
  /** Measured: executed (not gated) critic results per evaluation. */
  executionsPerRequest: number;
  /** Every critic of the panel on every request: what gating saves against. */
  panelSize: number;
  dailyCost: number;
  dailyCostWithoutGating: number;
  savedShare: number;
}

export function costScenario(
  stats: EvidenceStats,
  requestsPerDay: number,
  pricePerExecution: number,
): CostScenario {
  const critics = Object.values(stats.critics);
  const executions = critics.reduce((sum, c) => sum + c.results - (c.byStatus.gated ?? 0), 0);
  const executionsPerRequest = stats.total === 0 ? 0 : executions / stats.total;
  const panelSize = critics.length;
  const dailyCost = requestsPerDay * executionsPerRequest * pricePerExecution;
  const dailyCostWithoutGating = requestsPerDay * panelSize * pricePerExecution;
  return {
    requestsPerDay,
    pricePerExecution,
    executionsPerRequest,
    panelSize,
    dailyCost,
    dailyCostWithoutGating,
    savedShare: dailyCostWithoutGating === 0 ? 0 : 1 - dailyCost / dailyCostWithoutGating,
  };
}

const money = (n: number): string => `$${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
const pct = (n: number): string => `${(n * 100).toFixed(1)} %`;
const ms = (n: number): string => n.toFixed(2);

export async function reportCommand(options: ReportOptions, io: CliIO): Promise<ExitCode> {
  if (!Number.isFinite(options.volume) || options.volume <= 0) {
    throw new UsageError(
      `--volume: expected a number of requests per day > 0, got ${String(options.volume)}`,
    );
  }
  if (!Number.isFinite(options.price) || options.price < 0) {
    throw new UsageError(
      `--price: expected a price per execution >= 0, got ${String(options.price)}`,
    );
  }
  const runtime = await openRuntime(io);
  try {
    const stats = await runtime.store.stats(
      options.since === undefined ? {} : { since: options.since },
    );
    const cost = costScenario(stats, options.volume, options.price);
    if (options.json === true) {
      io.stdout.write(`${JSON.stringify({ store: runtime.store.name, stats, cost })}\n`);
      return ExitCode.OK;
    }
    const lines: string[] = [];
    lines.push(
      `Evidence store: ${runtime.store.name}${options.since === undefined ? '' : ` · since ${options.since}`}`,
    );
    lines.push(
      `${String(stats.total)} evaluations · gating rate ${pct(stats.gatingRate)} · retry rate ${pct(stats.retryRate)}`,
    );
    lines.push(
      `Latency: p50 ${ms(stats.latencyMs.p50)} ms · p95 ${ms(stats.latencyMs.p95)} ms · p99 ${ms(stats.latencyMs.p99)} ms`,
    );
    lines.push('');
    lines.push(
      table(
        ['Decision', 'Count', 'Share'],
        Object.entries(stats.byDecision).map(([decision, count]) => [
          decision,
          count,
          stats.total === 0 ? '–' : pct(count / stats.total),
        ]),
      ),
    );
    lines.push('');
    lines.push(
      table(
        ['Critic', 'Results', 'Gated', 'Retry rate', 'p50 ms', 'p99 ms', 'Failed'],
        Object.entries(stats.critics)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, c]) => [
            name,
            c.results,
            pct(c.gatingRate),
            pct(c.retryRate),
            ms(c.latencyMs.p50),
            ms(c.latencyMs.p99),
            (c.byStatus.error ?? 0) + (c.byStatus.timeout ?? 0),
          ]),
      ),
    );
    lines.push('');
    lines.push(
      `Cost at ${options.volume.toLocaleString('en-US')} requests/day and $${String(options.price)} per critic execution (measured ${cost.executionsPerRequest.toFixed(2)} of ${String(cost.panelSize)} critics per request):`,
    );
    lines.push(
      `  ${money(cost.dailyCost)}/day (${money(cost.dailyCost * 365)}/year) against ${money(cost.dailyCostWithoutGating)}/day with every critic on every request — ${pct(cost.savedShare)} saved by gating`,
    );
    io.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.OK;
  } finally {
    await runtime.close();
  }
}
