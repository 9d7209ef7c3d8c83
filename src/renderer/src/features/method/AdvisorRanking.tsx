// The advisor's ranking: each method with its reasons, the settings to type, and a button to choose it.
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../../shared/model';
import { CopyButton } from '../../components/CopyButton';
import { StatusBadge } from '../../components/StatusBadge';

/** One ranked method as the screen shows it (texts already in the UI language). */
export interface RankedMethodView {
  method: Method;
  score: number;
  viable: boolean;
  reasons: { code: string; text: string; severity?: 'error' | 'warning' | 'info' }[];
  settings: { server: string; port: string; tls: string; auth: string; sender: string; spfRecord?: string; notes: string[] };
}

export function AdvisorRanking({ ranking, chosen, onChoose }: { ranking: readonly RankedMethodView[]; chosen: Method | null; onChoose: (m: Method) => void }) {
  const { t } = useTranslation();
  return (
    <ol className="advice-list" aria-label={t('method.ranking')}>
      {ranking.map((r, i) => (
        <li key={r.method} className={`advice${chosen === r.method ? ' chosen' : ''}${r.viable ? '' : ' not-viable'}`} data-method={r.method} data-rank={i + 1}>
          <div className="advice-head">
            <span className="tag">{t('method.rank', { rank: i + 1 })}</span>
            <h3>{t(`method.name.${r.method}`)}</h3>
            <StatusBadge status={r.viable ? 'pass' : 'fail'} label={r.viable ? t('method.viable') : t('method.notViable')} />
            <span className="muted">{t('method.score', { score: r.score })}</span>
            <span style={{ flex: 1 }} />
            <button type="button" className={`btn${chosen === r.method ? ' btn-selected' : i === 0 ? ' btn-primary' : ''}`} onClick={() => onChoose(r.method)} aria-pressed={chosen === r.method}>
              {chosen === r.method ? `✔ ${t('method.chosen')}` : t('method.choose')}
            </button>
          </div>
          <ul>
            {r.reasons.map((reason, j) => (
              <li key={`${reason.code}-${j}`} data-reason={reason.code} className={`reason reason-${reason.severity ?? 'info'}`}>
                <span aria-hidden="true">{reason.severity === 'error' ? '✖ ' : reason.severity === 'warning' ? '⚠ ' : '✔ '}</span>
                {reason.text}
              </li>
            ))}
          </ul>
          <dl className="settings-grid">
            <dt>{t('method.server')}</dt>
            <dd>
              <code>{r.settings.server}</code>
            </dd>
            <dt>{t('method.port')}</dt>
            <dd>{r.settings.port}</dd>
            <dt>{t('method.tls')}</dt>
            <dd>{r.settings.tls}</dd>
            <dt>{t('method.auth')}</dt>
            <dd>{r.settings.auth}</dd>
            <dt>{t('method.sender')}</dt>
            <dd>{r.settings.sender}</dd>
            {r.settings.spfRecord ? (
              <>
                <dt>{t('method.spf')}</dt>
                <dd className="code-line">
                  <code>{r.settings.spfRecord}</code> <CopyButton value={r.settings.spfRecord} label={t('method.spf')} />
                </dd>
              </>
            ) : null}
            {r.settings.notes.length > 0 ? (
              <>
                <dt>{t('method.notes')}</dt>
                <dd>
                  {r.settings.notes.map((n, k) => (
                    <div key={k}>{n}</div>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}
