// The renderer's job (site, device, method, values typed) as a report's job. Never carries the password: the
// renderer job has none, and the settings come from the diagnosis's target (which has no secret field).
import type { Diagnosis } from '../../../../shared/model';
import type { JobInput } from '../../../../shared/report';
import type { Job } from '../../store/types';

/** Longest customer/site text a report holds, in characters (the report schema's bound). */
const SHORT_TEXT_MAX = 200;

/** `from`: a finished diagnosis, or (capture mode, no diagnosis yet) the device and the method being tested. */
export function reportJobFrom(
  job: Job,
  from: Pick<Diagnosis, 'device' | 'method'> & { target?: Diagnosis['target'] },
): JobInput {
  const cut = (s: string) => s.trim().slice(0, SHORT_TEXT_MAX);
  return {
    // The tenant domain names the customer; the site is what the technician typed for this visit.
    customer: cut(job.domain),
    site: cut(job.site),
    device: {
      model: cut(from.device?.label ?? ''),
      ...(job.deviceId ? { profileId: job.deviceId.slice(0, 100) } : {}),
    },
    method: job.method ?? from.method,
    ...(from.target ? { settings: from.target } : {}),
  };
}
