// Timing one whole process (spawn to exit) and medians: shared by the whole-process and classic-tool benchmarks.
import { spawn } from 'node:child_process';

/** Bound on one measured process, in ms (a hung tool ends the figure, not the benchmark). */
const PROCESS_MS = 120_000;

export interface Timed {
  ms: number;
  code: number | null;
  out: string;
}

/** Runs a process to its exit; wall-clock ms from spawn to exit. */
export function timed(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  input = '',
  limitMs = PROCESS_MS,
): Promise<Timed> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const keep = (d: Buffer) => {
      if (out.length < 200_000) out += d.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ ms: performance.now() - t0, code, out });
    });
    child.stdin.end(input);
  });
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
