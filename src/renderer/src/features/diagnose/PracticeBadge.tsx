// The practice badge: while practice mode is on, while a lab run is running, and on a finished lab run's result,
// the screen says plainly that this is the built-in lab (練習用ラボ), not the customer's system.
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store';
import { runSel } from '../../store/selectors';

export function PracticeBadge() {
  const { t } = useTranslation();
  const practice = useApp(runSel.practice);
  const run = useApp(runSel.run);
  const running = run.phase === 'starting' || run.phase === 'running';
  // A finished run's own data decides (practice may have been switched off since); otherwise the mode does.
  const shown =
    run.diagnosis && !running
      ? run.diagnosis.practice
      : practice.enabled
        ? { scenario: practice.scenario }
        : undefined;
  if (!shown) return null;
  // The scenario by its name in the technician's language (the id stays in data-practice).
  const name = t(`scenario.${shown.scenario}`, { defaultValue: shown.scenario });
  const text = running
    ? t('practiceLab.badgeRunning', { scenario: name })
    : run.diagnosis?.practice
      ? t('practiceLab.badgeDone', { scenario: name })
      : t('practiceLab.badgeReady', { scenario: name });
  return (
    <div
      className="practice-badge"
      role="status"
      data-practice={shown.scenario}
      data-phase={running ? 'running' : run.diagnosis?.practice ? 'done' : 'ready'}
    >
      <span className="practice-badge-label">{t('practiceLab.badge')}</span>
      <span>{text}</span>
    </div>
  );
}
