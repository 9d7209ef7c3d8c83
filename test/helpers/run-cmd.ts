// Small process helpers shared by the real-peer harnesses (Postfix, network namespaces).
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';

/** Upper bound for one external command (postfix start, ip, iptables, openssl), in milliseconds. */
export const CMD_TIMEOUT_MS = 20_000;
/** Upper bound for one command's captured output, in bytes. */
const CMD_MAX_OUTPUT_BYTES = 1024 * 1024;

export interface CmdResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command (no shell), bounded in time and output; never rejects: the caller decides. */
export interface CmdOptions {
  input?: string;
  timeoutMs?: number;
  /** Extra environment variables (merged over process.env). */
  env?: Record<string, string>;
}

export function runCmd(cmd: string, args: string[], opts: CmdOptions = {}): Promise<CmdResult> {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      {
        timeout: opts.timeoutMs ?? CMD_TIMEOUT_MS,
        maxBuffer: CMD_MAX_OUTPUT_BYTES,
        encoding: 'utf8',
        env: opts.env ? { ...process.env, ...opts.env } : process.env,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr: err && !stderr ? err.message : stderr });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** Like runCmd, but a non-zero exit is an error naming the command and its stderr. */
export async function mustRun(cmd: string, args: string[], opts: CmdOptions = {}): Promise<string> {
  const r = await runCmd(cmd, args, opts);
  if (r.code !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
  return r.stdout;
}

/** The first of `paths` that exists and is executable, else null. */
export function findExecutable(...paths: string[]): string | null {
  for (const p of paths) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // try the next one
    }
  }
  return null;
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** A TCP port that was free a moment ago on `address` (the OS picks it). */
export function freePort(address = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, address, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
