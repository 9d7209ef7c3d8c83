// The command table. Each command lives in its own module in this folder.
import type { CliCommand } from '../io';
import { adviseCommand } from './advise';
import { captureCommand } from './capture';
import { demoCommand } from './demo';
import { diagnoseCommand } from './diagnose';
import { explainCommand } from './explain';
import { labCommand } from './lab';
import { reportCommand } from './report';
import { tokenCommand } from './token';

export const COMMANDS: CliCommand[] = [
  explainCommand,
  adviseCommand,
  reportCommand,
  demoCommand,
  diagnoseCommand,
  labCommand,
  captureCommand,
  tokenCommand,
];
