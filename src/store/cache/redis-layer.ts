/**
 * The Redis layer (L2), shared by every process that points at the same server. It must never
 * stall an evaluation: no offline queue (a command while disconnected fails at once), a short
 * command timeout, no per-command retries. While Redis is unusable the layer reports itself
 * degraded and every lookup is a miss; ioredis keeps reconnecting in the background, and the
 * layer recovers by itself when Redis answers again.
 */
import { Redis } from 'ioredis';
import { checkInteger } from '../../orchestrator/check.js';
import { InvalidOptionError } from '../../orchestrator/errors.js';
import { silentLogger } from '../../orchestrator/logger.js';
import type { Logger } from '../../orchestrator/types.js';
import { CacheError, type CacheOperation } from './errors.js';
import { TickBatch } from './tick-batch.js';
import type { RemoteLayer, RemoteLayerStats, RemoteState } from './types.js';

export const DEFAULT_REDIS_PREFIX = 'eleanor:cache:';
export const DEFAULT_COMMAND_TIMEOUT_MS = 100;
const MAX_MS = 2_147_483_647;

/** Sets every KEYS[i] to ARGV[i] with the TTL in the last ARGV: many writes, one command. */
const SET_MANY = `for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i], 'PX', ARGV[#ARGV]) end`;

export interface RedisLayerOptions {
  /** `redis://[user:password@]host[:port][/db]` or `rediss://…` (TLS). */
  url: string;
  /** How long an entry lives (Redis `PX`). */
  ttlMs: number;
  /** Prepended to every key, so deployments and tests can share a server. @default 'eleanor:cache:' */
  prefix?: string;
  /** A command not answered within this fails (and counts as an error). @default 100 */
  commandTimeoutMs?: number;
  /** A connection attempt not established within this fails. @default 1000 */
  connectTimeoutMs?: number;
  /** Longest pause between reconnection attempts. @default 2000 */
  maxReconnectDelayMs?: number;
  /** The connection's name in `CLIENT LIST`. @default 'eleanor-cache' */
  connectionName?: string;
  /** Where failures and recoveries are logged (once per transition). @default silent */
  logger?: Logger;
}

/** Builds the Redis layer and starts connecting. Throws {@link InvalidOptionError} for a bad URL. */
export function createRedisLayer(options: RedisLayerOptions): RemoteLayer {
  return new RedisLayer(options);
}

/** The URL with any password masked, for messages. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/:[^:@/]*@/, ':***@');
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

function checkUrl(url: unknown): string {
  if (typeof url === 'string' && URL.canParse(url) && /^rediss?:$/.test(new URL(url).protocol)) {
    return url;
  }
  const shown = typeof url === 'string' ? redactUrl(url) : url;
  throw new InvalidOptionError('url', 'a redis:// or rediss:// URL', shown);
}

class RedisLayer implements RemoteLayer {
  private readonly client: Redis;
  private readonly batch: TickBatch;
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly logger: Logger;
  private readonly counters = { hits: 0, misses: 0, writes: 0, errors: 0 };
  /** A command failed since the connection was last ready or a command last succeeded. */
  private failing = false;
  private everReady = false;
  /** A failure was logged and no recovery since. */
  private announced = false;
  private error: string | undefined;
  private closed = false;

  constructor(options: RedisLayerOptions) {
    const url = checkUrl(options.url);
    const ms = (value: number | undefined, field: string, fallback: number): number =>
      checkInteger(value ?? fallback, `redis.${field}`, 1, MAX_MS);
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    if (typeof this.prefix !== 'string') {
      throw new InvalidOptionError('redis.prefix', 'a string', this.prefix);
    }
    this.ttlMs = ms(options.ttlMs, 'ttlMs', Number.NaN);
    this.logger = options.logger ?? silentLogger;
    const maxDelay = ms(options.maxReconnectDelayMs, 'maxReconnectDelayMs', 2000);
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: ms(options.commandTimeoutMs, 'commandTimeoutMs', DEFAULT_COMMAND_TIMEOUT_MS),
      connectTimeout: ms(options.connectTimeoutMs, 'connectTimeoutMs', 1000),
      connectionName: options.connectionName ?? 'eleanor-cache',
      retryStrategy: (times) => Math.min(times * 100, maxDelay),
    });
    this.batch = new TickBatch({
      getMany: (keys) =>
        keys.length === 1
          ? this.client.get(keys[0] as string).then((v) => [v])
          : this.client.mget(...keys),
      setMany: (entries) => {
        if (entries.size === 1) {
          const [key, value] = entries.entries().next().value as [string, string];
          return this.client.set(key, value, 'PX', this.ttlMs);
        }
        return this.client.eval(
          SET_MANY,
          entries.size,
          ...entries.keys(),
          ...entries.values(),
          this.ttlMs,
        );
      },
    });
    this.client.on('ready', () => {
      this.onReady();
    });
    // Without a listener ioredis prints every connection error to the console.
    this.client.on('error', (error: unknown) => {
      this.fail('connect', error);
    });
    this.client.on('close', () => {
      if (this.everReady && !this.announced) this.fail('connect', new Error('connection closed'));
    });
  }

  get degraded(): boolean {
    return this.failing || this.client.status !== 'ready';
  }

  get lastError(): string | undefined {
    return this.degraded ? this.error : undefined;
  }

  async get(key: string): Promise<string | undefined> {
    if (this.client.status !== 'ready') {
      this.refused();
      return undefined;
    }
    try {
      const value = await this.batch.get(this.prefix + key);
      this.succeeded();
      if (value === null) this.counters.misses++;
      else this.counters.hits++;
      return value ?? undefined;
    } catch (error) {
      this.fail('get', error);
      return undefined;
    }
  }

  set(key: string, value: string): void {
    if (this.client.status !== 'ready') {
      this.refused();
      return;
    }
    this.batch.set(this.prefix + key, value).then(
      () => {
        this.counters.writes++;
        this.succeeded();
      },
      (error: unknown) => {
        this.fail('set', error);
      },
    );
  }

  stats(): RemoteLayerStats {
    return { ...this.counters, state: this.state() };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // Fall through: drop the connection without waiting for Redis.
      }
    }
    this.client.disconnect();
  }

  private state(): RemoteState {
    const status = this.client.status;
    if (status === 'ready') return 'ready';
    return this.everReady || this.error !== undefined ? 'down' : 'connecting';
  }

  /** A command refused while disconnected: counted, never sent. */
  private refused(): void {
    this.counters.errors++;
  }

  private succeeded(): void {
    if (this.failing) this.recovered('answering again');
  }

  private onReady(): void {
    this.everReady = true;
    this.recovered('reconnected');
  }

  private recovered(how: string): void {
    this.failing = false;
    if (!this.announced) return;
    this.announced = false;
    this.logger.info({ layer: 'redis' }, `Cache Redis layer ${how}; cache recovered`);
  }

  private fail(operation: CacheOperation, cause: unknown): void {
    if (operation !== 'connect') {
      this.counters.errors++;
      this.failing = true;
    }
    if (this.closed) return;
    this.error = new CacheError('redis', operation, cause).message;
    if (this.announced) return;
    this.announced = true;
    this.logger.warn(
      { layer: 'redis', err: this.error },
      'Cache Redis layer unavailable; serving from memory until it returns',
    );
  }
}
