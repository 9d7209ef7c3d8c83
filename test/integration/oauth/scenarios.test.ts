// Every OAuth lab scenario, end to end: msal-node gets a token from the lab's identity platform (device code
// completed by this test playing the user, or client credentials), then the engine signs in with XOAUTH2 to the
// lab's submission endpoint. Each scenario must end in its finding, first on its check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab, type ScenarioName } from '../../../src/lab';
import type { EngineLimits } from '../../../src/main/engine/limits';
import { runDiagnosis } from '../../../src/main/engine/run';
import type { OauthFlow } from '../../../src/main/oauth/acquire';
import { tokenCheck } from '../../../src/main/oauth/token-check';
import { DiagnoseRequestSchema, type Diagnosis } from '../../../src/shared/model';
import { labAcquire } from './lab-user';

const LIMITS: Partial<EngineLimits> = {
  connectTimeoutMs: 1_500,
  bannerTimeoutMs: 1_500,
  replyTimeoutMs: 3_000,
};

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ devicePollSeconds: 1 });
}, 60_000);
afterAll(async () => {
  await lab?.close();
});

async function diagnose(
  flow: OauthFlow,
  user = lab.tenant.mailbox,
): Promise<{ d: Diagnosis; token: string | null }> {
  const t0 = performance.now();
  const r = await labAcquire(
    lab,
    flow === 'oauth-client-credentials' ? { flow, clientSecret: lab.tenant.oauth.clientSecret } : { flow },
  );
  const prior = tokenCheck(r, 0, performance.now() - t0, { user });
  const t = lab.tenant;
  const request = DiagnoseRequestSchema.parse({
    target: {
      method: 'submission',
      domain: t.domain,
      from: t.mailbox,
      to: [t.internalRecipient],
      user,
      connectTo: lab.connectTo,
      dnsServer: `${lab.dns.address}:${lab.dns.port}`,
    },
    device: null,
    timeoutMs: 20_000,
    extraCaPem: [lab.caPem],
    ...(r.ok ? { oauthToken: r.token } : {}),
  });
  return {
    d: await runDiagnosis(request, { limits: LIMITS, priorChecks: [prior] }),
    token: r.ok ? r.token : null,
  };
}

const codes = (d: Diagnosis, id: string) =>
  d.checks.find((c) => c.id === id)?.findings.map((f) => f.code) ?? [];

interface Case {
  flow: OauthFlow;
  /** Check id → its first finding (null: the check passes). */
  first: Record<string, string | null>;
  /** Ranked causes of OAUTH_REJECTED must start with these. */
  causes?: string[];
}

const CASES: Partial<Record<ScenarioName, Case>> = {
  'oauth-healthy-delegated': {
    flow: 'oauth-device-code',
    first: { 'oauth.token': null, auth: null, 'envelope.internal': null },
  },
  'oauth-healthy-app': {
    flow: 'oauth-client-credentials',
    first: { 'oauth.token': null, auth: null, 'envelope.internal': null },
  },
  'oauth-no-service-principal': {
    flow: 'oauth-client-credentials',
    first: { 'oauth.token': null, auth: 'OAUTH_REJECTED' },
    causes: ['sp-missing', 'mailbox-permission'],
  },
  'oauth-no-mailbox-permission': {
    flow: 'oauth-client-credentials',
    first: { 'oauth.token': null, auth: 'OAUTH_REJECTED' },
    causes: ['sp-missing', 'mailbox-permission'],
  },
  'oauth-wrong-audience': {
    flow: 'oauth-device-code',
    first: { 'oauth.token': 'OAUTH_WRONG_AUDIENCE', auth: 'OAUTH_WRONG_AUDIENCE' },
    causes: ['wrong-audience'],
  },
  'oauth-expired': {
    flow: 'oauth-device-code',
    first: { 'oauth.token': 'OAUTH_TOKEN_EXPIRED', auth: 'OAUTH_TOKEN_EXPIRED' },
    causes: ['expired'],
  },
  'oauth-consent-missing': { flow: 'oauth-device-code', first: { 'oauth.token': 'OAUTH_CONSENT_MISSING' } },
  'oauth-blocked-by-policy': {
    flow: 'oauth-device-code',
    first: { 'oauth.token': 'OAUTH_BLOCKED_BY_POLICY' },
  },
};

