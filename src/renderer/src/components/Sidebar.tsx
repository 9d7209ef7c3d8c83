// The job's four steps, then tools (Reports, Capture: filled in by later work) and Settings.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { actions, appSel, jobSel, runSel } from '../store/selectors';
import type { Screen } from '../store/types';

const STEPS: readonly Screen[] = ['device', 'method', 'checklist', 'diagnose'];
const TOOLS: readonly Screen[] = ['reports', 'capture'];

export function Sidebar() {
  const { t } = useTranslation();
  const screen = useApp(appSel.screen);
  const job = useApp(jobSel.job);
  const phase = useApp(runSel.phase);
  const { go, newJob } = useApp(useShallow(actions));
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
      <button type="button" className={`nav-item${screen === s ? ' active' : ''}`} aria-current={screen === s ? 'page' : undefined} onClick={() => go(s)} data-screen={s}>
        {index !== undefined ? <span className="nav-num" aria-hidden="true">{index}</span> : null}
        <span className="nav-label">{t(`nav.${s}`)}</span>
        {done[s] ? (
          <span className="nav-done" aria-label={t('nav.done')} title={t('nav.done')}>
            ✔
          </span>
        ) : null}
        {s === 'diagnose' && (phase === 'running' || phase === 'starting') ? <span className="nav-running">{t('status.running')}</span> : null}
      </button>
    </li>
  );
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">✉</span>
        <span>{t('app.title')}</span>
      </div>
      <div className="job-summary">
        <div className="job-site" title={job.site}>{job.site || t('job.untitled')}</div>
        <button type="button" className="btn btn-small" onClick={newJob}>
          {t('job.new')}
        </button>
      </div>
      <div className="nav-group-title">{t('nav.job')}</div>
      <ol className="nav-list">{STEPS.map((s, i) => item(s, i + 1))}</ol>
      <div className="nav-group-title">{t('nav.tools')}</div>
      <ul className="nav-list">{TOOLS.map((s) => item(s))}</ul>
      <ul className="nav-list nav-bottom">{item('settings')}</ul>
    </nav>
  );
}
