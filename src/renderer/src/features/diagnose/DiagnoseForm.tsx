// Screen 4's inputs: prefilled from the job; the password lives in memory only; practice mode uses the lab.
// The details fold away while a run is shown, so progress and verdict stay in view at 1024×768.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Method } from '../../../../shared/model';
import { SelectField, TextField } from '../../components/Field';
import { useSelectedModel } from '../../hooks/useSelectedModel';
import { effectiveAuth, oauthOffered } from '../../lib/auth-choice';
import { serverFor } from '../../lib/build-request';
import { fieldsFor, missingFields, type FormField } from '../../lib/diagnose-needs';
import { useApp } from '../../store';
import { actions, appSel, jobSel, runSel } from '../../store/selectors';
import { PracticeValues } from './PracticeValues';

type MethodOption = Method | 'auto';

/** Label key of each form field (also used to name the missing ones). */
const LABEL: Record<FormField, string> = {
  server: 'diagnose.server',
  mxHost: 'question.mxHost',
  domain: 'question.domain',
  user: 'diagnose.user',
  password: 'diagnose.password',
  oauth: 'diagnose.oauthField',
  from: 'question.fromAddress',
  internalRecipient: 'diagnose.internalRecipient',
  externalRecipient: 'diagnose.externalRecipient',
  expectedIp: 'question.staticIpValue',
  bind: 'diagnose.bind',
};

function TargetFields({ fields }: { fields: readonly FormField[] }) {
  const { t } = useTranslation();
  const job = useApp(jobSel.job);
  const password = useApp(runSel.password);
  const interfaces = useApp(appSel.interfaces);
  const a = useApp(useShallow(actions));
  const server = job.method ? serverFor(job.method, job.mxHost) : '';
  const field = (f: FormField) => {
    switch (f) {
      case 'server':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            value={server || t('diagnose.serverFromMx')}
            readOnly
            name="server"
          />
        );
      case 'mxHost':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            value={job.mxHost}
            onChange={(mxHost) => a.updateJob({ mxHost })}
            placeholder={t('diagnose.mxPlaceholder')}
            name="mxHost"
          />
        );
      case 'domain':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            value={job.domain}
            onChange={(domain) => a.updateJob({ domain })}
            placeholder="contoso.com"
            name="domain"
          />
        );
      case 'user':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            value={job.mailbox}
            onChange={(mailbox) => a.updateJob({ mailbox })}
            placeholder="scanner@contoso.com"
            name="user"
          />
        );
      case 'password':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            type="password"
            value={password}
            onChange={a.setPassword}
            autoComplete="new-password"
            hint={t('diagnose.passwordHint')}
            name="password"
          />
        );
      case 'oauth':
        // The OAuth sign-in has its own card below the form (device code); nothing to type here.
        return null;
      case 'from':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            value={job.fromAddress}
            onChange={(fromAddress) => a.updateJob({ fromAddress })}
            placeholder={job.mailbox}
            name="from"
          />
        );
      case 'internalRecipient':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            value={job.internalRecipient}
            onChange={(internalRecipient) => a.updateJob({ internalRecipient })}
            name="internalRecipient"
          />
        );
      case 'externalRecipient':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            value={job.externalRecipient}
            onChange={(externalRecipient) => a.updateJob({ externalRecipient })}
            name="externalRecipient"
          />
        );
      case 'expectedIp':
        return (
          <TextField
            key={f}
            label={t(LABEL[f])}
            value={job.staticIp}
            onChange={(staticIp) => a.updateJob({ staticIp })}
            placeholder="203.0.113.7"
            name="expectedIp"
          />
        );
      case 'bind':
        return (
          <SelectField
            key={f}
            label={t(LABEL[f])}
            value={job.bind}
            options={[
              { value: '', label: t('diagnose.bindAuto') },
              ...interfaces
                .filter((i) => !i.internal)
                .map((i) => ({ value: i.address, label: `${i.name} — ${i.cidr ?? i.address}` })),
            ]}
            onChange={(bind) => a.updateJob({ bind })}
            hint={t('diagnose.bindHint')}
            name="bind"
          />
        );
    }
  };
  return <div className="grid-3 grid-dense">{fields.map(field)}</div>;
}

/** The one sign-in choice, also offered here (same store value as the method screen and the checklist). */
function AuthToggle() {
  const { t } = useTranslation();
  const job = useApp(jobSel.job);
  const model = useSelectedModel();
  const { setAuth } = useApp(useShallow(actions));
  const auth = effectiveAuth(job, model);
  if (!oauthOffered(model) || (job.method !== null && job.method !== 'submission')) return null;
  return (
    <div className="generic-buttons" role="group" aria-label={t('question.auth')}>
      {(['basic', 'oauth'] as const).map((v) => (
        <button
          key={v}
          type="button"
          className={`btn${auth === v ? ' btn-selected' : ''}`}
          aria-pressed={auth === v}
          onClick={() => setAuth(v)}
          name={`auth-${v}`}
        >
          {t(v === 'oauth' ? 'question.authOauth' : 'question.authBasic')}
        </button>
      ))}
    </div>
  );
}

