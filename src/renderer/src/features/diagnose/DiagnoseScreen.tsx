// Screen 4: inputs, Run / Cancel, live progress, then the verdict and the transcript. Escape cancels a run.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store';
import { runSel } from '../../store/selectors';
import { DiagnoseForm } from './DiagnoseForm';
import { RunProgress } from './RunProgress';
import { Transcript } from './Transcript';
import { VerdictPanel } from './VerdictPanel';

export function DiagnoseScreen() {
  const { t } = useTranslation();
  const run = useApp(runSel.run);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && runSel.busy(appStore.getState())) void appStore.getState().cancelRun();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section className="screen" aria-labelledby="diagnose-title">
      <header className="screen-header">
        <h1 id="diagnose-title" tabIndex={-1}>
          {t('diagnose.title')}
        </h1>
        <p className="lead">{t('diagnose.lead')}</p>
      </header>
      <DiagnoseForm />
      {run.phase === 'error' && run.error ? (
        <div className="card error-box" role="alert">
          {t('diagnose.failed', { error: run.error })}
        </div>
      ) : null}
      <RunProgress />
      <VerdictPanel />
      {run.transcript.length > 0 ? <Transcript rows={run.transcript} dropped={run.droppedRows} /> : null}
    </section>
  );
}
