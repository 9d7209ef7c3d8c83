// Before/after: two runs of the same visit (e.g. before and after the admin's change), check by check.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTitle } from '../../../../shared/check-registry';
import { compareRuns, type CheckChange } from '../../../../shared/compare-runs';
import type { Report, ReportRun } from '../../../../shared/report';
import type { SiteRun } from '../../store/reports-slice';
import { SelectField } from '../../components/Field';
import { StatusBadge } from '../../components/StatusBadge';
import { currentLang } from '../../i18n';
import { visible } from '../../lib/visible-text';
import { shortDate } from './dates';

const CHANGE_ICON: Record<CheckChange, string> = {
  fixed: '▲',
  regressed: '▼',
  unchanged: '＝',
  changed: '≠',
  added: '＋',
  removed: '－',
};

/** A comparable run: this visit's or another visit's to the same site. */
interface Choice {
  run: ReportRun;
  /** Null for the open report's own runs. */
  otherVisit: string | null;
  n: number;
}

/** This visit's last two runs; with only one, the latest earlier run of another visit before it. */
function defaultPair(runs: readonly Choice[]): [number, number] {
  const own = runs.flatMap((c, i) => (c.otherVisit === null ? [i] : []));
  const after = own.at(-1) ?? runs.length - 1;
  if (own.length >= 2) return [own.at(-2) ?? 0, after];
  const earlierOther = runs.flatMap((c, i) => (c.otherVisit !== null && i < after ? [i] : [])).at(-1);
  const anyOther = runs.flatMap((c, i) => (c.otherVisit !== null ? [i] : [])).at(-1);
  return [earlierOther ?? anyOther ?? 0, after];
}

export function CompareRuns({ report, siteRuns }: { report: Report; siteRuns: readonly SiteRun[] }) {
  const { t } = useTranslation();
  // Oldest first; the default pair is the latest two runs (usually "before" and "after" the fix).
  const runs = useMemo<Choice[]>(
    () =>
      [
        ...siteRuns.map((s, i) => ({ run: s.run, otherVisit: s.reportId, n: i + 1 })),
        ...report.runs.map((run, i) => ({ run, otherVisit: null, n: i + 1 })),
      ].sort((x, y) => x.run.diagnosis.startedAt.localeCompare(y.run.diagnosis.startedAt)),
    [report.runs, siteRuns],
  );
  const [before, setBefore] = useState(() => String(defaultPair(runs)[0]));
  const [after, setAfter] = useState(() => String(defaultPair(runs)[1]));
  // What changed is the point: unchanged checks are folded away unless asked for.
  const [showAll, setShowAll] = useState(false);
  const lang = currentLang();
  const b = runs[Number(before)];
  const a = runs[Number(after)];
  const cmp = useMemo(() => (a && b ? compareRuns(b.run.diagnosis, a.run.diagnosis) : null), [a, b]);
  const options = runs.map((c, i) => ({
    value: String(i),
    label: `${shortDate(c.run.diagnosis.startedAt)} · ${c.otherVisit ? t('reports.otherVisit') : t('reports.runN', { n: c.n })}`,
  }));
  return (
    <section className="card compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('reports.compareTitle')}</h2>
      <div className="grid-2">
        <SelectField
          label={t('reports.before')}
          value={before}
          options={options}
          onChange={setBefore}
          name="compare-before"
        />
        <SelectField
          label={t('reports.after')}
          value={after}
          options={options}
          onChange={setAfter}
          name="compare-after"
        />
      </div>
      {cmp ? (
        <>
          <p className="verdict-line" data-compare-verdict={cmp.verdict.change}>
            <StatusBadge status={cmp.verdict.before} /> <span aria-hidden="true">→</span>{' '}
            <StatusBadge status={cmp.verdict.after} />{' '}
            <strong>{t(`reports.change.${cmp.verdict.change}`)}</strong>
          </p>
          {cmp.resolvedCodes.length > 0 ? (
            <p>
              {t('reports.resolved')}: <span className="mono">{cmp.resolvedCodes.join(' ')}</span>
            </p>
          ) : null}
          {cmp.newCodes.length > 0 ? (
            <p>
              {t('reports.newCodes')}: <span className="mono">{cmp.newCodes.join(' ')}</span>
            </p>
          ) : null}
          <table className="table compare-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.check')}</th>
                <th scope="col">{t('reports.before')}</th>
                <th scope="col">{t('reports.after')}</th>
                <th scope="col">{t('reports.changeCol')}</th>
                <th scope="col">{t('reports.findings')}</th>
              </tr>
            </thead>
            <tbody>
              {cmp.checks
                .filter((c) => showAll || c.change !== 'unchanged')
                .map((c) => (
                  <tr key={c.id} data-check={c.id} data-change={c.change} className={`change-${c.change}`}>
                    <td>{visible(checkTitle(c, lang), 200)}</td>
                    <td>{c.before ? <StatusBadge status={c.before} /> : '—'}</td>
                    <td>{c.after ? <StatusBadge status={c.after} /> : '—'}</td>
                    <td>
                      <span aria-hidden="true">{CHANGE_ICON[c.change]}</span>{' '}
                      {t(`reports.change.${c.change}`)}
                    </td>
                    <td className="mono">
                      {c.findingsRemoved.map((f) => `−${f}`).join(' ')}{' '}
                      {c.findingsAdded.map((f) => `+${f}`).join(' ')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <label className="check compare-all">
            <input
              type="checkbox"
              checked={showAll}
              onChange={(e) => setShowAll(e.target.checked)}
              name="compare-all"
            />
            {t('reports.showUnchanged', { count: cmp.checks.filter((c) => c.change === 'unchanged').length })}
          </label>
        </>
      ) : null}
    </section>
  );
}
