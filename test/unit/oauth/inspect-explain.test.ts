// token inspect on tokens with each defect, and explain on each OAuth reply and AADSTS text (CLI in-process).
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { CATALOG } from '../../../src/shared/findings/catalog';
import { FINDING_CODES } from '../../../src/shared/findings/codes';
import { decodeToken } from '../../../src/shared/oauth/claims';

const b64url = (o: unknown) =>
  Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');
const NOW = Math.floor(Date.now() / 1000);
const TID = '11111111-2222-3333-4444-555555555555';
const token = (claims: Record<string, unknown>) =>
  `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${b64url({ iss: `https://sts.windows.net/${TID}/`, tid: TID, ver: '1.0', ...claims })}.${b64url('signature-bytes-here')}`;
const GOOD_DELEGATED = {
  aud: 'https://outlook.office.com',
  scp: 'SMTP.Send',
  upn: 'scanner@contoso.com',
  exp: NOW + 3600,
  appid: 'a',
};
const GOOD_APP = {
  aud: 'https://outlook.office365.com',
  roles: ['SMTP.SendAsApp'],
  oid: 'o',
  exp: NOW + 3600,
  appid: 'a',
  idtyp: 'app',
};

async function cli(args: string[], stdin: string[] = []) {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on('data', (c: Buffer) => o.push(c));
  err.on('data', (c: Buffer) => e.push(c));
  const code = await main(args, {
    stdout: out,
    stderr: err,
    stdin: Readable.from(stdin),
    env: { LANG: 'en_US.UTF-8' },
  });
  return { code, stdout: Buffer.concat(o).toString('utf8'), stderr: Buffer.concat(e).toString('utf8') };
}

