// The laptop's addresses, to show the technician what to type into the device's "SMTP server" field.
import { networkInterfaces } from 'node:os';

export interface LocalAddress {
  interface: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  internal: boolean;
  /** IPv6 link-local (fe80::/10) addresses need a zone and few devices accept them. */
  linkLocal: boolean;
}

/** External IPv4 addresses first (what a device can usually reach), then IPv6, then loopback. */
export function listLocalAddresses(): LocalAddress[] {
  const out: LocalAddress[] = [];
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    for (const a of addrs ?? []) {
      out.push({
        interface: name,
        address: a.address,
        family: a.family,
        internal: a.internal,
        linkLocal: /^fe80:/i.test(a.address),
      });
    }
  }
  const rank = (a: LocalAddress) =>
    (a.internal ? 3 : 0) + (a.family === 'IPv6' ? 1 : 0) + (a.linkLocal ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b));
}
