// The job's four steps, then tools (Reports, Capture: filled in by later work) and Settings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { actions, appSel, jobSel, runSel } from '../store/selectors';
import type { Store } from '../store/types';

/** What a new job would throw away: a run in progress, a result not in any report, or a job never saved. */
export function unsavedWork(s: Store): 'running' | 'result' | 'job' | null {
  if (s.run.phase === 'starting' || s.run.phase === 'running') return 'running';
  const saved = s.saveRunState.phase === 'saved' && s.saveRunState.runId === s.run.runId;
  // A practice (lab) result is not the customer's: leaving it unsaved loses nothing of the visit.
  if (s.run.diagnosis && !saved && !s.run.diagnosis.practice) return 'result';
  if (!s.jobReport && (s.job.site !== '' || s.job.deviceId !== null)) return 'job';
  return null;
}
import type { Screen } from '../store/types';

const STEPS: readonly Screen[] = ['device', 'method', 'checklist', 'diagnose'];
const TOOLS: readonly Screen[] = ['reports', 'capture'];

export function Sidebar() {
  const { t } = useTranslation();
  const screen = useApp(appSel.screen);
  const job = useApp(jobSel.job);
  const phase = useApp(runSel.phase);
  const { go, newJob } = useApp(useShallow(actions));
  const unsaved = useApp(unsavedWork);
  const [asking, setAsking] = useState(false);
  const done: Record<Screen, boolean> = {
    device: job.deviceId !== null,
    method: job.method !== null,
    checklist: false,
    diagnose: phase === 'done',
    reports: false,
    capture: false,
    settings: false,
  };
  const item = (s: Screen, index?: number) => (
    <li key={s}>
      <button
        type="button"
        className={`nav-item${screen === s ? ' active' : ''}`}
        aria-current={screen === s ? 'page' : undefined}
        onClick={() => go(s)}
        data-screen={s}
      >
        {index !== undefined ? (
          <span className="nav-num" aria-hidden="true">
            {index}
          </span>
        ) : null}
        <span className="nav-label">{t(`nav.${s}`)}</span>
        {done[s] ? (
          <span className="nav-done" aria-label={t('nav.done')} title={t('nav.done')}>
            ✔
          </span>
        ) : null}
        {s === 'diagnose' && (phase === 'running' || phase === 'starting') ? (
          <span className="nav-running">{t('status.running')}</span>
        ) : null}
      </button>
    </li>
  );
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ✉
        </span>
        <span>{t('app.title')}</span>
      </div>
      <div className="job-summary">
        <div className="job-site" title={job.site}>
          {job.site || t('job.untitled')}
        </div>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => (unsaved ? setAsking(true) : newJob())}
          aria-expanded={unsaved ? asking : undefined}
        >
          {t('job.new')}
        </button>
      </div>
      {asking && unsaved ? (
        <div className="confirm-new" role="alertdialog" aria-labelledby="confirm-new-text">
          <p id="confirm-new-text">{t(`job.unsaved.${unsaved}`)}</p>
          <div className="actions">
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => {
                setAsking(false);
                newJob();
              }}
            >
              {t('job.discardAndNew')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setAsking(false)} autoFocus>
              {t('job.keep')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="nav-group-title">{t('nav.job')}</div>
      <ol className="nav-list">{STEPS.map((s, i) => item(s, i + 1))}</ol>
      <div className="nav-group-title">{t('nav.tools')}</div>
      <ul className="nav-list">{TOOLS.map((s) => item(s))}</ul>
      <ul className="nav-list nav-bottom">{item('settings')}</ul>
    </nav>
  );
}
