// The lab and its delaying proxies in a child process, so the engine under test has its process (and event loop)
// to itself, as on a real laptop talking to a remote server. The child prints one JSON line describing the lab,
// then serves until its stdin closes (the parent exiting closes it too).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ConnectToRule } from '../../src/shared/model';
import type { LabTenant } from '../../src/lab/types';

/** How long the child may take to start the lab and report it, in milliseconds. */
const START_DEADLINE_MS = 60_000;
/** How long the child may take to exit after its stdin closed, in milliseconds. */
const STOP_DEADLINE_MS = 5_000;

export interface RemoteLab {
  connectTo: ConnectToRule[];
  dnsServer: string;
  caPem: string;
  tenant: LabTenant;
  close(): Promise<void>;
}

/** Starts `lab-child.ts` with the scenario and one-way delay; resolves when it reported the lab. */
export function startRemoteLab(scenario: string, oneWayDelayMs: number): Promise<RemoteLab> {
  const script = new URL('./lab-child.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, scenario, String(oneWayDelayMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, STOP_DEADLINE_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.stdin?.end();
    });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`lab child: ${why}`));
    };
    const timer = setTimeout(() => fail(`no report within ${START_DEADLINE_MS} ms`), START_DEADLINE_MS);
    child.once('exit', (code) => fail(`exited with ${code}`));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      try {
        const info = JSON.parse(line) as Omit<RemoteLab, 'close'>;
        resolve({ ...info, close });
      } catch {
        fail(`unreadable report: ${line.slice(0, 200)}`);
      }
    });
  });
}
