// Screen 1: the job (site, purpose) and the device: search a vendor/model, or pick a generic entry.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { searchModels } from '../../../../shared/profiles-resolve';
import { TextField } from '../../components/Field';
import { useSelectedModel } from '../../hooks/useSelectedModel';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { actions, catalogSel, jobSel } from '../../store/selectors';
import { DetectPanel } from './DetectPanel';
import { DeviceListbox } from './DeviceListbox';
import { DeviceDetails } from './DeviceDetails';
import { genericModelIds } from './generic-models';
import { ProfileImport } from './ProfileImport';
import { ScreenHeader } from '../../components/ScreenHeader';

/** Search hits shown at once (the list scrolls; refine the query for more). */
const MAX_HITS_SHOWN = 40;

export function DeviceScreen() {
  const { t } = useTranslation();
  const job = useApp(jobSel.job);
  const files = useApp(catalogSel.files);
  const loading = useApp(catalogSel.loading);
  const error = useApp(catalogSel.error);
  const problems = useApp(catalogSel.problems);
  const { updateJob, selectDevice, go } = useApp(useShallow(actions));
  const model = useSelectedModel();
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchModels(files, query).slice(0, MAX_HITS_SHOWN), [files, query]);
  const generic = useMemo(() => genericModelIds(files), [files]);

  // ↓ from the search box enters the list (one tab stop; arrows move inside it).
  const list = useRef<HTMLDivElement>(null);

  return (
    <section className="screen" aria-labelledby="device-title">
      <ScreenHeader name="device" />

      <div className="card">
        <h2>{t('job.title')}</h2>
        <div className="grid-2">
          <TextField
            label={t('job.site')}
            value={job.site}
            onChange={(site) => updateJob({ site })}
            placeholder={t('job.sitePlaceholder')}
            name="site"
          />
          <TextField
            label={t('job.purpose')}
            value={job.purpose}
            onChange={(purpose) => updateJob({ purpose })}
            placeholder={t('job.purposePlaceholder')}
            name="purpose"
          />
        </div>
      </div>

      <div className="split">
        <div className="card">
          <h2>{t('device.choose')}</h2>
          <div className="generic-buttons">
            <button
              type="button"
              className={`btn${job.deviceId !== null && job.deviceId === generic.otherMfp ? ' btn-selected' : ''}`}
              disabled={!generic.otherMfp}
              onClick={() => selectDevice(generic.otherMfp)}
            >
              {t('device.otherMfp')}
            </button>
            <button
              type="button"
              className={`btn${job.deviceId !== null && job.deviceId === generic.application ? ' btn-selected' : ''}`}
              disabled={!generic.application}
              onClick={() => selectDevice(generic.application)}
            >
              {t('device.application')}
            </button>
          </div>
          <div
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && list.current) {
                e.preventDefault();
                list.current.focus();
              }
            }}
          >
            <TextField
              label={t('device.search')}
              type="search"
              value={query}
              onChange={setQuery}
              placeholder={t('device.searchPlaceholder')}
              name="device-search"
            />
          </div>
          {loading ? <p className="muted">{t('common.loading')}</p> : null}
          {error ? (
            <p className="error-text" role="alert">
              {t('device.loadError', { error })}
            </p>
          ) : null}
          <DeviceListbox
            ref={list}
            hits={hits}
            selected={job.deviceId}
            loading={loading}
            onChoose={selectDevice}
          />
          {problems.length > 0 ? (
            <div className="error-box">
              <p>{t('device.problems', { count: problems.length })}</p>
              <ul className="mono">
                {problems.map((p) => (
                  <li key={p.path}>
                    {visible(p.path, 300)}:{' '}
                    {p.errors
                      .slice(0, 3)
                      .map((e) => `${visible(e.path, 200)}: ${visible(e.message, 300)}`)
                      .join('; ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ProfileImport />
          <DetectPanel otherMfp={generic.otherMfp} />
        </div>

        <div className="card">
          {model ? (
            <>
              <DeviceDetails model={model} />
              <div className="actions">
                <button type="button" className="btn btn-primary" onClick={() => go('method')}>
                  {t('device.next')}
                </button>
              </div>
            </>
          ) : (
            <p className="muted">{t('device.none')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
