// Reserved screens (Reports, Capture) that later work fills in; they say what they will do.
import { useTranslation } from 'react-i18next';

export function PlaceholderScreen({ screen }: { screen: 'reports' | 'capture' }) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby={`${screen}-title`}>
      <header className="screen-header">
        <h1 id={`${screen}-title`} tabIndex={-1}>
          {t(`nav.${screen}`)}
        </h1>
        <p className="lead">{t(`placeholder.${screen}`)}</p>
      </header>
      <div className="card muted">{t('placeholder.later')}</div>
    </section>
  );
}
