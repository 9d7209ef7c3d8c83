// "Read a token": the technician pastes an access token (e.g. from a device's web page); main decodes its claims
// (audience, scopes/roles, expiry, tenant, user/app) and the findings come back. The token is not kept: the
// field is cleared as soon as the answer arrives.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderFinding } from '../../../../shared/findings/catalog';
import type { TokenInspected } from '../../api/types';
import { client, errorText } from '../../api/client';
import { currentLang } from '../../i18n';
import { visible } from '../../lib/visible-text';

export function TokenPanel() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [token, setToken] = useState('');
  const [result, setResult] = useState<TokenInspected | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inspect = async () => {
    setError(null);
    try {
      setResult(await client.oauthInspect({ token }));
    } catch (err) {
      setResult(null);
      setError(errorText(err));
    } finally {
      setToken('');
    }
  };
  const c = result?.claims;
  return (
    <details className="card token-panel">
      <summary>{t('oauth.inspectTitle')}</summary>
      <p className="hint">{t('oauth.inspectLead')}</p>
      <label className="field">
        <span>{t('oauth.tokenLabel')}</span>
        <textarea
          name="oauthTokenInspect"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          rows={3}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <div className="actions">
        <button type="button" className="btn" onClick={() => void inspect()} disabled={token.trim() === ''}>
          {t('oauth.inspect')}
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {c ? (
        <div data-token-inspected>
          <dl className="kv">
            <dt>{t('oauth.claim.kind')}</dt>
            <dd>{t(`oauth.kind.${c.kind}`)}</dd>
            <dt>{t('oauth.claim.aud')}</dt>
            <dd className="mono">{visible(c.aud.join(' ') || '-', 300)}</dd>
            <dt>{t('oauth.claim.perms')}</dt>
            <dd className="mono">{visible([...c.scp, ...c.roles].join(' ') || '-', 300)}</dd>
            <dt>{t('oauth.claim.exp')}</dt>
            <dd>{c.exp === null ? '-' : new Date(c.exp * 1000).toLocaleString()}</dd>
            <dt>{t('oauth.claim.tid')}</dt>
            <dd className="mono">{visible(c.tid ?? '-', 80)}</dd>
            <dt>{t('oauth.claim.upn')}</dt>
            <dd className="mono">{visible(c.upn ?? '-', 320)}</dd>
            <dt>{t('oauth.claim.appid')}</dt>
            <dd className="mono">{visible(c.appid ?? '-', 80)}</dd>
          </dl>
          {result.findings.map((f) => {
            const r = renderFinding(f, lang);
            return (
              <div key={f.code} className={r.severity === 'info' ? '' : 'error-box'} data-finding={r.code}>
                <p>
                  <strong>{`${r.code}: ${r.title}`}</strong>
                </p>
                <p>{r.cause}</p>
                <p>{r.fix}</p>
              </div>
            );
          })}
        </div>
      ) : null}
    </details>
  );
}
