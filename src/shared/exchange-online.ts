// Exchange Online facts the code depends on, in one place: host names, ports, MX host patterns (both
// generations), the SPF include and the documented limits. The engine, the lab, the advisor, the checklist and
// the renderer import these; nothing else spells them. Pure data: no Node, no DOM.
// Sources (read 2026-12-02): seed 001 (the three methods, ports, limits), ../shared/docs/exchange-online-facts.md;
// mx.microsoft: https://c7solutions.com/2024/02/what-is-mx-microsoft (format `<domain-dashes>.<random>.mx.microsoft`)
// and Message center MC1048624 as quoted at https://deltapulse.app/item/MC1048624 (new accepted domains get
// their MX under mx.microsoft; existing mail.protection.outlook.com records keep working).

/** SMTP AUTH client submission endpoint: always this DNS name, never an IP address (seed 001). */
export const SUBMISSION_HOST = 'smtp.office365.com';
/** Client submission port (587 recommended; 25 also works; 465 is not supported). */
export const SUBMISSION_PORT = 587;
/** Direct Send and SMTP relay connect to the tenant's MX host on this port. */
export const MX_PORT = 25;
/** Implicit TLS ("SSL") port devices offer; Exchange Online does not support it. */
export const UNSUPPORTED_IMPLICIT_TLS_PORT = 465;

/** High Volume Email endpoint: ends in mx.microsoft but is a submission host, never a tenant's MX host. */
export const HVE_HOST = 'smtp.hve.mx.microsoft';

/** Domain every Exchange Online SPF record includes. */
export const EXCHANGE_SPF_INCLUDE = 'spf.protection.outlook.com';
/** The include mechanism as written in a record. */
export const SPF_EXCHANGE_INCLUDE = `include:${EXCHANGE_SPF_INCLUDE}`;

/** First generation MX: `<tenant>.mail.protection.outlook.com` (and the sovereign clouds' variants). */
export const LEGACY_MX_SUFFIX = '.mail.protection.outlook.com';
export const LEGACY_MX_PATTERN = /\.mail\.protection\.(outlook\.com|outlook\.de|partner\.outlook\.cn)\.?$/i;
/** Second generation MX (new accepted domains, DNSSEC-signed zone): `<domain-dashes>.<zone>.mx.microsoft`. */
export const MX_MICROSOFT_SUFFIX = '.mx.microsoft';
export const MX_MICROSOFT_PATTERN = /^[a-z0-9-]+\.[a-z0-9-]+\.mx\.microsoft\.?$/i;

/** True for a host name Exchange Online publishes as a tenant's MX host (either generation). */
export function isExchangeMxHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h === HVE_HOST) return false;
  return LEGACY_MX_PATTERN.test(h) || MX_MICROSOFT_PATTERN.test(h);
}

/** The first generation MX host for a domain (dots become dashes), e.g. contoso-com.mail.protection.outlook.com.
 *  Only for examples, the lab and length estimates: a real tenant's MX is read from DNS, never constructed. */
export function legacyMxHost(domain: string): string {
  return `${domain.replace(/\./g, '-')}${LEGACY_MX_SUFFIX}`;
}

/** Client submission limits per mailbox (seed 001 and Exchange Online limits). */
export const SUBMISSION_LIMITS = {
  messagesPerMinute: 30,
  recipientsPerDay: 10_000,
  /** Simultaneous connections per mailbox; the engine never has more sessions signed in as one mailbox. */
  concurrentConnections: 3,
} as const;

/** Largest message size Exchange Online advertises in EHLO (SIZE), in bytes (150 MB). */
export const MAX_MESSAGE_BYTES = 157_286_400;

/** End of December 2026 (JST midnight, 2027-01-01): Basic auth for SMTP AUTH off by default for existing tenants. */
export const BASIC_AUTH_DEFAULT_OFF = new Date('2026-12-31T15:00:00Z');
