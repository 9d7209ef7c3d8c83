// Report summaries for the listing, and the search filter (customer / site / device / date / finding code).
// Pure functions over decoded reports; matching is case-insensitive and width-insensitive (NFKC), so "ｺﾋﾟｰ"
// finds "コピー" and "CONTOSO" finds "Contoso".
import { latestRun, type Report, type ReportSummary } from '../../shared/report';
import type { ReportQuery } from '../../shared/ipc';

export type { ReportSummary } from '../../shared/report';
export type { ReportQuery };

const fold = (s: string) => s.normalize('NFKC').toLowerCase();
const has = (hay: string | undefined, needle: string) =>
  hay !== undefined && fold(hay).includes(fold(needle));

export function findingCodesOf(report: Report, runIndex?: number): string[] {
  const runs = runIndex === undefined ? report.runs : report.runs.slice(runIndex, runIndex + 1);
  const codes: string[] = [];
  for (const run of runs)
    for (const c of run.diagnosis.checks)
      for (const f of c.findings) if (!codes.includes(f.code)) codes.push(f.code);
  return codes;
}

export function summarize(report: Report, migratedFrom: number | null = null): ReportSummary {
  const last = latestRun(report);
  return {
    id: report.id,
    customer: report.job.customer,
    site: report.job.site,
    deviceModel: report.job.device.model,
    method: report.job.method,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    runCount: report.runs.length,
    lastVerdict: last ? last.diagnosis.verdict : null,
    lastRunAt: last ? last.diagnosis.startedAt : null,
    findingCodes: last ? findingCodesOf(report, report.runs.length - 1) : [],
    ...(last?.diagnosis.practice ? { lastRunPractice: last.diagnosis.practice.scenario } : {}),
    ...(report.runs.some((r) => r.diagnosis.practice)
      ? { practiceRuns: report.runs.filter((r) => r.diagnosis.practice).length }
      : {}),
    previousReportId: report.previousReportId,
    migratedFrom,
  };
}

/** Parses a range bound; a bare date covers its whole day (UTC). NaN when unparseable. */
export function boundMs(value: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return Date.parse(`${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z`);
  return Date.parse(value);
}

function datesOf(report: Report): number[] {
  const out = [Date.parse(report.createdAt), Date.parse(report.updatedAt)];
  for (const r of report.runs) out.push(Date.parse(r.diagnosis.startedAt), Date.parse(r.savedAt));
  return out.filter((n) => Number.isFinite(n));
}

export function matchesQuery(report: Report, q: ReportQuery): boolean {
  const { job } = report;
  if (q.customer && !has(job.customer, q.customer)) return false;
  if (q.site && !has(job.site, q.site)) return false;
  if (
    q.device &&
    ![job.device.model, job.device.serial, job.device.location, job.device.profileId].some((v) =>
      has(v, q.device ?? ''),
    )
  ) {
    return false;
  }
  if (q.findingCode) {
    const want = q.findingCode.trim().toUpperCase();
    if (!findingCodesOf(report).includes(want)) return false;
  }
  if (q.from || q.to) {
    const lo = q.from ? boundMs(q.from, false) : -Infinity;
    const hi = q.to ? boundMs(q.to, true) : Infinity;
    if (!datesOf(report).some((t) => t >= lo && t <= hi)) return false;
  }
  if (q.text) {
    const fields = [
      job.customer,
      job.site,
      job.device.model,
      job.device.location,
      job.device.serial,
      job.technician,
      report.id,
    ];
    for (const n of report.notes) fields.push(n.text);
    if (!fields.some((f) => has(f, q.text ?? ''))) return false;
  }
  return true;
}
