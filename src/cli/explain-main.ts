// `device-mail-doctor explain …` as a bundle of its own (out/cli/explain.cjs, chosen by the launcher): explain is
// what a technician runs most often and one at a time, and the whole CLI bundle is three times its size — ~15 ms
// more to read and compile on every run (measured in test/bench). Same command module, same error handling
// (run-command.ts) as through index.ts; `main` here answers exactly as `main(['explain', ...])` there.
import { explainCommand } from './commands/explain';
import type { CliIo } from './io';
import { runCommand, runProcess } from './run-command';

export function main(argv: string[], io: CliIo): Promise<number> {
  const [, ...rest] = argv; // argv[0] is "explain" (the launcher sends only that here)
  return runCommand('explain', () => Promise.resolve(explainCommand), rest, io);
}

/** Entry used by bin/device-mail-doctor.cjs for `explain`. */
export function runFromProcess(): void {
  runProcess(main, () => true);
}
