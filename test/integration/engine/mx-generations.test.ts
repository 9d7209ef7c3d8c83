// Both generations of Exchange Online MX hosts are Exchange Online: `<tenant>.mail.protection.outlook.com` and the
// DNSSEC/DANE-enabled `<domain-dashes>.<zone>.mx.microsoft` (Microsoft Learn "How SMTP DANE works", read
// 2026-12-02). Before issue 11 the second one got a false MX_NOT_EXCHANGE_ONLINE. smtp.hve.mx.microsoft (High
// Volume Email) ends in mx.microsoft but is never a tenant's MX host. The MX record is read through a real DNS
// server on loopback; nothing answers on the MX hosts, so only the dns.mx check is looked at.
import type { Answer } from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../../../src/lab/dns-server';
import { runDiagnosis } from '../../../src/main/engine/run';
import { isExchangeMxHost } from '../../../src/shared/exchange-online';
import { DiagnoseRequestSchema } from '../../../src/shared/model';

const mxOf = (domain: string, exchange: string): [string, Answer[]] => [
  domain,
  [{ name: domain, type: 'MX', ttl: 60, data: { preference: 0, exchange } }],
];

let dns: DnsServer;

describe('MX hosts of both generations', () => {
  beforeAll(async () => {
    const zone = new Map<string, Answer[]>([
      mxOf('legacy.test', 'legacy-test.mail.protection.outlook.com'),
      mxOf('dane.test', 'dane-test.l-v1.mx.microsoft'),
      mxOf('hve.test', 'smtp.hve.mx.microsoft'),
      mxOf('onprem.test', 'mail.onprem.test'),
    ]);
    dns = await startDnsServer(zone, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await dns?.close();
  });

  const mxFindings = async (domain: string) => {
    const request = DiagnoseRequestSchema.parse({
      target: {
        method: 'direct-send',
        domain,
        from: `scan@${domain}`,
        dnsServer: `${dns.address}:${dns.port}`,
      },
      device: null,
      timeoutMs: 5_000,
    });
    const d = await runDiagnosis(request, { limits: { connectTimeoutMs: 500 } });
    const check = d.checks.find((c) => c.id === 'dns.mx');
    return {
      status: check?.status,
      codes: check?.findings.map((f) => f.code) ?? [],
      endpoint: check?.details.endpoint,
    };
  };

  it('the DNSSEC-enabled *.mx.microsoft MX passes like the classic one', async () => {
    expect(await mxFindings('legacy.test')).toEqual({
      status: 'pass',
      codes: [],
      endpoint: 'legacy-test.mail.protection.outlook.com',
    });
    expect(await mxFindings('dane.test')).toEqual({
      status: 'pass',
      codes: [],
      endpoint: 'dane-test.l-v1.mx.microsoft',
    });
  });

  it('an on-premises MX and the HVE endpoint are not Exchange Online MX hosts', async () => {
    expect((await mxFindings('onprem.test')).codes).toEqual(['MX_NOT_EXCHANGE_ONLINE']);
    expect((await mxFindings('hve.test')).codes).toEqual(['MX_NOT_EXCHANGE_ONLINE']);
  });

  it('the pattern takes trailing dots and case, and not look-alikes', () => {
    expect(isExchangeMxHost('CONTOSO-COM.L-V1.MX.MICROSOFT.')).toBe(true);
    expect(isExchangeMxHost('contoso-com.mail.protection.outlook.de')).toBe(true);
    expect(isExchangeMxHost('mx.microsoft.com')).toBe(false);
    expect(isExchangeMxHost('contoso-com.mx.microsoft.evil.test')).toBe(false);
    expect(isExchangeMxHost('smtp.hve.mx.microsoft')).toBe(false);
  });
});
