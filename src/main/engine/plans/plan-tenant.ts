// Tenant-side checks that read DNS and compare addresses: the MX record (the Direct Send / relay endpoint is read
// from it, never constructed), SPF against the egress IP, and the relay connector's IP against the egress IP.
import { isExchangeMxHost } from '../../../shared/exchange-online';
import type { Check, FindingRef } from '../../../shared/model';
import { ref, runCheck, skipped, type EngineContext } from '../checks/check-runner';
import type { DnsAnswer } from '../protocol/dns';
import { dnsFailureFinding } from '../checks/dns-findings';
import { includesExchange, isSpfRecord, parseSpf, spfCoversIp, SPF_MAX_LOOKUPS } from '../checks/spf';

export async function mxCheck(
  ctx: EngineContext,
  domain: string | undefined,
): Promise<{ host: string | null; check: Check }> {
  if (!domain)
    return {
      host: null,
      check: skipped(ctx, ref('dns.mx'), 'MX record of the domain', { id: 'no-domain' }),
    };
  let host: string | null = null;
  const check = await runCheck(ctx, ref('dns.mx'), `MX record of ${domain}`, async () => {
    const r = await ctx.hosts.run(null, () => ctx.dns.mx(domain));
    ctx.transcript.add(
      'dns',
      `MX ${domain} → ${r.ok ? r.values.map((v) => `${v.priority} ${v.exchange}`).join(', ') : r.code} (${r.ms} ms)`,
      'dns.mx',
    );
    if (!r.ok) {
      const finding = await dnsFailureFinding(ctx.dns, r, domain, 'MX_NOT_FOUND', [
        `${r.code}: ${r.message}`,
      ]);
      return {
        status: 'fail',
        findings: [{ ...finding, params: { ...finding.params, domain } }],
        details: { server: ctx.dns.server },
      };
    }
    const first = r.values[0];
    if (!first || first.exchange === '') {
      return {
        status: 'fail',
        findings: [{ code: 'MX_NOT_FOUND', params: { domain }, evidence: ['no MX records'] }],
        details: {},
      };
    }
    host = first.exchange.replace(/\.$/, '');
    const details = { server: ctx.dns.server, mx: r.values, endpoint: host };
    if (!isExchangeMxHost(host)) {
      return {
        status: 'warn',
        findings: [
          {
            code: 'MX_NOT_EXCHANGE_ONLINE',
            params: { domain, mx: host },
            evidence: r.values.map((v) => `${v.priority} ${v.exchange}`),
          },
        ],
        details,
      };
    }
    return { status: 'pass', details };
  });
  return { host, check };
}

/** Starts the TXT lookup early (it needs nothing); spfCheck evaluates it once the egress IP is known. */
export function prefetchSpf(
  ctx: EngineContext,
  domain: string | undefined,
): Promise<DnsAnswer<string>> | null {
  return domain ? ctx.hosts.run(null, () => ctx.dns.txt(domain)) : null;
}

export function spfCheck(
  ctx: EngineContext,
  domain: string | undefined,
  txt: Promise<DnsAnswer<string>> | null,
  ip: string | null,
): Promise<Check> {
  if (!domain || !txt)
    return Promise.resolve(skipped(ctx, ref('dns.spf'), 'SPF record of the domain', { id: 'no-domain' }));
  return runCheck(ctx, ref('dns.spf'), `SPF record of ${domain}`, async () => {
    const r = await txt;
    if (!r.ok && !r.notFound) {
      return {
        status: 'warn',
        findings: [await dnsFailureFinding(ctx.dns, r, domain, 'DNS_FAILURE', [`${r.code}: ${r.message}`])],
        details: {},
      };
    }
    const records = (r.ok ? r.values : []).filter(isSpfRecord);
    ctx.transcript.add(
      'dns',
      `TXT ${domain} → ${records.length} SPF record(s)${records.map((x) => ` "${x}"`).join('')}`,
      'dns.spf',
    );
    const params = { domain };
    if (records.length === 0)
      return { status: 'warn', findings: [{ code: 'SPF_RECORD_MISSING', params }], details: { records } };
    if (records.length > 1)
      return {
        status: 'warn',
        findings: [{ code: 'SPF_MULTIPLE_RECORDS', params, evidence: records }],
        details: { records },
      };
    const spf = parseSpf(records[0] ?? '');
    const findings: FindingRef[] = [];
    if (!includesExchange(spf))
      findings.push({ code: 'SPF_MISSING_EXCHANGE_INCLUDE', params, evidence: [spf.raw] });
    const covered = ip ? spfCoversIp(spf, ip) : null;
    if (ip && !covered)
      findings.push({ code: 'SPF_MISSING_EGRESS_IP', params: { domain, ip }, evidence: [spf.raw] });
    const details = {
      record: spf.raw,
      includes: spf.includes,
      ip4: spf.ip4,
      ip6: spf.ip6,
      all: spf.all,
      lookups: spf.lookups,
      tooManyLookups: spf.lookups > SPF_MAX_LOOKUPS,
      egressIp: ip,
      egressCovered: covered,
    };
    return { status: findings.length ? 'warn' : 'pass', findings, details };
  });
}

/** Relay: the connector matches the site's static public IP; the EHLO echo tells us the IP we really leave from. */
export function egressCheck(
  ctx: EngineContext,
  expected: string | undefined,
  egressIp: string | null,
): Promise<Check> {
  const title = 'Egress IP vs the relay connector';
  if (!expected)
    return Promise.resolve(skipped(ctx, ref('relay.egress-ip'), title, { id: 'no-connector-ip' }));
  if (!egressIp)
    return Promise.resolve(skipped(ctx, ref('relay.egress-ip'), title, { id: 'egress-ip-not-seen' }));
  return runCheck(ctx, ref('relay.egress-ip'), title, () => {
    const same = normaliseIp(expected) === normaliseIp(egressIp);
    const details = { expected, egressIp };
    if (same) return Promise.resolve({ status: 'pass', details });
    return Promise.resolve({
      status: 'fail',
      findings: [
        {
          code: 'EGRESS_IP_NOT_CONNECTOR',
          params: { expected, ip: egressIp },
          // Language-neutral: the address the server saw (its EHLO echo) ≠ the connector's, as typed.
          evidence: [`${egressIp} ≠ ${expected}`],
        },
      ],
      details,
    });
  });
}

function normaliseIp(ip: string): string {
  return ip
    .trim()
    .toLowerCase()
    .replace(/^::ffff:/, '');
}
