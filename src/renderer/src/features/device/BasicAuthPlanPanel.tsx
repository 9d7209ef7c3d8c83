// The plan for this job's device when Basic authentication goes off: what happens, and the options in order,
// from the dated facts (src/shared/basic-auth-facts.ts) compared with today's date.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { factText } from '../../../../shared/basic-auth-facts';
import { basicAuthPlan } from '../../../../shared/basic-auth-plan';
import type { ModelProfile } from '../../../../shared/profiles-resolve';
import { CodeText } from '../../components/CodeText';
import { currentLang } from '../../i18n';
import { useApp } from '../../store';
import { jobSel } from '../../store/selectors';

export function BasicAuthPlanPanel({ model, today }: { model: ModelProfile; today?: Date }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const job = useApp(jobSel.job);
  const plan = useMemo(() => {
    const a = job.answers;
    return basicAuthPlan(
      [{ label: `${model.vendor} ${model.series}`, model, method: job.method ?? 'unknown' }],
      {
        today: today ?? new Date(),
        recipients:
          a.externalRecipients === 'yes'
            ? 'external'
            : a.externalRecipients === 'no'
              ? 'internal'
              : 'unknown',
        staticIp: a.staticIp === 'unknown' ? 'unknown' : a.staticIp === 'yes',
        ...(job.mailbox.trim() ? { mailbox: job.mailbox.trim() } : {}),
      },
    );
  }, [model, job.answers, job.method, job.mailbox, today]);
  const d = plan.devices[0];
  if (!d) return null;
  return (
    <section className="basic-auth-plan" aria-labelledby="basic-auth-plan-title" data-phase={plan.phase}>
      <h3 id="basic-auth-plan-title">{t('vendorUi.planTitle')}</h3>
      <p className="muted">
        {t('vendorUi.planToday', { date: plan.today })} ·{' '}
        {t('vendorUi.planDays', { count: Math.max(plan.daysToDefaultOff, 0) })}
      </p>
      <p data-affected={d.affected}>
        <CodeText text={d.impact[lang]} />
      </p>
      <ol className="plan-options">
        {d.options.map((o) => (
          <li key={o.id} data-option={o.id} data-fit={o.fit}>
            <details open={o.fit === 'recommended'}>
              <summary>
                [{t(`vendorUi.fit.${o.fit}`)}] {o.title[lang]}
              </summary>
              <ul>
                {o.steps.map((s, i) => (
                  <li key={i}>
                    <CodeText text={s[lang]} />
                  </li>
                ))}
              </ul>
              {o.caveats.length > 0 ? (
                <ul className="muted">
                  {o.caveats.map((c, i) => (
                    <li key={i}>
                      ⚠ <CodeText text={c[lang]} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </details>
          </li>
        ))}
      </ol>
      <details>
        <summary>{t('vendorUi.facts')}</summary>
        <ul className="muted">
          {plan.facts.map((f) => (
            <li key={f.id}>
              <CodeText text={factText(f, lang)} /> — <span className="mono">{f.source.url}</span> (
              {t('vendorUi.read', { date: f.read })}
              {f.verified ? '' : `, ${t('vendorUi.unverified')}`})
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
