// Running one command: its bad input ends in one clear line and exit code 2, never a stack trace; and the process
// plumbing the bin uses. No command table here, so a bundle of one command (explain.cjs) carries only that command.
import { closest, flagsInHelp, unknownOptionOf } from './did-you-mean';
import { rejectEmptyArgs } from './empty-args';
import { EXIT_BAD_INPUT, UsageError, printable, type CliCommand, type CliIo } from './io';

/** The command's own --help text, captured (the flags it knows are the ones it documents). */
async function helpOf(cmd: CliCommand, io: CliIo): Promise<string> {
  let text = '';
  const sink = {
    write: (chunk: string | Uint8Array) => ((text += String(chunk)), true),
  } as unknown as NodeJS.WritableStream;
  try {
    await cmd.run(['--help'], { ...io, stdout: sink, stderr: sink });
  } catch {
    // A command whose help fails simply gets no suggestion.
  }
  return text;
}

/** Node's parseArgs errors carry a code; we turn them into UsageErrors. */
function isArgError(err: unknown): err is Error & { code: string } {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Runs command `name` (loaded by `load`) with its arguments: exit 2 on bad input, 3 on an internal error. */
export async function runCommand(
  name: string,
  load: () => Promise<CliCommand>,
  rest: string[],
  io: CliIo,
): Promise<number> {
  let cmd: CliCommand | null = null;
  try {
    rejectEmptyArgs(rest);
    cmd = await load();
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || isArgError(err)) {
      const typo = isArgError(err) ? unknownOptionOf(err.message) : null;
      const guess = typo && cmd ? closest(typo, flagsInHelp(await helpOf(cmd, io))) : null;
      const message = typo
        ? `Unknown option '${printable(typo)}'${guess ? ` — did you mean ${guess}?` : ''} (see: npx device-mail-doctor ${name} --help)`
        : err.message;
      io.stderr.write(`device-mail-doctor ${name}: ${message}\n`);
      return EXIT_BAD_INPUT;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`device-mail-doctor ${name}: internal error: ${printable(message, 300)}\n`);
    return 3;
  }
}

/** Resolves once everything written to `stream` so far has been handed to the OS (pipes are asynchronous on POSIX). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}

/**
 * Runs `main` on this process's arguments and streams. When `endsWhenDone(argv)` — commands whose work is complete
 * when they return (`diagnose`, `explain`, `--version`) — the process ends once its output is flushed: the report
 * is printed, probe sockets still saying goodbye (QUIT, TLS close_notify) mean nothing to the result, and Node's
 * own teardown of a process that has held a few dozen TLS sessions costs ~20–40 ms of the technician's wait.
 */
export function runProcess(
  main: (argv: string[], io: CliIo) => Promise<number>,
  endsWhenDone: (argv: readonly string[]) => boolean,
): void {
  // `device-mail-doctor ... | head` closes stdout early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const argv = process.argv.slice(2);
  main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    // Opened on first use: `process.stdin` sets up a stream (and Node's fs streams) that most commands never read.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    ownProcess: true,
  })
    .then(async (code) => {
      process.exitCode = code;
      if (!endsWhenDone(argv)) return;
      await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
      process.exit(code);
    })
    .catch(() => {
      process.exitCode = 3;
    });
}
