// The primary finding is the root cause (issue 14): every lab scenario × method (src/lab/root-causes.ts), plus the
// cases that were confidently wrong: auto + wrong password + an external recipient, a DNS server that is down
// (refusing port / dropping UDP socket), an HTTP server where SMTP was expected.
import dgram from 'node:dgram';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../../../src/lab';
import { SCENARIO_ROOT_CAUSES } from '../../../src/lab/root-causes';
import { SCENARIOS, type Lab } from '../../../src/lab/types';
import type { EngineLimits } from '../../../src/main/engine/limits';
import { runDiagnosis } from '../../../src/main/engine/run';
import {
  DiagnoseRequestSchema,
  type Diagnosis,
  type MethodChoice,
  type Target,
} from '../../../src/shared/model';

const LIMITS: Partial<EngineLimits> = {
  connectTimeoutMs: 1_500,
  bannerTimeoutMs: 1_500,
  replyTimeoutMs: 3_000,
  dnsTimeoutMs: 1_000,
  dnsTries: 1,
};
const OVERALL_MS = 25_000;
const METHODS: MethodChoice[] = ['submission', 'direct-send', 'relay', 'auto'];

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ scenario: 'healthy' });
});
afterAll(async () => {
  await lab?.close();
});

function request(over: Partial<Target>, extra: Record<string, unknown> = {}) {
  const t = lab.tenant;
  return DiagnoseRequestSchema.parse({
    target: {
      method: 'auto',
      domain: t.domain,
      from: t.mailbox,
      to: [t.externalRecipient],
      user: t.mailbox,
      connectTo: lab.connectTo,
      dnsServer: `${lab.dns.address}:${lab.dns.port}`,
      ...over,
    },
    device: null,
    timeoutMs: OVERALL_MS,
    extraCaPem: [lab.caPem],
    password: t.password,
    send: true,
    ...extra,
  });
}

const codesOf = (d: Diagnosis) => d.checks.flatMap((c) => c.findings.map((f) => f.code));

describe('primary finding = the scenario root cause, every lab scenario × method', () => {
  it('every scenario has a root-cause entry', () => {
    expect(Object.keys(SCENARIO_ROOT_CAUSES).sort()).toEqual([...SCENARIOS].sort());
  });
  for (const name of SCENARIOS) {
    const rc = SCENARIO_ROOT_CAUSES[name];
    for (const method of METHODS) {
      const want = rc && rc.methods.includes(method) ? rc.code : null;
      it(`${name} × ${method}: primary ${want ?? `is not a failure${rc ? ` (and not ${rc.code})` : ''}`}`, async () => {
        lab.setScenario(name);
        const t = lab.tenant;
        const to = method === 'direct-send' ? [t.internalRecipient] : [t.externalRecipient];
        const fromConnector = !(rc?.notFromConnector && method === 'direct-send');
        const device = rc?.device
          ? {
              id: 'corpus',
              kind: 'mfp',
              label: 'corpus device',
              ...rc.device,
              authMechanisms: ['LOGIN'],
              starttls: true,
              implicitTls: false,
              serverFieldMaxLength: null,
              oauth: false,
            }
          : null;
        const d = await runDiagnosis(
          request(
            { method, to, ...(fromConnector ? { bind: t.connectorIp, expectedIp: t.connectorIp } : {}) },
            { device },
          ),
          { limits: LIMITS },
        );
        const why = `${d.verdict} ${JSON.stringify(d.primary)} ${codesOf(d).join(',')}`;
        if (want) {
          expect(d.primary?.ref.code, why).toBe(want);
          expect(d.verdict, why).not.toBe('pass');
        } else {
          expect(d.verdict, why).not.toBe('fail');
          if (rc) expect(d.primary?.ref.code, why).not.toBe(rc.code);
        }
      }, 60_000);
    }
  }
});

describe('the cases that were confidently wrong', () => {
  it('auto + wrong password + an external recipient, no static IP → fail, primary AUTH_FAILED, Direct Send never recommended', async () => {
    lab.setScenario('wrong-password');
    const d = await runDiagnosis(request({ method: 'auto' }, { send: false }), { limits: LIMITS });
    expect(d.verdict).toBe('fail');
    expect(d.primary?.ref.code).toBe('AUTH_FAILED');
    expect(d.recommendation?.method).not.toBe('direct-send');
    expect(d.recommendation?.ranking.find((r) => r.method === 'direct-send')?.viable).toBe(false);
  }, 60_000);

  it('auto, healthy, internal + external recipients, no static IP: submission; Direct Send says it reaches the internal part only', async () => {
    lab.setScenario('healthy');
    const t = lab.tenant;
    const d = await runDiagnosis(
      request({ method: 'auto', to: [t.internalRecipient, t.externalRecipient] }, { send: false }),
      { limits: LIMITS },
    );
    expect(d.recommendation?.method).toBe('submission');
    expect(d.verdict).not.toBe('fail');
    const ds = d.recommendation?.ranking.find((r) => r.method === 'direct-send');
    expect(ds?.delivers).toBe('part');
    expect(ds?.part).toContain(t.internalRecipient);
    expect(ds?.part).toContain(t.externalRecipient);
  }, 60_000);

  it('a DNS server that refuses (nothing on the port) → DNS_UNREACHABLE with server and adapter, never DNS_NAME_NOT_FOUND', async () => {
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
    const port = sock.address().port;
    await new Promise<void>((r) => sock.close(() => r())); // the port is now closed: queries are refused
    const d = await runDiagnosis(
      request({ method: 'submission', connectTo: [], dnsServer: `127.0.0.1:${port}` }, { send: false }),
      { limits: LIMITS },
    );
    expect(d.primary?.ref.code).toBe('DNS_UNREACHABLE');
    expect(d.primary?.ref.params).toMatchObject({ server: `127.0.0.1:${port}` });
    expect(d.primary?.ref.params?.adapter).toMatch(/127\.0\.0\.1/);
    expect(codesOf(d)).not.toContain('DNS_NAME_NOT_FOUND');
  }, 60_000);

  it('a DNS server that drops every query (UDP socket that never answers) → DNS_UNREACHABLE, one finding', async () => {
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
    try {
      const port = sock.address().port;
      const d = await runDiagnosis(
        request({ method: 'direct-send', connectTo: [], dnsServer: `127.0.0.1:${port}` }, { send: false }),
        { limits: LIMITS },
      );
      expect(d.primary?.ref.code).toBe('DNS_UNREACHABLE');
      expect(codesOf(d)).not.toContain('DNS_NAME_NOT_FOUND');
      expect(codesOf(d)).not.toContain('MX_NOT_FOUND');
    } finally {
      sock.close();
    }
  }, 60_000);

  it('an HTTP server on the port → NOT_SMTP (one probe line after the banner wait), not BANNER_TIMEOUT; no --domain needed', async () => {
    const server = http.createServer((_q, r) => r.end('hello'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as AddressInfo).port;
      const d = await runDiagnosis(
        DiagnoseRequestSchema.parse({
          target: { method: 'relay', host: '127.0.0.1', port, to: [] },
          device: null,
          timeoutMs: OVERALL_MS,
        }),
        { limits: LIMITS },
      );
      expect(d.primary?.ref.code).toBe('NOT_SMTP');
      expect(codesOf(d)).not.toContain('BANNER_TIMEOUT');
      // Skipped with a typed reason: no domain, and the server typed is tested as given.
      expect(d.checks.find((c) => c.id === 'dns.mx')?.details.skip).toEqual({
        id: 'no-domain',
        host: '127.0.0.1',
      });
    } finally {
      server.close();
    }
  }, 60_000);
});
