// The renderer's view of the IPC contract: everything comes from src/shared/ipc.ts.
export type {
  Api,
  AppInfo,
  CaptureEventPayload,
  CaptureStarted,
  ReportListing,
  ReportListItem,
  ReportExported,
  ReportQuery,
  DiagnoseEventPayload,
  DiagnoseFailedPayload,
  LabInfo,
  NetInterface,
  FieldIssue,
  ProfileListing,
  Result,
} from '../../../shared/ipc';
