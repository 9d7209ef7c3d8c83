// The diagnose request that points the engine at a lab: every method's endpoint mapped to the lab's loopback ports,
// the lab's DNS and CA, and the lab mailbox. Used by the demo, the benchmark and practice mode alike.
import { buildDiagnoseRequest } from '../shared/diagnose-request';
import type { ConnectToRule, DeviceProfile, DiagnoseRequest } from '../shared/model';
import type { LabTenant } from './types';

/** What a request needs to know of a lab, whether it runs in this process or another. */
export interface LabAddressing {
  tenant: LabTenant;
  connectTo: ConnectToRule[];
  /** ADDR:PORT of the lab's DNS server. */
  dnsServer: string;
  caPem: string;
}

export function labDiagnoseRequest(
  lab: LabAddressing,
  opts: { device?: DeviceProfile | null; bindConnectorIp?: boolean; timeoutMs: number; scenario?: string },
): DiagnoseRequest {
  const t = lab.tenant;
  const built = buildDiagnoseRequest({
    method: 'auto',
    domain: t.domain,
    from: t.mailbox,
    to: [t.internalRecipient, t.externalRecipient],
    user: t.mailbox,
    expectedIp: t.connectorIp,
    bind: opts.bindConnectorIp ? t.connectorIp : undefined,
    connectTo: lab.connectTo,
    dnsServer: lab.dnsServer,
    device: opts.device ?? null,
    timeoutMs: opts.timeoutMs,
    extraCaPem: [lab.caPem],
    // The lab mailbox's password: lab only, not a secret.
    password: t.password,
    // The result is a practice run (練習用ラボ): labelled wherever it appears, never mistaken for a customer's.
    practice: opts.scenario ? { scenario: opts.scenario } : undefined,
  });
  if (!built.ok) throw new Error(`lab request: ${built.errors.join('; ')}`);
  return built.request;
}
