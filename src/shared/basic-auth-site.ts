// The devices of a site's saved reports as plan inputs: one per distinct device (profile, model name, serial,
// location), with its method from the job. Used by `advise --basic-auth-plan --site` and the Reports screen. Pure.
import type { PlanDeviceInput } from './basic-auth-plan';
import { resolveProfileRef, type LoadedProfileFile } from './profiles-resolve';
import type { Report } from './report';

/** NFKC + case-insensitive form the report list uses for customers and sites. */
export const foldName = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

export function planDevicesFromReports(
  reports: readonly Report[],
  files: readonly LoadedProfileFile[],
): PlanDeviceInput[] {
  const seen = new Set<string>();
  const out: PlanDeviceInput[] = [];
  for (const report of reports) {
    const dev = report.job.device;
    const key = [
      dev.profileId ?? '',
      foldName(dev.model),
      dev.serial ?? '',
      foldName(dev.location ?? ''),
    ].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const model = dev.profileId ? resolveProfileRef(files, dev.profileId) : null;
    const label = [dev.model || model?.series || report.id, dev.location].filter(Boolean).join(' — ');
    const jobMethod = report.job.method === 'auto' ? report.job.settings.method : report.job.method;
    out.push({ label, model, method: jobMethod === 'auto' ? 'unknown' : jobMethod });
  }
  return out;
}
