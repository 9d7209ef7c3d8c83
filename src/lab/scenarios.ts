// The one place each lab scenario is documented: what it simulates, where its symptom appears and the reply it
// produces. The SMTP session reads the behaviour knobs below; tests iterate over `symptom`.
//
// Rules that hold in EVERY scenario (Exchange Online's own behaviour, replies in replies.ts):
// - submission: no AUTH before STARTTLS (504 5.7.4), EHLO again after TLS (503 5.5.2), AUTH PLAIN → 504 5.7.4,
//   MAIL without AUTH → 530 5.7.57, From ≠ login mailbox → 554 5.2.252 SendAsDenied after DATA,
//   a 4th concurrent authenticated session of one mailbox → 432 4.3.2;
// - submission TLS (every scenario but legacy-tls10, rsa-only-ciphers and intercepting-proxy): TLS 1.2/1.3 with
//   ECDHE key exchange only; a TLS 1.0/1.1 handshake completes (ECDHE CBC-SHA suites, security level 0) but the
//   next command (EHLO) gets `421 4.7.66 TLS 1.0 and 1.1 are not supported...` and the connection closes;
// - MX: no AUTH (504 5.7.4), unknown internal recipient → 550 5.4.1, external recipient from anywhere but the
//   connector IP → 550 5.7.54 (ASSUMED wording, see replies.ts);
// - client submission never sees the IP blocklist (5.7.606 is the MX's, for anonymous inbound mail) nor the MX's
//   451 4.7.500; its own throttling is 432 4.3.2 (concurrency) and SubmissionQuotaExceeded after DATA;
// - both: message over the size limit (or MAIL SIZE= over it) → 552 5.3.4, a DATA line ending in a bare LF →
//   554 5.6.0 after the final dot, overlong command line → 500 5.5.2 and close.
import type { ScenarioName } from './types';
import type { SubmissionTlsProfile } from './tls-profiles';
import { R, bannedIp, sendAsDenied, serverBusy } from './replies';

/** Where a scenario's symptom shows, and which endpoint shows it. */
export interface ScenarioSymptom {
  endpoint: 'submission' | 'mx' | 'both';
  /** Protocol step: `tls` = handshake fails/differs, `banner`/`silence` = right after connect. */
  at: 'banner' | 'silence' | 'tls' | 'auth' | 'mail' | 'rcpt' | 'data' | 'none' | 'token';
  /** Reply code and enhanced status code the client sees (null when the symptom is not a reply). */
  code: number | null;
  enhanced: string | null;
}

/** What the identity platform and the XOAUTH2 check do differently in a scenario (default: all healthy). */
export interface OauthBehaviour {
  /** Tokens are issued for Microsoft Graph instead of Exchange Online (the app asks for the wrong resource). */
  audience?: 'graph';
  /** Issued tokens are already expired (a device with a stale token / wrong clock). */
  expired?: boolean;
  /** Nobody consented: the device code flow ends in AADSTS65001; client credentials get a token without roles. */
  consentMissing?: boolean;
  /** Conditional Access: every token request ends in AADSTS53003. */
  blockedByPolicy?: boolean;
  /** The confidential app's service principal is not registered in Exchange Online (New-ServicePrincipal). */
  noServicePrincipal?: boolean;
  /** The service principal has no permission on the mailbox (Add-MailboxPermission). */
  noMailboxPermission?: boolean;
}

