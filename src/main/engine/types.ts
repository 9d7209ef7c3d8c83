// The engine's public surface (Electron-free). The app's worker, the CLI and tests call runDiagnosis.
import type { Check, DiagnoseRequest, Diagnosis, StepEvent } from '../../shared/model';
import type { EngineLimits } from './limits';

export interface RunOptions {
  /** The technician's Cancel. */
  signal?: AbortSignal;
  /** Streamed step events (check started/finished, transcript rows), in order. */
  onEvent?: (event: StepEvent) => void;
  /** Checks allowed to run at the same time (default: as many as the plan and the per-host limit allow).
   *  1 runs every check one after another: the benchmark's sequential baseline (test/bench/run.ts). */
  maxConcurrentChecks?: number;
  /** Tighter (or looser) per-phase deadlines and size bounds; tests use short ones. */
  limits?: Partial<EngineLimits>;
  /** Checks done before the run that belong to its result (the OAuth token acquisition, see main/oauth). */
  priorChecks?: Check[];
}

/** Implemented in ./run.ts: `runDiagnosis(request, options): Promise<Diagnosis>`; never rejects for network failures. */
export type RunDiagnosis = (request: DiagnoseRequest, options?: RunOptions) => Promise<Diagnosis>;