export function DiagnoseForm() {
  const { t } = useTranslation();
  const job = useApp(jobSel.job);
  const sendTest = useApp(runSel.sendTest);
  const practice = useApp(runSel.practice);
  const busy = useApp(runSel.busy);
  const phase = useApp(runSel.phase);
  const cancelling = useApp((s) => s.run.cancelling);
  const a = useApp(useShallow(actions));
  const [open, setOpen] = useState(phase === 'idle');
  const password = useApp(runSel.password);
  const oauthToken = useApp(runSel.oauthToken);
  const model = useSelectedModel();
  const auth = effectiveAuth(job, model);
  /** Fields the chosen method needs that are still empty: asked for, nothing runs (no doomed sign-in). */
  const [missing, setMissing] = useState<FormField[]>([]);
  // A run starting folds the inputs away; the technician can unfold them again.
  useEffect(() => {
    if (phase === 'starting') setOpen(false);
  }, [phase]);
  const method: MethodOption = job.method ?? 'auto';
  const tenant = practice.lab?.tenant;

  return (
    <form
      className="card diagnose-form"
      aria-label={t('diagnose.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        // What the chosen method needs, checked before running: a doomed sign-in (no password) never starts.
        const need = missingFields({ job, auth, password, oauthToken, practice: practice.enabled });
        setMissing(need);
        if (need.length > 0) {
          setOpen(true);
          // Focus the first empty field once the details are unfolded (OAuth: the sign-in button below).
          setTimeout(() => {
            const target =
              need[0] === 'oauth'
                ? document.querySelector<HTMLElement>('section.oauth-sign-in button')
                : form.querySelector<HTMLElement>(`[name="${need[0]}"]`);
            target?.focus();
          }, 0);
          return;
        }
        void a.startRun();
      }}
    >
      <fieldset className="form-top" disabled={busy}>
        <SelectField<MethodOption>
          label={t('diagnose.method')}
          value={method}
          options={(['auto', 'submission', 'direct-send', 'relay'] as const).map((m) => ({
            value: m,
            label: t(`method.name.${m}`),
          }))}
          onChange={(m) => a.updateJob({ method: m === 'auto' ? null : m })}
          name="method"
        />
        <AuthToggle />
        <div className="practice">
          <label className="check">
            <input
              type="checkbox"
              checked={practice.enabled}
              onChange={(e) => a.setPractice({ enabled: e.target.checked })}
              name="practice"
            />
            {t('diagnose.practiceEnable')}
          </label>
          {practice.enabled ? (
            <SelectField
              label={t('diagnose.scenario')}
              value={practice.scenario}
              options={(practice.scenarios.length > 0 ? practice.scenarios : [practice.scenario]).map(
                (s) => ({ value: s, label: t(`scenario.${s}`, { defaultValue: s }) }),
              )}
              onChange={(scenario) => a.setPractice({ scenario })}
              name="scenario"
            />
          ) : null}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={sendTest}
            onChange={(e) => a.setSendTest(e.target.checked)}
            name="sendTest"
          />
          <span>
            {t('diagnose.sendTest')}
            <span className="hint"> — {t('diagnose.sendTestHint')}</span>
          </span>
        </label>
      </fieldset>
      {practice.enabled ? (
        <p className="hint">
          {tenant
            ? `${t('diagnose.practiceTenant', { domain: tenant.domain, mailbox: tenant.mailbox })} ${t('diagnose.practiceHint')}`
            : t('diagnose.practiceHint')}
        </p>
      ) : null}
      <PracticeValues />
      {practice.error ? (
        <p className="error-text" role="alert">
          {practice.error}
        </p>
      ) : null}

      {missing.length > 0 ? (
        <p className="error-text" role="alert" data-missing={missing.join(' ')}>
          {t('diagnose.missing', { fields: missing.map((f) => t(LABEL[f])).join(' / ') })}
        </p>
      ) : null}
      {!practice.enabled ? (
        <details className="target-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('diagnose.target')}</summary>
          <fieldset disabled={busy}>
            <TargetFields fields={fieldsFor(job.method, auth)} />
          </fieldset>
        </details>
      ) : null}

      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          <span aria-hidden="true">▶</span> {t('diagnose.run')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!busy || cancelling}
          onClick={() => void a.cancelRun()}
        >
          <span aria-hidden="true">■</span> {cancelling ? t('diagnose.cancelling') : t('diagnose.cancel')}
        </button>
        <span className="muted">{t('diagnose.keys')}</span>
      </div>
    </form>
  );
}
