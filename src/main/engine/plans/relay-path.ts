// Where a relay refusal was seen changes what it means. On the MX endpoint, 5.7.54 ("Unable to relay") answers a
// connection Exchange Online did not attribute to the organisation's connector. For Direct Send that is by design
// (internal recipients only); on the path of SMTP relay it means the connector did not match this site. The check
// itself cannot know which path the job takes (in `auto` the recommendation is made after every check), so the
// run marks the finding once the path is known; the catalogue's text variant for `path=relay` then speaks of the
// connector and the admin instead of telling the technician to use the method that just failed.
import type { Check, Method } from '../../../shared/model';
import { endpointOf } from '../../../shared/findings/primary';

/** Marks RELAY_DENIED findings of MX checks as seen on the relay path, with the egress IP when known. */
export function markRelayPath(checks: Check[], pathMethod: Method | null, egressIp: string | null): void {
  if (pathMethod !== 'relay') return;
  for (const c of checks) {
    if (endpointOf(c.id) !== 'mx') continue;
    c.findings = c.findings.map((f) =>
      f.code === 'RELAY_DENIED'
        ? {
            ...f,
            params: { ...f.params, path: 'relay', ...(egressIp && !f.params?.ip ? { ip: egressIp } : {}) },
          }
        : f,
    );
  }
}
