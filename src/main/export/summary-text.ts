// Short terminal renderings for the CLI: a report with what to do about it (`report show`), a listing row, and a before/after
// comparison (`report compare`). Everything from the report passes through displayLine (controls made visible).
import { checkTitle } from '../../shared/check-registry';
import { checkSkipText } from '../../shared/skip-reasons';
import { renderFinding } from '../../shared/findings/catalog';
import { primaryFindingOf } from '../../shared/findings/primary-of';
import { formatLocalTime } from '../../shared/local-time';
import type { CheckStatus, Lang } from '../../shared/model';
import type { Report } from '../../shared/report';
import type { ReportSummary } from '../store/report-search';
import type { RunComparison } from './compare-runs';
import { withJobParams } from './finding-params';
import { LABELS } from './labels';
import { displayLine } from './text-safety';
import { PRACTICE_LABEL, practiceTag, reportPracticeWarning } from '../../shared/practice';

/** Longest field shown in a terminal line, in characters. */
const FIELD_CHARS = 120;
const d = (s: string | undefined | null, lang: Lang) => displayLine(s ?? '', lang, FIELD_CHARS);

/** Evidence lines quoted per finding in the terminal. */
const SHOW_EVIDENCE_LINES = 4;
const MARK: Record<CheckStatus, string> = { pass: '✔', warn: '▲', fail: '✖', skip: '–' };

/**
 * `report show`: the job, then for the latest run the verdict and each finding with its cause, fix, who acts and
 * evidence (primary finding first), then the checks by title; earlier runs in one line each.
 */
export function renderReportText(report: Report, lang: Lang, utcOffsetMinutes?: number): string {
  const L = LABELS[lang];
  const { job } = report;
  const when = (iso: string) => formatLocalTime(iso, utcOffsetMinutes);
  const out = [
    `${L.reportTitle} ${report.id}`,
    `  ${L.customer}: ${d(job.customer, lang)}`,
    `  ${L.site}: ${d(job.site, lang)}`,
    `  ${L.device}: ${d(job.device.model, lang)}${job.device.location ? ` (${d(job.device.location, lang)})` : ''}`,
    `  ${L.method}: ${L.methods[job.method]}`,
    `  ${L.created}: ${when(report.createdAt)}  ${L.updated}: ${when(report.updatedAt)}`,
  ];
  if (report.previousReportId)
    out.push(`  ${lang === 'ja' ? '前回の訪問' : 'previous visit'}: ${report.previousReportId}`);
  // Practice runs (練習用ラボ) are named before anything else about the runs: nobody acts on a lab result.
  const practice = reportPracticeWarning(report.runs, lang);
  if (practice) out.push('', `!! ${practice}`);
  if (report.runs.length === 0) out.push('', L.noRuns);
  report.runs.forEach((run, i) => {
    const dg = run.diagnosis;
    const tag = dg.practice ? ` ${practiceTag(dg.practice, lang)}` : '';
    const head = `${L.run} ${i + 1}${tag}${run.label ? ` — ${d(run.label, lang)}` : ''}: ${when(dg.startedAt)}  ${L.verdict}: ${MARK[dg.verdict]} ${L.verdicts[dg.verdict]}`;
    if (i < report.runs.length - 1) {
      const codes = dg.checks.flatMap((c) => c.findings.map((f) => f.code));
      out.push('', `${head}${codes.length ? `  (${codes.join(', ')})` : ''}`);
      return;
    }
    out.push('', head);
    const primary = primaryFindingOf(dg);
    const refs = dg.checks.flatMap((c) => c.findings.map((f) => withJobParams(f, job, dg.egressIp)));
    const ordered = primary
      ? [
          ...refs.filter((f) => f.code === primary.ref.code),
          ...refs.filter((f) => f.code !== primary.ref.code),
        ]
      : refs;
    if (ordered.length === 0) out.push(`  ${L.noFindings}`);
    for (const ref of ordered) {
      const f = renderFinding(ref, lang);
      out.push(
        '',
        `  ${MARK[f.severity === 'error' ? 'fail' : f.severity === 'warning' ? 'warn' : 'pass']} ${d(f.title, lang)} (${f.code})${f.predicted ? ` ${L.predicted}` : ''}`,
      );
      out.push(
        `    ${L.who}: ${L.actors[f.actor]}`,
        `    ${L.cause}: ${d(f.cause, lang)}`,
        `    ${L.fix}: ${d(f.fix, lang)}`,
      );
      if (f.powershell) out.push(`    ${L.powershell}: ${d(f.powershell, lang)}`);
      const ev = (f.evidence ?? []).slice(0, SHOW_EVIDENCE_LINES);
      if (ev.length > 0) out.push(`    ${L.evidence}:`, ...ev.map((e) => `      ${d(e, lang)}`));
    }
    out.push('', `  ${L.checks}:`);
    for (const c of dg.checks) {
      const why = checkSkipText(c, lang);
      out.push(
        `    ${MARK[c.status]} ${L.statuses[c.status].padEnd(lang === 'ja' ? 4 : 7)} ${d(checkTitle(c, lang), lang)}${why ? ` — ${d(why, lang)}` : ''}`,
      );
    }
  });
  if (report.notes.length > 0)
    out.push('', `${L.notes}:`, ...report.notes.map((n) => `  ${d(n.text, lang)}`));
  return `${out.join('\n')}\n`;
}

export function renderSummaryRow(s: ReportSummary, lang: Lang): string {
  const verdict = s.lastVerdict ? LABELS[lang].verdicts[s.lastVerdict] : '-';
  const cols = [
    s.id,
    s.updatedAt.slice(0, 16).replace('T', ' '),
    d(s.customer, lang),
    d(s.site, lang),
    d(s.deviceModel, lang),
    lang === 'ja' ? `診断 ${s.runCount} 回` : `runs: ${s.runCount}`,
    verdict,
  ];
  // A practice run (練習用ラボ) is never read as the customer's result, even in a one-line list.
  if (s.lastRunPractice) cols.push(practiceTag({ scenario: s.lastRunPractice }, lang));
  else if (s.practiceRuns) cols.push(`${PRACTICE_LABEL[lang]}: ${s.practiceRuns}`);
  return `${cols.join('  ')}${s.findingCodes.length ? `  ${s.findingCodes.join(',')}` : ''}`;
}

export function renderComparisonText(cmp: RunComparison, lang: Lang): string {
  const L = LABELS[lang];
  const st = (s: keyof typeof L.statuses | null) => (s ? L.statuses[s] : '-');
  const out = [
    `${L.compare}`,
    `  ${L.verdict}: ${L.verdicts[cmp.verdict.before]} -> ${L.verdicts[cmp.verdict.after]}`,
  ];
  for (const c of cmp.checks) {
    const extra = [
      c.findingsRemoved.length ? `${L.findingsRemoved}: ${c.findingsRemoved.join(', ')}` : '',
      c.findingsAdded.length ? `${L.findingsAdded}: ${c.findingsAdded.join(', ')}` : '',
    ].filter(Boolean);
    out.push(
      `  ${L.changes[c.change].padEnd(10)} ${d(c.title, lang)}: ${st(c.before)} -> ${st(c.after)}${extra.length ? `  (${extra.join('; ')})` : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}
