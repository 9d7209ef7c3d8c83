// Starts the engine worker with Electron's utilityProcess (a Node child the window cannot block or be blocked
// by). Same protocol as the Node launcher (../worker/node-launcher.ts).
import { utilityProcess } from 'electron';
import type { FromWorker } from '../worker/protocol';
import type { WorkerHandle, WorkerLauncher } from '../worker/engine-runner';
import { WORKER_MAX_HEAP_MB } from '../worker/node-launcher';

export function utilityWorkerLauncher(entry: string): WorkerLauncher {
  return (): WorkerHandle => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Device Mail Doctor engine',
      stdio: 'ignore',
      execArgv: [`--max-old-space-size=${WORKER_MAX_HEAP_MB}`],
    });
    let exited = false;
    const exitListeners: ((code: number | null) => void)[] = [];
    child.on('exit', (code) => {
      exited = true;
      for (const l of exitListeners) l(code);
    });
    return {
      send: (message) => {
        if (!exited) child.postMessage(message);
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as FromWorker)),
      onExit: (listener) => {
        exitListeners.push(listener);
      },
      kill: () => {
        if (!exited) child.kill();
      },
    };
  };
}
