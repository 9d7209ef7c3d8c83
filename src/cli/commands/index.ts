// The command table. Each command lives in its own module in this folder.
import type { CliCommand } from '../io';

export const COMMANDS: CliCommand[] = [];
