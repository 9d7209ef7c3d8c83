// Device code sign-in (OAuth) in the Diagnose screen: msal-node runs in main; here the technician sees the code
// large, copies it, opens the sign-in page (vetted https only) and can cancel. The token stays in memory for this
// session's diagnosis (XOAUTH2 instead of a password) and is never shown.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { client, errorText } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { actions, runSel } from '../../store/selectors';
import { OauthOutcome, OauthPanelFrame, useOauthTarget, type Outcome } from './OauthPanel';

type State =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'waiting'; signInId: string; userCode: string | null; uri: string | null }
  | Outcome;

export function OauthSignIn() {
  const { t } = useTranslation();
  const token = useApp(runSel.oauthToken);
  const a = useApp(useShallow(actions));
  // Practice mode: the lab's tenant and its public client are the values to use.
  const target = useOauthTarget('publicClientId');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [openError, setOpenError] = useState<string | null>(null);
  const signInRef = useRef<string | null>(null);

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
      const use = await target.resolve();
      const { signInId } = await client.oauthSignIn({
        tenant: use.tenant,
        clientId: use.clientId,
        lab: target.practice,
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
    <OauthPanelFrame kind="oauth" title={t('oauth.title')} lead={t('oauth.lead')} target={target}>
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
      {state.phase === 'signed-in' || state.phase === 'failed' ? (
        <OauthOutcome
          outcome={state}
          stateAttr="data-oauth-state"
          useInRun={t('oauth.useInRun')}
          signedIn={
            state.phase === 'signed-in' ? (
              <>
                <strong>{t('oauth.signedIn')}</strong>{' '}
                {state.claims
                  ? t('oauth.claimsLine', {
                      upn: visible(state.claims.upn ?? '-', 320),
                      aud: visible(state.claims.aud.join(' '), 200),
                      perms: visible([...state.claims.scp, ...state.claims.roles].join(' '), 200),
                    })
                  : null}
              </>
            ) : null
          }
        />
      ) : null}
    </OauthPanelFrame>
  );
}
