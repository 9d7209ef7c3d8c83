// The lab's public surface: a simulated Exchange Online on loopback (practice mode, demos, tests).
import type { ConnectToRule } from '../shared/model';
import type { LabEndpoint, LabTenant, ScenarioName } from '../shared/lab-info';

// The scenario names and the lab's shapes the app sees live in the IPC contract's side (src/shared/lab-info.ts).
export {
  SCENARIOS,
  type LabEndpoint,
  type LabOauthTenant,
  type LabTenant,
  type ScenarioName,
} from '../shared/lab-info';

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
