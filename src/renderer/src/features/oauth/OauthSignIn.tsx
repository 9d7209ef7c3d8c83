// Device code sign-in (OAuth) in the Diagnose screen: msal-node runs in main; here the technician sees the code
// large, copies it, opens the sign-in page (vetted https only) and can cancel. The token stays in memory for this
// session's diagnosis (XOAUTH2 instead of a password) and is never shown.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { FindingRef } from '../../../../shared/model';
import type { TokenClaims } from '../../../../shared/oauth/claims';
import { renderFinding } from '../../../../shared/findings/catalog';
import { client, errorText } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { TextField } from '../../components/Field';
import { currentLang } from '../../i18n';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { actions, jobSel, runSel } from '../../store/selectors';

type State =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'waiting'; signInId: string; userCode: string | null; uri: string | null }
  | { phase: 'signed-in'; claims: TokenClaims | null; findings: FindingRef[] }
  | { phase: 'failed'; finding: FindingRef | null; error: string | null };

export function OauthSignIn() {
  const { t } = useTranslation();
  const lang = currentLang();
  const job = useApp(jobSel.job);
  const practice = useApp(runSel.practice);
  const token = useApp(runSel.oauthToken);
  const a = useApp(useShallow(actions));
  const labTenant = practice.enabled ? practice.lab?.tenant : undefined;
  const [tenant, setTenant] = useState('');
  const [clientId, setClientId] = useState('');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [openError, setOpenError] = useState<string | null>(null);
  const signInRef = useRef<string | null>(null);

  // Practice mode: the lab's tenant and its public client are the values to use.
  const tenantValue = tenant || labTenant?.domain || job.domain;
  const clientValue = clientId || labTenant?.oauth.publicClientId || '';

  useEffect(
    () =>
      client.onOauthEvent(({ signInId, event }) => {
        if (signInId !== signInRef.current) return;
        if (event.type === 'code')
          setState({ phase: 'waiting', signInId, userCode: event.userCode, uri: event.verificationUri });
        else if (event.ok) {
          a.setOauthToken(event.token);
          setState({ phase: 'signed-in', claims: event.claims, findings: event.findings });
        } else setState({ phase: 'failed', finding: event.finding, error: null });
      }),
    [a],
  );

  const start = async () => {
    setState({ phase: 'starting' });
    setOpenError(null);
    try {
      // Practice mode: the lab may start only now; its tenant and public client fill what was left empty.
      const lab = practice.enabled ? await a.ensureLab() : null;
      const useTenant = (tenant || lab?.tenant.domain || tenantValue).trim();
      const useClient = (clientId || lab?.tenant.oauth.publicClientId || clientValue).trim();
      const { signInId } = await client.oauthSignIn({
        tenant: useTenant,
        clientId: useClient,
        lab: practice.enabled,
      });
      signInRef.current = signInId;
      setState((s) =>
        s.phase === 'starting' ? { phase: 'waiting', signInId, userCode: null, uri: null } : s,
      );
    } catch (err) {
      setState({ phase: 'failed', finding: null, error: errorText(err) });
    }
  };
  const cancel = async () => {
    if (state.phase === 'waiting') await client.oauthCancel(state.signInId).catch(() => undefined);
  };
  const open = async (uri: string) => {
    setOpenError(null);
    try {
      await client.openExternal(uri);
    } catch (err) {
      setOpenError(t('oauth.openRefused', { error: errorText(err) }));
    }
  };

  return (
    <section className="card oauth-sign-in" aria-labelledby="oauth-title">
      <h2 id="oauth-title">{t('oauth.title')}</h2>
      <p className="hint">{t('oauth.lead')}</p>
      <div className="grid-3 grid-dense">
        <TextField
          label={t('oauth.tenant')}
          value={tenantValue}
          onChange={setTenant}
          placeholder="contoso.com"
          name="oauthTenant"
        />
        <TextField
          label={t('oauth.clientId')}
          value={clientValue}
          onChange={setClientId}
          placeholder="00000000-0000-0000-0000-000000000000"
          name="oauthClientId"
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={() => void start()}
          disabled={state.phase === 'starting' || state.phase === 'waiting'}
        >
          {t('oauth.start')}
        </button>
        {token ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              a.setOauthToken('');
              setState({ phase: 'idle' });
            }}
          >
            {t('oauth.forget')}
          </button>
        ) : null}
      </div>
      {state.phase === 'waiting' ? (
        <div className="device-code" role="status" aria-live="polite">
          {state.userCode && state.uri ? (
            <>
              <p>{t('oauth.enterCode', { uri: state.uri })}</p>
              <p
                className="device-code-value mono"
                data-user-code={state.userCode}
                style={{ fontSize: '2.5rem', letterSpacing: '0.2em' }}
              >
                {state.userCode}
              </p>
              <div className="actions">
                <CopyButton value={state.userCode} label={t('oauth.copyCode')} />
                <button type="button" className="btn" onClick={() => void open(state.uri ?? '')}>
                  {t('oauth.openPage')}
                </button>
                <button type="button" className="btn" onClick={() => void cancel()}>
                  {t('oauth.cancel')}
                </button>
              </div>
              <p className="mono hint" data-verification-uri>
                {visible(state.uri, 300)}
              </p>
              {openError ? (
                <p className="error-text" role="alert">
                  {openError}
                </p>
              ) : null}
              <p className="muted">{t('oauth.waiting')}</p>
            </>
          ) : (
            <p className="muted">{t('oauth.requesting')}</p>
          )}
        </div>
      ) : null}
      {state.phase === 'signed-in' ? (
        <div role="status" data-oauth-state="signed-in">
          <p>
            <strong>{t('oauth.signedIn')}</strong>{' '}
            {state.claims
              ? t('oauth.claimsLine', {
                  upn: visible(state.claims.upn ?? '-', 320),
                  aud: visible(state.claims.aud.join(' '), 200),
                  perms: visible([...state.claims.scp, ...state.claims.roles].join(' '), 200),
                })
              : null}
          </p>
          {state.findings.map((f) => {
            const r = renderFinding(f, lang);
            return <p key={f.code} className="error-text">{`${r.code}: ${r.title}`}</p>;
          })}
          <p className="hint">{t('oauth.useInRun')}</p>
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <div role="alert" data-oauth-state="failed" className="error-box">
          {state.finding ? (
            (() => {
              const r = renderFinding(state.finding, lang);
              return (
                <>
                  <p>
                    <strong>{`${r.code}: ${r.title}`}</strong>
                  </p>
                  <p>{r.cause}</p>
                  <p>{r.fix}</p>
                </>
              );
            })()
          ) : (
            <p>{state.error}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
