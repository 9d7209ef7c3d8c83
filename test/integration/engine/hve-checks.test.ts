// High Volume Email's own checks in the engine: smtp.hve.mx.microsoft is client submission (port 587, sign-in) to
// internal recipients only, so an external recipient is a finding before any network step, and using the HVE host
// for Direct Send or relay is an endpoint/method mismatch. The host is pointed at a closed loopback port (nothing
// leaves the machine); only the configuration check is looked at.
import net from 'node:net';
import type { Answer } from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../../../src/lab/dns-server';
import { runDiagnosis } from '../../../src/main/engine/run';
import { DiagnoseRequestSchema, type Diagnosis } from '../../../src/shared/model';

let closedPort = 0;
let dns: DnsServer;

beforeAll(async () => {
  // A port that was free a moment ago: connections to it are refused quickly.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const mx: Answer = {
    name: 'contoso.com',
    type: 'MX',
    ttl: 60,
    data: { preference: 0, exchange: 'contoso-com.mail.protection.outlook.com' },
  };
  dns = await startDnsServer(new Map([['contoso.com', [mx]]]), '127.0.0.1', 0);
});
afterAll(async () => {
  await dns?.close();
});

async function diagnose(
  method: 'submission' | 'direct-send',
  to: string[],
  host = 'smtp.hve.mx.microsoft',
): Promise<Diagnosis> {
  const port = method === 'submission' ? 587 : 25;
  const request = DiagnoseRequestSchema.parse({
    target: {
      method,
      host,
      port,
      domain: 'contoso.com',
      from: 'hve-scanner@contoso.com',
      user: 'hve-scanner@contoso.com',
      to,
      connectTo: [{ host, port, toHost: '127.0.0.1', toPort: closedPort }],
      dnsServer: `${dns.address}:${dns.port}`,
    },
    device: null,
    timeoutMs: 5_000,
  });
  return runDiagnosis(request, { limits: { connectTimeoutMs: 500 } });
}

const configCodes = (d: Diagnosis, method: string) =>
  d.checks.find((c) => c.id === `config.${method}`)?.findings.map((f) => f.code);

describe('High Volume Email checks', () => {
  it('an external recipient on the HVE endpoint is HVE_EXTERNAL_RECIPIENT; internal ones are fine', async () => {
    expect(
      configCodes(
        await diagnose('submission', ['frontdesk@contoso.com', 'partner@fabrikam.example']),
        'submission',
      ),
    ).toEqual(['HVE_EXTERNAL_RECIPIENT']);
    expect(configCodes(await diagnose('submission', ['frontdesk@contoso.com']), 'submission')).toEqual([]);
    // The same external recipient on smtp.office365.com is not an HVE matter.
    expect(
      configCodes(
        await diagnose('submission', ['partner@fabrikam.example'], 'smtp.office365.com'),
        'submission',
      ),
    ).toEqual([]);
  });

  it('the HVE host used for Direct Send is an endpoint/method mismatch', async () => {
    expect(configCodes(await diagnose('direct-send', ['frontdesk@contoso.com']), 'direct-send')).toContain(
      'ENDPOINT_METHOD_MISMATCH',
    );
  });
});
