// Screen 3: numbered steps for this model and method; values to copy, a tick per step, and steps the
// diagnosis verified turn green/red by themselves. Admin steps say what to send the admin.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { buildChecklist } from '../../../../shared/checklist';
import { StatusBadge } from '../../components/StatusBadge';
import { useSelectedModel } from '../../hooks/useSelectedModel';
import { currentLang } from '../../i18n';
import { effectiveAuth, oauthOffered } from '../../lib/auth-choice';
import { verificationsOf } from '../../lib/step-status';
import { useApp } from '../../store';
import { actions, jobSel, runSel } from '../../store/selectors';
import { ChecklistStepItem } from './ChecklistStepItem';
import { ScreenHeader } from '../../components/ScreenHeader';
import { CodeText } from '../../components/CodeText';

export function ChecklistScreen() {
  const { t, i18n } = useTranslation();
  const job = useApp(jobSel.job);
  const ticks = useApp(jobSel.ticks);
  const checks = useApp(runSel.checks);
  const egressIp = useApp((s) => s.run.diagnosis?.egressIp ?? null);
  const { toggleTick, go, setAuth } = useApp(useShallow(actions));
  const model = useSelectedModel();
  const lang = currentLang();
  // Client submission signs in with a password or with OAuth: the job's one choice (method screen, here, diagnose).
  const offered = job.method === 'submission' && oauthOffered(model);
  const chosenAuth = effectiveAuth(job, model);
  const checklist = useMemo(
    () =>
      job.method
        ? buildChecklist({
            model: model ?? undefined,
            method: job.method,
            job: {
              mailbox: job.mailbox,
              fromAddress: job.fromAddress,
              domain: job.domain,
              mxHost: job.mxHost,
              staticIp: job.staticIp,
              egressIp: egressIp ?? undefined,
            },
            lang,
            auth: chosenAuth,
          })
        : null,
    // i18n.language: rebuild in the new language when it switches live.
    [job, model, egressIp, lang, i18n.language, chosenAuth],
  );

  const header = <ScreenHeader name="checklist" />;
  if (!checklist || !job.method) {
    return (
      <section className="screen" aria-labelledby="checklist-title">
        {header}
        <div className="card">
          <p>{t('checklist.needMethod')}</p>
          <button type="button" className="btn" onClick={() => go(job.deviceId ? 'method' : 'device')}>
            {t('checklist.goMethod')}
          </button>
        </div>
      </section>
    );
  }
  const verified = verificationsOf(checklist.steps, checks);
  const done = checklist.steps.filter((s) => ticks[s.id]).length;
  const total = checklist.steps.length;
  return (
    <section className="screen" aria-labelledby="checklist-title">
      {header}
      <div className="card">
        <h2>
          {model ? <span translate="no">{`${model.vendor} ${model.series}`}</span> : t('device.otherMfp')} ·{' '}
          {t(`method.name.${job.method}`)}
        </h2>
        <p className="muted" role="status">
          {t('checklist.progress', { done, total })}
        </p>
        {offered ? (
          <div className="generic-buttons" role="group" aria-label={t('vendorUi.authChoice')}>
            {(['basic', 'oauth'] as const).map((a) => (
              <button
                key={a}
                type="button"
                className={`btn${chosenAuth === a ? ' btn-selected' : ''}`}
                aria-pressed={chosenAuth === a}
                onClick={() => setAuth(a)}
              >
                {t(a === 'oauth' ? 'question.authOauth' : 'question.authBasic')}
              </button>
            ))}
          </div>
        ) : null}
        <div className="progress-bar" aria-hidden="true">
          <span style={{ width: `${total === 0 ? 0 : Math.round((done / total) * 100)}%` }} />
        </div>
        {checklist.warnings.length > 0 ? (
          <ul className="warning-list" style={{ marginTop: 10 }}>
            {checklist.warnings.map((w) => (
              <li key={w.id} className={`warn-item sev-${w.severity}`}>
                <StatusBadge status={w.severity} />
                <span>
                  <CodeText text={w.text} />
                </span>
                {!w.verified ? <span className="prov prov-check">⚠ {t('device.checkOnDevice')}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <ol className="steps">
        {checklist.steps.map((step) => (
          <ChecklistStepItem
            key={step.id}
            step={step}
            ticked={ticks[step.id] === true}
            verification={verified[step.id] ?? 'none'}
            onToggle={() => toggleTick(step.id)}
          />
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => go('diagnose')}>
          {t('checklist.next')}
        </button>
      </div>
    </section>
  );
}
