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
  // OAuth (issue 10): the identity platform and XOAUTH2 validation; see scenarios.ts.
  'basic-auth-default-off',
  'oauth-healthy-delegated',
  'oauth-healthy-app',
  'oauth-no-service-principal',
  'oauth-no-mailbox-permission',
  'oauth-wrong-audience',
  'oauth-expired',
  'oauth-consent-missing',
  'oauth-blocked-by-policy',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface LabOauthTenant {
  /** Directory (tenant) id. */
  tenantId: string;
  /** Public client (delegated, device code flow), e.g. the device vendor's or the customer's app. */
  publicClientId: string;
  /** Confidential client (app-only, client credentials). */
  confidentialClientId: string;
  /** The confidential client's secret (lab only; treat as a secret anyway: tests prove it never leaks). */
  clientSecret: string;
  /** The confidential client's certificate (PEM) and private key (PEM, PKCS#8). */
  clientCertPem: string;
  clientKeyPem: string;
  /** Object ids: the mailbox user's, and the confidential app's service principal (enterprise application). */
  userObjectId: string;
  servicePrincipalObjectId: string;
}

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
  /** A delegated access token (signed JWT) the lab accepts in AUTH XOAUTH2 for the mailbox (lab only). */
  oauthToken: string;
  /** The tenant as the identity platform sees it (tenant id, app registrations, secrets: lab only). */
  oauth: LabOauthTenant;
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
  /** The simulated Microsoft identity platform (HTTPS, lab CA). */
  identity: LabIdentityEndpoint;
  /** Maps the real names/ports to the lab's loopback ports (for --connect-to). */
  connectTo: ConnectToRule[];
  /** Messages accepted so far (bounded). */
  received: LabMessage[];
  setScenario(name: ScenarioName): void;
  close(): Promise<void>;
}

export interface LabIdentityEndpoint {
  /** login.microsoftonline.com (SNI, certificate); reach it at address:port (connectTo has the rule). */
  host: string;
  address: string;
  port: number;
  /** https://login.microsoftonline.com:PORT */
  base: string;
  /** The authority msal-node uses for the lab tenant: `${base}/${tenant}/v2.0` (tenant: domain or id). */
  authority(tenant?: string): string;
  /** Plays the user of the device code flow: approves (or declines) the code; false when unknown or expired. */
  approve(userCode: string, deny?: boolean): boolean;
}

export interface StartLabOptions {
  scenario?: ScenarioName;
  /** Loopback address to listen on; default 127.0.0.1. */
  address?: string;
  /** Fixed ports (0 = ephemeral, the default). */
  ports?: { submission?: number; mx?: number; dns?: number; identity?: number };
  /** Device code poll interval the identity platform announces, in seconds (default 5, as Entra). */
  devicePollSeconds?: number;
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
