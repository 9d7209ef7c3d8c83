// Practice mode never silently replaces the job's values: this table shows, field by field, the lab's value the
// run will use beside the job's value, which stays as it was (build-request.ts reads the lab's values; the job in
// the store is never written). Turning practice off diagnoses with the job's values again.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MX_PORT, SUBMISSION_HOST, SUBMISSION_PORT } from '../../../../shared/exchange-online';
import type { LabInfo } from '../../api/types';
import { serverFor } from '../../lib/build-request';
import { visible } from '../../lib/visible-text';
import { errorText } from '../../api/client';
import { appStore, useApp } from '../../store';
import type { Job } from '../../store/types';
import { jobSel, runSel } from '../../store/selectors';

interface Row {
  field: string;
  name: string;
  lab: string;
  job: string;
}

function labServer(lab: LabInfo, method: Job['method']): string {
  const sub = `${SUBMISSION_HOST}:${SUBMISSION_PORT} → ${lab.submission.address}:${lab.submission.port}`;
  const mx = `${lab.tenant.mxHost}:${MX_PORT} → ${lab.mx.address}:${lab.mx.port}`;
  if (method === 'submission') return sub;
  if (method === 'direct-send' || method === 'relay') return mx;
  return `${sub} / ${mx}`;
}

export function PracticeValues() {
  const { t } = useTranslation();
  const practice = useApp(runSel.practice);
  const job = useApp(jobSel.job);
  const password = useApp(runSel.password);
  const ensureLab = useApp((s) => s.ensureLab);
  const lab = practice.lab;
  // The lab's values are known once it runs: start it as soon as practice is on, so they are shown before Run.
  useEffect(() => {
    if (practice.enabled && !practice.lab && !practice.error)
      void ensureLab().catch((err: unknown) =>
        appStore.setState((s) => ({ practice: { ...s.practice, error: errorText(err) } })),
      );
  }, [practice.enabled, practice.lab, practice.error, ensureLab]);
  if (!practice.enabled) return null;
  const empty = t('practiceLab.empty');
  const jv = (v: string) => (v.trim() === '' ? empty : visible(v.trim(), 200));
  const mailbox = job.mailbox.trim();
  const jobServer = job.method ? serverFor(job.method, job.mxHost) : job.mxHost;
  const rows: Row[] = lab
    ? [
        {
          name: 'server',
          field: t('diagnose.server'),
          lab: labServer(lab, job.method),
          job: jobServer ? jv(jobServer) : t('diagnose.serverFromMx'),
        },
        { name: 'domain', field: t('question.domain'), lab: lab.tenant.domain, job: jv(job.domain) },
        { name: 'user', field: t('diagnose.user'), lab: lab.tenant.mailbox, job: jv(mailbox) },
        {
          name: 'password',
          field: t('diagnose.password'),
          lab: t('practiceLab.passwordLab'),
          job: password ? t('practiceLab.passwordJob') : empty,
        },
        {
          name: 'from',
          field: t('question.fromAddress'),
          lab: lab.tenant.mailbox,
          job: jv(job.fromAddress || mailbox),
        },
        {
          name: 'internalRecipient',
          field: t('diagnose.internalRecipient'),
          lab: lab.tenant.internalRecipient,
          job: jv(job.internalRecipient),
        },
        {
          name: 'externalRecipient',
          field: t('diagnose.externalRecipient'),
          lab: lab.tenant.externalRecipient,
          job: jv(job.externalRecipient),
        },
        {
          name: 'expectedIp',
          field: t('question.staticIpValue'),
          lab: lab.tenant.connectorIp,
          job: jv(job.staticIp),
        },
        {
          name: 'dnsServer',
          field: t('practiceLab.dnsServer'),
          lab: lab.dnsServer,
          job: t('practiceLab.systemDns'),
        },
      ]
    : [];
  return (
    <section
      className="practice-values"
      aria-labelledby="practice-values-title"
      data-testid="practice-values"
    >
      <h3 id="practice-values-title">{t('practiceLab.valuesTitle')}</h3>
      <p className="hint">{t('practiceLab.valuesLead')}</p>
      {lab ? (
        <table className="table practice-values-table">
          <thead>
            <tr>
              <th scope="col">{t('practiceLab.colField')}</th>
              <th scope="col">{t('practiceLab.colLab')}</th>
              <th scope="col">{t('practiceLab.colJob')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} data-field={r.name}>
                <th scope="row">{r.field}</th>
                <td className="mono" data-col="lab">
                  {r.lab}
                </td>
                <td className="mono muted" data-col="job">
                  {r.job}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('practiceLab.starting')}</p>
      )}
    </section>
  );
}
