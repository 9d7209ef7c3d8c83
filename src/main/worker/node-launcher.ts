// Starts the engine worker with Node's child_process.fork (tests, the e2e bridge, the CLI if it wants one).
// Electron uses src/main/adapters/utility-launcher.ts instead; both speak ./protocol.
import { fork } from 'node:child_process';
import type { FromWorker } from './protocol';
import type { WorkerHandle, WorkerLauncher } from './engine-runner';

/** Heap limit of one worker, in MiB: a flood from a hostile server ends this process, not the machine. */
export const WORKER_MAX_HEAP_MB = 512;

export interface NodeLauncherOptions {
  /** The worker entry: out/main/engine-worker.js when built, or a .ts file with `execArgv: ['--import', 'tsx']`. */
  entry: string;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

export function nodeWorkerLauncher(opts: NodeLauncherOptions): WorkerLauncher {
  return (): WorkerHandle => {
    const child = fork(opts.entry, [], {
      execArgv: [...(opts.execArgv ?? []), `--max-old-space-size=${WORKER_MAX_HEAP_MB}`],
      env: opts.env ?? process.env,
      // stdout/stderr inherited would mix with the host's output; the worker reports over IPC only.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const exitListeners: ((code: number | null) => void)[] = [];
    let exited = false;
    const onGone = (code: number | null) => {
      if (exited) return;
      exited = true;
      for (const l of exitListeners) l(code);
    };
    child.on('exit', (code) => onGone(code));
    child.on('error', () => onGone(null)); // spawn failure or a send to a dead child
    return {
      send: (message) => {
        if (!exited && child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as FromWorker)),
      onExit: (listener) => {
        exitListeners.push(listener);
      },
      kill: () => {
        if (!exited) child.kill('SIGKILL');
      },
    };
  };
}
