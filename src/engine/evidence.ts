/**
 * Evidence records: one per executed critic of an evaluation, with its findings, handed to a
 * pluggable recorder. The durable stores come later; the default keeps recent records in memory.
 */
import type { Violation } from '../critics/types.js';
import type { EvaluationResult } from './types.js';

export interface EvidenceRecord {
  traceId: string;
  critic: string;
  status: string;
  stage: string;
  priority: number;
  retryCount: number;
  durationMs: number;
  queueTimeMs: number;
  severity: number;
  violation: boolean;
  violations: Violation[];
  justification: string;
  error?: string;
  fromCache: boolean;
  degraded: boolean;
  validationErrors: string[];
  /** Milliseconds since the epoch. */
  recordedAt: number;
}

/** Receives each evaluation's evidence. A rejected promise is logged; it never fails evaluate. */
export interface EvidenceRecorder {
  record(evidence: readonly EvidenceRecord[], result: EvaluationResult): void | Promise<void>;
  close?(): void | Promise<void>;
}

/** Keeps the most recent evaluations' evidence in memory (a bounded ring). */
export class MemoryEvidenceRecorder implements EvidenceRecorder {
  private readonly limit: number;
  private readonly entries: { evidence: readonly EvidenceRecord[]; result: EvaluationResult }[] =
    [];

  /** @param limit - evaluations kept. @defaultValue 1000 */
  constructor(limit = 1000) {
    this.limit = limit;
  }

  record(evidence: readonly EvidenceRecord[], result: EvaluationResult): void {
    this.entries.push({ evidence, result });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Evidence of one evaluation, or of all kept ones. */
  evidence(traceId?: string): EvidenceRecord[] {
    return this.entries
      .filter((e) => traceId === undefined || e.result.traceId === traceId)
      .flatMap((e) => e.evidence);
  }

  /** The kept results, oldest first. */
  results(): EvaluationResult[] {
    return this.entries.map((e) => e.result);
  }
}
