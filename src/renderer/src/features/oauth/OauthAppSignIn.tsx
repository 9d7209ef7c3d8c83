// App-only sign-in (OAuth client credentials) in the Diagnose screen, the way a device with its own app registration
// signs in: tenant, client id, and either a client secret (password field, memory only, never shown again) or a
// certificate file with its private key (read here with File.text(), sent to main once, never kept). msal-node runs
// in main; the token comes back for this session's diagnosis (XOAUTH2 as the app) and is never shown.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { FindingRef } from '../../../../shared/model';
import type { TokenClaims } from '../../../../shared/oauth/claims';
import { renderFinding } from '../../../../shared/findings/catalog';
import { client, errorText } from '../../api/client';
import { TextField } from '../../components/Field';
import { currentLang } from '../../i18n';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { actions, jobSel, runSel } from '../../store/selectors';

/** Largest certificate + key file read, in bytes (main refuses more than 64 k characters anyway). */
const MAX_CERT_FILE_BYTES = 64 * 1024;
/** At most this many files (certificate and key chosen together). */
const MAX_CERT_FILES = 2;

type Credential = 'secret' | 'certificate';

/** Reads a chosen file as text (FileReader: the same in Chromium, Electron and jsdom). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsText(file);
  });
}
type State =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  | { phase: 'signed-in'; claims: TokenClaims | null; findings: FindingRef[] }
  | { phase: 'failed'; finding: FindingRef | null; error: string | null };

export function OauthAppSignIn() {
  const { t } = useTranslation();
  const lang = currentLang();
  const fileId = useId();
  const job = useApp(jobSel.job);
  const practice = useApp(runSel.practice);
  const a = useApp(useShallow(actions));
  const labTenant = practice.enabled ? practice.lab?.tenant : undefined;
  const [tenant, setTenant] = useState('');
  const [clientId, setClientId] = useState('');
  const [credential, setCredential] = useState<Credential>('secret');
  // The secret stays in this component's memory only: never in the store, never persisted, cleared after use.
  const [secret, setSecret] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });

  const tenantValue = tenant || labTenant?.domain || job.domain;
  const clientValue = clientId || labTenant?.oauth.confidentialClientId || '';

  const chooseFiles = (list: FileList | null) => {
    setFileError(null);
    const chosen = [...(list ?? [])];
    if (chosen.length > MAX_CERT_FILES) return setFileError(t('oauthApp.tooManyFiles'));
    if (chosen.some((f) => f.size > MAX_CERT_FILE_BYTES)) return setFileError(t('oauthApp.fileTooLarge'));
    setFiles(chosen);
  };

  const start = async () => {
    setState({ phase: 'requesting' });
    try {
      const lab = practice.enabled ? await a.ensureLab() : null;
      const useTenant = (tenant || lab?.tenant.domain || tenantValue).trim();
      const useClient = (clientId || lab?.tenant.oauth.confidentialClientId || clientValue).trim();
      let certificate: { text: string } | undefined;
      if (credential === 'certificate') {
        // Read only now, bounded, and let the text go with this call (nothing keeps it).
        const texts = await Promise.all(files.map(readText));
        certificate = texts.length > 0 ? { text: texts.join('\n') } : undefined;
      }
      const r = await client.oauthAppSignIn({
        tenant: useTenant,
        clientId: useClient,
        lab: practice.enabled,
        // Practice mode: an empty secret field means the lab's practice secret (a lab value, not a customer's).
        ...(credential === 'secret' && (secret || lab)
          ? { clientSecret: secret || lab?.tenant.oauth.clientSecret || '' }
          : {}),
        ...(certificate ? { certificate } : {}),
      });
      if (r.ok) {
        a.setOauthToken(r.token);
        setState({ phase: 'signed-in', claims: r.claims, findings: r.findings });
      } else setState({ phase: 'failed', finding: r.finding, error: null });
    } catch (err) {
      setState({ phase: 'failed', finding: null, error: errorText(err) });
    } finally {
      setSecret('');
    }
  };

  return (
    <section className="card oauth-app-sign-in" aria-labelledby="oauth-app-title">
      <h2 id="oauth-app-title">{t('oauthApp.title')}</h2>
      <p className="hint">{t('oauthApp.lead')}</p>
      <div className="grid-3 grid-dense">
        <TextField
          label={t('oauth.tenant')}
          value={tenantValue}
          onChange={setTenant}
          placeholder="contoso.com"
          name="oauthAppTenant"
        />
        <TextField
          label={t('oauth.clientId')}
          value={clientValue}
          onChange={setClientId}
          placeholder="00000000-0000-0000-0000-000000000000"
          name="oauthAppClientId"
        />
      </div>
      <fieldset className="radio-row">
        <legend>{t('oauthApp.credential')}</legend>
        {(['secret', 'certificate'] as const).map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="oauthAppCredential"
              value={c}
              checked={credential === c}
              onChange={() => setCredential(c)}
            />{' '}
            {t(`oauthApp.${c}`)}
          </label>
        ))}
      </fieldset>
      {credential === 'secret' ? (
        <TextField
          label={t('oauthApp.secretLabel')}
          type="password"
          value={secret}
          onChange={setSecret}
          autoComplete="off"
          name="oauthAppSecret"
          hint={practice.enabled ? t('oauthApp.secretHintLab') : t('oauthApp.secretHint')}
        />
      ) : (
        <div className="field">
          <label htmlFor={fileId}>{t('oauthApp.certLabel')}</label>
          <input
            id={fileId}
            name="oauthAppCertificate"
            type="file"
            multiple
            accept=".pem,.crt,.cer,.key,application/x-pem-file"
            onChange={(e) => chooseFiles(e.target.files)}
          />
          <div className="hint">{t('oauthApp.certHint')}</div>
          {fileError ? (
            <p className="error-text" role="alert">
              {fileError}
            </p>
          ) : null}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={() => void start()}
          disabled={state.phase === 'requesting' || (credential === 'certificate' && files.length === 0)}
        >
          {t('oauthApp.start')}
        </button>
      </div>
      {state.phase === 'requesting' ? (
        <p className="muted" role="status">
          {t('oauthApp.requesting')}
        </p>
      ) : null}
      {state.phase === 'signed-in' ? (
        <div role="status" data-oauth-app-state="signed-in">
          <p>
            <strong>{t('oauthApp.signedIn')}</strong>{' '}
            {state.claims
              ? t('oauthApp.claimsLine', {
                  app: visible(state.claims.appid ?? '-', 60),
                  aud: visible(state.claims.aud.join(' '), 200),
                  perms: visible([...state.claims.scp, ...state.claims.roles].join(' '), 200),
                })
              : null}
          </p>
          {state.findings.map((f) => {
            const r = renderFinding(f, lang);
            return <p key={f.code} className="error-text">{`${r.code}: ${r.title}`}</p>;
          })}
          <p className="hint">{t('oauthApp.useInRun')}</p>
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <div role="alert" data-oauth-app-state="failed" className="error-box">
          {state.finding ? (
            (() => {
              const r = renderFinding(state.finding, lang);
              return (
                <>
                  <p data-code={r.code}>
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
