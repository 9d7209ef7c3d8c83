// Diagnose channels: start a run in a worker process, stream its step events, cancel it.
import { fail, ok, type DiagnoseCancelled, type DiagnoseStarted, type Result } from '../../shared/ipc';
import type { DiagnoseRequest } from '../../shared/model';
import type { EngineRunner } from '../worker/engine-runner';
import type { SessionSecrets } from '../../shared/secrets';
import type { Emit } from './types';

export function createDiagnoseService(
  engine: EngineRunner,
  emit: Emit,
  onSecrets: (s: SessionSecrets) => void,
) {
  return {
    start(request: DiagnoseRequest): Result<DiagnoseStarted> {
      onSecrets({ user: request.target.user, password: request.password, oauthToken: request.oauthToken });
      // The run id is known before any event can arrive (events come from another process, asynchronously).
      const ref = { runId: '' };
      const runId = engine.start(request, {
        onEvent: (event) => emit('diagnose:event', { runId: ref.runId, event }),
        onFailed: (error) => emit('diagnose:failed', { runId: ref.runId, error }),
      });
      if (runId === null)
        return fail('busy', 'Too many diagnoses are running; wait for one to finish or cancel it.');
      ref.runId = runId;
      return ok({ runId });
    },
    cancel(runId: string): Result<DiagnoseCancelled> {
      return ok({ cancelled: engine.cancel(runId) });
    },
  };
}
