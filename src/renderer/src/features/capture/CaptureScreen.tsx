// Capture mode: the device is pointed at this laptop; each session it sends is recorded and diagnosed live.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store';
import { captureActions, captureSel } from '../../store/capture-slice';
import { CaptureForm } from './CaptureForm';
import { SessionCard } from './SessionCard';
import { NoDeviceHints } from './NoDeviceHints';
import { TypeThisBox } from './TypeThisBox';
import { ScreenHeader } from '../../components/ScreenHeader';

function SaveButton({ index }: { index: number }) {
  const { t } = useTranslation();
  const item = useApp((s) => s.capture.sessions.find((x) => x.index === index));
  const save = useApp((s) => s.saveCapturedSession);
  if (!item) return null;
  return (
    <span className="session-save">
      <button
        type="button"
        className="btn btn-small"
        disabled={item.saved !== null}
        onClick={() => void save(index)}
      >
        {item.saved === 'saved'
          ? t('capture.saved')
          : item.saved === 'saving'
            ? t('capture.saving')
            : t('capture.save')}
      </button>
      {item.saveError ? (
        <span className="error-text" role="alert">
          {' '}
          {item.saveError}
        </span>
      ) : null}
    </span>
  );
}

export function CaptureScreen() {
  const { t } = useTranslation();
  const capture = useApp(captureSel.capture);
  const a = useApp(useShallow(captureActions));
  const running = capture.phase === 'running';
  useEffect(() => {
    // Escape stops a running capture, like it cancels a running diagnosis.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && running) void a.stopCapture();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [a, running]);
  const sessions = [...capture.sessions].reverse();
  return (
    <section className="screen capture-screen" aria-labelledby="capture-title">
      <ScreenHeader name="capture" />
      {/* While listening, what to type into the device comes first. */}
      {running || capture.phase === 'stopped' ? <TypeThisBox /> : null}
      <NoDeviceHints />
      <CaptureForm />
      {capture.error ? (
        <div className="card error-box" role="alert">
          {t('capture.failed', { error: capture.error })}
        </div>
      ) : null}
      {capture.phase === 'stopped' && capture.stoppedReason ? (
        <p className="muted" role="status">
          {t('capture.stopped', { reason: capture.stoppedReason })}
        </p>
      ) : null}
      <section className="sessions" aria-labelledby="sessions-title" aria-live="polite">
        <h2 id="sessions-title" className="section-title">
          {t('capture.sessions', { count: capture.sessions.length })}
        </h2>
        {sessions.length === 0 ? (
          <p className="card muted">{running ? t('capture.waiting') : t('capture.none')}</p>
        ) : null}
        {sessions.map((x) => (
          <SessionCard
            key={x.index}
            n={x.index + 1}
            diagnosis={x.diagnosis}
            actions={<SaveButton index={x.index} />}
          />
        ))}
      </section>
    </section>
  );
}
