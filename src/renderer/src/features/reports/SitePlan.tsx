// "When Basic authentication goes off" for every device of the open report's site: opens the site's reports,
// one line per distinct device with what happens and the first option (details in the device screen / CLI).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { basicAuthPlan, type BasicAuthPlan } from '../../../../shared/basic-auth-plan';
import { foldName, planDevicesFromReports } from '../../../../shared/basic-auth-site';
import type { Report } from '../../../../shared/report';
import { client, errorText } from '../../api/client';
import { CodeText } from '../../components/CodeText';
import { currentLang } from '../../i18n';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { reportsSel } from '../../store/reports-slice';
import { catalogSel } from '../../store/selectors';

/** Most reports opened for one site's plan. */
const MAX_SITE_REPORTS = 50;

export function SitePlan({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const listing = useApp(reportsSel.listing);
  const files = useApp(catalogSel.files);
  const [plan, setPlan] = useState<BasicAuthPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const same = (listing?.reports ?? [])
    .filter(
      (r) =>
        foldName(r.site) === foldName(report.job.site) &&
        foldName(r.customer) === foldName(report.job.customer),
    )
    .slice(0, MAX_SITE_REPORTS);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const opened = await Promise.all(
        same.map((s) => (s.id === report.id ? Promise.resolve(report) : client.reportOpen(s.id))),
      );
      const all = opened.some((r) => r.id === report.id) ? opened : [report, ...opened];
      setPlan(
        basicAuthPlan(planDevicesFromReports(all, files), {
          today: new Date(),
          recipients: 'unknown',
          staticIp: 'unknown',
        }),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card site-plan" aria-labelledby="site-plan-title">
      <h3 id="site-plan-title">
        {t('vendorUi.sitePlanTitle', { site: visible(report.job.site || '—', 200) })}
      </h3>
      <button type="button" className="btn" disabled={busy} onClick={() => void run()}>
        {t('vendorUi.sitePlanButton', { count: Math.max(same.length, 1) })}
      </button>
      {error ? <p role="alert">{error}</p> : null}
      {plan ? (
        <ul>
          {plan.devices.map((d) => (
            <li key={d.label} data-affected={d.affected}>
              <strong>{visible(d.label, 200)}</strong>: <CodeText text={d.impact[lang]} />
              {d.options[0] ? (
                <span>
                  {' '}
                  → [{t(`vendorUi.fit.${d.options[0].fit}`)}] {d.options[0].title[lang]}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
