// After a run: add it to the job's report (one report per visit; a re-test adds a run to the same report).
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store';
import { reportsSel } from '../../store/reports-slice';
import { runSel } from '../../store/selectors';

export function SaveToReport() {
  const { t } = useTranslation();
  const run = useApp(runSel.run);
  const state = useApp(reportsSel.saveRunState);
  const jobReport = useApp(reportsSel.jobReport);
  const save = useApp((s) => s.saveRunToReport);
  const go = useApp((s) => s.go);
  const openReport = useApp((s) => s.openReport);
  if (run.phase !== 'done' || !run.diagnosis) return null;
  const mine = state.runId === run.runId;
  const saved = mine && state.phase === 'saved';
  return (
    <div className="card save-report actions">
      <button
        type="button"
        className="btn btn-primary"
        disabled={saved || (mine && state.phase === 'saving')}
        onClick={() => void save()}
      >
        {saved ? t('reports.savedToReport') : t('reports.saveToReport')}
      </button>
      {saved && jobReport ? (
        <button
          type="button"
          className="btn"
          onClick={() => {
            go('reports');
            void openReport(jobReport.id);
          }}
        >
          {t('reports.openInReports')}
        </button>
      ) : null}
      <span className="muted">{t('reports.saveHint')}</span>
      {mine && state.phase === 'error' && state.error ? (
        <span className="error-text" role="alert">
          {state.error}
        </span>
      ) : null}
    </div>
  );
}
