// The built-in lab as the app sees it: the scenario names and the shapes of a running lab's endpoints and
// tenant. Part of the IPC contract (practice mode), so it lives in shared; src/lab imports it from here.

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
