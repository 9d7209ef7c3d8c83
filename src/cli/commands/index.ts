// The command table. Each command lives in its own module in this folder.
import type { CliCommand } from '../io';
import { adviseCommand } from './advise';
import { explainCommand } from './explain';

export const COMMANDS: CliCommand[] = [
  explainCommand,
  adviseCommand,
];
