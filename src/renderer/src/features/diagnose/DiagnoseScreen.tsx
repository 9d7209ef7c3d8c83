// Screen 4: inputs, Run / Cancel, live progress, then the verdict and the transcript. Escape cancels a run.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { tlsMatrix } from '../../lib/tls-matrix';
import { appStore, useApp } from '../../store';
import { jobSel, runSel } from '../../store/selectors';
import { useSelectedModel } from '../../hooks/useSelectedModel';
import { effectiveAuth } from '../../lib/auth-choice';
import { DiagnoseForm } from './DiagnoseForm';
import { PracticeBadge } from './PracticeBadge';
import { RunProgress } from './RunProgress';
import { SaveToReport } from './SaveToReport';
import { Transcript } from './Transcript';
import { TlsMatrixTable } from './TlsMatrixTable';
import { VerdictPanel } from './VerdictPanel';
import { ScreenHeader } from '../../components/ScreenHeader';
import { OauthAppSignIn } from '../oauth/OauthAppSignIn';
import { OauthSignIn } from '../oauth/OauthSignIn';
import { TokenPanel } from '../oauth/TokenPanel';

export function DiagnoseScreen() {
  const { t } = useTranslation();
  const run = useApp(runSel.run);
  const job = useApp(jobSel.job);
  const model = useSelectedModel();
  // OAuth sign-in only when the job's one sign-in choice is OAuth (and the method signs in at all).
  const oauth = effectiveAuth(job, model) === 'oauth' && (job.method === null || job.method === 'submission');
  const matrix = useMemo(() => (run.diagnosis ? tlsMatrix(run.diagnosis) : []), [run.diagnosis]);
  // A finished run brings its verdict box into view (it leads the screen).
  useEffect(() => {
    if (run.phase === 'done') document.querySelector('[data-verdict]')?.scrollIntoView?.({ block: 'start' });
  }, [run.phase]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && runSel.busy(appStore.getState())) void appStore.getState().cancelRun();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section className="screen" aria-labelledby="diagnose-title">
      <ScreenHeader name="diagnose" />
      {/* The verdict box leads the result; the form stays below it for a re-test, progress right under the form. */}
      <VerdictPanel show="verdict" />
      <SaveToReport />
      <PracticeBadge />
      {run.phase === 'error' && run.error ? (
        <div className="card error-box" role="alert">
          {t('diagnose.failed', { error: run.error })}
        </div>
      ) : null}
      <DiagnoseForm />
      <RunProgress />
      {oauth ? (
        <>
          <OauthSignIn />
          <OauthAppSignIn />
          <TokenPanel />
        </>
      ) : null}
      {/* Then what to do, then the details (TLS matrix, transcript). */}
      <VerdictPanel show="findings" />
      {run.diagnosis ? <TlsMatrixTable rows={matrix} /> : null}
      {run.transcript.length > 0 ? <Transcript rows={run.transcript} dropped={run.droppedRows} /> : null}
    </section>
  );
}
