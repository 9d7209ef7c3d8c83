// The app's side of the engine worker: one worker process per run, so a hostile server (or an engine defect)
// can cost at most that process, never the window. Cancel asks nicely, then kills after a grace period; a run
// that outlives its own deadline is killed too. Electron-free: the launcher is injected.
import type { DiagnoseRequest, StepEvent } from '../../shared/model';
import { secretForms, scrubSecrets } from '../../shared/secrets';
import type { IpcError } from '../../shared/ipc';
import type { FromWorker, ToWorker } from './protocol';

/** A started worker process, whatever forked it (utilityProcess or child_process). */
export interface WorkerHandle {
  send(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}
export type WorkerLauncher = () => WorkerHandle;

/** How long a cancelled run may take to report its partial diagnosis before its worker is killed, in ms. */
export const CANCEL_GRACE_MS = 3_000;
/** Slack beyond the request's own timeoutMs before a silent worker is killed, in ms. */
export const DEADLINE_MARGIN_MS = 15_000;
/** Diagnoses running at the same time (each is one process). */
export const MAX_CONCURRENT_RUNS = 3;
/** Transcript rows streamed live per run; the final diagnosis still carries the engine's (bounded) transcript. */
export const MAX_STREAMED_TRANSCRIPT_ROWS = 2_000;

export interface RunCallbacks {
  onEvent(event: StepEvent): void;
  /** The run ended without a diagnosis: worker crash, engine defect, deadline, or a cancel it ignored. */
  onFailed(error: IpcError): void;
}

export interface EngineRunner {
  /** Starts a run; null when MAX_CONCURRENT_RUNS are already running. */
  start(request: DiagnoseRequest, callbacks: RunCallbacks): string | null;
  /** False when no such run is active. */
  cancel(runId: string): boolean;
  activeRuns(): number;
  /** Kills every worker (app quit, test teardown). */
  dispose(): void;
}

interface Run {
  worker: WorkerHandle;
  timers: NodeJS.Timeout[];
  cancelled: boolean;
}

export interface EngineRunnerOptions {
  cancelGraceMs?: number;
  deadlineMarginMs?: number;
  maxConcurrent?: number;
  newRunId?: () => string;
  /** Keep one idle worker started ahead, so a run does not wait for a process to start (default: false). */
  prewarm?: boolean;
}

export function createEngineRunner(launch: WorkerLauncher, opts: EngineRunnerOptions = {}): EngineRunner {
  const runs = new Map<string, Run>();
  let counter = 0;
  const newRunId = opts.newRunId ?? (() => `run-${Date.now().toString(36)}-${(++counter).toString(36)}`);
  // One spare worker, started ahead and replaced when used; a spare that dies is simply started again next time.
  let spare: WorkerHandle | null = null;
  const startSpare = () => {
    if (!opts.prewarm || spare) return;
    const w = launch();
    spare = w;
    w.onExit(() => {
      if (spare === w) spare = null;
    });
  };
  const takeWorker = (): WorkerHandle => {
    const w = spare ?? launch();
    spare = null;
    return w;
  };
  startSpare();

  function start(request: DiagnoseRequest, cb: RunCallbacks): string | null {
    if (runs.size >= (opts.maxConcurrent ?? MAX_CONCURRENT_RUNS)) return null;
    const runId = newRunId();
    const forms = secretForms({
      user: request.target.user,
      password: request.password,
      oauthToken: request.oauthToken,
    });
    const worker = takeWorker();
    startSpare();
    const run: Run = { worker, timers: [], cancelled: false };
    runs.set(runId, run);
    let settled = false;
    let streamedRows = 0;

    // Settles exactly once: clears timers, forgets the run, kills the worker.
    const finish = (failure: IpcError | null) => {
      if (settled) return;
      settled = true;
      for (const t of run.timers) clearTimeout(t);
      runs.delete(runId);
      worker.kill();
      if (failure) cb.onFailed({ code: failure.code, message: scrubSecrets(failure.message, forms) });
    };

    worker.onMessage((message) => {
      if (settled) return;
      switch (message.type) {
        case 'ready':
          return;
        case 'event':
          if (message.event.type === 'transcript' && ++streamedRows > MAX_STREAMED_TRANSCRIPT_ROWS) return;
          cb.onEvent(message.event);
          return;
        case 'done':
          cb.onEvent({ type: 'done', diagnosis: message.diagnosis });
          finish(null);
          return;
        case 'error':
          finish({ code: 'internal', message: `The diagnosis engine failed: ${message.message}` });
          return;
      }
    });
    worker.onExit((code) =>
      finish(
        run.cancelled
          ? { code: 'cancelled', message: 'The diagnosis was cancelled.' }
          : {
              code: 'internal',
              message: `The diagnosis process stopped unexpectedly (exit code ${code ?? 'none'}).`,
            },
      ),
    );
    const deadline = request.timeoutMs + (opts.deadlineMarginMs ?? DEADLINE_MARGIN_MS);
    run.timers.push(
      setTimeout(
        () =>
          finish({
            code: 'internal',
            message: `The diagnosis did not finish within its deadline (${deadline} ms).`,
          }),
        deadline,
      ),
    );
    worker.send({ type: 'run', request });
    return runId;
  }

  function cancel(runId: string): boolean {
    const run = runs.get(runId);
    if (!run || run.cancelled) return false;
    run.cancelled = true;
    run.worker.send({ type: 'cancel' });
    run.timers.push(
      setTimeout(() => {
        // The engine ignored the abort: end the run ourselves.
        run.worker.kill();
      }, opts.cancelGraceMs ?? CANCEL_GRACE_MS),
    );
    return true;
  }

  return {
    start,
    cancel,
    activeRuns: () => runs.size,
    dispose() {
      const idle = spare;
      spare = null;
      idle?.kill();
      for (const run of runs.values()) {
        run.cancelled = true;
        run.worker.kill();
      }
    },
  };
}
