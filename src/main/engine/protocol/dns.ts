// DNS lookups through a configurable resolver (the technician's --dns-server, or the system's), with our own
// timeout and tries. Answers and failures are results, never throws.
import { Resolver } from 'node:dns/promises';
import net from 'node:net';

export type DnsAnswer<T> =
  | { ok: true; values: T[]; ms: number }
  | { ok: false; code: string; message: string; notFound: boolean; ms: number };

export interface DnsClient {
  a(name: string): Promise<DnsAnswer<string>>;
  aaaa(name: string): Promise<DnsAnswer<string>>;
  mx(name: string): Promise<DnsAnswer<{ exchange: string; priority: number }>>;
  /** TXT records, each record's strings joined (SPF records may be split into 255-byte strings). */
  txt(name: string): Promise<DnsAnswer<string>>;
  /** The server in use, for evidence ("system" when none was configured). */
  server: string;
  /** The system's DNS servers as the resolver sees them (evidence when `server` is "system"). */
  systemServers(): string[];
}

/** Parses ADDR[:PORT] ("192.0.2.53", "192.0.2.53:5353", "::1", "[::1]:5353"); null when malformed. */
export function parseDnsServer(s: string): { address: string; port: number } | null {
  const bracket = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(s);
  let address: string;
  let port = 53;
  if (bracket) {
    address = bracket[1] ?? '';
    if (bracket[2]) port = Number(bracket[2]);
  } else if (net.isIPv6(s)) {
    address = s;
  } else {
    const [a, p, ...rest] = s.split(':');
    if (rest.length > 0) return null;
    address = a ?? '';
    if (p !== undefined) port = Number(p);
  }
  if (!net.isIP(address) || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { address, port };
}

/** Codes meaning "this name or record does not exist", as opposed to "the resolver failed". */
const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

export function createDnsClient(opts: {
  server?: string | undefined;
  timeoutMs: number;
  tries: number;
}): DnsClient {
  const resolver = new Resolver({ timeout: opts.timeoutMs, tries: opts.tries });
  let label = 'system';
  if (opts.server) {
    const s = parseDnsServer(opts.server);
    if (!s) throw new Error(`invalid DNS server "${opts.server}" (expected ADDR or ADDR:PORT)`);
    const host = net.isIPv6(s.address) ? `[${s.address}]` : s.address;
    resolver.setServers([`${host}:${s.port}`]);
    label = `${host}:${s.port}`;
  }
  async function run<T>(fn: () => Promise<T[]>): Promise<DnsAnswer<T>> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      return { ok: true, values: await fn(), ms: ms() };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
      return { ok: false, code, message: (err as Error).message, notFound: NOT_FOUND.has(code), ms: ms() };
    }
  }
  return {
    server: label,
    systemServers: () => resolver.getServers(),
    a: (name) => run(() => resolver.resolve4(name)),
    aaaa: (name) => run(() => resolver.resolve6(name)),
    mx: (name) => run(async () => (await resolver.resolveMx(name)).sort((x, y) => x.priority - y.priority)),
    txt: (name) => run(async () => (await resolver.resolveTxt(name)).map((parts) => parts.join(''))),
  };
}
