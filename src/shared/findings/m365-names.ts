// Microsoft 365 mail host names that exist (or whose zone exists): a lookup saying they do not is never a typo on
// the technician's side. Sources (read 2026-12-02): smtp.office365.com (client submission) and
// <tenant>.mail.protection.outlook.com (MX for Direct Send / relay), Microsoft Learn "How to set up a multifunction
// device or application to send email using Microsoft 365" (seed 000 / exchange-online-facts.md);
// <tenant>.<x>.mx.microsoft (the newer MX generation with DNSSEC / DANE), Microsoft Learn "Inbound SMTP DANE with
// DNSSEC" https://learn.microsoft.com/purview/how-smtp-dane-works — read 2026-12-02.
import { LEGACY_MX_SUFFIX, MX_MICROSOFT_SUFFIX, SUBMISSION_HOST } from '../exchange-online';

const FIXED = new Set([SUBMISSION_HOST, 'outlook.office365.com', 'smtp-legacy.office365.com']);
const ZONE_SUFFIXES = [LEGACY_MX_SUFFIX, MX_MICROSOFT_SUFFIX];

/** True for a Microsoft 365 mail host name (fixed names, or a name in a Microsoft 365 mail zone). */
export function isMicrosoft365Name(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  return FIXED.has(h) || ZONE_SUFFIXES.some((suffix) => h.endsWith(suffix));
}
