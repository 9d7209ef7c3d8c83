// Status shown with colour AND an icon AND a word, so it reads without colour vision or in greyscale print.
import { useTranslation } from 'react-i18next';

export type Status =
  'pass' | 'warn' | 'fail' | 'skip' | 'running' | 'info' | 'error' | 'warning' | 'cancelled' | 'idle';

const ICONS: Record<Status, string> = {
  pass: '✔',
  warn: '⚠',
  warning: '⚠',
  fail: '✖',
  error: '✖',
  skip: '–',
  running: '◌',
  info: 'ℹ',
  cancelled: '■',
  idle: '·',
};

export function StatusBadge({ status, label }: { status: Status; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      <span aria-hidden="true" className="badge-icon">
        {ICONS[status]}
      </span>
      {label ?? t(`status.${status}`)}
    </span>
  );
}
