// Live progress per check while a diagnosis runs (and the final list after it).
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { runSel } from '../../store/selectors';

export function RunProgress() {
  const { t } = useTranslation();
  const checks = useApp(runSel.checks);
  const phase = useApp(runSel.phase);
  if (phase === 'idle') return null;
  return (
    <div className="card">
      <h2>{t('diagnose.progress')}</h2>
      <ol className="check-list" aria-live="polite" aria-busy={phase === 'running' || phase === 'starting'}>
        {phase === 'starting' && checks.length === 0 ? <li className="muted">{t('diagnose.starting')}</li> : null}
        {checks.map((c) => (
          <li key={c.id} className={`check-row state-${c.state}`} data-check={c.id} data-state={c.state}>
            <StatusBadge status={c.state} />
            <span className="check-title">{visible(c.title, 300)}</span>
            <span className="mono muted">{visible(c.id, 100)}</span>
            {c.durationMs !== undefined ? <span className="mono muted">{t('diagnose.ms', { ms: Math.round(c.durationMs) })}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
