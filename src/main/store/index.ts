// Public surface of the report store (Electron-free): what the app's IPC handlers and the CLI call.
export {
  createReportStore,
  type ReportStore,
  type ReportStoreOptions,
  type ListResult,
  type StoreProblem,
} from './report-store';
export { saveDiagnosisAsReport, type SaveDiagnosisOptions } from './save-diagnosis';
export { defaultReportsDir } from './default-dir';
export { loadReportFile } from './report-file';
export { summarize, type ReportQuery, type ReportSummary } from './report-search';
export { StoreError, isStoreError, type StoreErrorCode } from './store-error';
export { assertNoSecrets } from './secret-guard';
