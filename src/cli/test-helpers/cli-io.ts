/**
 * An in-memory {@link CliIO} for running commands inside a test.
 */
import type { CliIO } from '../io.js';

export interface CapturedIO extends CliIO {
  out(): string;
  err(): string;
}

/** An IO whose environment keeps evidence in memory unless the test says otherwise. */
export function captureIO(env: Record<string, string> = {}, cwd = process.cwd()): CapturedIO {
  let out = '';
  let err = '';
  return {
    stdout: {
      write: (s: string) => {
        out += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        err += s;
        return true;
      },
    },
    env: { ELEANOR_STORE: 'memory', ...env },
    cwd,
    out: () => out,
    err: () => err,
  };
}
