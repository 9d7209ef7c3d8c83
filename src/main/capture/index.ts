// Capture mode's public surface (Electron-free): what the app's IPC handlers and the CLI call.
export {
  startCapture,
  DEFAULT_CAPTURE_LIMITS,
  CaptureListenError,
  type CaptureHandle,
  type CaptureLimits,
  type CaptureOptions,
  type ListenSpec,
} from './listener';
export { diagnoseCapture, EXO_MAX_MESSAGE_BYTES, type CaptureDiagnoseOptions } from './diagnose-capture';
export { listLocalAddresses, type LocalAddress } from './addresses';
export { type RelayTarget, type RelayResult } from './relay';
export { addCaptureToReport, captureReportEntry, MAX_REPORT_CAPTURES } from './report-entry';
export { renderCaptureHuman, renderCaptureJson } from './render';
