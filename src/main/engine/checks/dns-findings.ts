// A failed DNS answer → the right finding, with the DNS server and the network adapter used as evidence:
//   no DNS server answers (refused, timeout, no route)  → DNS_UNREACHABLE (this PC's network, technician)
//   "does not exist" for a Microsoft 365 name           → DNS_M365_NAME_UNRESOLVED (never a typo)
//   "does not exist" for any other name                 → the caller's not-found code (DNS_NAME_NOT_FOUND, MX_NOT_FOUND)
//   the server answered with an error (SERVFAIL, ...)  → DNS_FAILURE
import dgram from 'node:dgram';
import net from 'node:net';
import os from 'node:os';
import type { FindingRef } from '../../../shared/model';
import type { FindingCode } from '../../../shared/findings/codes';
import { isMicrosoft365Name } from '../../../shared/findings/m365-names';
import type { DnsAnswer, DnsClient } from '../protocol/dns';
import { parseDnsServer } from '../protocol/dns';

/** Longest wait for the OS to pick a route to the DNS server, in milliseconds (no packet is sent). */
const ROUTE_LOOKUP_MS = 500;

/** Resolver error codes meaning no DNS server answered at all (c-ares / getaddrinfo names). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ETIMEOUT',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECANCELLED',
]);

type Failed = Extract<DnsAnswer<unknown>, { ok: false }>;

/**
 * Which local adapter the OS would use to reach `server` (ADDR[:PORT]): a connected UDP socket gets the route's
 * source address without sending anything. "no route to …" when the OS has none (no network at all).
 */
export function adapterFor(server: string): Promise<string> {
  const s = parseDnsServer(server);
  if (!s) return Promise.resolve('unknown');
  return new Promise((resolve) => {
    const sock = dgram.createSocket(net.isIPv6(s.address) ? 'udp6' : 'udp4');
    const done = (text: string) => {
      clearTimeout(timer);
      try {
        sock.close();
      } catch {
        // already closed
      }
      resolve(text);
    };
    const timer = setTimeout(() => done('unknown'), ROUTE_LOOKUP_MS);
    sock.on('error', (err: NodeJS.ErrnoException) =>
      done(`no route to ${server} (${err.code ?? err.message})`),
    );
    sock.connect(s.port, s.address, () => {
      const local = sock.address().address;
      const entry = Object.entries(os.networkInterfaces()).find(([, list]) =>
        list?.some((a) => a.address === local),
      );
      done(entry ? `${entry[0]} (${local})` : local);
    });
  });
}

/** The DNS server a lookup used: the configured one, else the system's first. */
export function serverInUse(dns: DnsClient): string {
  if (dns.server !== 'system') return dns.server;
  return dns.systemServers()[0] ?? 'none configured';
}

/** The finding for a failed answer about `host`; `notFoundCode` is used for a plain "does not exist". */
export async function dnsFailureFinding(
  dns: DnsClient,
  r: Failed,
  host: string,
  notFoundCode: FindingCode,
  evidence: string[],
): Promise<FindingRef> {
  if (r.notFound && !isMicrosoft365Name(host))
    return { code: notFoundCode, params: { host, domain: host }, evidence };
  const server = serverInUse(dns);
  const adapter = server === 'none configured' ? 'none' : await adapterFor(server);
  const params = { host, server, adapter, reason: r.code };
  const ev = [...evidence, `DNS server: ${server}`, `adapter: ${adapter}`];
  if (r.notFound) return { code: 'DNS_M365_NAME_UNRESOLVED', params, evidence: ev };
  if (UNREACHABLE.has(r.code)) return { code: 'DNS_UNREACHABLE', params, evidence: ev };
  return { code: 'DNS_FAILURE', params: { host, reason: r.code }, evidence: ev };
}
