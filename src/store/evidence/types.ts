/**
 * The evidence store's contract: one append-only, hash-chained {@link DecisionRecord} per
 * evaluation, kept by a backend (memory, SQLite, PostgreSQL) behind one {@link EvidenceStore}.
 */
import type { Decision, Dissent, Escalation, Reason } from '../../decision/types.js';
import type { CriticOutput, RunContext, RunSummary } from '../../orchestrator/types.js';
import type { Status } from '../../orchestrator/vocabulary.js';

/** How the request texts are kept: verbatim, with PII masked, or as SHA-256 digests. */
export type TextMode = 'full' | 'redacted' | 'hash';

export const TEXT_MODES: readonly TextMode[] = ['full', 'redacted', 'hash'];

/** Which backend a store is. */
export type StoreKind = 'memory' | 'sqlite' | 'postgres';

export const STORE_KINDS: readonly StoreKind[] = ['memory', 'sqlite', 'postgres'];

/** What was asked, as stored under the record's text mode. */
export interface RecordedRequest {
  /** The user input: verbatim, PII-masked, or `sha256:<hex>` by {@link RecordedRequest.textMode}. */
  input: string;
  output: string;
  /** The request context (string values PII-masked unless the mode is `full`). */
  context: RunContext;
  textMode: TextMode;
  /** Length of the original texts, in UTF-16 code units. */
  inputChars: number;
  outputChars: number;
  /** PII spans masked in the stored texts (0 in `full` mode). */
  maskedSpans: number;
}

/** One critic's part of an evaluation: everything the orchestrator reported about it. */
export interface RecordedCriticResult {
  critic: string;
  status: Status;
  stage: string;
  priority: number;
  retryCount: number;
  durationMs: number;
  queueTimeMs: number;
  gatingReason?: string;
  error?: string;
  validationErrors: string[];
  degraded: boolean;
  fromCache: boolean;
  /** The critic's findings (its output, or the failure template). */
  output: CriticOutput;
}

/** A record as handed to {@link EvidenceStore.record}: the chain fields are set at commit. */
export interface DecisionRecordInput {
  traceId: string;
  /** Milliseconds since the epoch when the evaluation finished. */
  recordedAt: number;
  request: RecordedRequest;
  decision: Decision;
  escalation: Escalation | null;
  dissent: Dissent[];
  reasons: Reason[];
  /** Every critic of the panel, gated ones included, sorted by name. */
  critics: RecordedCriticResult[];
  summary: RunSummary;
  degraded: string[];
  configVersion: string;
  /** The evaluation's audit hash (over the original, unmasked request). */
  auditHash: string;
}

/** A committed record: its place in the chain and the hash that seals it. */
export interface DecisionRecord extends DecisionRecordInput {
  /** 1, 2, 3 … in commit order, one line across every writer of the store. */
  sequence: number;
  /** The previous record's `hash` ({@link GENESIS_HASH} for the first). */
  prevHash: string;
  /** SHA-256 (hex) over `prevHash` + the canonical JSON of the record without `hash`. */
  hash: string;
}

/** Filters of {@link EvidenceStore.query}; newest records first. */
export interface EvidenceQuery {
  decision?: Decision;
  /** Records in which this critic was executed (not gated). */
  critic?: string;
  /** Inclusive lower bound on `recordedAt`: a Date, an ISO-8601 string or epoch milliseconds. */
  since?: Date | string | number;
  /** Exclusive upper bound on `recordedAt`. */
  until?: Date | string | number;
  /** Records per page, 1–1000. @default 50 */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface EvidencePage {
  records: DecisionRecord[];
  /** Pass it as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Nearest-rank latency percentiles, in milliseconds (0 when there are no samples). */
export interface LatencyPercentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface CriticStats {
  /** Results recorded for this critic (gated ones included). */
  results: number;
  /** Results by status. */
  byStatus: Partial<Record<Status, number>>;
  /** Share of results that were gated. */
  gatingRate: number;
  /** Share of executions (not gated) that needed at least one retry. */
  retryRate: number;
  /** Retries made, summed. */
  retries: number;
  /** Duration of executions (not gated). */
  latencyMs: LatencyPercentiles;
}

export interface EvidenceStats {
  /** Records counted. */
  total: number;
  byDecision: Record<Decision, number>;
  critics: Record<string, CriticStats>;
  /** Gated results over all critic results. */
  gatingRate: number;
  /** Executions that needed a retry over all executions. */
  retryRate: number;
  /** End-to-end evaluation latency (the run's duration). */
  latencyMs: LatencyPercentiles;
}

export interface StatsOptions {
  since?: Date | string | number;
}

/** The outcome of walking the hash chain. */
export type VerifyResult =
  | { ok: true; checked: number }
  | {
      ok: false;
      checked: number;
      /** The first sequence whose record does not match its chain. */
      firstBadSequence: number;
      reason: string;
    };

/** What a store can say about itself right now, without I/O. */
export interface StoreHealth {
  store: StoreKind;
  /** `up` after the last commit or probe succeeded; `down` after one failed. */
  state: 'up' | 'down' | 'closed';
  /** Records waiting for a commit. */
  pending: number;
  /** Records committed since the store opened. */
  committed: number;
  /** Transactions that committed them (committed / commits = the mean group size). */
  commits: number;
  /** Commits that failed since the store opened. */
  failedCommits: number;
  /** The last failure's message, while the store is down. */
  lastError?: string;
}

/**
 * Where decision records go. `record` resolves once the record is durably committed (or
 * rejects with an `EvidenceStoreError`); nothing updates or deletes a record.
 */
export interface EvidenceStore {
  readonly kind: StoreKind;
  /** A short human-readable name: the backend and where it writes. */
  readonly name: string;
  record(input: DecisionRecordInput): Promise<DecisionRecord>;
  /** The most recent record with this trace id. */
  get(traceId: string): Promise<DecisionRecord | undefined>;
  query(query?: EvidenceQuery): Promise<EvidencePage>;
  stats(options?: StatsOptions): Promise<EvidenceStats>;
  /** Walks the whole chain and reports the first record that does not match. */
  verify(): Promise<VerifyResult>;
  health(): StoreHealth;
  /** Commits what is pending, then releases the backend. */
  close(): Promise<void>;
}
