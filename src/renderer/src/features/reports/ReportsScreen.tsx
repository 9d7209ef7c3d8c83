// Reports: the visit history per customer site, searchable; opening one shows its runs, notes, comparison
// and exports. A delete can be undone; unreadable files are listed as problems, never fatal.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store';
import { reportsActions, reportsSel } from '../../store/reports-slice';
import { ReportDetail } from './ReportDetail';
import { ReportList } from './ReportList';
import { ReportSearch } from './ReportSearch';
import { SitePlan } from './SitePlan';
import { ScreenHeader } from '../../components/ScreenHeader';

function UndoBar() {
  const { t } = useTranslation();
  const deleted = useApp(reportsSel.deleted);
  const a = useApp(useShallow(reportsActions));
  if (!deleted) return null;
  return (
    <div className="card undo-bar" role="status">
      <span>{t('reports.deletedOne', { label: deleted.label })}</span>
      <button type="button" className="btn btn-primary btn-small" onClick={() => void a.undoDelete()}>
        {t('reports.undo')}
      </button>
    </div>
  );
}

function Problems() {
  const { t } = useTranslation();
  const listing = useApp(reportsSel.listing);
  const problems = listing?.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <div className="card error-box" data-report-problems>
      <p>{t('reports.problems', { count: problems.length })}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.file}-${p.kind}`}>
            <code>{p.file}</code> — {t(`reports.problemKind.${p.kind}`)}: {p.reason}
            {p.movedTo ? ` (${t('reports.movedTo', { path: p.movedTo })})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ReportsScreen() {
  const state = useApp(reportsSel.reports);
  const a = useApp(useShallow(reportsActions));
  useEffect(() => {
    void a.loadReports();
  }, [a]);
  return (
    <section className="screen reports-screen" aria-labelledby="reports-title">
      <ScreenHeader name="reports" />
      <UndoBar />
      {state.error ? (
        <div className="card error-box" role="alert">
          {state.error}
        </div>
      ) : null}
      {state.open ? (
        <>
          <ReportDetail report={state.open} />
          <SitePlan report={state.open} />
        </>
      ) : (
        <>
          <ReportSearch />
          <Problems />
          <ReportList />
        </>
      )}
    </section>
  );
}
