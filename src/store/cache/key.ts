/**
 * Cache keys: two SHA-256 digests, `<identity>.<request>` — the critic's identity (name,
 * version, configuration hash) and the request fields it declares it reads. Per-request ids (the
 * trace id) never enter a key, so identical requests hit. A critic with dependencies also keys
 * on its dependencies' outputs, which shape what it returns. A critic that declares no `reads`
 * has no key: it is never cached.
 *
 * Each field's value is reduced once per run to the SHA-256 of its canonical JSON (RFC 8785);
 * the request digest is the SHA-256 of the fields' names and digests in name order (so the order
 * `reads` lists them in does not matter), computed once per run for each distinct set of fields.
 * A 100 KB response is hashed once per evaluation, not once per critic, and a key costs a string
 * concatenation per critic.
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

/** What a critic's keys share: the digest of its identity, and the fields it reads. */
interface KeyPlan {
  /** SHA-256 of the critic's name, version and configuration hash. */
  identity: string;
  fields: readonly string[];
  /** The fields as one string: critics reading the same fields share a request digest. */
  signature: string;
}

/** Per run input: each field's digest, and each field set's combined digest. */
interface InputDigests {
  fields: Map<string, string>;
  requests: Map<string, string>;
}

/**
 * Derives cache keys, memoising the per-critic plan (by spec) and the digests (by run input: the
 * critics of a run without dependencies share one input object).
 */
export class CacheKeys {
  private readonly plans = new WeakMap<Readonly<CriticSpec>, KeyPlan | null>();
  private readonly digests = new WeakMap<CriticInput, InputDigests>();

  /** The key of `spec`'s result on `input`, or `undefined` when the critic is not cacheable. */
  keyFor(spec: Readonly<CriticSpec>, input: CriticInput): string | undefined {
    const plan = this.planOf(spec);
    if (plan === null) return undefined;
    let digests = this.digests.get(input);
    if (digests === undefined) {
      digests = { fields: new Map(), requests: new Map() };
      this.digests.set(input, digests);
    }
    let request = digests.requests.get(plan.signature);
    if (request === undefined) {
      const parts: string[] = [];
      for (const field of plan.fields) parts.push(field, digestOf(digests.fields, input, field));
      request = sha256(JSON.stringify(parts));
      digests.requests.set(plan.signature, request);
    }
    return `${plan.identity}.${request}`;
  }

  private planOf(spec: Readonly<CriticSpec>): KeyPlan | null {
    let plan = this.plans.get(spec);
    if (plan !== undefined) return plan;
    const reads = spec.reads;
    if (reads === undefined || reads.length === 0) plan = null;
    else {
      const fields = [...new Set(reads)].sort();
      if (spec.dependsOn !== undefined && spec.dependsOn.length > 0) fields.push(PRIORS);
      const identity = [CACHE_KEY_VERSION, spec.name, spec.version ?? '1', spec.configHash ?? null];
      plan = { identity: sha256(JSON.stringify(identity)), fields, signature: fields.join('\n') };
    }
    this.plans.set(spec, plan);
    return plan;
  }
}

/** The memoised digest of a field; an absent field digests to `-` (distinct from `null`). */
function digestOf(digests: Map<string, string>, input: CriticInput, field: string): string {
  let digest = digests.get(field);
  if (digest !== undefined) return digest;
  const value = field === PRIORS ? input.priorResults : readField(input, field);
  if (value === undefined) digest = '-';
  else if (typeof value === 'string') digest = sha256(JSON.stringify(value));
  else digest = sha256(canonicalJson(value));
  digests.set(field, digest);
  return digest;
}
