// `device-mail-doctor <command>`: dispatches to one module per command in ./commands.
// Each command is a CliCommand; bad input ends in one clear line and exit code 2, never a stack trace.
import { APP_VERSION } from '../shared/version';
import { COMMANDS } from './commands';
import { closest, flagsInHelp, unknownOptionOf } from './did-you-mean';
import { EXIT_BAD_INPUT, UsageError, printable, type CliIo } from './io';
import { rejectEmptyArgs } from './empty-args';

/** The command's own --help text, captured (the flags it knows are the ones it documents). */
async function helpOf(cmd: (typeof COMMANDS)[number], io: CliIo): Promise<string> {
  let text = '';
  const sink = {
    write: (chunk: string | Uint8Array) => ((text += String(chunk)), true),
  } as unknown as NodeJS.WritableStream;
  try {
    await (await cmd.load()).run(['--help'], { ...io, stdout: sink, stderr: sink });
  } catch {
    // A command whose help fails simply gets no suggestion.
  }
  return text;
}

function usage(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  return `device-mail-doctor ${APP_VERSION}\n\nUsage: device-mail-doctor <command> [flags]\n\nCommands:\n${rows}\n\nRun a command with --help for its flags.\n`;
}

/** Node's parseArgs errors carry a code; we turn them into UsageErrors. */
function isArgError(err: unknown): err is Error & { code: string } {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const guess = closest(
      name,
      COMMANDS.map((c) => c.name),
    );
    const hint = guess ? ` — did you mean "${guess}"? (npx device-mail-doctor ${guess} --help)` : '';
    io.stderr.write(`device-mail-doctor: unknown command "${printable(name)}"${hint}\n\n${usage()}`);
    return EXIT_BAD_INPUT;
  }
  try {
    rejectEmptyArgs(rest);
    return await (await cmd.load()).run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || isArgError(err)) {
      const typo = isArgError(err) ? unknownOptionOf(err.message) : null;
      const guess = typo ? closest(typo, flagsInHelp(await helpOf(cmd, io))) : null;
      const message = typo
        ? `Unknown option '${printable(typo)}'${guess ? ` — did you mean ${guess}?` : ''} (see: npx device-mail-doctor ${cmd.name} --help)`
        : err.message;
      io.stderr.write(`device-mail-doctor ${cmd.name}: ${message}\n`);
      return EXIT_BAD_INPUT;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`device-mail-doctor ${cmd.name}: internal error: ${printable(message, 300)}\n`);
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
 * Ends the process once its output is flushed, for commands whose work is complete when they return (`diagnose`,
 * `explain`, `--version`). Nothing is left to wait for then — the report is printed, probe sockets that are still
 * saying goodbye (QUIT, TLS close_notify) mean nothing to the result — and Node's own teardown of a process that
 * has held a few dozen TLS sessions costs ~20–40 ms of the technician's wait. Other commands end naturally.
 */
async function endIfDone(argv: readonly string[], code: number): Promise<void> {
  const [name] = argv;
  const done =
    name === '--version' || name === '-v' || COMMANDS.some((c) => c.name === name && c.endsWhenDone);
  if (!done) return;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** Entry used by bin/device-mail-doctor.cjs. */
export function runFromProcess(): void {
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
    .then((code) => {
      process.exitCode = code;
      return endIfDone(argv, code);
    })
    .catch(() => {
      process.exitCode = 3;
    });
}
