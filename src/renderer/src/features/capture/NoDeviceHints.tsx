// Shown when capture has listened for a minute and no device has connected: what to check, most likely first,
// with the exact commands for this laptop's OS (copyable: they are values to type).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_DEVICE_HINT_AFTER_MS, noDeviceHints } from '../../../../shared/capture-hints';
import { CopyButton } from '../../components/CopyButton';
import { currentLang } from '../../i18n';
import { useApp } from '../../store';
import { appSel } from '../../store/selectors';
import { captureSel } from '../../store/capture-slice';

/** How often the waiting time is re-checked, in milliseconds. */
const TICK_MS = 5_000;

export function NoDeviceHints({ afterMs = NO_DEVICE_HINT_AFTER_MS }: { afterMs?: number }) {
  const { t } = useTranslation();
  const capture = useApp(captureSel.capture);
  const appInfo = useApp(appSel.appInfo);
  const interfaces = useApp(appSel.interfaces);
  const running = capture.phase === 'running';
  const [since, setSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) {
      setSince(null);
      return;
    }
    setSince(Date.now());
    const timer = setInterval(() => setNow(Date.now()), Math.min(TICK_MS, Math.max(50, afterMs)));
    return () => clearInterval(timer);
  }, [running, afterMs]);
  if (!running || since === null || capture.sessions.length > 0 || now - since < afterMs) return null;
  const hints = noDeviceHints(
    { platform: appInfo?.platform ?? 'linux', listening: capture.listening, interfaces },
    currentLang(),
  );
  return (
    <div className="card no-device" role="status" data-no-device-hints>
      <h2>{t('capture.noDeviceTitle')}</h2>
      <ol className="hint-list">
        {hints.map((h) => (
          <li key={h.id} data-hint={h.id}>
            <strong>{h.title}</strong>
            <p>{h.body}</p>
            {h.commands.map((c) => (
              <div key={c.cmd} className="hint-command">
                <span className="muted">{c.label}</span>
                <div>
                  <code>{c.cmd}</code> <CopyButton value={c.cmd} label={c.label} />
                </div>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
