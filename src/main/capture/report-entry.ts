// Captured sessions go into the job's report (its `captures` slot), as they complete. The record is already
// redacted at capture (no password, only facts about it); the store's secret guard scans the whole report for
// the device's password in every encoding before writing, and a hit blocks the write.
import type { CaptureDiagnosis } from '../../shared/capture';
import type { SessionSecrets } from '../../shared/secrets';
import type { ReportStore } from '../store/report-store';

/** The report schema's bound on captures per report. */
export const MAX_REPORT_CAPTURES = 100;

/** The JSON object stored in `report.captures` for one session. */
export function captureReportEntry(d: CaptureDiagnosis, savedAt: Date = new Date()): Record<string, unknown> {
  return {
    kind: 'capture',
    savedAt: savedAt.toISOString(),
    method: d.method,
    verdict: d.verdict,
    findings: d.findings,
    session: d.session,
    ...(d.practice ? { practice: d.practice } : {}),
  };
}

/** Appends one capture to report `id` (oldest dropped beyond the bound). Throws StoreError on a secret hit. */
export async function addCaptureToReport(
  store: ReportStore,
  id: string,
  d: CaptureDiagnosis,
  secrets: readonly SessionSecrets[],
): Promise<void> {
  const report = await store.open(id);
  const captures = [...report.captures, captureReportEntry(d)].slice(-MAX_REPORT_CAPTURES);
  await store.save({ ...report, captures }, { secrets });
}
