// A device that signs in with XOAUTH2 to the capture listener (nodemailer playing the device, real STARTTLS):
// the session shows XOAUTH2 with the token's claims decoded, the token itself is nowhere in the session, and the
// token's defects become predicted findings (wrong audience, missing scope, expired, user ≠ token user).
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCapture, type CaptureHandle } from '../../../src/main/capture/index';
import type { CaptureDiagnosis } from '../../../src/shared/capture';
import { findSecret, secretForms } from '../../../src/shared/secrets';

/** Wait for a session to be diagnosed after the client is done, in ms. */
const SESSION_WAIT_MS = 15_000;
const USER = 'scanner@contoso.com';
const NOW = Math.floor(Date.now() / 1000);
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: Record<string, unknown>) =>
  `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ tid: 't-1', ...claims })}.${Buffer.from('device-token-signature-0123456789').toString('base64url')}`;

let cap: CaptureHandle;
beforeAll(async () => {
  cap = await startCapture({
    listen: [{ address: '127.0.0.1', port: 0 }],
    method: 'submission',
    limits: { idleStopMs: 0 },
  });
}, 60_000);
afterAll(async () => {
  await cap.close();
});

async function deviceSends(ehlo: string, token: string, user = USER): Promise<CaptureDiagnosis> {
  const before = cap.sessions.length;
  const t = nodemailer.createTransport({
    host: '127.0.0.1',
    port: cap.listeners[0]?.port ?? 0,
    secure: false,
    requireTLS: true,
    name: ehlo,
    tls: { rejectUnauthorized: false }, // the device trusts the laptop's capture certificate, as set up on site
    auth: { type: 'OAuth2', user, accessToken: token },
  });
  await t.sendMail({ from: user, to: 'boss@contoso.com', subject: 'scan', text: 'scan' });
  t.close();
  const deadline = Date.now() + SESSION_WAIT_MS;
  while (Date.now() < deadline) {
    const found = cap.sessions.find((d) => d.session.ehlo === ehlo);
    if (found) return found;
    await cap.waitFor(before + 1, Math.max(1, deadline - Date.now()));
  }
  throw new Error(`no session ${ehlo}`);
}

describe('capture: a device signing in with XOAUTH2', () => {
  it.each([
    [
      'good delegated token',
      { aud: 'https://outlook.office.com', scp: 'SMTP.Send', upn: USER, exp: NOW + 3600 },
      USER,
      [],
    ],
    [
      'Graph token',
      { aud: 'https://graph.microsoft.com', scp: 'Mail.Send', upn: USER, exp: NOW + 3600 },
      USER,
      ['OAUTH_WRONG_AUDIENCE', 'OAUTH_SCOPE_MISSING'],
    ],
    [
      'no SMTP.Send',
      { aud: 'https://outlook.office.com', scp: 'IMAP.AccessAsUser.All', upn: USER, exp: NOW + 3600 },
      USER,
      ['OAUTH_SCOPE_MISSING'],
    ],
    [
      'expired',
      { aud: 'https://outlook.office.com', scp: 'SMTP.Send', upn: USER, exp: NOW - 7200 },
      USER,
      ['OAUTH_TOKEN_EXPIRED'],
    ],
    [
      'XOAUTH2 user ≠ token user',
      { aud: 'https://outlook.office.com', scp: 'SMTP.Send', upn: 'someone@contoso.com', exp: NOW + 3600 },
      USER,
      ['OAUTH_REJECTED'],
    ],
  ] as const)('%s', async (name, claims, user, want) => {
    const token = jwt(claims);
    const d = await deviceSends(`mfp-${name.replace(/[^a-z]/gi, '').toLowerCase()}.example`, token, user);
    expect(d.session.auth?.mechanism).toBe('XOAUTH2');
    expect(d.session.auth?.oauth).toMatchObject({ readable: true, aud: [claims.aud], upn: claims.upn });
    const oauthCodes = d.findings.map((f) => f.code).filter((c) => c.startsWith('OAUTH_'));
    expect(oauthCodes).toEqual(want);
    expect(d.findings.every((f) => f.predicted === true)).toBe(true);
    expect(findSecret(JSON.stringify(d), secretForms({ user, oauthToken: token }))).toBeNull();
  });
});
