// What the two OAuth sign-in panels of the Diagnose screen share: the panel frame with the tenant and client id
// fields, the practice-lab values that fill what was left empty, and how a sign-in's outcome is shown (signed in
// with its findings, or failed with its finding). Device code (OauthSignIn) and app-only (OauthAppSignIn) differ
// only in how they get the token.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingRef } from '../../../../shared/model';
import { renderFinding } from '../../../../shared/findings/catalog';
import type { TokenClaims } from '../../../../shared/oauth/claims';
import { TextField } from '../../components/Field';
import { currentLang } from '../../i18n';
import { useApp } from '../../store';
import { actions, jobSel, runSel } from '../../store/selectors';
import { useShallow } from 'zustand/react/shallow';

/** Which of the lab's clients a panel signs in with: its public client (device code) or confidential client (app-only). */
export type LabClient = 'publicClientId' | 'confidentialClientId';

export type Outcome =
  | { phase: 'signed-in'; claims: TokenClaims | null; findings: FindingRef[] }
  | { phase: 'failed'; finding: FindingRef | null; error: string | null };

/**
 * Tenant and client id as typed, or (practice mode) the lab's tenant and client, or the job's domain. `resolve()`
 * starts the lab when needed and gives the values to sign in with.
 */
export function useOauthTarget(labClient: LabClient) {
  const job = useApp(jobSel.job);
  const practice = useApp(runSel.practice);
  const a = useApp(useShallow(actions));
  const labTenant = practice.enabled ? practice.lab?.tenant : undefined;
  const [tenant, setTenant] = useState('');
  const [clientId, setClientId] = useState('');
  const tenantValue = tenant || labTenant?.domain || job.domain;
  const clientValue = clientId || labTenant?.oauth[labClient] || '';
  const resolve = async () => {
    // Practice mode: the lab may start only now; its tenant and client fill what was left empty.
    const lab = practice.enabled ? await a.ensureLab() : null;
    return {
      lab,
      tenant: (tenant || lab?.tenant.domain || tenantValue).trim(),
      clientId: (clientId || lab?.tenant.oauth[labClient] || clientValue).trim(),
    };
  };
  return { practice: practice.enabled, tenantValue, clientValue, setTenant, setClientId, resolve };
}

/** The panel: title, lead, the tenant and client id fields, then the panel's own parts. */
export function OauthPanelFrame({
  kind,
  title,
  lead,
  target,
  children,
}: {
  /** 'oauth' (device code) or 'oauthApp' (app-only): class, ids and field names. */
  kind: 'oauth' | 'oauthApp';
  title: string;
  lead: string;
  target: ReturnType<typeof useOauthTarget>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const cls = kind === 'oauth' ? 'oauth' : 'oauth-app';
  return (
    <section className={`card ${cls}-sign-in`} aria-labelledby={`${cls}-title`}>
      <h2 id={`${cls}-title`}>{title}</h2>
      <p className="hint">{lead}</p>
      <div className="grid-3 grid-dense">
        <TextField
          label={t('oauth.tenant')}
          value={target.tenantValue}
          onChange={target.setTenant}
          placeholder="contoso.com"
          name={`${kind}Tenant`}
        />
        <TextField
          label={t('oauth.clientId')}
          value={target.clientValue}
          onChange={target.setClientId}
          placeholder="00000000-0000-0000-0000-000000000000"
          name={`${kind}ClientId`}
        />
      </div>
      {children}
    </section>
  );
}

/** A sign-in's outcome: signed in (a line about the token, its findings, how it is used) or failed. */
export function OauthOutcome({
  outcome,
  stateAttr,
  signedIn,
  useInRun,
}: {
  outcome: Outcome;
  /** The data attribute tests and specs read the phase from. */
  stateAttr: 'data-oauth-state' | 'data-oauth-app-state';
  /** The "signed in" line (what the token says), shown when signed in. */
  signedIn: ReactNode;
  useInRun: string;
}) {
  const lang = currentLang();
  if (outcome.phase === 'signed-in')
    return (
      <div role="status" {...{ [stateAttr]: 'signed-in' }}>
        <p>{signedIn}</p>
        {outcome.findings.map((f) => {
          const r = renderFinding(f, lang);
          return <p key={f.code} className="error-text">{`${r.code}: ${r.title}`}</p>;
        })}
        <p className="hint">{useInRun}</p>
      </div>
    );
  const r = outcome.finding ? renderFinding(outcome.finding, lang) : null;
  return (
    <div role="alert" className="error-box" {...{ [stateAttr]: 'failed' }}>
      {r ? (
        <>
          <p data-code={r.code}>
            <strong>{`${r.code}: ${r.title}`}</strong>
          </p>
          <p>{r.cause}</p>
          <p>{r.fix}</p>
        </>
      ) : (
        <p>{outcome.error}</p>
      )}
    </div>
  );
}
