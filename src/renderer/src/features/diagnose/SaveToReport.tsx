// After a run: add it to the job's report (one report per visit; a re-test adds a run to the same report).
import { useState } from 'react';
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
  const [confirming, setConfirming] = useState<string | null>(null);
  if (run.phase !== 'done' || !run.diagnosis) return null;
  const mine = state.runId === run.runId;
  const saved = mine && state.phase === 'saved';
  // The same two pieces follow either save button (practice or real run).
  const openInReports =
    saved && jobReport ? (
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
    ) : null;
  const saveError =
    mine && state.phase === 'error' && state.error ? (
      <span className="error-text" role="alert">
        {state.error}
      </span>
    ) : null;
  const practice = run.diagnosis.practice;
  if (practice) {
    // A practice (lab) run is never auto-saved: only this explicit action, confirmed in words that say it is practice.
    const asking = confirming === run.runId && !saved;
    return (
      <div className="card save-report actions practice-save" data-practice={practice.scenario}>
        {asking ? (
          <div className="practice-confirm" role="alertdialog" aria-labelledby="practice-confirm-text">
            <p id="practice-confirm-text">
              {t('practiceLab.confirmText', {
                scenario: t(`scenario.${practice.scenario}`, { defaultValue: practice.scenario }),
              })}
            </p>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setConfirming(null);
                void save({ practiceConfirmed: true });
              }}
            >
              {t('practiceLab.confirmSave')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(null)}>
              {t('practiceLab.confirmCancel')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="btn"
            disabled={saved || (mine && state.phase === 'saving')}
            onClick={() => setConfirming(run.runId)}
          >
            {saved ? t('practiceLab.saved') : t('practiceLab.saveButton')}
          </button>
        )}
        {openInReports}
        <span className="muted">{t('practiceLab.saveHint')}</span>
        {saveError}
      </div>
    );
  }
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
      {openInReports}
      <span className="muted">{t('reports.saveHint')}</span>
      {saveError}
    </div>
  );
}
