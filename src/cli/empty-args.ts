// Empty flag values, checked for every command before it loads (so this file imports nothing heavy: `--version`
// and every command's start pay only for what they use; validate.ts, with node:net and the store's path rules,
// loads with the commands that check hosts, addresses and report ids).
import { UsageError } from './io';

/**
 * Rejects empty and blank argv elements ("--host ''", "--from=") for every command: no flag or argument of this
 * CLI means anything when empty, and an empty value silently became "not given" before.
 */
export function rejectEmptyArgs(argv: readonly string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const eq = /^(--[A-Za-z0-9-]+)=(.*)$/s.exec(a);
    if (eq && eq[2]?.trim() === '') throw new UsageError(`${eq[1] ?? ''} needs a value (got an empty one)`);
    // An empty positional (explain '') is the command's to word; an empty value after a flag is always bad input.
    const prev = argv[i - 1] ?? '';
    if (a.trim() === '' && /^--[A-Za-z0-9-]+$/.test(prev))
      throw new UsageError(`${prev} needs a value (got an empty one)`);
  }
}
