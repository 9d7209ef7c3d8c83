// The one thin module that talks to window.api: unwraps Results into values or ClientErrors.
// Actions in the store call this; components never touch window.api directly.
import type { DiagnoseRequest } from '../../../shared/model';
import type { Api, DiagnoseEventPayload, DiagnoseFailedPayload, FieldIssue, Result } from './types';

export class ClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Extra data some errors carry (e.g. profile issues naming fields). */
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

function api(): Api {
  const found = (globalThis as { api?: Api }).api;
  if (!found) throw new ClientError('no-bridge', 'The app bridge (window.api) is not available.');
  return found;
}

async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ClientError(result.error.code, result.error.message, result.error.issues ?? []);
}

export const client = {
  appInfo: () => unwrap(api().appInfo()),
  listInterfaces: () => unwrap(api().listInterfaces()),
  diagnoseStart: (request: DiagnoseRequest) => unwrap(api().diagnoseStart(request)),
  diagnoseCancel: (runId: string) => unwrap(api().diagnoseCancel(runId)),
  onDiagnoseEvent: (listener: (payload: DiagnoseEventPayload) => void) => api().onDiagnoseEvent(listener),
  onDiagnoseFailed: (listener: (payload: DiagnoseFailedPayload) => void) => api().onDiagnoseFailed(listener),
  labScenarios: () => unwrap(api().labScenarios()),
  labStart: (scenario: Parameters<Api['labStart']>[0]['scenario']) => unwrap(api().labStart({ scenario })),
  labStop: () => unwrap(api().labStop()),
  profilesList: () => unwrap(api().profilesList()),
  profilesImport: (fileName: string, text: string) => unwrap(api().profilesImport({ fileName, text })),
};

export type Client = typeof client;

/** A message fit for the UI from anything thrown by the client. */
export function errorText(err: unknown): string {
  if (err instanceof ClientError) return `${err.message} (${err.code})`;
  if (err instanceof Error) return err.message;
  return String(err);
}
