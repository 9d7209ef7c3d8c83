// @azure/msal-node against the lab's identity platform (HTTPS, lab CA, OpenID metadata, device code and token
// endpoints), then the token in AUTH XOAUTH2 to the lab's submission endpoint through the engine.
// The device code flow is completed by this test playing the user: an HTTP call to the lab's approve endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { approveOverHttp, labAcquire } from './lab-user';

let lab: Lab;

beforeAll(async () => {
  lab = await startLab({ scenario: 'oauth-healthy-delegated', devicePollSeconds: 1 });
}, 60_000);
afterAll(async () => {
  await lab?.close();
});

describe('msal-node against the lab identity platform', () => {
  it('device code flow: the code is shown, the user approves, a delegated Exchange token comes back', async () => {
    lab.setScenario('oauth-healthy-delegated');
    const shown: string[] = [];
    const r = await labAcquire(lab, {
      flow: 'oauth-device-code',
      onDeviceCode: (info) => {
        shown.push(info.userCode);
        expect(info.verificationUri).toBe(`${lab.identity.base}/devicelogin`);
        void approveOverHttp(lab, info.userCode);
      },
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(shown).toHaveLength(1);
    expect(r.claims).toMatchObject({
      aud: ['https://outlook.office.com'],
      scp: ['SMTP.Send'],
      upn: lab.tenant.mailbox,
      tid: lab.tenant.oauth.tenantId,
      kind: 'delegated',
    });
  });

  it('client credentials with the client secret: an app-only token with roles SMTP.SendAsApp', async () => {
    lab.setScenario('oauth-healthy-app');
    const r = await labAcquire(lab, {
      flow: 'oauth-client-credentials',
      clientSecret: lab.tenant.oauth.clientSecret,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok)
      expect(r.claims).toMatchObject({
        aud: ['https://outlook.office365.com'],
        roles: ['SMTP.SendAsApp'],
        kind: 'app',
        upn: null,
      });
  });

  it('client credentials with the certificate (msal signs a client assertion the lab verifies)', async () => {
    lab.setScenario('oauth-healthy-app');
    const r = await labAcquire(lab, {
      flow: 'oauth-client-credentials',
      clientCert: { certPem: lab.tenant.oauth.clientCertPem, keyPem: lab.tenant.oauth.clientKeyPem },
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  it('a wrong client secret → OAUTH_CLIENT_CREDENTIAL_INVALID (AADSTS7000215), the secret in no finding', async () => {
    const r = await labAcquire(lab, {
      flow: 'oauth-client-credentials',
      clientSecret: 'wrong-secret-value-123',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.finding.code).toBe('OAUTH_CLIENT_CREDENTIAL_INVALID');
      expect(JSON.stringify(r)).not.toContain('wrong-secret-value-123');
    }
  });

  it('an unknown tenant → OAUTH_TENANT_MISMATCH (AADSTS90002)', async () => {
    const r = await labAcquire(lab, {
      flow: 'oauth-client-credentials',
      clientSecret: lab.tenant.oauth.clientSecret,
      authority: lab.identity.authority('fabrikam.example'),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.finding.code).toBe('OAUTH_TENANT_MISMATCH');
  });

  it('Cancel while waiting for the user ends the wait with OAUTH_SIGNIN_NOT_COMPLETED', async () => {
    lab.setScenario('oauth-healthy-delegated');
    const ac = new AbortController();
    const r = await labAcquire(lab, {
      flow: 'oauth-device-code',
      signal: ac.signal,
      onDeviceCode: () => setTimeout(() => ac.abort(), 200),
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.finding).toMatchObject({
        code: 'OAUTH_SIGNIN_NOT_COMPLETED',
        params: { reason: 'cancelled' },
      });
  });

  it('the user declines → OAUTH_SIGNIN_NOT_COMPLETED', async () => {
    const r = await labAcquire(lab, {
      flow: 'oauth-device-code',
      onDeviceCode: (i) => void approveOverHttp(lab, i.userCode, true),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.finding.code).toBe('OAUTH_SIGNIN_NOT_COMPLETED');
  });
});
