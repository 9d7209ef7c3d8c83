// SPF, as far as device mail needs it: is there exactly one record, does it include Exchange Online, does it
// cover the site's egress IP (ip4:/ip6: ranges only; included records are not expanded), and how many DNS
// lookups it costs at the top level (RFC 7208 allows 10 in total).
import net from 'node:net';

import { EXCHANGE_SPF_INCLUDE } from '../../../shared/exchange-online';

export { EXCHANGE_SPF_INCLUDE } from '../../../shared/exchange-online';
/** RFC 7208 §4.6.4: at most 10 mechanisms/modifiers that cause DNS lookups. */
export const SPF_MAX_LOOKUPS = 10;

export interface SpfRecord {
  raw: string;
  includes: string[];
  ip4: string[];
  ip6: string[];
  all: string | null;
  redirect: string | null;
  /** Lookups caused by this record's own terms (include, a, mx, ptr, exists, redirect). */
  lookups: number;
}

export function isSpfRecord(txt: string): boolean {
  return /^v=spf1(\s|$)/i.test(txt.trim());
}

export function parseSpf(raw: string): SpfRecord {
  const rec: SpfRecord = { raw, includes: [], ip4: [], ip6: [], all: null, redirect: null, lookups: 0 };
  for (const term of raw.trim().split(/\s+/).slice(1)) {
    const m = /^([+\-~?]?)([a-z0-9]+)(?:[:=](.*))?$/i.exec(term);
    if (!m) continue;
    const [, qual = '', name = '', value = ''] = m;
    switch (name.toLowerCase()) {
      case 'include':
        rec.includes.push(value.toLowerCase());
        rec.lookups++;
        break;
      case 'ip4':
        rec.ip4.push(value);
        break;
      case 'ip6':
        rec.ip6.push(value);
        break;
      case 'all':
        rec.all = `${qual || '+'}all`;
        break;
      case 'redirect':
        rec.redirect = value.toLowerCase();
        rec.lookups++;
        break;
      case 'a':
      case 'mx':
      case 'ptr':
      case 'exists':
        rec.lookups++;
        break;
      default:
        break;
    }
  }
  return rec;
}

/** True when `ip` falls inside one of the record's ip4:/ip6: ranges (a bare address is a /32 or /128). */
export function spfCoversIp(rec: SpfRecord, ip: string): boolean {
  const fam = net.isIPv4(ip) ? 'ipv4' : net.isIPv6(ip) ? 'ipv6' : null;
  if (!fam) return false;
  const list = new net.BlockList();
  for (const [ranges, type, max] of [
    [rec.ip4, 'ipv4', 32],
    [rec.ip6, 'ipv6', 128],
  ] as const) {
    for (const r of ranges) {
      const [addr = '', len] = r.split('/');
      const prefix = len === undefined ? max : Number(len);
      if (net.isIP(addr) !== (type === 'ipv4' ? 4 : 6) || !Number.isInteger(prefix) || prefix < 0 || prefix > max) continue;
      list.addSubnet(addr, prefix, type);
    }
  }
  return list.check(ip, fam);
}

export function includesExchange(rec: SpfRecord): boolean {
  return rec.includes.includes(EXCHANGE_SPF_INCLUDE) || rec.redirect === EXCHANGE_SPF_INCLUDE;
}
