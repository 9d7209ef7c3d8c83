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
      ...(job.deviceId && job.generationId !== 'current'
        ? { generation: job.generationId.slice(0, 100) }
        : {}),
      // Detect's evidence, and the firmware / serial it read when it matched the device chosen.
      ...(job.identified ? { identified: job.identified } : {}),
      ...(job.identified?.firmware && job.identified.match?.modelId === job.deviceId
        ? { firmware: job.identified.firmware.slice(0, SHORT_TEXT_MAX) }
        : {}),
      ...(job.identified?.serial && job.identified.match?.modelId === job.deviceId
        ? { serial: job.identified.serial.slice(0, SHORT_TEXT_MAX) }
        : {}),
    },
    method: job.method ?? from.method,
    ...(from.target ? { settings: from.target } : {}),
  };
}
