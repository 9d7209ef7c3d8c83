// The advisor's ranking for the current answers and device; recomputed live as answers change.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { StatusBadge } from '../../components/StatusBadge';
import { useSelectedModel } from '../../hooks/useSelectedModel';
import { currentLang } from '../../i18n';
import { useApp } from '../../store';
import { actions, jobSel } from '../../store/selectors';
import { adviseFor, rankingView } from './advice';
import { AdvisorRanking } from './AdvisorRanking';

export function RankingCard() {
  const { t, i18n } = useTranslation();
  const job = useApp(jobSel.job);
  const model = useSelectedModel();
  const { chooseMethod } = useApp(useShallow(actions));
  const lang = currentLang();
  const result = useMemo(() => adviseFor(job, model, new Date()), [job, model]);
  const ranking = useMemo(() => (result.ok ? rankingView(result.advice, lang) : []), [result, lang, i18n.language]);
  return (
    <div className="card">
      <h2>{t('method.ranking')}</h2>
      {!model ? <p className="hint">{t('method.noDevice')}</p> : null}
      {!result.ok ? (
        <p className="error-box" role="alert">
          {t('method.unavailable', { error: result.errors.join('; ') })}
        </p>
      ) : (
        <>
          {result.advice.notices.length > 0 ? (
            <ul className="warning-list" style={{ marginBottom: 10 }}>
              {result.advice.notices.map((n) => (
                <li key={n.code} className={`warn-item sev-${n.effect === 'blocker' ? 'error' : 'warning'}`}>
                  <StatusBadge status={n.effect === 'blocker' ? 'error' : 'warning'} />
                  <span>{n.text[lang]}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <AdvisorRanking ranking={ranking} chosen={job.method} onChoose={chooseMethod} />
        </>
      )}
    </div>
  );
}