export interface ScenarioSpec {
  /** Identity platform / XOAUTH2 behaviour (OAuth scenarios). */
  oauth?: OauthBehaviour;
  summary: string;
  symptom: ScenarioSymptom;
  /** Reply to AUTH LOGIN with the right password (wrong-password: to any password). */
  basicAuthReply?: string;
  /** Reply to AUTH LOGIN with any password (the mailbox's password changed). */
  anyPasswordWrong?: boolean;
  /** Reply to a valid XOAUTH2 token (policies that block modern auth too). */
  oauthReply?: string;
  /** Reply to MAIL FROM on both endpoints, from the client's address. */
  mailReply?: (clientIp: string) => string;
  /** Reply to every RCPT TO on both endpoints. */
  rcptReply?: (clientIp: string) => string;
  /** Reply to every RCPT TO on the MX endpoint only (anonymous inbound filtering, e.g. the banned-IP list). */
  mxRcptReply?: (clientIp: string) => string;
  /** Reply to MAIL FROM on the MX endpoint only. */
  mxMailReply?: (clientIp: string) => string;
  /** The MX endpoint's symptom when it differs from the submission endpoint's (`symptom`). */
  mxSymptom?: ScenarioSymptom;
  /** Relay through the IP connector with a MAIL FROM domain that is not an accepted domain → 550 5.7.750. */
  unregisteredDomainBlock?: boolean;
  /** Reply after the final "." on the submission endpoint (null = accept). */
  dataReply?: (user: string, from: string) => string | null;
  /** Even From = login is denied (the login UPN is no longer one of the mailbox's addresses). */
  loginIsNotAnAddress?: boolean;
  submissionTls?: SubmissionTlsProfile;
  intercept?: boolean;
  silent?: boolean;
  rejectDirectSend?: boolean;
  /** The relay connector holds tenant.staleConnectorIp instead of tenant.connectorIp. */
  connectorIpChanged?: boolean;
  /** The practice site is not the connector's (its mail is anonymous Direct Send): a practice run leaves from
   *  the default address, not tenant.connectorIp (see practice-source.ts). */
  siteOffConnector?: boolean;
}

const NONE: ScenarioSymptom = { endpoint: 'both', at: 'none', code: null, enhanced: null };

