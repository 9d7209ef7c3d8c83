// Warnings about a device model for the mail path (pure): old TLS, RSA-only ciphers, a server field too short
// for the tenant's MX host, no OAuth before Basic auth is switched off, port 465 only.
import { legacyMxHost } from '../../../shared/exchange-online';
import type { ModelProfile } from '../../../shared/profiles-resolve';

export type DeviceWarningId =
  | 'tls-none'
  | 'tls-old'
  | 'rsa-only'
  | 'server-field-short'
  | 'no-oauth'
  | 'oauth'
  | 'implicit-only'
  | 'no-auth';

export interface DeviceWarning {
  id: DeviceWarningId;
  severity: 'error' | 'warning' | 'info';
  /** Values for the message, e.g. { max: '40', needed: '41', host: '...' }. */
  params: Record<string, string>;
  /** False when the claim behind it is not from the vendor's documentation ("check on the device"). */
  verified: boolean;
}

/** Length of a typical MX host name, `<domain-with-dashes>.mail.protection.outlook.com`, used only to warn. */
export function typicalMxHost(domain: string): string {
  const d = domain.trim().toLowerCase();
  return d === '' ? '' : legacyMxHost(d);
}

export function deviceWarnings(model: ModelProfile, mxHost: string, domain: string): DeviceWarning[] {
  const c = model.capabilities;
  const out: DeviceWarning[] = [];
  if (c.maxTls.value === null)
    out.push({ id: 'tls-none', severity: 'error', params: {}, verified: c.maxTls.verified });
  else if (c.maxTls.value === '1.0' || c.maxTls.value === '1.1')
    out.push({
      id: 'tls-old',
      severity: 'error',
      params: { version: c.maxTls.value },
      verified: c.maxTls.verified,
    });
  if (c.cipherFamily.value === 'rsa' && c.maxTls.value !== null)
    out.push({ id: 'rsa-only', severity: 'warning', params: {}, verified: c.cipherFamily.verified });
  const max = c.serverFieldMaxLength.value;
  const host = mxHost.trim() || typicalMxHost(domain);
  if (max !== null && host !== '' && host.length > max) {
    out.push({
      id: 'server-field-short',
      severity: 'warning',
      params: { max: String(max), needed: String(host.length), host },
      verified: c.serverFieldMaxLength.verified,
    });
  }
  if (c.implicitTls.value && !c.starttls.value)
    out.push({ id: 'implicit-only', severity: 'error', params: {}, verified: c.starttls.verified });
  if (c.authMechanisms.value.length === 0)
    out.push({ id: 'no-auth', severity: 'warning', params: {}, verified: c.authMechanisms.verified });
  out.push(
    c.oauth.value
      ? { id: 'oauth', severity: 'info', params: {}, verified: c.oauth.verified }
      : { id: 'no-oauth', severity: 'warning', params: {}, verified: c.oauth.verified },
  );
  return out;
}
