// The one thin module that talks to window.api: unwraps Results into values or ClientErrors.
// Actions in the store call this; components never touch window.api directly.
import type { DiagnoseRequest } from '../../../shared/model';
import type {
  Api,
  OauthEventPayload,
  CaptureEventPayload,
  DiagnoseEventPayload,
  DiagnoseFailedPayload,
  FieldIssue,
  Result,
} from './types';

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
  reportList: (...args: Parameters<Api['reportList']>) => unwrap(api().reportList(...args)),
  reportOpen: (id: string) => unwrap(api().reportOpen(id)),
  reportCreate: (...args: Parameters<Api['reportCreate']>) => unwrap(api().reportCreate(...args)),
  reportSave: (...args: Parameters<Api['reportSave']>) => unwrap(api().reportSave(...args)),
  reportAddRun: (...args: Parameters<Api['reportAddRun']>) => unwrap(api().reportAddRun(...args)),
  reportDelete: (id: string) => unwrap(api().reportDelete(id)),
  reportRestore: (id: string) => unwrap(api().reportRestore(id)),
  reportExport: (...args: Parameters<Api['reportExport']>) => unwrap(api().reportExport(...args)),
  reportTicketText: (...args: Parameters<Api['reportTicketText']>) => unwrap(api().reportTicketText(...args)),
  captureStart: (...args: Parameters<Api['captureStart']>) => unwrap(api().captureStart(...args)),
  captureStop: (captureId: string) => unwrap(api().captureStop(captureId)),
  captureSessions: (captureId: string) => unwrap(api().captureSessions(captureId)),
  captureSave: (...args: Parameters<Api['captureSave']>) => unwrap(api().captureSave(...args)),
  onCaptureEvent: (listener: (payload: CaptureEventPayload) => void) => api().onCaptureEvent(listener),
  oauthInspect: (...args: Parameters<Api['oauthInspect']>) => unwrap(api().oauthInspect(...args)),
  oauthSignIn: (...args: Parameters<Api['oauthSignIn']>) => unwrap(api().oauthSignIn(...args)),
  oauthCancel: (signInId: string) => unwrap(api().oauthCancel(signInId)),
  oauthAppSignIn: (...args: Parameters<Api['oauthAppSignIn']>) => unwrap(api().oauthAppSignIn(...args)),
  onOauthEvent: (listener: (payload: OauthEventPayload) => void) => api().onOauthEvent(listener),
  openExternal: (url: string) => unwrap(api().openExternal({ url })),
  identifyRun: (...args: Parameters<Api['identifyRun']>) => unwrap(api().identifyRun(...args)),
  identifyCancel: (id: string) => unwrap(api().identifyCancel(id)),
};

export type Client = typeof client;

/** A message fit for the UI from anything thrown by the client. */
export function errorText(err: unknown): string {
  if (err instanceof ClientError) return `${err.message} (${err.code})`;
  if (err instanceof Error) return err.message;
  return String(err);
}
