// The advisor's ranking for the current answers and device (filled in from src/shared/methods.ts).
import { useTranslation } from 'react-i18next';

export function RankingCard() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h2>{t('method.ranking')}</h2>
    </div>
  );
}
