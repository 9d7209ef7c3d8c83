// App-only sign-in (OAuth client credentials) in the Diagnose screen, the way a device with its own app registration
// signs in: tenant, client id, and either a client secret (password field, memory only, never shown again) or a
// certificate file with its private key (read here with File.text(), sent to main once, never kept). msal-node runs
// in main; the token comes back for this session's diagnosis (XOAUTH2 as the app) and is never shown.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { client, errorText } from '../../api/client';
import { TextField } from '../../components/Field';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { actions } from '../../store/selectors';
import { OauthOutcome, OauthPanelFrame, useOauthTarget, type Outcome } from './OauthPanel';

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
type State = { phase: 'idle' } | { phase: 'requesting' } | Outcome;

export function OauthAppSignIn() {
  const { t } = useTranslation();
  const fileId = useId();
  const a = useApp(useShallow(actions));
  const target = useOauthTarget('confidentialClientId');
  const [credential, setCredential] = useState<Credential>('secret');
  // The secret stays in this component's memory only: never in the store, never persisted, cleared after use.
  const [secret, setSecret] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });

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
      const { lab, tenant, clientId } = await target.resolve();
      let certificate: { text: string } | undefined;
      if (credential === 'certificate') {
        // Read only now, bounded, and let the text go with this call (nothing keeps it).
        const texts = await Promise.all(files.map(readText));
        certificate = texts.length > 0 ? { text: texts.join('\n') } : undefined;
      }
      const r = await client.oauthAppSignIn({
        tenant,
        clientId,
        lab: target.practice,
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
    <OauthPanelFrame kind="oauthApp" title={t('oauthApp.title')} lead={t('oauthApp.lead')} target={target}>
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
          hint={target.practice ? t('oauthApp.secretHintLab') : t('oauthApp.secretHint')}
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
      {state.phase === 'signed-in' || state.phase === 'failed' ? (
        <OauthOutcome
          outcome={state}
          stateAttr="data-oauth-app-state"
          useInRun={t('oauthApp.useInRun')}
          signedIn={
            state.phase === 'signed-in' ? (
              <>
                <strong>{t('oauthApp.signedIn')}</strong>{' '}
                {state.claims
                  ? t('oauthApp.claimsLine', {
                      app: visible(state.claims.appid ?? '-', 60),
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
