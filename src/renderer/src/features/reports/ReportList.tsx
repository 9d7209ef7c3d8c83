// The saved visits, grouped per customer site, newest first.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { StatusBadge } from '../../components/StatusBadge';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { reportsActions, reportsSel } from '../../store/reports-slice';
import { groupBySite } from './group-reports';
import { shortDate } from './dates';

/** Finding codes shown per row before "+N". */
const MAX_CODES_SHOWN = 4;

export function ReportList() {
  const { t } = useTranslation();
  const listing = useApp(reportsSel.listing);
  const loading = useApp((s) => s.reports.loading);
  const a = useApp(useShallow(reportsActions));
  const groups = useMemo(() => groupBySite(listing?.reports ?? []), [listing]);
  if (!listing) return <p className="muted">{loading ? t('common.loading') : ''}</p>;
  if (groups.length === 0) return <div className="card muted">{t('reports.empty')}</div>;
  return (
    <div className="report-groups">
      {groups.map((g) => (
        <section key={g.key} className="card site-group" data-site={g.site}>
          <h2>
            {visible(g.customer || t('reports.noCustomer'), 200)} <span className="muted">/</span>{' '}
            {visible(g.site || t('reports.noSite'), 200)}
          </h2>
          <table className="table report-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.date')}</th>
                <th scope="col">{t('reports.device')}</th>
                <th scope="col">{t('reports.method')}</th>
                <th scope="col">{t('reports.runs')}</th>
                <th scope="col">{t('reports.verdict')}</th>
                <th scope="col">{t('reports.findings')}</th>
                <th scope="col">
                  <span className="sr-only">{t('reports.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {g.reports.map((r) => (
                <tr key={r.id} data-report-id={r.id}>
                  <td>{shortDate(r.lastRunAt ?? r.updatedAt)}</td>
                  <td translate="no">{visible(r.deviceModel || '—', 200)}</td>
                  <td>{t(`method.name.${r.method}`, { defaultValue: r.method })}</td>
                  <td>
                    {r.runCount}
                    {r.practiceRuns ? (
                      <span className="practice-tag" data-practice-runs={r.practiceRuns}>
                        {' '}
                        {r.lastRunPractice
                          ? t('practiceLab.runTag', {
                              scenario: t(`scenario.${r.lastRunPractice}`, {
                                defaultValue: r.lastRunPractice,
                              }),
                            })
                          : t('practiceLab.listRuns', { count: r.practiceRuns })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {r.lastVerdict ? (
                      <StatusBadge status={r.lastVerdict} />
                    ) : (
                      <span className="muted">{t('status.idle')}</span>
                    )}
                  </td>
                  <td className="mono codes">
                    {r.findingCodes.slice(0, MAX_CODES_SHOWN).join(' ')}
                    {r.findingCodes.length > MAX_CODES_SHOWN
                      ? ` +${r.findingCodes.length - MAX_CODES_SHOWN}`
                      : ''}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      onClick={() => void a.openReport(r.id)}
                    >
                      {t('reports.open')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => void a.deleteReport(r.id)}
                      aria-label={`${t('reports.delete')}: ${r.site || r.id}`}
                    >
                      {t('reports.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
