/**
 * What a command touches outside itself, injected so tests run commands in-process: output
 * streams, the environment and the working directory.
 */
export interface OutputStream {
  write(chunk: string): unknown;
  /** Set on a terminal: progress bars draw only there. */
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Exit codes: 0 done, 1 a runtime failure, 2 bad usage or input, 3 a `--fail-on` decision. */
export const ExitCode = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  DECISION: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the command was called: exit code 2 and a one-line cause on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
