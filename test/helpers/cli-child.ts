// Runs the CLI from source in a child process (`node --import tsx test/helpers/cli-child.ts <command> ...`), so a
// test can measure the real process (RSS, exit code, signals) without depending on a fresh out/cli build.
import { runFromProcess } from '../../src/cli/index';

runFromProcess();
