// The engine against every lab scenario (a simulated Exchange Online on loopback): each scenario's symptom shows
// as the right finding on the right check, and the healthy lab passes with the relay/egress/SPF facts right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../../../src/lab';
import { SCENARIOS, type Lab, type ScenarioName } from '../../../src/lab/types';
import type { EngineLimits } from '../../../src/main/engine/limits';
import { runDiagnosis } from '../../../src/main/engine/run';
import type { ProbeRow } from '../../../src/main/engine/checks/tls-probe';
import { classifyText } from '../../../src/shared/findings/classify-text';
import {
  DiagnoseRequestSchema,
  type DeviceProfile,
  type Diagnosis,
  type StepEvent,
  type Target,
} from '../../../src/shared/model';

/** Short deadlines (ms): the lab answers in milliseconds; silent-port must end quickly. */
const LIMITS: Partial<EngineLimits> = {
  connectTimeoutMs: 1_500,
  bannerTimeoutMs: 1_500,
  replyTimeoutMs: 3_000,
};
const OVERALL_MS = 20_000;

const device = (
  maxTls: DeviceProfile['maxTls'],
  cipherFamily: DeviceProfile['cipherFamily'],
): DeviceProfile => ({
  id: `test-${maxTls}-${cipherFamily}`,
  kind: 'mfp',
  label: 'test device',
  maxTls,
  cipherFamily,
  authMechanisms: ['LOGIN'],
  starttls: true,
  implicitTls: false,
  serverFieldMaxLength: null,
  oauth: false,
});

interface Case {
  /** Check id → finding codes it must carry. */
  expect: Record<string, string[]>;
  send?: boolean;
  device?: DeviceProfile;
  /** Leave from the connector's IP (default true). */
  bind?: boolean;
  /** Target fields that differ from the default request. */
  target?: Partial<Target>;
}

const CASES: Record<ScenarioName, Case> = {
  healthy: {
    expect: {
      auth: ['BASIC_AUTH_RETIREMENT'],
      'envelope.internal': [],
      'envelope.external': [],
      'envelope.mx.internal': [],
      'envelope.mx.external': [],
      'relay.egress-ip': [],
      'dns.mx': [],
      'dns.spf': [],
      send: [],
      'send.mx': [],
    },
    send: true,
  },
  'wrong-password': { expect: { auth: ['AUTH_FAILED'] } },
  'tenant-auth-disabled': { expect: { auth: ['SMTP_AUTH_DISABLED_TENANT'] } },
  'mailbox-auth-disabled': { expect: { auth: ['SMTP_AUTH_DISABLED_MAILBOX'] } },
  'security-defaults': { expect: { auth: ['SECURITY_DEFAULTS_BLOCK'] } },
  'conditional-access': { expect: { auth: ['CONDITIONAL_ACCESS_BLOCK'] } },
  'basic-auth-disabled': { expect: { auth: ['BASIC_AUTH_DISABLED'] } },
  'send-as-denied': { expect: { 'envelope.internal': [], send: ['SEND_AS_DENIED'] }, send: true },
  'sender-blocked': { expect: { 'envelope.internal': ['SENDER_BLOCKED'] } },
  // Client submission is not filtered by the banned-IP list and has its own throttling (issue 11).
  'ip-blocklisted': { expect: { 'envelope.internal': [], 'envelope.mx.internal': ['IP_BLOCKLISTED'] } },
  throttled: {
    expect: { 'envelope.internal': [], send: ['THROTTLED'], 'envelope.mx.internal': ['THROTTLED'] },
    send: true,
  },
  'mailbox-full': { expect: { send: ['MAILBOX_FULL'] }, send: true },
  'legacy-tls10': {
    expect: {
      'tls.submission.matrix': ['TLS_HANDSHAKE_FAILED'],
      'smtp.submission.starttls': ['TLS_HANDSHAKE_FAILED'],
      'tls.submission.device': [],
    },
    device: device('1.0', 'rsa'),
  },
  'rsa-only-ciphers': {
    expect: { 'tls.submission.device': ['TLS_CIPHER_MISMATCH'], 'tls.submission.matrix': [] },
    device: device('1.2', 'ecdhe'),
  },
  'intercepting-proxy': {
    expect: {
      'smtp.submission.banner': ['SMTP_INTERCEPTED'],
      'tls.submission.cert': ['TLS_CERT_UNTRUSTED', 'SMTP_INTERCEPTED'],
      'smtp.mx.banner': ['SMTP_INTERCEPTED'],
    },
  },
  'silent-port': {
    expect: { 'smtp.submission.banner': ['BANNER_TIMEOUT'], 'smtp.mx.banner': ['BANNER_TIMEOUT'] },
  },
  'reject-direct-send': { expect: { 'envelope.mx.internal': ['DIRECT_SEND_REJECTED'] }, bind: false },
  'unregistered-sender-domain': {
    expect: {
      'envelope.mx.internal': ['SENDER_DOMAIN_UNREGISTERED'],
      'envelope.mx.external': ['SENDER_DOMAIN_UNREGISTERED'],
    },
    target: { method: 'relay', from: 'scanner@unregistered.example' },
  },
  'connector-ip-changed': {
    expect: { 'envelope.mx.external': ['RELAY_NOT_ATTRIBUTED'], 'relay.egress-ip': [] },
  },
  // OAuth scenarios with the mailbox password: Basic still works except after the default-off (the OAuth side of
  // each scenario is tested in test/integration/oauth/).
  'basic-auth-default-off': { expect: { auth: ['BASIC_AUTH_DISABLED'] } },
  'oauth-healthy-delegated': { expect: { auth: ['BASIC_AUTH_RETIREMENT'] } },
  'oauth-healthy-app': { expect: { auth: ['BASIC_AUTH_RETIREMENT'] } },
  'oauth-no-service-principal': { expect: { auth: ['BASIC_AUTH_RETIREMENT'] } },
  'oauth-no-mailbox-permission': { expect: { auth: ['BASIC_AUTH_RETIREMENT'] } },
  'oauth-wrong-audience': { expect: { auth: ['BASIC_AUTH_RETIREMENT'] } },
  'oauth-expired': { expect: { auth: ['BASIC_AUTH_RETIREMENT'] } },
  'oauth-consent-missing': { expect: { auth: ['BASIC_AUTH_RETIREMENT'] } },
  'oauth-blocked-by-policy': { expect: { auth: ['BASIC_AUTH_RETIREMENT'] } },
};

