// Settings: language (live switch), diagnosis deadline, DNS server, extra trusted CA; plus what this runtime is.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Lang } from '../../../../shared/model';
import { Field, SelectField, TextField } from '../../components/Field';
import { appStore, useApp } from '../../store';
import { actions, appSel, settingsSel } from '../../store/selectors';
import { TIMEOUT_MAX_SEC, TIMEOUT_MIN_SEC } from '../../store/settings-slice';
import { ScreenHeader } from '../../components/ScreenHeader';

const LANG_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useApp(settingsSel.settings);
  const info = useApp(appSel.appInfo);
  const { updateSettings } = useApp(useShallow(actions));
  const caId = useId();
  const osLang = info?.suggestedLang ?? 'en';
  const [timeoutDraft, setTimeoutDraft] = useState(String(settings.timeoutSec));
  const commitTimeout = () => {
    updateSettings({ timeoutSec: Number(timeoutDraft) });
    setTimeoutDraft(String(appStore.getState().settings.timeoutSec));
  };
  return (
    <section className="screen" aria-labelledby="settings-title">
      <ScreenHeader name="settings" lead={false} />
      <div className="card">
        <div className="grid-2">
          <SelectField<'auto' | Lang>
            label={t('settings.language')}
            value={settings.lang ?? 'auto'}
            options={[
              { value: 'auto', label: t('settings.langAuto', { lang: LANG_NAMES[osLang] }) },
              { value: 'ja', label: LANG_NAMES.ja },
              { value: 'en', label: LANG_NAMES.en },
            ]}
            onChange={(v) => updateSettings({ lang: v === 'auto' ? null : v })}
            name="language"
          />
          <Field
            label={t('settings.timeout')}
            hint={t('settings.timeoutHint', { min: TIMEOUT_MIN_SEC, max: TIMEOUT_MAX_SEC })}
          >
            {(id) => (
              <input
                id={id}
                type="number"
                name="timeout"
                min={TIMEOUT_MIN_SEC}
                max={TIMEOUT_MAX_SEC}
                value={timeoutDraft}
                // Clamp when the technician is done typing, not on every keystroke ("1" on the way to "120").
                onChange={(e) => setTimeoutDraft(e.target.value)}
                onBlur={commitTimeout}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commitTimeout();
                }}
              />
            )}
          </Field>
          <TextField
            label={t('settings.dnsServer')}
            value={settings.dnsServer}
            onChange={(dnsServer) => updateSettings({ dnsServer })}
            hint={t('settings.dnsHint')}
            placeholder="192.0.2.53"
            name="dnsServer"
          />
        </div>
        <div className="field">
          <label htmlFor={caId}>{t('settings.extraCa')}</label>
          <textarea
            id={caId}
            className="mono"
            rows={6}
            value={settings.extraCaPem}
            spellCheck={false}
            onChange={(e) => updateSettings({ extraCaPem: e.target.value })}
            placeholder="-----BEGIN CERTIFICATE-----"
          />
          <div className="hint">{t('settings.extraCaHint')}</div>
        </div>
      </div>
      {info ? (
        <div className="card">
          <h2>{t('settings.about')}</h2>
          {/* The runtime's own identifiers (platform, runtime, secret-storage backend) are shown as they are. */}
          <p translate="no">
            {t('settings.version', { version: info.version, platform: info.platform, runtime: info.runtime })}
          </p>
          <p translate="no">
            {t('settings.secretStorage', {
              state: info.secretStorage.encrypted
                ? t('settings.secretOk', { backend: info.secretStorage.backend })
                : t('settings.secretNo', { backend: info.secretStorage.backend }),
            })}
          </p>
        </div>
      ) : null}
    </section>
  );
}
