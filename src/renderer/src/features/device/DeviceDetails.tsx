// The chosen model: firmware generation, capabilities with their provenance, and warnings for the mail path.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { CAPABILITY_KEYS, type CapabilityKey } from '../../../../shared/profiles';
import type { ModelProfile, ResolvedClaim } from '../../../../shared/profiles-resolve';
import { SelectField } from '../../components/Field';
import { StatusBadge } from '../../components/StatusBadge';
import { currentLang } from '../../i18n';
import { deviceWarnings } from '../../lib/device-warnings';
import { useApp } from '../../store';
import { actions, jobSel } from '../../store/selectors';
import { BasicAuthPlanPanel } from './BasicAuthPlanPanel';
import { DeviceMessageExplain } from './DeviceMessageExplain';
import { OAuthSupport } from './OAuthSupport';
import { Provenance } from './Provenance';
import { CodeText } from '../../components/CodeText';

export { Provenance } from './Provenance';

function useFormat() {
  const { t } = useTranslation();
  return (key: CapabilityKey, value: unknown): string => {
    switch (key) {
      case 'maxTls':
        return typeof value === 'string' ? `TLS ${value}` : t('cap.noTls');
      case 'cipherFamily':
        return t(`cap.cipher.${typeof value === 'string' ? value : 'any'}`);
      case 'authMechanisms':
      case 'ports':
        return Array.isArray(value) && value.length > 0 ? value.join(', ') : t('cap.none');
      case 'serverFieldMaxLength':
        return value === null ? t('cap.unknown') : t('cap.chars', { count: Number(value) });
      default:
        return value ? t('common.yes') : t('common.no');
    }
  };
}

export function DeviceDetails({ model }: { model: ModelProfile }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const format = useFormat();
  const job = useApp(jobSel.job);
  const { selectDevice } = useApp(useShallow(actions));
  const warnings = deviceWarnings(model, job.mxHost, job.domain || (job.mailbox.split('@')[1] ?? ''));

  return (
    <div className="device-details" data-model={model.id}>
      <h2 translate="no">
        {model.vendor} {model.series}
      </h2>
      <p className="muted">{model.names.slice(0, 8).join(', ')}</p>
      {model.generations.length > 1 ? (
        <SelectField
          label={t('device.generation')}
          value={model.generation.id}
          options={model.generations.map((g) => ({
            value: g.id,
            label: g.firmware ? `${g.label[lang]} (${g.firmware})` : g.label[lang],
          }))}
          onChange={(g) => selectDevice(model.id, g)}
        />
      ) : null}

      <h3>{t('device.capabilities')}</h3>
      <table className="table caps">
        <tbody>
          {CAPABILITY_KEYS.map((key) => {
            const claim = model.capabilities[key] as ResolvedClaim<unknown>;
            return (
              <tr key={key}>
                <th scope="row">{t(`cap.${key}`)}</th>
                <td className="mono">{format(key, claim.value)}</td>
                <td>
                  <Provenance claim={claim} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{t('device.warnings')}</h3>
      <ul className="warning-list">
        {warnings.map((w) => (
          <li key={w.id} className={`warn-item sev-${w.severity}`} data-warning={w.id}>
            <StatusBadge status={w.severity} />
            <span>{t(`deviceWarning.${w.id}`, w.params)}</span>
            {!w.verified ? <Provenance claim={{ verified: false, sources: [] }} /> : null}
          </li>
        ))}
        {model.warnings.map((w) => (
          <li key={w.id} className={`warn-item sev-${w.severity}`}>
            <StatusBadge status={w.severity} />
            <span>
              <CodeText text={w.text[lang]} />
            </span>
            <Provenance claim={w} />
          </li>
        ))}
      </ul>

      <OAuthSupport model={model} />
      <BasicAuthPlanPanel model={model} />
      <DeviceMessageExplain model={model} />
    </div>
  );
}
