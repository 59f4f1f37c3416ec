/**
 * `createEngine().evaluate()`: runs the critic panel through the production orchestrator, turns
 * its findings into one governed decision, commits its decision record to the evidence store
 * and emits a decision event. No decision without its record, unless the audit is optional.
 */
import { createHash } from 'node:crypto';
import { auditPayload, canonicalJson, hashAuditPayload } from '../decision/audit-hash.js';
import type { CanonicalTexts } from '../decision/canonical-json.js';
import { decide } from '../decision/aggregate.js';
import type { CriticPolicy } from '../decision/types.js';
import {
  AuditUnavailableError,
  InvalidRequestError,
  errorMessage,
} from '../orchestrator/errors.js';
import { Emitter, type Disposable, type Listener } from '../orchestrator/events.js';
import { silentLogger } from '../orchestrator/logger.js';
import type { OrchestratorMetrics } from '../orchestrator/metrics.js';
import { createOrchestrator, type Orchestrator } from '../orchestrator/orchestrator.js';
import { orchestratorOptionsFromConfig } from '../orchestrator/config.js';
import type { CriticSpec, Logger, OrchestratorOptions, RunOptions } from '../orchestrator/types.js';
import type { CriticCache } from '../store/cache/critic-cache.js';
import { cacheHooks } from '../store/cache/hooks.js';
import type { CacheStats } from '../store/cache/types.js';
import { engineCache, mergeHooks } from './cache.js';
import { engineConfigFromEnv, type EngineConfig } from './config.js';
import { defaultPanel } from './default-panel.js';
import { MemoryEvidenceStore } from '../store/evidence/memory.js';
import { commitRecord } from '../store/evidence/commit.js';
import { buildDecisionRecord } from '../store/evidence/record.js';
import type { EvidenceStore } from '../store/evidence/types.js';
import { requestChecker, type RequestChecker } from './request.js';
import { sharedTexts } from './shared-texts.js';
import type { EvaluateRequest, EvaluationResult } from './types.js';

export interface EngineOptions {
  /** The panel. @default the default panel for the configuration */
  critics?: readonly CriticSpec[];
  /** @default read once from `env` */
  config?: EngineConfig;
  /** Where the configuration is read when `config` is absent. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Orchestrator options that override the configuration (limits, hooks, clock …). */
  orchestrator?: Partial<Omit<OrchestratorOptions, 'critics'>>;
  /**
   * Where decision records are committed; the engine closes it on `close()`. Library use
   * writes no files by default: the service and CLI pass `await openEvidenceStore(config.store)`.
   * @default an in-memory store of the most recent 10,000 records
   */
  store?: EvidenceStore;
  /** Wall-clock time of decision records, in epoch milliseconds. @default Date.now */
  wallClock?: () => number;
  logger?: Logger;
  /**
   * The critic-result cache, or `false` for none. A cache passed in is the caller's to close
   * (several engines may share it). @default built from `config.cache` (memory unless configured)
   */
  cache?: CriticCache | false;
}

/** The orchestrator's metrics plus the cache's counters (`null` when the cache is off). */
export interface EngineMetrics extends OrchestratorMetrics {
  cache: CacheStats | null;
}

export interface EngineEvents {
  decision: EvaluationResult;
}

export interface Engine {
  readonly orchestrator: Orchestrator;
  readonly config: EngineConfig;
  /** Identifies the configuration and panel (name@version of every critic). */
  readonly configVersion: string;
  readonly store: EvidenceStore;
  /** The critic-result cache in use, if any (its `health()` says whether Redis is usable). */
  readonly cache: CriticCache | undefined;
  /**
   * Evaluates one model response and resolves once its decision record is committed. Rejects
   * for a malformed request, overload, close, or (audit required) a store that cannot commit.
   */
  evaluate(request: EvaluateRequest, options?: RunOptions): Promise<EvaluationResult>;
  on<K extends keyof EngineEvents>(event: K, listener: Listener<EngineEvents[K]>): Disposable;
  metrics(): EngineMetrics;
  close(): Promise<void>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  return new DecisionEngine(options);
}

class DecisionEngine implements Engine {
  readonly orchestrator: Orchestrator;
  readonly config: EngineConfig;
  readonly configVersion: string;
  readonly store: EvidenceStore;
  readonly cache: CriticCache | undefined;
  private readonly ownsCache: boolean;
  private readonly logger: Logger;
  private readonly wallClock: () => number;
  private readonly check: RequestChecker;
  private readonly policies: Record<string, CriticPolicy>;
  private readonly decisions: Emitter<EvaluationResult>;

