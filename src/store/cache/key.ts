/**
 * Cache keys: SHA-256 over the canonical JSON (RFC 8785) of the critic's identity — name,
 * version, configuration hash — and of the request fields it declares it reads. Per-request ids
 * (the trace id) never enter a key, so identical requests hit. A critic with dependencies also
 * keys on its dependencies' outputs, which shape what it returns. A critic that declares no
 * `reads` has no key: it is never cached.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../decision/audit-hash.js';
import type { CriticInput, CriticSpec } from '../../orchestrator/types.js';

/** Bump when the key material's layout changes: old entries then simply stop matching. */
export const CACHE_KEY_VERSION = 'eleanor-cache/1';

const PRIORS = '#priorResults';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The value of one declared field (`inputText`, `modelResponse`, `context.<key>`). */
export function readField(input: CriticInput, field: string): unknown {
  if (field === 'inputText') return input.inputText;
  if (field === 'modelResponse') return input.modelResponse;
  if (field.startsWith('context.')) {
    const key = field.slice('context.'.length);
    return Object.hasOwn(input.context, key) ? input.context[key] : undefined;
  }
  return undefined;
}

/**
 * Derives cache keys. Each field of a run's input is hashed once and the digest reused by every
 * critic of the run that reads it (a 100 KB response is hashed once, not once per critic).
 */
export class CacheKeys {
  private readonly digests = new WeakMap<CriticInput, Map<string, string | undefined>>();

  /** The key of `spec`'s result on `input`, or `undefined` when the critic is not cacheable. */
  keyFor(spec: Readonly<CriticSpec>, input: CriticInput): string | undefined {
    const reads = spec.reads;
    if (reads === undefined || reads.length === 0) return undefined;
    let fields = this.digests.get(input);
    if (fields === undefined) {
      fields = new Map();
      this.digests.set(input, fields);
    }
    const request: Record<string, string | undefined> = {};
    for (const field of reads)
      request[field] = digest(fields, field, () => readField(input, field));
    const dependent = spec.dependsOn !== undefined && spec.dependsOn.length > 0;
    return sha256(
      canonicalJson({
        v: CACHE_KEY_VERSION,
        critic: spec.name,
        version: spec.version ?? '1',
        config: spec.configHash ?? null,
        reads: request,
        priors: dependent ? digest(fields, PRIORS, () => input.priorResults) : null,
      }),
    );
  }
}

/** The memoised digest of a field; `undefined` for an absent field (distinct from `null`). */
function digest(
  fields: Map<string, string | undefined>,
  field: string,
  value: () => unknown,
): string | undefined {
  if (fields.has(field)) return fields.get(field);
  const v = value();
  const d = v === undefined ? undefined : sha256(canonicalJson(v));
  fields.set(field, d);
  return d;
}
