// Live progress per check while a diagnosis runs (elapsed seconds and the check running now, by title — never an
// internal id); after it, the same list folds under the verdict.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTitle } from '../../../../shared/check-registry';
import { skipReasonText } from '../../../../shared/skip-reasons';
import { StatusBadge } from '../../components/StatusBadge';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { runSel } from '../../store/selectors';
import type { CheckProgress } from '../../store/types';

function CheckList({
  checks,
  busy,
  starting,
}: {
  checks: readonly CheckProgress[];
  busy: boolean;
  starting: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <ol className="check-list" aria-live="polite" aria-busy={busy}>
      {starting && checks.length === 0 ? <li className="muted">{t('diagnose.starting')}</li> : null}
      {checks.map((c) => (
        <li key={c.id} className={`check-row state-${c.state}`} data-check={c.id} data-state={c.state}>
          <StatusBadge status={c.state} />
          <span className="check-title">
            {visible(checkTitle(c, lang), 300)}
            {c.skip ? (
              <span className="skip-reason muted">{visible(skipReasonText(c.skip, lang), 400)}</span>
            ) : null}
          </span>
          {c.durationMs !== undefined ? (
            <span className="mono muted">{t('diagnose.ms', { ms: Math.round(c.durationMs) })}</span>
          ) : (
            <span />
          )}
        </li>
      ))}
    </ol>
  );
}

/** How often the elapsed-time line refreshes while a run is going, in milliseconds. */
const ELAPSED_TICK_MS = 1000;

/** Elapsed seconds since this component mounted (a run's progress card mounts when the run starts). */
function RunningLine({ checks }: { checks: readonly CheckProgress[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ELAPSED_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const current = [...checks].reverse().find((c) => c.state === 'running');
  return (
    <p className="running-line" data-elapsed={Math.floor((now - start) / 1000)}>
      <span className="mono">{t('lookUi.elapsed', { s: Math.floor((now - start) / 1000) })}</span>
      {current ? (
        <span>{t('lookUi.running', { title: visible(checkTitle(current, lang), 300) })}</span>
      ) : null}
    </p>
  );
}

export function RunProgress() {
  const { t } = useTranslation();
  const checks = useApp(runSel.checks);
  const phase = useApp(runSel.phase);
  if (phase === 'idle') return null;
  const busy = phase === 'running' || phase === 'starting';
  if (phase === 'done') {
    const count = (state: CheckProgress['state']) => checks.filter((c) => c.state === state).length;
    return (
      <details className="card run-progress">
        <summary>
          <strong>{t('diagnose.progress')}</strong>{' '}
          <span className="muted">
            {t('diagnose.summary', {
              pass: count('pass'),
              warn: count('warn'),
              fail: count('fail'),
              skip: count('skip'),
            })}
          </span>
        </summary>
        <CheckList checks={checks} busy={false} starting={false} />
      </details>
    );
  }
  return (
    <div className="card">
      <h2>{t('diagnose.progress')}</h2>
      <RunningLine checks={checks} />
      <CheckList checks={checks} busy={busy} starting={phase === 'starting'} />
    </div>
  );
}
