// Findings carry the params the engine saw; documents fill the few that have one obvious value in the job
// (the mailbox signed in with, the sender, the domain, the site's public IP) so the admin reads
// "scanner@contoso.com" rather than "the mailbox". Params the engine set always win.
import type { FindingRef } from '../../shared/model';
import type { Job } from '../../shared/report';

export function withJobParams(ref: FindingRef, job: Job, egressIp: string | null): FindingRef {
  const s = job.settings;
  const fill: Record<string, string | undefined> = {
    mailbox: s.user,
    sender: s.from,
    domain: s.domain,
    ip: egressIp ?? undefined,
  };
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(fill)) if (v) params[k] = v;
  return Object.keys(params).length === 0 ? ref : { ...ref, params: { ...params, ...ref.params } };
}