export const SCENARIO_SPECS: Record<ScenarioName, ScenarioSpec> = {
  healthy: {
    summary:
      'Everything works: submission with the mailbox and its password (or XOAUTH2 token), Direct Send to internal recipients, relay from the connector IP. From other than the login mailbox is still SendAsDenied after DATA. A TLS 1.0/1.1 client completes the handshake and gets 421 4.7.66 to its EHLO.',
    symptom: NONE,
  },
  'wrong-password': {
    summary:
      "The mailbox's password was changed: every AUTH LOGIN password is rejected (XOAUTH2 still works).",
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.139' },
    anyPasswordWrong: true,
  },
  'tenant-auth-disabled': {
    summary:
      'SMTP AUTH is off for the organisation (Set-TransportConfig -SmtpClientAuthenticationDisabled $true); blocks XOAUTH2 too.',
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.139' },
    basicAuthReply: R.authTenantDisabled,
    oauthReply: R.authTenantDisabled,
  },
  'mailbox-auth-disabled': {
    summary:
      'Authenticated SMTP is off for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $true).',
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.139' },
    basicAuthReply: R.authMailboxDisabled,
    oauthReply: R.authMailboxDisabled,
  },
  'security-defaults': {
    summary: 'Security Defaults are on: legacy (Basic) authentication is locked; XOAUTH2 works.',
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.139' },
    basicAuthReply: R.authSecurityDefaults,
  },
  'conditional-access': {
    summary:
      'A Conditional Access policy (MFA / block legacy auth) rejects the Basic sign-in; XOAUTH2 works.',
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.139' },
    basicAuthReply: R.authConditionalAccess,
  },
  'basic-auth-disabled': {
    summary:
      'Basic authentication for SMTP AUTH is disabled (default for existing tenants from end of Dec 2026); XOAUTH2 works.',
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.139' },
    basicAuthReply: R.authBasicDisabled,
  },
  'send-as-denied': {
    summary:
      "The login UPN is no longer one of the mailbox's addresses (primary SMTP address changed), so even From = login is SendAsDenied, after DATA (MAIL and RCPT get 250).",
    symptom: { endpoint: 'submission', at: 'data', code: 554, enhanced: '5.2.252' },
    loginIsNotAnAddress: true,
  },
  'sender-blocked': {
    summary:
      'The mailbox is in Restricted Users (outbound spam): MAIL FROM is refused after a successful AUTH.',
    symptom: { endpoint: 'submission', at: 'mail', code: 550, enhanced: '5.1.8' },
    mailReply: () => R.senderBlocked,
  },
  'ip-blocklisted': {
    summary:
      "The site's public IP is on Microsoft's banned-IP list: every RCPT TO on the MX endpoint (Direct Send, relay) is refused with 5.7.606. Client submission is not affected: the list filters anonymous inbound mail, an authenticated submission is not checked against it.",
    symptom: { endpoint: 'mx', at: 'rcpt', code: 550, enhanced: '5.7.606' },
    mxRcptReply: (ip) => bannedIp(ip),
  },
  throttled: {
    summary:
      "Sending is throttled, each endpoint as Exchange Online does it: on submission the mailbox is over its recipient rate limit, so the message is refused after DATA with SubmissionQuotaExceeded (554 5.2.0; the SMTP line's wording is assumed, the NDR text is Microsoft's); on the MX endpoint MAIL FROM gets 451 4.7.500 Server busy. Independent of scenario, a 4th concurrent authenticated session of one mailbox gets 432 4.3.2.",
    symptom: { endpoint: 'submission', at: 'data', code: 554, enhanced: '5.2.0' },
    mxSymptom: { endpoint: 'mx', at: 'mail', code: 451, enhanced: '4.7.500' },
    dataReply: () => R.submissionQuotaExceeded,
    mxMailReply: (ip) => serverBusy(ip),
  },
  'mailbox-full': {
    summary: 'The sending mailbox is over quota (Sent Items filled up): the message is refused after DATA.',
    symptom: { endpoint: 'submission', at: 'data', code: 554, enhanced: '5.2.2' },
    dataReply: () => R.mailboxFull,
  },
  'legacy-tls10': {
    summary:
      'The submission endpoint negotiates only TLS 1.0/1.1 (like the retired smtp-legacy endpoint); TLS 1.2+ clients fail the handshake; TLS 1.0/1.1 clients proceed normally (no 421 4.7.66).',
    symptom: { endpoint: 'submission', at: 'tls', code: null, enhanced: null },
    submissionTls: 'legacy-tls10',
  },
  'rsa-only-ciphers': {
    summary:
      'The submission endpoint offers TLS 1.2 with RSA key exchange only (no ECDHE, no TLS 1.3); ECDHE-only clients fail the handshake.',
    symptom: { endpoint: 'submission', at: 'tls', code: null, enhanced: null },
    submissionTls: 'rsa-only',
  },
  'intercepting-proxy': {
    summary:
      "A firewall/antivirus intercepts SMTP on both ports: masked '220 ****' banner, EHLO without Microsoft's lines, and after STARTTLS a certificate from its own inspection CA (not the lab CA).",
    symptom: { endpoint: 'both', at: 'banner', code: 220, enhanced: null },
    intercept: true,
  },
  'silent-port': {
    summary:
      'Both ports accept TCP and never send a banner (until the client gives up or the idle limit ends it).',
    symptom: { endpoint: 'both', at: 'silence', code: null, enhanced: null },
    silent: true,
  },
  'reject-direct-send': {
    summary:
      'Set-OrganizationConfig -RejectDirectSend $true: anonymous mail that matches no inbound connector (any source but the connector IP) is refused at RCPT TO with 5.7.68 when its MAIL FROM (P1, envelope sender) domain is an accepted domain; a MAIL FROM in another domain is still accepted (the From header does not matter).',
    symptom: { endpoint: 'mx', at: 'rcpt', code: 550, enhanced: '5.7.68' },
    rejectDirectSend: true,
    siteOffConnector: true,
  },
  'unregistered-sender-domain': {
    summary:
      'Relay through the IP connector with a MAIL FROM domain that is not an accepted domain of the tenant: RCPT TO gets 550 5.7.750 (Exchange Online tolerates a reasonable amount first; the lab blocks from the first message). Fix: add and verify the domain, or a certificate-based connector.',
    symptom: { endpoint: 'mx', at: 'rcpt', code: 550, enhanced: '5.7.750' },
    unregisteredDomainBlock: true,
  },
  'connector-ip-changed': {
    summary:
      "The site's public IP changed: the relay connector still holds tenant.staleConnectorIp, so relay (external recipients) from tenant.connectorIp is not attributed to the tenant.",
    symptom: { endpoint: 'mx', at: 'rcpt', code: 550, enhanced: '5.7.64' },
    connectorIpChanged: true,
  },
  'basic-auth-default-off': {
    summary:
      'After the end-of-December-2026 default: Basic auth for SMTP AUTH is off, AUTH LOGIN gets 550 5.7.30 Basic authentication is not supported for Client Submission; XOAUTH2 works.',
    symptom: { endpoint: 'submission', at: 'auth', code: 550, enhanced: '5.7.30' },
    basicAuthReply: R.basicAuthNotSupported,
  },
  'oauth-healthy-delegated': {
    summary:
      'OAuth works for a user: device code sign-in issues a token with scp SMTP.Send for the mailbox, XOAUTH2 gets 235.',
    symptom: NONE,
  },
  'oauth-healthy-app': {
    summary:
      "OAuth works app-only: client credentials (secret or certificate) issue a token with roles SMTP.SendAsApp; the app's service principal is registered in Exchange and has FullAccess on the mailbox.",
    symptom: NONE,
  },
  'oauth-no-service-principal': {
    summary:
      "App-only token is fine, but the app's service principal was never registered in Exchange Online (New-ServicePrincipal): XOAUTH2 → 535 5.7.3.",
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.3' },
    oauth: { noServicePrincipal: true },
  },
  'oauth-no-mailbox-permission': {
    summary:
      'App-only token is fine and the service principal is registered, but it has no permission on the mailbox (Add-MailboxPermission): XOAUTH2 → 535 5.7.3.',
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.3' },
    oauth: { noMailboxPermission: true },
  },
  'oauth-wrong-audience': {
    summary:
      'The app asks for Microsoft Graph: tokens carry aud https://graph.microsoft.com, XOAUTH2 → 535 5.7.3.',
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.3' },
    oauth: { audience: 'graph' },
  },
  'oauth-expired': {
    summary:
      'Tokens arrive already expired (exp in the past: a stale token or a device clock far off): XOAUTH2 → 535 5.7.3.',
    symptom: { endpoint: 'submission', at: 'auth', code: 535, enhanced: '5.7.3' },
    oauth: { expired: true },
  },
  'oauth-consent-missing': {
    summary:
      'Nobody consented to the app: the device code sign-in ends in AADSTS65001; client credentials get a token without roles (XOAUTH2 → 535 5.7.3).',
    symptom: { endpoint: 'submission', at: 'token', code: null, enhanced: null },
    oauth: { consentMissing: true },
  },
  'oauth-blocked-by-policy': {
    summary: 'A Conditional Access policy blocks token issuance: every token request ends in AADSTS53003.',
    symptom: { endpoint: 'submission', at: 'token', code: null, enhanced: null },
    oauth: { blockedByPolicy: true },
  },
};

/** Post-DATA decision on the submission endpoint (SendAs applies in every scenario). */
export function submissionDataReply(spec: ScenarioSpec, user: string, from: string): string | null {
  const sameAddress = from.toLowerCase() === user.toLowerCase();
  if (!sameAddress || spec.loginIsNotAnAddress) return sendAsDenied(user, from);
  return spec.dataReply?.(user, from) ?? null;
}
