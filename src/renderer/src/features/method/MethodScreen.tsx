// Screen 2: questions → the advisor's ranking with reasons; seed 001's comparison table to look at.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store';
import { actions, jobSel } from '../../store/selectors';
import { ComparisonTable } from './ComparisonTable';
import { Questions } from './Questions';
import { RankingCard } from './RankingCard';
import { ScreenHeader } from '../../components/ScreenHeader';

export function MethodScreen() {
  const { t } = useTranslation();
  const method = useApp(jobSel.method);
  const { go } = useApp(useShallow(actions));
  return (
    <section className="screen" aria-labelledby="method-title">
      <ScreenHeader name="method" />
      <Questions />
      <RankingCard />
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={method === null} onClick={() => go('checklist')}>
          {t('method.next')}
        </button>
      </div>
      <details className="card comparison-box">
        <summary>{t('method.showComparison')}</summary>
        <ComparisonTable highlight={method} />
      </details>
    </section>
  );
}
