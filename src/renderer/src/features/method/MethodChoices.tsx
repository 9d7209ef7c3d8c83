// The advisor's answer: the recommended method first, other possible ones after it, and the impossible ones
// folded under 使えない理由 with the reason. No order numbers, no scores: a method works for this job or it does not.
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../../shared/model';
import { Code } from '../../components/CodeText';
import { CopyButton } from '../../components/CopyButton';
import { StatusBadge } from '../../components/StatusBadge';

/** One method as the screen shows it (texts already in the UI language). */
export interface MethodView {
  method: Method;
  viable: boolean;
  recommended: boolean;
  reasons: { code: string; text: string; severity?: 'error' | 'warning' | 'info' }[];
  settings: {
    server: string;
    port: string;
    tls: string;
    auth: string;
    sender: string;
    spfRecord?: string;
    notes: string[];
  };
}

function Reasons({ reasons }: { reasons: MethodView['reasons'] }) {
  return (
    <ul>
      {reasons.map((reason, j) => (
        <li
          key={`${reason.code}-${j}`}
          data-reason={reason.code}
          className={`reason reason-${reason.severity ?? 'info'}`}
        >
          <span aria-hidden="true">
            {reason.severity === 'error' ? '✖ ' : reason.severity === 'warning' ? '⚠ ' : '✔ '}
          </span>
          {reason.text}
        </li>
      ))}
    </ul>
  );
}

function Settings({ s }: { s: MethodView['settings'] }) {
  const { t } = useTranslation();
  return (
    <dl className="settings-grid">
      <dt>{t('method.server')}</dt>
      <dd>
        <Code text={s.server} />
      </dd>
      <dt>{t('method.port')}</dt>
      <dd>{s.port}</dd>
      <dt>{t('method.tls')}</dt>
      <dd>{s.tls}</dd>
      <dt>{t('method.auth')}</dt>
      <dd>{s.auth}</dd>
      <dt>{t('method.sender')}</dt>
      <dd>{s.sender}</dd>
      {s.spfRecord ? (
        <>
          <dt>{t('method.spf')}</dt>
          <dd className="code-line">
            <code>{s.spfRecord}</code> <CopyButton value={s.spfRecord} label={t('method.spf')} />
          </dd>
        </>
      ) : null}
      {s.notes.length > 0 ? (
        <>
          <dt>{t('method.notes')}</dt>
          <dd>
            {s.notes.map((n, k) => (
              <div key={k}>{n}</div>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Possible({
  view,
  chosen,
  onChoose,
}: {
  view: MethodView;
  chosen: boolean;
  onChoose: (m: Method) => void;
}) {
  const { t } = useTranslation();
  return (
    <li
      className={`advice${chosen ? ' chosen' : ''}`}
      data-method={view.method}
      data-viable="true"
      data-recommended={view.recommended ? 'true' : undefined}
    >
      <div className="advice-head">
        {view.recommended ? <span className="tag">{t('method.recommended')}</span> : null}
        <h3>{t(`method.name.${view.method}`)}</h3>
        <StatusBadge status="pass" label={t('method.viable')} />
        <span style={{ flex: 1 }} />
        <button
          type="button"
          className={`btn${chosen ? ' btn-selected' : view.recommended ? ' btn-primary' : ''}`}
          onClick={() => onChoose(view.method)}
          aria-pressed={chosen}
        >
          {chosen ? `✔ ${t('method.chosen')}` : t('method.choose')}
        </button>
      </div>
      <Reasons reasons={view.reasons} />
      <Settings s={view.settings} />
    </li>
  );
}

export function MethodChoices({
  views,
  chosen,
  onChoose,
}: {
  views: readonly MethodView[];
  chosen: Method | null;
  onChoose: (m: Method) => void;
}) {
  const { t } = useTranslation();
  const possible = views.filter((v) => v.viable);
  const impossible = views.filter((v) => !v.viable);
  return (
    <>
      <ul className="advice-list" aria-label={t('method.possible')}>
        {possible.map((v) => (
          <Possible key={v.method} view={v} chosen={chosen === v.method} onChoose={onChoose} />
        ))}
      </ul>
      {impossible.length > 0 ? (
        <details className="not-viable-box">
          <summary>
            {t('method.whyNot')} ({impossible.map((v) => t(`method.name.${v.method}`)).join(' / ')})
          </summary>
          <ul className="advice-list">
            {impossible.map((v) => (
              <li key={v.method} className="advice not-viable" data-method={v.method} data-viable="false">
                <div className="advice-head">
                  <h3>{t(`method.name.${v.method}`)}</h3>
                  <StatusBadge status="fail" label={t('method.notViable')} />
                </div>
                {/* Only what rules it out: the blockers. */}
                <Reasons reasons={v.reasons.filter((r) => r.severity === 'error')} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
