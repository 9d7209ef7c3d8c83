// Where to listen (this laptop's address and ports), which method to judge the device against, and whether to
// pass its mail on (relay-through). The relay password is session-only, like the diagnosis password.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Method } from '../../../../shared/model';
import { SelectField, TextField } from '../../components/Field';
import { useApp } from '../../store';
import {
  captureActions,
  captureSel,
  usesTechnicianSignIn,
  type RelayChoice,
} from '../../store/capture-slice';
import { ListenerPasswordField } from './ListenerPasswordField';
import { appSel, jobSel } from '../../store/selectors';

const METHODS: readonly Method[] = ['submission', 'direct-send', 'relay'];
const RELAYS: readonly RelayChoice[] = ['none', 'lab', 'm365'];

export function CaptureForm() {
  const { t } = useTranslation();
  const form = useApp(captureSel.form);
  const phase = useApp((s) => s.capture.phase);
  const relayPassword = useApp(captureSel.relayPassword);
  const interfaces = useApp(appSel.interfaces);
  const job = useApp(jobSel.job);
  const a = useApp(useShallow(captureActions));
  const locked = phase === 'starting' || phase === 'running';

  // First visit: the first external IPv4 address (what a device on the LAN can reach), the job's method and mailbox.
  useEffect(() => {
    if (form.address !== '' || interfaces.length === 0) return;
    const pick =
      interfaces.find((i) => !i.internal && i.family === 'IPv4') ??
      interfaces.find((i) => !i.internal) ??
      interfaces[0];
    a.setCaptureForm({
      ...(pick ? { address: pick.address } : {}),
      ...(job.method ? { method: job.method } : {}),
      ...(form.relayUser === '' && job.mailbox ? { relayUser: job.mailbox } : {}),
    });
  }, [a, form.address, form.relayUser, interfaces, job.method, job.mailbox]);

  const addresses = interfaces.map((i) => ({
    value: i.address,
    label: `${i.address} — ${i.name}${i.internal ? ` (${t('capture.loopback')})` : ''}`,
  }));
  if (form.address !== '' && !addresses.some((o) => o.value === form.address))
    addresses.unshift({ value: form.address, label: form.address });

  return (
    <form
      className="card capture-form"
      aria-label={t('capture.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        void a.startCapture();
      }}
    >
      <fieldset disabled={locked} className="grid-3 grid-dense">
        <SelectField
          label={t('capture.address')}
          value={form.address}
          options={addresses}
          onChange={(address) => a.setCaptureForm({ address })}
          hint={t('capture.addressHint')}
          name="capture-address"
        />
        <TextField
          label={t('capture.ports')}
          value={form.ports}
          onChange={(ports) => a.setCaptureForm({ ports })}
          hint={t('capture.portsHint')}
          name="capture-ports"
        />
        <SelectField<Method>
          label={t('capture.method')}
          value={form.method}
          options={METHODS.map((m) => ({ value: m, label: t(`method.name.${m}`) }))}
          onChange={(method) => a.setCaptureForm({ method })}
          name="capture-method"
        />
      </fieldset>
      <fieldset disabled={locked} className="grid-3 grid-dense">
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={form.implicitTls}
              onChange={(e) => a.setCaptureForm({ implicitTls: e.target.checked })}
              name="capture-implicit"
            />
            {t('capture.implicit')}
          </label>
          {form.implicitTls ? (
            <TextField
              label={t('capture.implicitPort')}
              value={form.implicitPort}
              onChange={(implicitPort) => a.setCaptureForm({ implicitPort })}
              name="capture-implicit-port"
            />
          ) : (
            <div className="hint">{t('capture.implicitHint')}</div>
          )}
        </div>
        <SelectField<RelayChoice>
          label={t('capture.relay')}
          value={form.relay}
          options={RELAYS.map((r) => ({ value: r, label: t(`capture.relayTo.${r}`) }))}
          onChange={(relay) => a.setCaptureForm({ relay })}
          hint={t(`capture.relayHint.${form.relay}`)}
          name="capture-relay"
        />
        {form.relay === 'm365' ? (
          <div>
            <TextField
              label={t('capture.relayUser')}
              type="email"
              value={form.relayUser}
              onChange={(relayUser) => a.setCaptureForm({ relayUser })}
              name="capture-relay-user"
            />
            <TextField
              label={t('capture.relayPassword')}
              type="password"
              value={relayPassword}
              onChange={a.setRelayPassword}
              hint={t('diagnose.passwordHint')}
              autoComplete="new-password"
              name="capture-relay-password"
            />
            {usesTechnicianSignIn(form, relayPassword) ? <ListenerPasswordField locked={locked} /> : null}
          </div>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={locked}>
          <span aria-hidden="true">▶</span>{' '}
          {phase === 'starting' ? t('capture.starting') : t('capture.start')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={phase !== 'running'}
          onClick={() => void a.stopCapture()}
        >
          <span aria-hidden="true">■</span> {t('capture.stop')}
        </button>
        <span className="muted">{t('capture.keys')}</span>
      </div>
    </form>
  );
}
