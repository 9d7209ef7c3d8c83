// Device sessions saved from capture mode into this report (free-form entries: read defensively).
import { useTranslation } from 'react-i18next';
import { CaptureDiagnosisSchema } from '../../../../shared/capture';
import { SessionCard } from '../capture/SessionCard';

export function CapturedList({ captures }: { captures: readonly Record<string, unknown>[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="captures-title">
      <h2 id="captures-title">{t('reports.captures', { count: captures.length })}</h2>
      {captures.map((c, i) => {
        const parsed = CaptureDiagnosisSchema.safeParse(c);
        return parsed.success ? (
          <SessionCard key={i} n={i + 1} diagnosis={parsed.data} />
        ) : (
          <p key={i} className="muted">
            {t('reports.captureUnreadable', { n: i + 1 })}
          </p>
        );
      })}
    </section>
  );
}