let lab: Lab;

function request(over: Partial<Target> = {}, extra: Record<string, unknown> = {}) {
  const t = lab.tenant;
  return DiagnoseRequestSchema.parse({
    target: {
      method: 'auto',
      domain: t.domain,
      from: t.mailbox,
      to: [t.internalRecipient, t.externalRecipient],
      user: t.mailbox,
      expectedIp: t.connectorIp,
      bind: t.connectorIp,
      connectTo: lab.connectTo,
      dnsServer: `${lab.dns.address}:${lab.dns.port}`,
      ...over,
    },
    device: null,
    timeoutMs: OVERALL_MS,
    extraCaPem: [lab.caPem],
    password: t.password,
    ...extra,
  });
}

const codes = (d: Diagnosis, id: string) => d.checks.find((c) => c.id === id)?.findings.map((f) => f.code);

describe('engine vs every lab scenario', () => {
  beforeAll(async () => {
    lab = await startLab({ scenario: 'healthy' });
  });
  afterAll(async () => {
    await lab?.close();
  });

  it('covers every scenario the lab has', () => {
    expect(Object.keys(CASES).sort()).toEqual([...SCENARIOS].sort());
  });

  for (const name of SCENARIOS) {
    it(`${name}: ${Object.entries(CASES[name].expect)
      .map(([k, v]) => `${k}=${v.join('+') || 'clean'}`)
      .join(', ')}`, async () => {
      const c = CASES[name];
      lab.setScenario(name);
      const over: Partial<Target> = { ...(c.bind === false ? { bind: undefined } : {}), ...c.target };
      const d = await runDiagnosis(request(over, { send: c.send ?? false, device: c.device ?? null }), {
        limits: LIMITS,
      });
      for (const [id, want] of Object.entries(c.expect)) {
        const got = codes(d, id);
        expect(
          got,
          `${id} in ${name}: ${JSON.stringify(d.checks.find((x) => x.id === id)?.details)}`,
        ).toBeDefined();
        if (want.length === 0) expect(got, id).toEqual([]);
        else expect(got, id).toEqual(expect.arrayContaining(want));
      }
      // One AUTH attempt per connection, never retried (lockout risk); --send logs in again only after AUTH passed.
      const auths = d.transcript.filter((r) => r.dir === 'C' && /^AUTH /.test(r.text));
      expect(auths.filter((r) => r.check === 'auth').length).toBeLessThanOrEqual(1);
      expect(auths.filter((r) => r.check === 'send').length).toBeLessThanOrEqual(
        d.checks.find((x) => x.id === 'auth')?.status === 'fail' ? 0 : 1,
      );
      expect(JSON.stringify(d)).not.toContain(lab.tenant.password);
    });
  }

  it('healthy submission: egress IP from EHLO, the test message arrives labelled, steps stream in order', async () => {
    lab.setScenario('healthy');
    const before = lab.received.length;
    const events: StepEvent[] = [];
    const d = await runDiagnosis(request({ method: 'submission' }, { send: true }), {
      limits: LIMITS,
      onEvent: (e) => events.push(e),
    });
    expect(d.verdict).not.toBe('fail');
    expect(d.egressIp).toBe(lab.tenant.connectorIp);
    expect(lab.received.length).toBe(before + 1);
    expect(lab.received.at(-1)?.data).toMatch(/Subject: Device Mail Doctor test message/);
    expect(events.at(-1)?.type).toBe('done');
    const started = new Set(
      events.filter((e) => e.type === 'check-started').map((e) => (e as { id: string }).id),
    );
    for (const c of d.checks) expect(started.has(c.id)).toBe(true);
  });

  it('healthy with a TLS 1.0-only device: 1.0/1.1 complete the handshake but get 421 4.7.66 (not accepted) → TLS_VERSION_UNSUPPORTED', async () => {
    lab.setScenario('healthy');
    const d = await runDiagnosis(request({ method: 'submission' }, { device: device('1.0', 'any') }), {
      limits: LIMITS,
    });
    const matrix = d.checks.find((c) => c.id === 'tls.submission.matrix');
    expect(matrix?.status, JSON.stringify(matrix?.details)).toBe('pass');
    expect(matrix?.findings).toEqual([]);
    const rows = (matrix?.details.rows ?? []) as ProbeRow[];
    const row = (id: string) => rows.find((r) => r.id === id);
    expect(row('1.3')).toMatchObject({ result: 'accepted', protocol: 'TLSv1.3' });
    expect(row('1.2-ecdhe')).toMatchObject({ result: 'accepted', protocol: 'TLSv1.2' });
    expect(row('1.2-rsa')?.result).toBe('rejected');
    const refusal = /^421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported\./;
    for (const [id, protocol] of [
      ['1.1', 'TLSv1.1'],
      ['1.0', 'TLSv1'],
    ] as const) {
      // The handshake itself completed (protocol and cipher are known); the EHLO after it was refused.
      expect(row(id), id).toMatchObject({ result: 'refused-after', protocol });
      expect(row(id)?.cipher, id).toMatch(/ECDHE[-_]RSA/);
      expect(row(id)?.reason, id).toMatch(refusal);
      expect(
        classifyText(row(id)?.reason ?? '').map((f) => f.code),
        id,
      ).toEqual(['TLS_VERSION_UNSUPPORTED']);
    }
    const verdict = d.checks.find((c) => c.id === 'tls.submission.device');
    expect(verdict?.status).toBe('fail');
    expect(verdict?.findings.map((f) => f.code)).toEqual(['TLS_VERSION_UNSUPPORTED']);
    const finding = verdict?.findings[0];
    expect(finding?.params).toMatchObject({ version: '1.0' });
    expect(finding?.evidence?.[0]).toMatch(refusal);
    expect(finding?.evidence).toEqual(
      expect.arrayContaining([expect.stringMatching(/^1\.0: refused-after \(421 4\.7\.66 /)]),
    );
    expect(d.verdict).toBe('fail');
    // A TLS 1.2 device against the same healthy endpoint gets through.
    const modern = await runDiagnosis(request({ method: 'submission' }, { device: device('1.2', 'ecdhe') }), {
      limits: LIMITS,
    });
    expect(modern.checks.find((c) => c.id === 'tls.submission.device')?.status).toBe('pass');
  });

  it("relay from an IP that is not the connector's → EGRESS_IP_NOT_CONNECTOR", async () => {
    lab.setScenario('healthy');
    const d = await runDiagnosis(request({ method: 'relay', expectedIp: '198.51.100.7' }), {
      limits: LIMITS,
    });
    expect(codes(d, 'relay.egress-ip')).toEqual(['EGRESS_IP_NOT_CONNECTOR']);
    expect(d.verdict).toBe('fail');
  });

  it('security defaults block Basic auth but XOAUTH2 signs in', async () => {
    lab.setScenario('security-defaults');
    const d = await runDiagnosis(
      request({ method: 'submission' }, { password: undefined, oauthToken: lab.tenant.oauthToken }),
      { limits: LIMITS },
    );
    expect(d.checks.find((c) => c.id === 'auth')?.status).toBe('pass');
    expect(d.checks.find((c) => c.id === 'auth')?.details.mechanism).toBe('XOAUTH2');
    expect(JSON.stringify(d)).not.toContain(lab.tenant.oauthToken);
  });

  it('the overall deadline ends a silent endpoint as a failure (never a pass), on time', async () => {
    lab.setScenario('silent-port');
    const started = performance.now();
    const d = await runDiagnosis(request({ method: 'submission' }, { timeoutMs: 1_000 }), {
      limits: { ...LIMITS, bannerTimeoutMs: 30_000 },
    });
    expect(performance.now() - started).toBeLessThan(1_000 + 4_000);
    expect(d.verdict).toBe('fail');
    expect(codes(d, 'smtp.submission.banner')).toEqual(['BANNER_TIMEOUT']);
    expect(d.cancelled).toBeUndefined();
  });

  it('Cancel ends the diagnosis promptly, marked cancelled', async () => {
    lab.setScenario('silent-port');
    const ac = new AbortController();
    const started = performance.now();
    setTimeout(() => ac.abort(), 300);
    const d = await runDiagnosis(request(), {
      signal: ac.signal,
      limits: { ...LIMITS, bannerTimeoutMs: 10_000 },
    });
    expect(d.cancelled).toBe(true);
    expect(d.verdict).not.toBe('pass');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
