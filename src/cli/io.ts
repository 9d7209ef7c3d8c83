// Shared plumbing for CLI commands: usage errors (exit 2), language choice, output streams.
import type { Lang } from '../shared/model';

/** Exit codes: 0 ok, 1 problems found, 2 bad input, 3 internal error (src/cli/index.ts), 4 `explain`: not recognised. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_BAD_INPUT = 2;
/** `explain` only: nothing in the text was recognised (not the same as "recognised, nothing wrong" = 0). */
export const EXIT_NOT_RECOGNISED = 4;

/** Bad input from the user: printed as one clear line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** Set when these are the process's own streams (the bin): the command may take Ctrl+C as Cancel. Reading
   *  `process.stdin` to find out would open the stream, which costs every command that never reads it. */
  ownProcess?: true;
}

export interface CliCommand {
  name: string;
  /** Resolves to the exit code. Throw UsageError for bad input. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Default language from the environment's locale (LC_ALL, LC_MESSAGES, LANG), else the OS (Intl). */
export function defaultLang(env: NodeJS.ProcessEnv): Lang {
  const raw =
    env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale || '';
  return raw.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value === undefined) return defaultLang(env);
  if (value === 'ja' || value === 'en') return value;
  throw new UsageError(`--lang must be ja or en (got "${printable(value)}")`);
}

/** A short, safe rendition of user/server text for error messages (no control characters, bounded). */
export function printable(s: string, max = 60): string {
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
