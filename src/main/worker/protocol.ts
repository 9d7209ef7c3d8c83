// The message protocol between the app and the engine worker process (one worker per run).
// Same messages over Electron's utilityProcess (parentPort) and Node's child_process.fork (process.send).
import type { DiagnoseRequest, Diagnosis, StepEvent } from '../../shared/model';
import type { RunDiagnosis } from '../engine/types';

export type ToWorker = { type: 'run'; request: DiagnoseRequest } | { type: 'cancel' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'event'; event: StepEvent }
  | { type: 'done'; diagnosis: Diagnosis }
  | { type: 'error'; message: string };

/** The child's end of the channel, whichever runtime forked it. */
export interface ChildPort {
  send(message: FromWorker): void;
  onMessage(listener: (message: ToWorker) => void): void;
}

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

/** Electron's utilityProcess exposes process.parentPort; Node's fork gives process.send. */
export function childPort(): ChildPort {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', (e) => l(e.data as ToWorker)),
    };
  }
  if (!process.send) throw new Error('engine worker must be started by the app (no IPC channel)');
  return {
    send: (m) => void process.send?.(m),
    onMessage: (l) => process.on('message', (m) => l(m as ToWorker)),
  };
}

/** Runs one diagnosis per worker: `run` starts it, `cancel` aborts it; events stream back in order. */
export function serveEngine(port: ChildPort, runDiagnosis: RunDiagnosis): void {
  const controller = new AbortController();
  let started = false;
  port.onMessage((message) => {
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    if (message.type !== 'run' || started) return;
    started = true;
    runDiagnosis(message.request, {
      signal: controller.signal,
      onEvent: (event) => port.send({ type: 'event', event }),
    })
      .then((diagnosis) => port.send({ type: 'done', diagnosis }))
      .catch((err: unknown) => {
        // Not a network failure (those are findings): a defect in the engine. Name only, never request data.
        port.send({
          type: 'error',
          message: err instanceof Error ? `${err.name}: ${err.message}` : 'engine failed',
        });
      });
  });
  port.send({ type: 'ready' });
}