describe('every OAuth scenario ends in its finding', () => {
  for (const [name, c] of Object.entries(CASES) as [ScenarioName, Case][]) {
    it(`${name} (${c.flow}): ${Object.entries(c.first)
      .map(([k, v]) => `${k}=${v ?? 'pass'}`)
      .join(', ')}`, async () => {
      lab.setScenario(name);
      const { d, token } = await diagnose(c.flow);
      for (const [id, want] of Object.entries(c.first)) {
        const check = d.checks.find((x) => x.id === id);
        expect(check, `${id}: ${JSON.stringify(d.checks.map((x) => [x.id, x.status]))}`).toBeDefined();
        if (want === null) expect(check?.status, `${id} ${JSON.stringify(check?.findings)}`).toBe('pass');
        else expect(codes(d, id)[0], `${id} ${JSON.stringify(check?.findings)}`).toBe(want);
      }
      if (c.causes) {
        const rejected = d.checks
          .find((x) => x.id === 'auth')
          ?.findings.find((f) => f.code === 'OAUTH_REJECTED');
        expect(rejected?.params?.causes?.split(',').slice(0, c.causes.length)).toEqual(c.causes);
        expect(codes(d, 'auth')).not.toContain('AUTH_FAILED'); // 535 5.7.3 after XOAUTH2 is not a wrong password
      }
      if (token) expect(JSON.stringify(d)).not.toContain(token);
    });
  }

  it('the consent-missing app-only path: a token without roles → OAUTH_SCOPE_MISSING, then OAUTH_REJECTED', async () => {
    lab.setScenario('oauth-consent-missing');
    const { d } = await diagnose('oauth-client-credentials');
    expect(codes(d, 'oauth.token')[0]).toBe('OAUTH_SCOPE_MISSING');
    expect(codes(d, 'auth')).toEqual(['OAUTH_SCOPE_MISSING', 'OAUTH_REJECTED']);
  });

  it('XOAUTH2 user ≠ token user (delegated): refused, user-mismatch ranked first', async () => {
    lab.setScenario('oauth-healthy-delegated');
    const { d } = await diagnose('oauth-device-code', lab.tenant.otherSender);
    const rejected = d.checks.find((x) => x.id === 'auth')?.findings.find((f) => f.code === 'OAUTH_REJECTED');
    expect(rejected?.params?.causes?.split(',')[0]).toBe('user-mismatch');
  });

  it('basic-auth-default-off: AUTH LOGIN gets 550 5.7.30 → BASIC_AUTH_DISABLED; XOAUTH2 still passes', async () => {
    lab.setScenario('basic-auth-default-off');
    const t = lab.tenant;
    const basic = await runDiagnosis(
      DiagnoseRequestSchema.parse({
        target: {
          method: 'submission',
          domain: t.domain,
          from: t.mailbox,
          to: [t.internalRecipient],
          user: t.mailbox,
          connectTo: lab.connectTo,
          dnsServer: `${lab.dns.address}:${lab.dns.port}`,
        },
        device: null,
        timeoutMs: 20_000,
        extraCaPem: [lab.caPem],
        password: t.password,
      }),
      { limits: LIMITS },
    );
    expect(codes(basic, 'auth')).toEqual(['BASIC_AUTH_DISABLED']);
    expect(JSON.stringify(basic.transcript)).toMatch(
      /550 5\.7\.30 Basic authentication is not supported for Client Submission\./,
    );
    const { d } = await diagnose('oauth-device-code');
    expect(d.checks.find((x) => x.id === 'auth')?.status).toBe('pass');
  });
});
