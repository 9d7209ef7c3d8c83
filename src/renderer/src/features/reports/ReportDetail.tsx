// One report: the visit's job, every run (verdict, findings, transcript), the comparison of two runs, notes,
// captured device sessions and exports. Server text goes through visible(); nothing is inserted as HTML.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Report, ReportRun } from '../../../../shared/report';
import { reportPracticeWarning } from '../../../../shared/practice';
import { StatusBadge } from '../../components/StatusBadge';
import { currentLang } from '../../i18n';
import { collectFindings } from '../../lib/findings';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { reportsActions } from '../../store/reports-slice';
import { FindingsByStage } from '../diagnose/FindingsByStage';
import { Transcript } from '../diagnose/Transcript';
import { CapturedList } from './CapturedList';
import { CompareRuns } from './CompareRuns';
import { shortDate } from './dates';
import { ExportPanel } from './ExportPanel';
import { NotesEditor } from './NotesEditor';

function RunCard({ run, n, open }: { run: ReportRun; n: number; open: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang();
  const d = run.diagnosis;
  const findings = useMemo(() => collectFindings(d, lang), [d, lang, i18n.language]);
  const status = d.cancelled ? 'cancelled' : d.verdict;
  return (
    <details
      className={`card run-card${d.practice ? ' run-practice' : ''}`}
      open={open}
      data-run={run.id}
      data-verdict={status}
      data-practice={d.practice?.scenario}
    >
      <summary>
        <strong>{t('reports.runN', { n })}</strong>{' '}
        {d.practice ? (
          <span className="practice-tag">
            {t('practiceLab.runTag', {
              scenario: t(`scenario.${d.practice.scenario}`, { defaultValue: d.practice.scenario }),
            })}
          </span>
        ) : null}{' '}
        <StatusBadge status={status} /> <span className="muted">{shortDate(d.startedAt)}</span>{' '}
        <span>{t(`method.name.${d.method}`)}</span>
        {run.label ? <span className="muted"> — {visible(run.label, 200)}</span> : null}
        <span className="muted"> · {t('reports.findingCount', { count: findings.length })}</span>
      </summary>
      <p className="muted">
        {t('reports.server')}: <code>{visible(d.target.host ?? '—', 253)}</code>
        {d.target.port ? `:${d.target.port}` : ''} · {t('verdict.egressIp')}:{' '}
        {d.egressIp ? <code>{visible(d.egressIp, 100)}</code> : t('verdict.egressUnknown')}
      </p>
      <FindingsByStage findings={findings} cancelled={d.cancelled === true} />
      {d.transcript.length > 0 ? (
        // Folded: the evidence is there when needed without burying the next run.
        <details className="run-transcript">
          <summary>{t('reports.transcriptRows', { count: d.transcript.length })}</summary>
          <Transcript rows={d.transcript} dropped={0} />
        </details>
      ) : null}
    </details>
  );
}

export function ReportDetail({ report }: { report: Report }) {
  const { t } = useTranslation();
  const a = useApp(useShallow(reportsActions));
  const siteRuns = useApp((s) => s.reports.siteRuns);
  const job = report.job;
  const practiceNote = reportPracticeWarning(report.runs, currentLang(), (id) =>
    t(`scenario.${id}`, { defaultValue: id }),
  );
  return (
    <div className="report-detail" data-report-id={report.id}>
      <div className="card report-head">
        <div className="actions">
          <button type="button" className="btn btn-small" onClick={a.closeReport}>
            <span aria-hidden="true">←</span> {t('reports.back')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => void a.deleteReport(report.id)}>
            {t('reports.delete')}
          </button>
        </div>
        <h2>
          {visible(job.customer || t('reports.noCustomer'), 200)} /{' '}
          {visible(job.site || t('reports.noSite'), 200)}
        </h2>
        <dl className="settings-grid">
          <dt>{t('reports.device')}</dt>
          <dd translate="no">{visible(job.device.model || '—', 200)}</dd>
          <dt>{t('reports.method')}</dt>
          <dd>{t(`method.name.${job.method}`)}</dd>
          <dt>{t('reports.created')}</dt>
          <dd>
            {shortDate(report.createdAt)} · {t('reports.updated')} {shortDate(report.updatedAt)}
          </dd>
        </dl>
      </div>
      {practiceNote ? (
        // Named before the runs: nobody acts on a practice (練習用ラボ) result.
        <p
          className="card practice-badge"
          role="note"
          data-practice-runs={report.runs.filter((r) => r.diagnosis.practice).length}
        >
          <span className="practice-badge-label">{t('practiceLab.badge')}</span> <span>{practiceNote}</span>
        </p>
      ) : null}
      <h2 className="section-title">{t('reports.runsTitle', { count: report.runs.length })}</h2>
      {report.runs.length === 0 ? <p className="card muted">{t('reports.noRuns')}</p> : null}
      {report.runs.map((run, i) => (
        <RunCard key={run.id} run={run} n={i + 1} open={i === report.runs.length - 1} />
      ))}
      {report.runs.length + siteRuns.length >= 2 ? (
        <CompareRuns
          key={`${report.id}-${report.runs.length}-${siteRuns.length}`}
          report={report}
          siteRuns={siteRuns}
        />
      ) : null}
      {report.captures.length > 0 ? <CapturedList captures={report.captures} /> : null}
      <NotesEditor key={report.id} report={report} />
      <ExportPanel report={report} />
    </div>
  );
}
