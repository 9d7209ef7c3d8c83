// The diagnose request that points the engine at a lab: every method's endpoint mapped to the lab's loopback ports,
// the lab's DNS and CA, and the lab mailbox. Used by the demo, the benchmark and practice mode alike.
import { DiagnoseRequestSchema, type ConnectToRule, type DeviceProfile, type DiagnoseRequest } from '../shared/model';
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
  opts: { device?: DeviceProfile | null; bindConnectorIp?: boolean; timeoutMs: number },
): DiagnoseRequest {
  const t = lab.tenant;
  return DiagnoseRequestSchema.parse({
    target: {
      method: 'auto',
      domain: t.domain,
      from: t.mailbox,
      to: [t.internalRecipient, t.externalRecipient],
      user: t.mailbox,
      expectedIp: t.connectorIp,
      ...(opts.bindConnectorIp ? { bind: t.connectorIp } : {}),
      connectTo: lab.connectTo,
      dnsServer: lab.dnsServer,
    },
    device: opts.device ?? null,
    timeoutMs: opts.timeoutMs,
    extraCaPem: [lab.caPem],
    // The lab mailbox's password: lab only, not a secret.
    password: t.password,
  });
}
