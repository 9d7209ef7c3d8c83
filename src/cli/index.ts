// `device-mail-doctor <command>`: dispatches to one module per command in ./commands.
// Each command is a CliCommand; bad input ends in one clear line and exit code 2, never a stack trace.
import { APP_VERSION } from '../shared/version';
import { COMMANDS } from './commands';
import { closest } from './did-you-mean';
import { EXIT_BAD_INPUT, printable, type CliIo } from './io';
import { runCommand, runProcess } from './run-command';

function usage(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  return `device-mail-doctor ${APP_VERSION}\n\nUsage: device-mail-doctor <command> [flags]\n\nCommands:\n${rows}\n\nRun a command with --help for its flags.\n`;
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
  return runCommand(cmd.name, () => cmd.load(), rest, io);
}

/** Entry used by bin/device-mail-doctor.cjs. */
export function runFromProcess(): void {
  runProcess(
    main,
    ([name]) =>
      name === '--version' ||
      name === '-v' ||
      COMMANDS.some((c) => c.name === name && c.endsWhenDone === true),
  );
}
