// "検出 / Detect": ask the one device at an address over SNMP + IPP; a match selects its profile, anything else
// says what the device said and offers "Other MFP". The community is a password field held in memory only.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { IdentifyEvidence } from '../../../../shared/identify';
import { enterpriseEntry } from '../../../../shared/identify-enterprises';
import { TextField } from '../../components/Field';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { actions, catalogSel, identifySel, jobSel } from '../../store/selectors';

function Values({ values }: { values: Record<string, string> }) {
  const rows = Object.entries(values);
  if (rows.length === 0) return null;
  return (
    <dl className="kv mono">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{visible(v, 300)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Result({ e, otherMfp }: { e: IdentifyEvidence; otherMfp: string | null }) {
  const { t } = useTranslation();
  const { selectDevice } = useApp(useShallow(actions));
  const files = useApp(catalogSel.files);
  // Vendor known, model not: offer that vendor's profiles (from the enterprise table), never pick one ourselves.
  const vendorFiles =
    e.outcome === 'vendor-only' && e.vendor?.enterprise !== undefined
      ? (enterpriseEntry(e.vendor.enterprise)?.fileIds ?? [])
      : [];
  const vendorModels = files
    .filter((f) => vendorFiles.includes(f.profile.id))
    .flatMap((f) => f.profile.models.filter((m) => m.kind === 'mfp'));
  const answered = e.snmp.status === 'answered' || e.ipp.status === 'answered';
  return (
    <div className="detect-result" data-outcome={e.outcome} aria-live="polite">
      <p className={e.outcome === 'identified' ? 'ok-text' : 'warn-text'}>
        {t(`detect.outcome.${e.outcome}`)}
      </p>
      {e.match ? (
        <p data-testid="detect-profile">
          {t('detect.profile')}: <strong>{visible(`${e.match.vendor} ${e.match.series}`, 200)}</strong> (
          {t(`detect.confidence.${e.match.confidence}`)})
        </p>
      ) : null}
      {e.match ? (
        <p className={e.match.generationId ? '' : 'warn-text'}>
          {t('detect.generation')}: {e.match.generationId ?? t('detect.generationUnknown')}
        </p>
      ) : null}
      <dl className="kv">
        {e.vendor ? (
          <div>
            <dt>{t('detect.vendor')}</dt>
            <dd>
              {visible(e.vendor.name, 100)}
              {e.vendor.enterprise !== undefined
                ? ` (sysObjectID ${e.vendor.enterprise}${e.vendor.verified ? '' : `, ${t('detect.unverified')}`})`
                : ''}
            </dd>
          </div>
        ) : null}
        {e.model ? (
          <div>
            <dt>{t('detect.model')}</dt>
            <dd data-testid="detect-model">{visible(e.model, 200)}</dd>
          </div>
        ) : null}
        {answered ? (
          <div>
            <dt>{t('detect.firmware')}</dt>
            <dd>{e.firmware ? visible(e.firmware, 200) : t('detect.notReported')}</dd>
          </div>
        ) : null}
        {e.serial ? (
          <div>
            <dt>{t('detect.serial')}</dt>
            <dd>{visible(e.serial, 100)}</dd>
          </div>
        ) : null}
      </dl>
      {e.match && e.match.reasons.length > 0 ? (
        <details>
          <summary>{t('detect.because')}</summary>
          <ul className="reasons">
            {e.match.reasons.map((r, i) => (
              <li key={i}>
                <span className="mono">{r.field}</span> “{visible(r.value, 120)}” ~{' '}
                <span className="mono">{visible(r.matched, 120)}</span>
                {r.sources.length > 0 ? (
                  <span className="muted"> — {r.sources.map((s) => visible(s.title, 200)).join('; ')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {e.alternatives.length > 0 ? (
        <p className="muted">
          {t('detect.alternatives')}:{' '}
          {e.alternatives.map((a) => (
            <button
              key={a.modelId}
              type="button"
              className="btn btn-link"
              onClick={() => selectDevice(a.modelId)}
            >
              {visible(`${a.vendor} ${a.series}`, 120)}
            </button>
          ))}
        </p>
      ) : null}
      {vendorModels.length > 0 ? (
        <p className="vendor-models">
          {vendorModels.map((m) => (
            <button
              key={m.id}
              type="button"
              className="btn"
              data-vendor-model={m.id}
              onClick={() => selectDevice(m.id)}
            >
              {visible(`${m.vendor} ${m.family}`, 120)}
            </button>
          ))}
        </p>
      ) : null}
      {!e.match && answered && otherMfp ? (
        <button type="button" className="btn" onClick={() => selectDevice(otherMfp)}>
          {t('detect.useOther')}
        </button>
      ) : null}
      <details>
        <summary>{t('detect.result')}</summary>
        <p>
          {t('detect.snmp')} ({e.snmp.version ?? '—'}): {t(`detect.status.${e.snmp.status}`)}
          {e.snmp.message ? ` — ${visible(e.snmp.message, 300)}` : ''}
        </p>
        <Values values={e.snmp.values} />
        <p>
          {t('detect.ipp')}: {t(`detect.status.${e.ipp.status}`)}
          {e.ipp.message ? ` — ${visible(e.ipp.message, 300)}` : ''}
        </p>
        <Values values={e.ipp.values} />
      </details>
    </div>
  );
}

export function DetectPanel({ otherMfp }: { otherMfp: string | null }) {
  const { t } = useTranslation();
  const identify = useApp(identifySel.identify);
  const evidence = useApp(jobSel.identified);
  const { setIdentifyForm, detect, cancelDetect } = useApp(useShallow(actions));
  const running = identify.phase === 'running';
  return (
    <div className="detect">
      <h3>{t('detect.title')}</h3>
      <p className="muted">{t('detect.lead')}</p>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          void detect();
        }}
      >
        <div className="grid-2">
          <TextField
            label={t('detect.address')}
            value={identify.address}
            onChange={(address) => setIdentifyForm({ address })}
            placeholder={t('detect.addressPlaceholder')}
            name="detect-address"
          />
          <TextField
            label={t('detect.community')}
            value={identify.community}
            onChange={(community) => setIdentifyForm({ community })}
            type="password"
            autoComplete="off"
            hint={t('detect.communityHint')}
            name="detect-community"
          />
        </div>
        <details className="detect-ports">
          <summary>{t('detect.ports')}</summary>
          <div className="grid-2">
            <TextField
              label={t('detect.snmpPort')}
              value={identify.snmpPort}
              onChange={(snmpPort) => setIdentifyForm({ snmpPort })}
              placeholder="161"
              name="detect-snmp-port"
            />
            <TextField
              label={t('detect.ippPort')}
              value={identify.ippPort}
              onChange={(ippPort) => setIdentifyForm({ ippPort })}
              placeholder="631"
              name="detect-ipp-port"
            />
          </div>
        </details>
        <div className="actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={running || identify.address.trim() === ''}
          >
            {running ? t('detect.running') : t('detect.run')}
          </button>
          {running ? (
            <button type="button" className="btn" onClick={() => void cancelDetect()}>
              {t('detect.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {identify.phase === 'error' && identify.error ? (
        <p className="error-text" role="alert">
          {t('detect.failed', { error: visible(identify.error, 300) })}
        </p>
      ) : null}
      {evidence && !running ? <Result e={evidence} otherMfp={otherMfp} /> : null}
    </div>
  );
}
