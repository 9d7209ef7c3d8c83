// The job's device model resolved from the loaded profiles (memoised: resolving builds a new object).
import { useMemo } from 'react';
import { resolveFromLoaded, type ModelProfile } from '../../../shared/profiles-resolve';
import { useApp } from '../store';
import { catalogSel, jobSel } from '../store/selectors';

export function useSelectedModel(): ModelProfile | null {
  const files = useApp(catalogSel.files);
  const deviceId = useApp(jobSel.deviceId);
  const generationId = useApp(jobSel.generationId);
  return useMemo(
    () => (deviceId ? resolveFromLoaded(files, deviceId, generationId) : null),
    [files, deviceId, generationId],
  );
}
