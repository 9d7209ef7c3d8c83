// Which URLs the app opens in the technician's browser, and which URLs count as the app's own content.
// Electron-free so it is unit-tested directly; window.ts and the services apply it.
import { isIP } from 'node:net';

/** Documentation hosts the app links to (Microsoft's docs, plus vendor hosts from profile sources at run time). */
export const DEFAULT_EXTERNAL_DOMAINS: readonly string[] = [
  'microsoft.com', // learn., support., techcommunity., admin.
  'office.com',
  'microsoft365.com',
  'cloud.microsoft',
  'outlook.com',
];
/** Longest URL we hand to the OS (bounds what a hostile string can smuggle), in characters. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export type Vetted = { ok: true; url: string } | { ok: false; reason: string };

/** https only, no credentials, default port, a DNS name (no IP literal) on an allowed domain or its subdomain. */
export function vetExternalUrl(
  raw: string,
  allowedDomains: readonly string[] = DEFAULT_EXTERNAL_DOMAINS,
): Vetted {
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'URL too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'only https links are opened' };
  if (url.username || url.password) return { ok: false, reason: 'links with credentials are not opened' };
  if (url.port !== '') return { ok: false, reason: 'links with a port are not opened' };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0)
    return { ok: false, reason: 'links to IP addresses are not opened' };
  const allowed = allowedDomains.some((d) => host === d || host.endsWith(`.${d}`));
  if (!allowed) return { ok: false, reason: `${host} is not a known documentation site` };
  return { ok: true, url: url.toString() };
}

/** Registrable-ish host of each https source URL (e.g. vendor documentation), for the allow-list. */
export function domainsFromUrls(urls: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of urls) {
    try {
      const u = new URL(raw);
      if (u.protocol === 'https:' && isIP(u.hostname) === 0) out.add(u.hostname.toLowerCase());
    } catch {
      // not a URL: nothing to allow
    }
  }
  return [...out];
}

/** The app's own content is served from this privileged scheme (no file:// for app content). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for our own pages: app://renderer/..., or the electron-vite dev server's origin when given. */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  try {
    const url = new URL(raw);
    if (url.origin === APP_ORIGIN || (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST))
      return true;
    return devServerUrl !== undefined && url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
