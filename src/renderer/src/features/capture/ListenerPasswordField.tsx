// The listener password for relay-through with the technician's sign-in: generated, shown on request so it can be
// read out and typed into the device's SMTP sign-in (any user name), copyable, replaceable. Memory only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { CopyButton } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import { useApp } from '../../store';
import { captureActions, captureSel } from '../../store/capture-slice';

export function ListenerPasswordField({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const password = useApp(captureSel.listenerPassword);
  const a = useApp(useShallow(captureActions));
  const [shown, setShown] = useState(false);
  return (
    <Field label={t('capture.listenerPassword')} hint={t('capture.listenerPasswordHint')}>
      {(id) => (
        <div className="listener-password">
          <input
            id={id}
            name="capture-listener-password"
            type={shown ? 'text' : 'password'}
            value={password}
            onChange={(e) => a.setListenerPassword(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            readOnly={locked}
          />
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={shown}
            onClick={() => setShown((v) => !v)}
          >
            {shown ? t('capture.listenerPasswordHide') : t('capture.listenerPasswordShow')}
          </button>
          <CopyButton value={password} label={t('capture.listenerPassword')} />
          <button type="button" className="btn btn-small" disabled={locked} onClick={a.newListenerPassword}>
            {t('capture.listenerPasswordNew')}
          </button>
        </div>
      )}
    </Field>
  );
}
