/**
 * Shared helpers for orchestrator tests: deferreds, recording critics and fake-time helpers.
 */
import { vi } from 'vitest';
import type { CriticOutput, CriticSpec, RunRequest } from '../types.js';

export const OK: CriticOutput = Object.freeze({ value: 1, score: 0 });

export const REQUEST: RunRequest = { inputText: 'question', modelResponse: 'answer' };

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A log of critic starts and ends, in the order they happened, with fake-clock times. */
export interface Recorder {
  events: { critic: string; kind: 'start' | 'end'; at: number }[];
  inFlight: number;
  peak: number;
  starts(): string[];
}

export function recorder(): Recorder {
  const r: Recorder = {
    events: [],
    inFlight: 0,
    peak: 0,
    starts: () => r.events.filter((e) => e.kind === 'start').map((e) => e.critic),
  };
  return r;
}

/** A critic that records its start and end and sleeps `ms` (on fake timers) before answering. */
export function sleeper(
  rec: Recorder,
  name: string,
  ms: number,
  extra: Partial<CriticSpec> = {},
  output: CriticOutput = OK,
): CriticSpec {
  return {
    name,
    ...extra,
    evaluate: async (_input, { signal }) => {
      rec.events.push({ critic: name, kind: 'start', at: Date.now() });
      rec.inFlight++;
      rec.peak = Math.max(rec.peak, rec.inFlight);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, ms);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason as Error);
          });
        });
      } finally {
        rec.inFlight--;
        rec.events.push({ critic: name, kind: 'end', at: Date.now() });
      }
      return output;
    },
  };
}

/** Runs all fake timers and pending promises until `promise` settles. */
export async function settle<T>(promise: Promise<T>): Promise<T> {
  const state = { done: false };
  const watched = promise.finally(() => {
    state.done = true;
  });
  for (let i = 0; i < 10_000 && !state.done; i++) {
    await vi.advanceTimersToNextTimerAsync();
  }
  return watched;
}

/** A logger that collects every call as `[level, obj, msg]`, for asserting log lines. */
export interface FakeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  calls: { level: 'info' | 'warn' | 'error' | 'debug'; obj: object; msg: string | undefined }[];
  /** Messages logged at `level` (all levels when omitted), in order. */
  messages(level?: 'info' | 'warn' | 'error' | 'debug'): (string | undefined)[];
}

export function fakeLogger(): FakeLogger {
  const calls: FakeLogger['calls'] = [];
  const at =
    (level: FakeLogger['calls'][number]['level']) =>
    (obj: object, msg?: string): void => {
      calls.push({ level, obj, msg });
    };
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    calls,
    messages: (level) =>
      calls.filter((c) => level === undefined || c.level === level).map((c) => c.msg),
  };
}

/** Work that never finishes on its own and rejects with the signal's reason when it aborts. */
export function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    signal.addEventListener('abort', () => {
      reject(signal.reason as Error);
    });
  });
}
