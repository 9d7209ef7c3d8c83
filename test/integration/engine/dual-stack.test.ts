// IPv4 and IPv6 paths are reported separately: the server name resolves (through our own resolver) to 127.0.0.1
// and ::1, only the IPv4 address listens, so IPv6 fails as a warning while IPv4 and the session pass. Also
// NXDOMAIN and the MX/SPF reads through the same resolver.
import net from 'node:net';
import type { Answer } from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../../../src/lab/dns-server';
import { runDiagnosis } from '../../../src/main/engine/run';
import { DiagnoseRequestSchema } from '../../../src/shared/model';
import {
  days,
  makeCert,
  smtpScript,
  startScripted,
  type Scripted,
  type TestCert,
} from '../../helpers/hostile-server';

const HOST = 'mail.dual.test';
let dns: DnsServer;
let server: Scripted;
let ca: TestCert;
let v6Free = true;

describe('dual stack and resolver', () => {
  beforeAll(async () => {
    ca = makeCert({ names: [], cn: 'Dual Test CA', ca: true, notBefore: days(-1), notAfter: days(30) });
    server = await startScripted(
      smtpScript({ tls: makeCert({ names: [HOST], notBefore: days(-1), notAfter: days(30), issuer: ca }) }),
    );
    // Nothing may listen on [::1]:port for the refused-IPv6 case; note it if something does.
    v6Free = await new Promise<boolean>((resolve) => {
      const probe = net.connect({ host: '::1', port: server.port });
      probe.once('connect', () => (probe.destroy(), resolve(false)));
      probe.once('error', () => resolve(true));
    });
    const zone = new Map<string, Answer[]>([
      [
        HOST,
        [
          { name: HOST, type: 'A', ttl: 60, data: '127.0.0.1' },
          { name: HOST, type: 'AAAA', ttl: 60, data: '::1' },
        ],
      ],
      [
        'dual.test',
        [
          { name: 'dual.test', type: 'MX', ttl: 60, data: { preference: 10, exchange: HOST } },
          { name: 'dual.test', type: 'TXT', ttl: 60, data: ['v=spf1 ip4:127.0.0.0/8 -all'] },
        ],
      ],
    ]);
    dns = await startDnsServer(zone, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await server?.close();
    await dns?.close();
  });

  const request = (target: Record<string, unknown>) =>
    DiagnoseRequestSchema.parse({
      target: { dnsServer: `${dns.address}:${dns.port}`, ...target },
      device: null,
      timeoutMs: 10_000,
      extraCaPem: [ca.certPem],
    });

  it('reports IPv4 and IPv6 separately: IPv6 refused is a warning when IPv4 works', async () => {
    const d = await runDiagnosis(request({ method: 'submission', host: HOST, port: server.port }), {
      limits: { connectTimeoutMs: 1_500 },
    });
    const byId = (id: string) => d.checks.find((c) => c.id === id);
    expect(byId('dns.submission.a')?.details).toMatchObject({ a: ['127.0.0.1'], aaaa: ['::1'] });
    expect(byId('tcp.submission.v4')?.status).toBe('pass');
    // Another process could own [::1]:port by chance; then IPv6 connects and must pass instead.
    expect(byId('tcp.submission.v6')?.status).toBe(v6Free ? 'warn' : 'pass');
    if (v6Free) expect(byId('tcp.submission.v6')?.findings.map((f) => f.code)).toEqual(['IPV6_PATH_FAILED']);
    expect(byId('smtp.submission.starttls')?.status).toBe('pass');
  });

  it('an unknown name is DNS_NAME_NOT_FOUND, not a crash; MX and SPF come from the configured resolver', async () => {
    const missing = await runDiagnosis(
      request({ method: 'submission', host: 'nowhere.dual.test', port: 587 }),
    );
    expect(missing.checks.find((c) => c.id === 'dns.submission.a')?.findings.map((f) => f.code)).toEqual([
      'DNS_NAME_NOT_FOUND',
    ]);
    expect(missing.verdict).toBe('fail');
    const mx = await runDiagnosis(
      request({ method: 'direct-send', domain: 'dual.test', from: 'scan@dual.test', port: server.port }),
    );
    const dnsMx = mx.checks.find((c) => c.id === 'dns.mx');
    expect(dnsMx?.details.endpoint).toBe(HOST);
    expect(dnsMx?.findings.map((f) => f.code)).toEqual(['MX_NOT_EXCHANGE_ONLINE']);
    const spf = mx.checks.find((c) => c.id === 'dns.spf');
    expect(spf?.details.egressCovered).toBe(true);
    expect(spf?.findings.map((f) => f.code)).toEqual(['SPF_MISSING_EXCHANGE_INCLUDE']);
  });
});
