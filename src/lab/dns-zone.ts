// The lab's DNS zone: the names a diagnosis resolves, pointing at the lab's loopback endpoints, plus lab domains
// whose SPF/MX records are deliberately wrong so the engine's DNS and SPF checks can be tested. Any name not
// listed here answers NXDOMAIN (e.g. LAB_DOMAINS.unknown); a listed name without the asked type answers NODATA.
//
// | domain (LAB_DOMAINS key)              | MX                                          | TXT (SPF)                                         |
// |---------------------------------------|---------------------------------------------|---------------------------------------------------|
// | contoso.com (tenant)                  | contoso-com.mail.protection.outlook.com      | v=spf1 ip4:<connectorIp> include:spf.protection.outlook.com -all (+ MS=… verification TXT) |
// | fabrikam.com (noSpf)                  | fabrikam-com.mail.protection.outlook.com     | none (only an MS=… verification TXT)              |
// | tailspintoys.com (twoSpf)             | tailspintoys-com.mail.protection.outlook.com | two v=spf1 records (a PermError per RFC 7208)     |
// | wingtiptoys.com (noExchangeInclude)   | wingtiptoys-com.mail.protection.outlook.com  | v=spf1 ip4:<connectorIp> -all                     |
// | northwindtraders.com (noEgressIp)     | northwindtraders-com.mail.protection.outlook.com | v=spf1 include:spf.protection.outlook.com -all |
// | adventure-works.com (mxNotExchange)   | mail.adventure-works.com (an on-premises host) | v=spf1 mx -all                                 |
// | litware.com (noMx)                    | none (NODATA; has an A record)              | none                                              |
// | contoso-typo.com (unknown)            | NXDOMAIN                                    | NXDOMAIN                                          |
//
// Host names: smtp.office365.com and every *.mail.protection.outlook.com / mail.adventure-works.com host above
// have A = the lab address and, when the lab also listens on ::1, AAAA = ::1. spf.protection.outlook.com carries
// Microsoft's published SPF ranges so include: resolution works offline.
import { isIPv4 } from 'node:net';
import type { Answer } from 'dns-packet';
import { EXCHANGE_SPF_INCLUDE, legacyMxHost, SUBMISSION_HOST } from '../shared/exchange-online';

export const LAB_DOMAINS = {
  tenant: 'contoso.com',
  noSpf: 'fabrikam.com',
  twoSpf: 'tailspintoys.com',
  noExchangeInclude: 'wingtiptoys.com',
  noEgressIp: 'northwindtraders.com',
  mxNotExchange: 'adventure-works.com',
  noMx: 'litware.com',
  unknown: 'contoso-typo.com',
} as const;

/** Microsoft's published SPF record for Exchange Online (as of 2025). */
export const EXCHANGE_SPF_RECORD =
  'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:52.102.0.0/16 ip4:52.103.0.0/16 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 ip6:2a01:111:f403::/49 ip6:2a01:111:f403:8000::/50 ip6:2a01:111:f403:c000::/51 ip6:2a01:111:f403:f000::/52 -all';

/** Record lifetime in every answer, in seconds. */
const TTL_SECONDS = 300;

/** MX host Exchange Online gives a domain: dots become dashes, e.g. contoso-com.mail.protection.outlook.com. */
export function exchangeMxHost(domain: string): string {
  return legacyMxHost(domain);
}

export interface ZoneInput {
  /** Address the lab listens on (IPv4 → A records; IPv6 → AAAA records only). */
  address: string;
  /** True when the endpoints also listen on ::1 besides an IPv4 address (then AAAA = ::1 too). */
  ipv6: boolean;
  connectorIp: string;
}

export type Zone = Map<string, Answer[]>;

export function buildZone(z: ZoneInput): Zone {
  const zone: Zone = new Map();
  const add = (name: string, ...answers: Answer[]): void => {
    const key = name.toLowerCase();
    zone.set(key, [...(zone.get(key) ?? []), ...answers]);
  };
  const v4 = isIPv4(z.address) ? z.address : null;
  const v6 = v4 === null ? z.address : z.ipv6 ? '::1' : null;
  const host = (name: string): void => {
    if (v4 !== null) add(name, { name, type: 'A', ttl: TTL_SECONDS, data: v4 });
    if (v6 !== null) add(name, { name, type: 'AAAA', ttl: TTL_SECONDS, data: v6 });
  };
  const mx = (domain: string, exchange: string): void => {
    add(domain, { name: domain, type: 'MX', ttl: TTL_SECONDS, data: { preference: 0, exchange } });
    host(exchange);
  };
  const txt = (name: string, text: string): void =>
    add(name, { name, type: 'TXT', ttl: TTL_SECONDS, data: [text] });
  const verification = (domain: string): void =>
    txt(domain, `MS=ms${(domain.length * 7919).toString().padStart(8, '0')}`);

  host(SUBMISSION_HOST);
  txt(EXCHANGE_SPF_INCLUDE, EXCHANGE_SPF_RECORD);
  const ip = z.connectorIp;

  const d = LAB_DOMAINS;
  mx(d.tenant, exchangeMxHost(d.tenant));
  txt(d.tenant, `v=spf1 ip4:${ip} include:${EXCHANGE_SPF_INCLUDE} -all`);
  verification(d.tenant);

  mx(d.noSpf, exchangeMxHost(d.noSpf));
  verification(d.noSpf);

  mx(d.twoSpf, exchangeMxHost(d.twoSpf));
  txt(d.twoSpf, `v=spf1 ip4:${ip} include:${EXCHANGE_SPF_INCLUDE} -all`);
  txt(d.twoSpf, `v=spf1 include:${EXCHANGE_SPF_INCLUDE} ~all`);

  mx(d.noExchangeInclude, exchangeMxHost(d.noExchangeInclude));
  txt(d.noExchangeInclude, `v=spf1 ip4:${ip} -all`);

  mx(d.noEgressIp, exchangeMxHost(d.noEgressIp));
  txt(d.noEgressIp, `v=spf1 include:${EXCHANGE_SPF_INCLUDE} -all`);

  mx(d.mxNotExchange, `mail.${d.mxNotExchange}`);
  txt(d.mxNotExchange, 'v=spf1 mx -all');

  host(d.noMx);
  return zone;
}
