// The engine's public surface (Electron-free). The app's worker, the CLI and tests call runDiagnosis.
import type { DiagnoseRequest, Diagnosis, StepEvent } from '../../shared/model';

export interface RunOptions {
  /** The technician's Cancel. */
  signal?: AbortSignal;
  /** Streamed step events (check started/finished, transcript rows), in order. */
  onEvent?: (event: StepEvent) => void;
}

/** Implemented in ./run.ts: `runDiagnosis(request, options): Promise<Diagnosis>`; never rejects for network failures. */
export type RunDiagnosis = (request: DiagnoseRequest, options?: RunOptions) => Promise<Diagnosis>;
