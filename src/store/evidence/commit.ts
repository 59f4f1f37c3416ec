/**
 * How the engine hands a decision record to its store. A built-in store's `record()` only
 * prepares the record (the canonical JSON of each member) and passes it to `recordPrepared()`,
 * so the engine prepares it instead, reusing the texts the audit hash already wrote. Any other
 * store — a subclass or a wrapper may change the record before passing it on — is handed the
 * record alone and prepares it afresh.
 */
import type { CanonicalTexts } from '../../decision/canonical-json.js';
import { prepareWith } from './chain.js';
import { MemoryEvidenceStore } from './memory.js';
import { PostgresEvidenceStore } from './postgres.js';
import { SqliteEvidenceStore } from './sqlite.js';
import type { DecisionRecord, DecisionRecordInput, EvidenceStore } from './types.js';

type BuiltInStore = MemoryEvidenceStore | SqliteEvidenceStore | PostgresEvidenceStore;

/** Commits `input` to `store`; parts whose text `texts` holds are not written again. */
export function commitRecord(
  store: EvidenceStore,
  input: DecisionRecordInput,
  texts: CanonicalTexts,
): Promise<DecisionRecord> {
  if (!builtIn(store)) return store.record(input);
  return store.recordPrepared(prepareWith(input, texts));
}

/** Built-in stores' own `record()` (not a subclass's, not one set on the instance). */
const BUILT_IN: ReadonlySet<object> = new Set([
  MemoryEvidenceStore.prototype,
  SqliteEvidenceStore.prototype,
  PostgresEvidenceStore.prototype,
]);

function builtIn(store: EvidenceStore): store is BuiltInStore {
  return BUILT_IN.has(Object.getPrototypeOf(store) as object) && !Object.hasOwn(store, 'record');
}
