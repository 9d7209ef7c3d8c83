// Where an endpoint's connections go: --connect-to rules first (curl's meaning), else the addresses DNS gives
// for the host (A and AAAA checks), then one TCP check per address family. Expected failures become findings.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { Check, FindingRef } from '../../../shared/model';
import { checkId } from '../../../shared/check-registry';
import { ref, runCheck, skipped, type EngineContext } from './check-runner';
import { dnsFailureFinding } from './dns-findings';
import { applyConnectTo, probeTcp, type TcpFailure } from '../protocol/tcp';

export type EndpointKey = 'submission' | 'mx';

export interface Endpoint {
  key: EndpointKey;
  /** The logical host (as typed into the device / read from MX) and port. */
  host: string;
  port: number;
}

export interface Routes {
  v4: string[];
  v6: string[];
  port: number;
  /** How the addresses were found. */
  via: 'connect-to' | 'dns' | 'literal';
}

const FAMILY_LABEL = { v4: 'IPv4', v6: 'IPv6' } as const;

/** DNS checks (unless --connect-to or an IP literal decides) and the addresses to connect to. */
export async function resolveRoutes(
  ctx: EngineContext,
  ep: Endpoint,
): Promise<{ routes: Routes; checks: Check[] }> {
  const rule = applyConnectTo(ep.host, ep.port, ctx.request.target.connectTo);
  const dnsRef = ref('dns.a', ep.key);
  const id = checkId('dns.a', ep.key);
  if (rule) {
    let v4: string[] = [];
    let v6: string[] = [];
    if (net.isIPv4(rule.host)) v4 = [rule.host];
    else if (net.isIPv6(rule.host)) v6 = [rule.host];
    else {
      const all = await lookup(rule.host, { all: true }).catch(() => []);
      v4 = all.filter((a) => a.family === 4).map((a) => a.address);
      v6 = all.filter((a) => a.family === 6).map((a) => a.address);
    }
    const reason = {
      id: 'connect-to',
      host: ep.host,
      port: String(ep.port),
      toHost: rule.host,
      toPort: String(rule.port),
    } as const;
    return {
      routes: { v4, v6, port: rule.port, via: 'connect-to' },
      checks: [skipped(ctx, dnsRef, `DNS A/AAAA of ${ep.host}`, reason)],
    };
  }
  if (net.isIP(ep.host)) {
    const fam = net.isIPv4(ep.host);
    return {
      routes: { v4: fam ? [ep.host] : [], v6: fam ? [] : [ep.host], port: ep.port, via: 'literal' },
      checks: [],
    };
  }
  const answers: { v4: string[]; v6: string[] } = { v4: [], v6: [] };
  const check = await runCheck(ctx, dnsRef, `DNS A/AAAA of ${ep.host}`, async () => {
    const [a, aaaa] = await Promise.all([ctx.dns.a(ep.host), ctx.dns.aaaa(ep.host)]);
    ctx.transcript.add('dns', `A ${ep.host} → ${a.ok ? a.values.join(' ') : a.code} (${a.ms} ms)`, id);
    ctx.transcript.add(
      'dns',
      `AAAA ${ep.host} → ${aaaa.ok ? aaaa.values.join(' ') : aaaa.code} (${aaaa.ms} ms)`,
      id,
    );
    if (a.ok) answers.v4 = a.values;
    if (aaaa.ok) answers.v6 = aaaa.values;
    const details = { server: ctx.dns.server, a: answers.v4, aaaa: answers.v6, ms: Math.max(a.ms, aaaa.ms) };
    if (answers.v4.length + answers.v6.length > 0) return { status: 'pass', details };
    const failed = !a.ok && !a.notFound ? a : !aaaa.ok && !aaaa.notFound ? aaaa : null;
    const evidence = [
      a.ok ? 'A: no records' : `A: ${a.code}`,
      aaaa.ok ? 'AAAA: no records' : `AAAA: ${aaaa.code}`,
    ];
    // "No records" for both families reads as "does not exist" (the name has no address).
    const answer =
      failed ??
      (!a.ok
        ? a
        : !aaaa.ok
          ? aaaa
          : { ok: false as const, code: 'ENODATA', message: 'no records', notFound: true, ms: 0 });
    const finding = await dnsFailureFinding(ctx.dns, answer, ep.host, 'DNS_NAME_NOT_FOUND', evidence);
    return { status: 'fail', findings: [finding], details };
  });
  return { routes: { ...answers, port: ep.port, via: 'dns' }, checks: [check] };
}

export function tcpFinding(failure: TcpFailure, ep: Endpoint, evidence: string[]): FindingRef {
  const params = { host: ep.host, port: String(ep.port) };
  switch (failure) {
    case 'refused':
      return { code: 'TCP_REFUSED', params, evidence };
    case 'timeout':
      return { code: 'TCP_TIMEOUT', params, evidence };
    case 'reset':
      return { code: 'CONNECTION_DROPPED', params, evidence };
    default:
      return { code: 'TCP_UNREACHABLE', params, evidence };
  }
}

/** One TCP check per family that has an address; IPv6 failing while IPv4 works is a warning, not a failure. */
export async function tcpChecks(ctx: EngineContext, ep: Endpoint, routes: Routes): Promise<Check[]> {
  const bind = ctx.request.target.bind;
  const out = await ctx.all(
    (['v4', 'v6'] as const).map((fam) => async () => {
      const tcpRef = ref(fam === 'v4' ? 'tcp.v4' : 'tcp.v6', ep.key);
      const id = checkId(tcpRef.kind, ep.key);
      const title = `TCP ${FAMILY_LABEL[fam]} to ${ep.host}:${ep.port}`;
      const address = routes[fam][0];
      if (address === undefined)
        return skipped(ctx, tcpRef, title, {
          id: 'no-family-address',
          family: fam === 'v4' ? 'IPv4' : 'IPv6',
          host: ep.host,
        });
      if (bind && (net.isIPv4(bind) ? fam !== 'v4' : fam !== 'v6'))
        return skipped(ctx, tcpRef, title, { id: 'bound-to', bind });
      return runCheck(ctx, tcpRef, title, async (signal) => {
        const r = await ctx.hosts.run(ep.host, () =>
          probeTcp({
            address,
            port: routes.port,
            localAddress: bind,
            timeoutMs: ctx.limits.connectTimeoutMs,
            signal,
          }),
        );
        ctx.transcript.add(
          'net',
          `TCP ${address}:${routes.port} → ${r.ok ? `connected in ${r.ms} ms` : `${r.code} after ${r.ms} ms`}`,
          id,
        );
        const details = {
          address,
          port: routes.port,
          via: routes.via,
          ms: r.ms,
          ...(r.ok ? { localAddress: r.localAddress } : { failure: r.failure, code: r.code }),
        };
        if (r.ok) return { status: 'pass', details };
        if (r.failure === 'aborted' && ctx.cancelled()) return { status: 'skip', details };
        const evidence = [`${r.code}: ${r.message}`];
        if (r.failure === 'aborted')
          return {
            status: 'fail',
            findings: [tcpFinding('timeout', ep, ['deadline reached while connecting'])],
            details,
          };
        if (fam === 'v6' && routes.v4.length > 0) {
          return {
            status: 'warn',
            findings: [{ code: 'IPV6_PATH_FAILED', params: { host: ep.host }, evidence }],
            details,
          };
        }
        return { status: 'fail', findings: [tcpFinding(r.failure, ep, evidence)], details };
      });
    }),
  );
  return out;
}
