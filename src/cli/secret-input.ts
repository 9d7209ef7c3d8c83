// The CLI's only ways to take a secret (password, token): from stdin or from a named environment variable,
// never as an argument. Written once for every command; the secret stays in memory.
import { printable, UsageError, type CliIo } from './io';

/** Reads a secret piped on stdin (one trailing newline dropped), at most `maxBytes` bytes. */
export async function readSecretFromStdin(
  stdin: NodeJS.ReadableStream,
  flag: string,
  maxBytes: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) throw new UsageError(`--${flag}: more than ${maxBytes} bytes on stdin`);
    chunks.push(b);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text === '') throw new UsageError(`--${flag}: nothing on stdin`);
  return text;
}

/** The value of the environment variable a `--xxx-env VAR` flag names; empty or unset is a usage error. */
export function secretFromEnv(io: CliIo, flag: string, name: string): string {
  const val = io.env[name];
  if (!val)
    throw new UsageError(`--${flag} ${printable(name)}: that environment variable is empty or not set`);
  return val;
}
