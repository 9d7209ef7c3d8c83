// Import a technician's own profile file; every validation error names the field.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { MAX_PROFILE_FILE_CHARS } from '../../../../shared/profiles';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { actions, catalogSel } from '../../store/selectors';

export function ProfileImport() {
  const { t } = useTranslation();
  const id = useId();
  const errors = useApp(catalogSel.importErrors);
  const imported = useApp(catalogSel.importedLabel);
  const { importProfile } = useApp(useShallow(actions));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // Refuse before reading a huge file into memory (the schema would reject it anyway).
    if (file.size > MAX_PROFILE_FILE_CHARS * 4) {
      await importProfile(file.name, ' '.repeat(MAX_PROFILE_FILE_CHARS + 1));
      return;
    }
    await importProfile(file.name, await file.text());
  };

  return (
    <details className="import">
      <summary>{t('device.import')}</summary>
      <label htmlFor={id} className="muted">
        {t('device.importHint')}
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {imported ? (
        <p className="ok-text" role="status">
          {t('device.importOk', { label: imported })}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <div role="alert" className="error-box">
          <p>{t('device.importErrors', { count: errors.length })}</p>
          <ul className="mono">
            {errors.map((e, i) => (
              <li key={i}>
                <strong>{visible(e.path, 200)}</strong>: {visible(e.message, 500)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </details>
  );
}
