// The lab's public surface: a simulated Exchange Online on loopback (practice mode, demos, tests).
import type { ConnectToRule } from '../shared/model';

export const SCENARIOS = [
  'healthy',
  'wrong-password',
  'tenant-auth-disabled',
  'mailbox-auth-disabled',
  'security-defaults',
  'conditional-access',
  'basic-auth-disabled',
  'send-as-denied',
  'sender-blocked',
  'ip-blocklisted',
  'throttled',
  'mailbox-full',
  'legacy-tls10',
  'rsa-only-ciphers',
  'intercepting-proxy',
  'silent-port',
  'reject-direct-send',
  'connector-ip-changed',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface LabEndpoint {
  /** The real-world name this endpoint impersonates (SNI, certificate, banner), e.g. smtp.office365.com. */
  host: string;
  /** Where it really listens (loopback). */
  address: string;
  port: number;
}

export interface LabMessage {
  endpoint: 'submission' | 'mx';
  clientAddress: string;
  authUser: string | null;
  mailFrom: string;
  rcptTo: string[];
  /** Raw message as received (after dot-unstuffing). */
  data: string;
  receivedAt: string;
}

export interface LabTenant {
  domain: string; // contoso.com
  mxHost: string; // contoso-com.mail.protection.outlook.com
  mailbox: string; // the licensed mailbox a device logs in as
  password: string; // the lab mailbox's password (lab only, not a secret)
  /** Loopback address acting as the site's static public IP that the relay connector holds. */
  connectorIp: string;
  /** An address in the tenant that is not the mailbox (send-as tests). */
  otherSender: string;
  internalRecipient: string;
  externalRecipient: string;
}

export interface Lab {
  scenario: ScenarioName;
  submission: LabEndpoint; // smtp.office365.com:587
  mx: LabEndpoint; // <tenant>.mail.protection.outlook.com:25
  /** DNS server answering A/AAAA/MX/TXT for the lab's names. */
  dns: { address: string; port: number };
  /** CA that signs the lab's "Microsoft" certificates; trust it via extraCaPem / --ca. */
  caPem: string;
  tenant: LabTenant;
  /** Maps the real names/ports to the lab's loopback ports (for --connect-to). */
  connectTo: ConnectToRule[];
  /** Messages accepted so far (bounded). */
  received: LabMessage[];
  setScenario(name: ScenarioName): void;
  close(): Promise<void>;
}

export interface StartLabOptions {
  scenario?: ScenarioName;
  /** Loopback address to listen on; default 127.0.0.1. */
  address?: string;
  /** Fixed ports (0 = ephemeral, the default). */
  ports?: { submission?: number; mx?: number; dns?: number };
}
