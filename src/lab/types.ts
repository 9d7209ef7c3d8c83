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
  'unregistered-sender-domain',
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
  /** TLS the message came over (null: plaintext). */
  tls: { protocol: string; cipher: string } | null;
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
  /** Bearer token the lab accepts in AUTH XOAUTH2 for the mailbox (lab only). */
  oauthToken: string;
  /** In connector-ip-changed, the (old) address the connector still holds instead of connectorIp. */
  staleConnectorIp: string;
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
  /** Override the lab's bounds (tests use short ones). */
  limits?: Partial<LabLimits>;
}

/** The lab's resource bounds. */
export interface LabLimits {
  /** Longest command line accepted, in bytes (longer: 500 and close). */
  maxCommandLineBytes: number;
  /** Longest DATA line accepted, in bytes. */
  maxDataLineBytes: number;
  /** Largest message accepted, in bytes (Exchange Online's default submission limit: 35 MB). */
  maxMessageBytes: number;
  /** Bytes of each accepted message kept in `received`. */
  maxStoredMessageBytes: number;
  /** Messages kept in `received` (oldest dropped first). */
  maxReceived: number;
  /** Recipients per message. */
  maxRecipients: number;
  /** Open connections per endpoint (more: 421 and close). */
  maxConnections: number;
  /** Concurrent authenticated sessions per mailbox (Exchange Online: 3; the 4th gets 432 4.3.2). */
  maxAuthSessionsPerMailbox: number;
  /** Whole-session limit, in milliseconds (then 421 4.4.1 and close). */
  sessionMs: number;
  /** Idle limit between client bytes, in milliseconds (also ends silent-port sessions). */
  idleMs: number;
  /** TLS handshake limit after STARTTLS, in milliseconds. */
  handshakeMs: number;
}
