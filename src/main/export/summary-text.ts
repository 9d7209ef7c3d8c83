// Short terminal renderings for the CLI: a report at a glance (`report show`), a listing row, and a before/after
// comparison (`report compare`). Everything from the report passes through displayLine (controls made visible).
import { checkTitle } from '../../shared/check-titles';
import { renderFinding } from '../../shared/findings/catalog';
import type { Lang } from '../../shared/model';
import type { Report } from '../../shared/report';
import type { ReportSummary } from '../store/report-search';
import type { RunComparison } from './compare-runs';
import { LABELS } from './labels';
import { displayLine } from './text-safety';

/** Longest field shown in a terminal line, in characters. */
const FIELD_CHARS = 120;
const d = (s: string | undefined | null, lang: Lang) => displayLine(s ?? '', lang, FIELD_CHARS);

export function renderReportText(report: Report, lang: Lang): string {
  const L = LABELS[lang];
  const { job } = report;
  const out = [
    `${L.reportTitle} ${report.id}`,
    `  ${L.customer}: ${d(job.customer, lang)}`,
    `  ${L.site}: ${d(job.site, lang)}`,
    `  ${L.device}: ${d(job.device.model, lang)}${job.device.location ? ` (${d(job.device.location, lang)})` : ''}`,
    `  ${L.method}: ${L.methods[job.method]}`,
    `  ${L.created}: ${report.createdAt}  ${L.updated}: ${report.updatedAt}`,
  ];
  if (report.previousReportId) out.push(`  previous visit: ${report.previousReportId}`);
  if (report.runs.length === 0) out.push('', L.noRuns);
  report.runs.forEach((run, i) => {
    const dg = run.diagnosis;
    out.push('', `${L.run} ${i + 1}${run.label ? ` — ${d(run.label, lang)}` : ''}: ${d(dg.startedAt, lang)}  ${L.verdict}: ${L.verdicts[dg.verdict]}`);
    for (const c of dg.checks) {
      out.push(`  [${c.status.padEnd(4)}] ${d(checkTitle(c, lang), lang)} (${d(c.id, lang)})`);
      for (const f of c.findings) out.push(`         ${d(f.code, lang)}: ${d(renderFinding(f, lang).title, lang)}`);
    }
  });
  if (report.notes.length > 0) out.push('', `${L.notes}:`, ...report.notes.map((n) => `  ${d(n.text, lang)}`));
  return `${out.join('\n')}\n`;
}

export function renderSummaryRow(s: ReportSummary, lang: Lang): string {
  const verdict = s.lastVerdict ? LABELS[lang].verdicts[s.lastVerdict] : '-';
  const cols = [s.id, s.updatedAt.slice(0, 16).replace('T', ' '), d(s.customer, lang), d(s.site, lang), d(s.deviceModel, lang), `runs:${s.runCount}`, verdict];
  return `${cols.join('  ')}${s.findingCodes.length ? `  ${s.findingCodes.join(',')}` : ''}`;
}

export function renderComparisonText(cmp: RunComparison, lang: Lang): string {
  const L = LABELS[lang];
  const st = (s: keyof typeof L.statuses | null) => (s ? L.statuses[s] : '-');
  const out = [`${L.compare}`, `  ${L.verdict}: ${L.verdicts[cmp.verdict.before]} -> ${L.verdicts[cmp.verdict.after]}`];
  for (const c of cmp.checks) {
    const extra = [
      c.findingsRemoved.length ? `${L.findingsRemoved}: ${c.findingsRemoved.join(', ')}` : '',
      c.findingsAdded.length ? `${L.findingsAdded}: ${c.findingsAdded.join(', ')}` : '',
    ].filter(Boolean);
    out.push(`  ${L.changes[c.change].padEnd(10)} ${d(c.title, lang)}: ${st(c.before)} -> ${st(c.after)}${extra.length ? `  (${extra.join('; ')})` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
