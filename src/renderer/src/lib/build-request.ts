// Builds the DiagnoseRequest from the job, settings and session inputs (pure: unit-tested).
// Practice mode swaps in the built-in lab's tenant, connect-to rules, DNS server and CA.
import { MX_PORT, SUBMISSION_HOST, SUBMISSION_PORT } from '../../../shared/exchange-online';
import { buildDiagnoseRequest, type BuiltRequest } from '../../../shared/diagnose-request';
import type { DeviceProfile, Method } from '../../../shared/model';
import type { LabInfo } from '../api/types';
import type { AuthChoice, Job, Settings } from '../store/types';

export { SUBMISSION_HOST } from '../../../shared/exchange-online';

export interface RequestInput {
  job: Job;
  settings: Settings;
  device: DeviceProfile | null;
  password: string;
  /** OAuth access token from the device code sign-in: used instead of any password (XOAUTH2). */
  oauthToken?: string;
  /** The job's one sign-in choice: 基本認証 never sends a token, OAuth never sends a password. */
  auth?: AuthChoice;
  sendTest: boolean;
  lab: LabInfo | null;
}

export type { BuiltRequest } from '../../../shared/diagnose-request';

const blankToUndefined = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The server the device should be pointed at for a method ('' when only the domain's MX record can tell). */
export function serverFor(method: Method | null, mxHost: string): string {
  if (method === 'submission') return SUBMISSION_HOST;
  return mxHost.trim();
}

export function buildRequest(input: RequestInput): BuiltRequest {
  const { job, settings, lab } = input;
  const method = job.method ?? 'auto';
  const tenant = lab?.tenant;
  const mailbox = tenant?.mailbox ?? job.mailbox.trim();
  const domain = tenant?.domain ?? blankToUndefined(job.domain) ?? mailbox.split('@')[1] ?? '';
  const mxHost = tenant?.mxHost ?? job.mxHost;
  const to = tenant
    ? [tenant.internalRecipient, tenant.externalRecipient]
    : [job.internalRecipient, job.externalRecipient];
  const host =
    method === 'submission' ? SUBMISSION_HOST : method === 'auto' ? undefined : blankToUndefined(mxHost);
  const ca = [settings.extraCaPem, lab?.caPem ?? ''].map((p) => p.trim()).filter((p) => p !== '');
  return buildDiagnoseRequest({
    method,
    host,
    port: method === 'submission' ? SUBMISSION_PORT : method === 'auto' ? undefined : MX_PORT,
    domain: blankToUndefined(domain),
    from: blankToUndefined(tenant?.mailbox ?? (job.fromAddress || mailbox)),
    to: to.map((r) => r.trim()).filter((r) => r !== ''),
    user: method === 'submission' || method === 'auto' ? blankToUndefined(mailbox) : undefined,
    expectedIp: blankToUndefined(tenant?.connectorIp ?? job.staticIp),
    // Practice leaves from the lab's stand-in for the site's address (the job's interface is the customer's).
    bind: lab ? lab.source : blankToUndefined(job.bind),
    connectTo: lab?.connectTo ?? [],
    dnsServer: blankToUndefined(lab?.dnsServer ?? settings.dnsServer),
    device: input.device,
    send: input.sendTest,
    timeoutMs: settings.timeoutSec * 1000,
    extraCaPem: ca,
    // The lab's mailbox password is public lab data; a real one exists only in memory for this run.
    password:
      input.auth === 'oauth' || (input.auth === undefined && input.oauthToken)
        ? undefined
        : (tenant?.password ?? input.password) || undefined, // never trimmed: spaces may be part of it
    oauthToken: input.auth === 'basic' ? undefined : input.oauthToken || undefined,
    // A run against the lab is practice in its data: labelled everywhere, never auto-saved into the job's report.
    practice: lab ? { scenario: lab.scenario } : undefined,
  });
}