  constructor(options: EngineOptions) {
    this.config = options.config ?? engineConfigFromEnv(options.env ?? process.env);
    this.logger = options.logger ?? options.orchestrator?.logger ?? silentLogger;
    for (const warning of this.config.warnings) {
      this.logger.warn(warning, `${warning.variable}: ${warning.message}`);
    }
    const critics = options.critics ?? defaultPanel(this.config);
    const { cache, owned } = engineCache(options.cache, this.config.cache, this.logger);
    this.cache = cache;
    this.ownsCache = owned;
    const wiring = cache === undefined ? undefined : cacheHooks(cache);
    try {
      this.orchestrator = createOrchestrator({
        ...orchestratorOptionsFromConfig(this.config.orchestrator.config),
        logger: this.logger,
        ...options.orchestrator,
        ...(wiring === undefined
          ? {}
          : { hooks: mergeHooks(wiring.hooks, options.orchestrator?.hooks) }),
        critics,
      });
    } catch (error) {
      // A bad panel: do not leave a Redis connection behind.
      if (owned) void cache?.close();
      throw error;
    }
    wiring?.attach(this.orchestrator);
    this.policies = Object.fromEntries(
      this.orchestrator.critics.map((c) => [c.name, { failureMode: c.failureMode }]),
    ) as Record<string, CriticPolicy>;
    this.configVersion = versionOf(this.config, this.orchestrator);
    this.store = options.store ?? new MemoryEvidenceStore();
    this.wallClock = options.wallClock ?? Date.now;
    this.check = requestChecker(this.config.maxTextChars);
    this.decisions = new Emitter((error) => {
      this.logger.warn({ err: errorMessage(error) }, 'Decision listener failed; continuing');
    });
  }

  async evaluate(request: EvaluateRequest, options?: RunOptions): Promise<EvaluationResult> {
    const checked = this.check(request);
    const report = await this.orchestrator.run(
      {
        inputText: checked.input,
        modelResponse: checked.output,
        ...(checked.context === undefined ? {} : { context: checked.context }),
        ...(checked.traceId === undefined ? {} : { traceId: checked.traceId }),
      },
      options,
    );
    const outcome = decide({ results: report.results, policies: this.policies });
    const recordedAt = this.wallClock();
    // From here to the record's commit: one synchronous stretch of the engine's own code.
    const texts = sharedTexts(report.results, outcome);
    const result: Omit<EvaluationResult, 'recorded'> = {
      traceId: report.traceId,
      decision: outcome.decision,
      escalation: outcome.escalation,
      dissent: outcome.dissent,
      reasons: outcome.reasons,
      critics: report.results,
      summary: report.summary,
      auditHash: hashAuditPayload(
        auditPayload({
          request: { input: checked.input, output: checked.output, context: checked.context ?? {} },
          configVersion: this.configVersion,
          outcome,
          results: report.results,
        }),
        texts,
      ),
      degraded: outcome.degraded,
    };
    const recorded = await this.record(result, checked, recordedAt, texts);
    const final: EvaluationResult = { ...result, recorded };
    if (this.decisions.active) this.decisions.emit(final);
    return final;
  }

  on<K extends keyof EngineEvents>(event: K, listener: Listener<EngineEvents[K]>): Disposable {
    if ((event as string) !== 'decision') {
      throw new InvalidRequestError('event', "'decision'", event);
    }
    return this.decisions.subscribe(listener);
  }

  metrics(): EngineMetrics {
    return { ...this.orchestrator.metrics(), cache: this.cache?.stats() ?? null };
  }

  async close(): Promise<void> {
    await this.orchestrator.close();
    if (this.ownsCache) await this.cache?.close();
    await this.store.close();
    this.decisions.clear();
  }

  /**
   * Commits the evaluation's decision record. A failed commit fails the evaluation with
   * AuditUnavailableError, or — audit not required — is logged and reported as `recorded: false`.
   */
  private async record(
    result: Omit<EvaluationResult, 'recorded'>,
    request: EvaluateRequest,
    recordedAt: number,
    texts: CanonicalTexts,
  ): Promise<boolean> {
    try {
      await commitRecord(
        this.store,
        buildDecisionRecord({
          result,
          request,
          configVersion: this.configVersion,
          textMode: this.config.store.text,
          recordedAt,
        }),
        texts,
      );
      return true;
    } catch (error) {
      this.logger.error(
        { traceId: result.traceId, store: this.store.name, err: errorMessage(error) },
        this.config.store.auditRequired
          ? 'Decision record not committed; the evaluation fails (audit required)'
          : 'Decision record not committed; the decision stands (audit not required)',
      );
      if (this.config.store.auditRequired) {
        throw new AuditUnavailableError(this.store.name, result.traceId, error);
      }
      return false;
    }
  }
}

/** A short stable id of the effective configuration and panel. */
function versionOf(config: EngineConfig, orchestrator: Orchestrator): string {
  const material = canonicalJson({
    orchestrator: config.orchestrator.config,
    maxTextChars: config.maxTextChars,
    judge:
      config.judge === undefined
        ? null
        : { baseUrl: config.judge.baseUrl, model: config.judge.model },
    moderation: config.moderation === undefined ? null : { baseUrl: config.moderation.baseUrl },
    critics: orchestrator.critics.map((c) => `${c.name}@${c.version}`),
  });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}
