// The heading every screen opens with: its title (focused on arrival, see App.tsx) and an optional lead.
import { useTranslation } from 'react-i18next';

export type ScreenName = 'device' | 'method' | 'checklist' | 'diagnose' | 'reports' | 'capture' | 'settings';

/** `${name}-title` is the id screens point aria-labelledby at; texts come from `${name}.title` / `${name}.lead`. */
export function ScreenHeader({ name, lead = true }: { name: ScreenName; lead?: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="screen-header">
      <h1 id={`${name}-title`} tabIndex={-1}>
        {t(`${name}.title`)}
      </h1>
      {lead ? <p className="lead">{t(`${name}.lead`)}</p> : null}
    </header>
  );
}
