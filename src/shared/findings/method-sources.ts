// The source of every advisor rule and setting note (method-texts.ts), and of every dated fact the code depends on.
// Typed against the text tables: a rule without sources fails the typecheck, an empty list fails
// test/unit/findings/sources.test.ts.
import type { ReasonCode, SETTING_TEXTS } from './method-texts';
import { SRC, type Source } from './sources';

const S = SRC;

export const ADVISOR_SOURCES: Record<ReasonCode, readonly Source[]> = {
  TLS_OK: [S.tlsForSmtpAuth],
  TLS_TOO_OLD: [S.tlsForSmtpAuth, S.mfpHowTo],
  RSA_ONLY: [S.tlsCiphers],
  TLS_OPTIONAL: [S.mfpHowTo],
  NO_AUTH: [S.mfpHowTo],
  OAUTH_OK: [S.oauthSmtp],
  BASIC_AUTH_RETIREMENT: [S.basicAuthRetirement],
  BASIC_AUTH_OFF_BY_DEFAULT: [S.basicAuthRetirement],
  SMTP_AUTH_DISABLED: [S.smtpAuthEnable],
  SMTP_AUTH_UNKNOWN: [S.smtpAuthEnable],
  SECURITY_DEFAULTS_ON: [S.securityDefaults, S.smtpAuthEnable],
  SECURITY_DEFAULTS_UNKNOWN: [S.securityDefaults],
  MAILBOX_NEEDED: [S.mfpHowTo],
  EXTERNAL_OK: [S.mfpHowTo],
  EXTERNAL_NOT_SUPPORTED: [S.mfpHowTo],
  INTERNAL_ONLY_OK: [S.mfpHowTo],
  REJECT_DIRECT_SEND_ON: [S.setOrgConfigRejectDirectSend, S.rejectDirectSendBlog],
  REJECT_DIRECT_SEND_UNKNOWN: [S.setOrgConfigRejectDirectSend],
  STATIC_IP_OK: [S.mfpHowTo],
  NO_STATIC_IP_RELAY: [S.mfpHowTo],
  NO_STATIC_IP_DIRECT: [S.mfpHowTo],
  CONNECTOR_NEEDED: [S.mfpHowTo, S.connectors],
  SERVER_FIELD_TOO_SHORT: [S.seedFixDevices, S.smtpDane],
  SERVER_FIELD_MAYBE_SHORT: [S.seedFixDevices, S.smtpDane],
  MX_HOST_IS_IP: [S.mfpHowTo],
  LOCAL_RELAY: [S.mfpHowTo],
  NONE_VIABLE: [S.mfpHowTo],
};

export type SettingTextCode = keyof typeof SETTING_TEXTS;

export const SETTING_SOURCES: Record<SettingTextCode, readonly Source[]> = {
  MX_UNKNOWN: [S.mfpHowTo, S.smtpDane],
  TLS_REQUIRED: [S.tlsForSmtpAuth],
  TLS_OPTIONAL: [S.mfpHowTo],
  TLS_RECOMMENDED: [S.mfpHowTo],
  AUTH_BASIC: [S.smtpAuthEnable],
  AUTH_BASIC_ANY: [S.smtpAuthEnable],
  AUTH_OAUTH: [S.oauthSmtp],
  AUTH_OAUTH_ANY: [S.oauthSmtp],
  AUTH_NONE: [S.mfpHowTo],
  AUTH_CONNECTOR: [S.mfpHowTo, S.connectors],
  SENDER_MAILBOX: [S.seedFixDevices],
  SENDER_MAILBOX_ANY: [S.seedFixDevices],
  SENDER_DOMAIN_ANY: [S.mfpHowTo],
  SENDER_DOMAIN: [S.mfpHowTo],
  NOTE_NO_465: [S.mfpHowTo],
  NOTE_LIMITS: [S.mfpHowTo, S.exoLimits],
  NOTE_PORT25: [S.seedFixDevices],
  NOTE_NO_IP: [S.mfpHowTo],
  NOTE_INTERNAL_ONLY: [S.mfpHowTo],
  NOTE_CONNECTOR: [S.mfpHowTo, S.connectors],
  NOTE_DIRECT_SEND_NO_CONNECTOR: [S.mfpHowTo],
  NOTE_DIRECT_SEND_AUTH: [S.emailAuthentication, S.mfpHowTo],
  NOTE_HIGH_RISK_POOL: [S.highRiskPool, S.mfpHowTo],
  NOTE_IPV6: [S.ipv6Inbound],
};

export interface DatedFact {
  id: string;
  /** The date as the code uses it: an ISO day, or only the year/month when that is all the source says. */
  date: string;
  what: string;
  sources: readonly Source[];
}

/** Dated facts the code depends on (BASIC_AUTH_DEFAULT_OFF in methods.ts, the HVE preview in hve.ts, ...). */
export const DATED_FACTS: readonly DatedFact[] = [
  {
    id: 'BASIC_AUTH_DEFAULT_OFF',
    date: '2026-12-31',
    what: 'Basic auth for SMTP AUTH off by default for existing tenants at the end of December 2026 (Microsoft moved this date several times; the blog post is updated in place)',
    sources: [{ ...S.basicAuthRetirement, verified: false }],
  },
  {
    id: 'SMTP_AUTH_OFF_FOR_NEW_TENANTS',
    date: '2020-01-01',
    what: 'SMTP AUTH is disabled in organisations created after January 2020',
    sources: [S.smtpAuthEnable],
  },
  {
    id: 'REJECT_DIRECT_SEND',
    date: '2025',
    what: 'Reject Direct Send (Set-OrganizationConfig -RejectDirectSend) introduced in 2025',
    sources: [S.rejectDirectSendBlog, S.setOrgConfigRejectDirectSend],
  },
  {
    id: 'HVE_PREVIEW',
    date: '2024-04-01',
    what: 'High Volume Email public preview rollout starts',
    sources: [SRC.hvePreview, SRC.hve],
  },
];