const inspectCodes = async (t: string, extra: string[] = []) => {
  const r = await cli(['token', 'inspect', '--json', ...extra], [t]);
  return {
    code: r.code,
    codes: (JSON.parse(r.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code),
    stdout: r.stdout,
  };
};

describe('token inspect', () => {
  it.each([
    ['good delegated token', GOOD_DELEGATED, [], 0, ['OAUTH_TOKEN_OK']],
    ['good app-only token', GOOD_APP, [], 0, ['OAUTH_TOKEN_OK']],
    [
      'Graph audience',
      { ...GOOD_DELEGATED, aud: 'https://graph.microsoft.com', scp: 'Mail.Send' },
      [],
      1,
      ['OAUTH_WRONG_AUDIENCE', 'OAUTH_SCOPE_MISSING'],
    ],
    [
      'delegated without SMTP.Send',
      { ...GOOD_DELEGATED, scp: 'IMAP.AccessAsUser.All' },
      [],
      1,
      ['OAUTH_SCOPE_MISSING'],
    ],
    [
      'app-only without SMTP.SendAsApp (no admin consent)',
      { ...GOOD_APP, roles: [] },
      [],
      1,
      ['OAUTH_SCOPE_MISSING'],
    ],
    ['expired', { ...GOOD_DELEGATED, exp: NOW - 7200 }, [], 1, ['OAUTH_TOKEN_EXPIRED']],
    [
      'expired a minute ago (within the 5-minute skew): not reported',
      { ...GOOD_DELEGATED, exp: NOW - 60 },
      [],
      0,
      ['OAUTH_TOKEN_OK'],
    ],
    [
      'another tenant',
      GOOD_DELEGATED,
      ['--tenant', '99999999-2222-3333-4444-555555555555'],
      1,
      ['OAUTH_TENANT_MISMATCH'],
    ],
  ] as const)('%s', async (_name, claims, extra, exit, want) => {
    const t = token(claims);
    const r = await inspectCodes(t, [...extra]);
    expect(r.code).toBe(exit);
    expect(r.codes).toEqual(want);
    expect(r.stdout).not.toContain(t.split('.')[2]);
  });

  it('shows the claims, never the token', async () => {
    const t = token(GOOD_DELEGATED);
    const r = await cli(['token', 'inspect', '--lang', 'en'], [`Bearer ${t}\n`]);
    expect(r.stdout).toMatch(/Audience \(aud\): https:\/\/outlook\.office\.com/);
    expect(r.stdout).toMatch(/User \(upn\): scanner@contoso\.com/);
    expect(r.stdout).not.toContain(t);
  });

  it.each([
    ['nothing', []],
    ['an opaque token', ['EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA']],
    ['an encrypted token (JWE)', ['a.b.c.d.e']],
    ['garbage parts', ['eyJ!.x.y']],
  ])('bad input (%s) → exit 2', async (_n, stdin) => {
    const r = await cli(['token', 'inspect'], stdin);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('refuses the token as an argument (shell history) → exit 2', async () => {
    expect((await cli(['token', 'inspect', token(GOOD_DELEGATED)])).code).toBe(2);
  });

  it('decodeToken keeps claims bounded and never returns the raw token', () => {
    const d = decodeToken(token({ ...GOOD_DELEGATED, upn: 'x'.repeat(5000) }));
    expect(d.ok && d.claims.upn?.length).toBe(200);
    expect(JSON.stringify(d)).not.toContain('signature');
  });
});

const explainCodes = async (text: string) => {
  const r = await cli(['explain', text, '--json']);
  return (JSON.parse(r.stdout) as { findings: { code: string; cause: string }[] }).findings;
};

describe('explain: OAuth replies and AADSTS texts', () => {
  it.each([
    [
      "AADSTS65001: The user or administrator has not consented to use the application with ID 'x' named 'Scan'.",
      'OAUTH_CONSENT_MISSING',
    ],
    [
      'Error: AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
      'OAUTH_BLOCKED_BY_POLICY',
    ],
    [
      'invalid_grant: AADSTS700082: The refresh token has expired due to inactivity.',
      'OAUTH_TOKEN_REFRESH_FAILED',
    ],
    ['AADSTS50173: The provided grant has expired due to it being revoked', 'OAUTH_TOKEN_REFRESH_FAILED'],
    ['トークンの更新に失敗しました (OAuth)', 'OAUTH_TOKEN_REFRESH_FAILED'],
    ['Token update failed', 'OAUTH_TOKEN_REFRESH_FAILED'],
    [
      "AADSTS700016: Application with identifier 'abc' was not found in the directory 'contoso.com'.",
      'OAUTH_APP_NOT_FOUND',
    ],
    ['AADSTS7000215: Invalid client secret provided.', 'OAUTH_CLIENT_CREDENTIAL_INVALID'],
    [
      'AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.',
      'OAUTH_MFA_REQUIRED',
    ],
    ['AADSTS70011: The provided value for the input parameter scope is not valid.', 'OAUTH_SCOPE_MISSING'],
    ["AADSTS90002: Tenant 'contoso.example' not found.", 'OAUTH_TENANT_MISMATCH'],
    ['AADSTS70019: Verification code expired.', 'OAUTH_SIGNIN_NOT_COMPLETED'],
    ['AADSTS9999999: something new', 'OAUTH_TOKEN_REQUEST_FAILED'],
    ['550 5.7.30 Basic authentication is not supported for Client Submission.', 'BASIC_AUTH_DISABLED'],
  ])('%s → %s', async (text, code) => {
    expect((await explainCodes(text))[0]?.code).toBe(code);
  });

  it('a bare 535 5.7.3 (no XOAUTH2 seen) stays a sign-in failure', async () => {
    expect((await explainCodes('535 5.7.3 Authentication unsuccessful'))[0]?.code).toBe('AUTH_FAILED');
  });

  it('AUTH XOAUTH2 then 535 5.7.3: OAUTH_REJECTED (not a wrong password), token claims read, token never echoed', async () => {
    const t = token({ ...GOOD_APP });
    const b64 = Buffer.from(`user=scanner@contoso.com\x01auth=Bearer ${t}\x01\x01`).toString('base64');
    const r = await cli([
      'explain',
      `>>> AUTH XOAUTH2 ${b64}\n<<< 535 5.7.3 Authentication unsuccessful [TY2P.jpnprd01.prod.outlook.com 2026-12-02T01:00:00Z 08DD]`,
      '--json',
    ]);
    const f = (JSON.parse(r.stdout) as { findings: { code: string; cause: string }[] }).findings;
    expect(f.map((x) => x.code)).toEqual(['OAUTH_REJECTED']);
    // App-only token with the right role: the service principal and the mailbox permission come first.
    expect(f[0]?.cause).toMatch(
      /\(1\) the app's service principal is not registered.*\(2\) the service principal has no permission/,
    );
    expect(r.stdout).not.toContain(b64.slice(0, 40));
    expect(r.stdout).not.toContain(t.slice(0, 40));
  });

  it('AUTH XOAUTH2 (continuation form) with a Graph token: wrong audience first', async () => {
    const t = token({ ...GOOD_DELEGATED, aud: 'https://graph.microsoft.com' });
    const b64 = Buffer.from(`user=scanner@contoso.com\x01auth=Bearer ${t}\x01\x01`).toString('base64');
    const f = await explainCodes(
      `C: AUTH XOAUTH2\nS: 334 \nC: ${b64}\nS: 535 5.7.3 Authentication unsuccessful`,
    );
    expect(f[0]?.code).toBe('OAUTH_WRONG_AUDIENCE');
    expect(f.map((x) => x.code)).toContain('OAUTH_REJECTED');
  });
});

describe('catalogue', () => {
  it('every OAuth code has ja/en texts and a Microsoft source with the date read', () => {
    for (const code of FINDING_CODES.filter((c) => c.startsWith('OAUTH_') || c === 'BASIC_AUTH_DISABLED')) {
      const e = CATALOG[code];
      expect(e.text.ja.title.length, code).toBeGreaterThan(0);
      expect(e.text.en.title.length, code).toBeGreaterThan(0);
      expect(e.sources?.length, code).toBeGreaterThan(0);
      for (const s of e.sources ?? []) {
        expect(s.url, code).toMatch(/^https:\/\/(learn\.microsoft\.com|techcommunity\.microsoft\.com)\//);
        expect(s.read, code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});
