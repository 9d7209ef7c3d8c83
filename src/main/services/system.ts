// App info, local interfaces (the bind chooser) and vetted external links: the system-facing channels.
import { networkInterfaces } from 'node:os';
import {
  fail,
  ok,
  type AppInfo,
  type NetInterface,
  type Result,
  type SecretStorageInfo,
} from '../../shared/ipc';
import type { Lang } from '../../shared/model';
import { DEFAULT_EXTERNAL_DOMAINS, vetExternalUrl } from '../url-policy';

export interface AppIdentity {
  name: string;
  version: string;
  /** e.g. ja-JP; Electron: app.getSystemLocale(); bridge: the test's choice or Intl's. */
  osLocale: string;
  runtime: AppInfo['runtime'];
}

export function suggestedLang(locale: string): Lang {
  return /^ja\b/i.test(locale) ? 'ja' : 'en';
}

export function appInfo(id: AppIdentity, secretStorage: SecretStorageInfo): AppInfo {
  return {
    name: id.name,
    version: id.version,
    platform: process.platform,
    arch: process.arch,
    osLocale: id.osLocale,
    suggestedLang: suggestedLang(id.osLocale),
    runtime: id.runtime,
    secretStorage,
  };
}

/** Every address of every interface; external IPv4 first (what a technician usually binds to). */
export function listInterfaces(source: typeof networkInterfaces = networkInterfaces): NetInterface[] {
  const out: NetInterface[] = [];
  for (const [name, addrs] of Object.entries(source())) {
    for (const a of addrs ?? []) {
      out.push({
        name,
        address: a.address,
        family: a.family,
        internal: a.internal,
        cidr: a.cidr ?? null,
        mac: a.mac,
      });
    }
  }
  const rank = (i: NetInterface) => (i.internal ? 2 : 0) + (i.family === 'IPv6' ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Opens a link only when vetted; the opener is Electron's shell.openExternal or the bridge's recorder. */
export async function openExternal(
  url: string,
  opener: (url: string) => Promise<void>,
  extraDomains: readonly string[] = [],
): Promise<Result<null>> {
  const vetted = vetExternalUrl(url, [...DEFAULT_EXTERNAL_DOMAINS, ...extraDomains]);
  if (!vetted.ok) return fail('url-rejected', `This link was not opened: ${vetted.reason}.`);
  await opener(vetted.url);
  return ok(null);
}
