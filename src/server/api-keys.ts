/**
 * API-key authentication for the service: keys are compared in constant time (both sides
 * hashed to a fixed length, every configured key checked, so neither the length nor the
 * position of a match leaks through timing), and each key has its own token bucket.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../orchestrator/clock.js';
import { InvalidOptionError } from '../orchestrator/errors.js';
import { TokenBucket } from '../orchestrator/token-bucket.js';

/** A configured key: a short public label (for logs and metrics) and the secret. */
export interface ApiKey {
  label: string;
  secret: string;
}

/** The least length a key must have: shorter ones are guessable. */
export const MIN_KEY_LENGTH = 16;

/**
 * Parses `ELEANOR_API_KEYS`: comma-separated keys, each `label:secret` or a bare secret (labelled
 * `key1`, `key2` … by position). Throws naming the entry that is malformed.
 */
export function parseApiKeys(raw: string | undefined): ApiKey[] {
  if (raw === undefined || raw.trim() === '') return [];
  const keys: ApiKey[] = [];
  const labels = new Set<string>();
  raw.split(',').forEach((entry, index) => {
    const trimmed = entry.trim();
    if (trimmed === '') return;
    const colon = trimmed.indexOf(':');
    const label = colon === -1 ? `key${String(index + 1)}` : trimmed.slice(0, colon).trim();
    const secret = colon === -1 ? trimmed : trimmed.slice(colon + 1).trim();
    const field = `ELEANOR_API_KEYS[${String(index)}]`;
    if (!/^[\w.-]{1,64}$/.test(label)) {
      throw new InvalidOptionError(field, 'a label of letters, digits, _ . - (at most 64)', label);
    }
    if (secret.length < MIN_KEY_LENGTH || /\s/.test(secret)) {
      throw new InvalidOptionError(
        field,
        `a secret of at least ${String(MIN_KEY_LENGTH)} characters without spaces`,
        `${String(secret.length)} characters`,
      );
    }
    if (labels.has(label)) throw new InvalidOptionError(field, 'a label used once', label);
    labels.add(label);
    keys.push({ label, secret });
  });
  return keys;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Checks presented keys against the configured ones. */
export class KeyRing {
  private readonly keys: readonly { label: string; digest: Buffer }[];

  constructor(keys: readonly ApiKey[]) {
    this.keys = keys.map((k) => ({ label: k.label, digest: digest(k.secret) }));
  }

  get size(): number {
    return this.keys.length;
  }

  /** The label of the key presented, or undefined when it matches none. */
  identify(presented: string): string | undefined {
    const candidate = digest(presented);
    let found: string | undefined;
    // No early exit: every key is compared whatever matched.
    for (const key of this.keys) {
      if (timingSafeEqual(candidate, key.digest) && found === undefined) found = key.label;
    }
    return found;
  }
}

/**
 * The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`; undefined
 * when neither header is there.
 */
export function presentedKey(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const auth = headers['authorization'];
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (match?.[1] !== undefined) return match[1];
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.trim() !== '' ? apiKey.trim() : undefined;
}

/** Per-key request rates: a token bucket per key label, created on first use. */
export class KeyRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  /**
   * @param ratePerSecond - sustained requests per second per key.
   * @param burst - requests a key may make at once after idling.
   */
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    // Validates the numbers once, up front.
    new TokenBucket(ratePerSecond, clock, burst);
  }

  /** 0 when the request may go ahead, else the milliseconds until the key has a token. */
  take(label: string): number {
    let bucket = this.buckets.get(label);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.ratePerSecond, this.clock, this.burst, true);
      this.buckets.set(label, bucket);
    }
    return bucket.tryTake();
  }
}
