// Property: no token- or secret-shaped value reaches stdout, stderr, reports or exports — for any access token
// pasted into explain / token inspect, and any client secret given to diagnose --auth oauth-client-credentials
// (plain, JSON/HTML-escaped, base64 at any offset, base64url, the XOAUTH2 initial response: secretForms()).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { startLab, type Lab } from '../../../src/lab';
import { findSecret, secretForms } from '../../../src/shared/secrets';

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
/** A JWT-shaped token: header, a payload with random claim values, a random signature. */
const jwt = fc
  .record({
    aud: fc.constantFrom(
      'https://outlook.office.com',
      'https://graph.microsoft.com',
      'https://outlook.office365.com',
    ),
    scp: fc.string({ maxLength: 40 }),
    upn: fc.string({ maxLength: 40 }),
    exp: fc.integer({ min: 0, max: 4_000_000_000 }),
    sig: fc.uint8Array({ minLength: 32, maxLength: 300 }),
  })
  .map(
    (c) =>
      `${b64url('{"alg":"RS256","typ":"JWT"}')}.${b64url(JSON.stringify({ aud: c.aud, scp: c.scp, upn: c.upn, exp: c.exp }))}.${Buffer.from(c.sig).toString('base64url')}`,
  );
/** Anything a device or a person might paste as a token. */
const anyToken = fc.oneof(
  jwt,
  fc
    .string({ minLength: 16, maxLength: 200, unit: 'binary-ascii' })
    .filter((s) => !/[\x00-\x20\x7f]/.test(s)),
);
const user = fc.stringMatching(/^[a-z0-9._-]{1,20}@[a-z0-9-]{1,10}\.test$/);
const clientSecret = fc
  .string({ minLength: 12, maxLength: 60, unit: 'binary-ascii' })
  .filter((s) => !/[\x00-\x20\x7f]/.test(s));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}, stdin: string[] = []) {
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
    env: { LANG: 'en_US.UTF-8', ...env },
  });
  return { code, text: Buffer.concat(o).toString('utf8') + Buffer.concat(e).toString('utf8') };
}

const filesUnder = (root: string): string[] =>
  readdirSync(root).flatMap((n) =>
    statSync(join(root, n)).isDirectory() ? filesUnder(join(root, n)) : [join(root, n)],
  );

describe('no token or secret in any output (property)', () => {
  it('explain: an AUTH XOAUTH2 line then its 535, in both languages and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyToken,
        user,
        fc.constantFrom('ja', 'en'),
        fc.boolean(),
        async (token, u, lang, json) => {
          const b64 = Buffer.from(`user=${u}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
          const pasted = `C: AUTH XOAUTH2 ${b64}\nS: 535 5.7.3 Authentication unsuccessful\nAuthorization: Bearer ${token}`;
          const r = await cli(['explain', pasted, '--lang', lang, ...(json ? ['--json'] : [])]);
          expect(r.code).toBe(1);
          expect(findSecret(r.text, secretForms({ user: u, oauthToken: token }))).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('token inspect: claims shown, the token and its signature never', async () => {
    await fc.assert(
      fc.asyncProperty(jwt, fc.constantFrom('ja', 'en'), fc.boolean(), async (token, lang, json) => {
        const r = await cli(['token', 'inspect', '--lang', lang, ...(json ? ['--json'] : [])], {}, [token]);
        expect([0, 1]).toContain(r.code);
        const sig = token.split('.')[2] ?? '';
        expect(r.text).not.toContain(sig);
        expect(findSecret(r.text, secretForms({ oauthToken: token }))).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  describe('diagnose --auth oauth-client-credentials against the lab, saved and exported', () => {
    let lab: Lab;
    let dir: string;
    let caFile: string;
    beforeAll(async () => {
      lab = await startLab({ scenario: 'oauth-no-service-principal' });
      dir = mkdtempSync(join(tmpdir(), 'dmd-oauth-prop-'));
      caFile = join(dir, 'lab-ca.pem');
      writeFileSync(caFile, lab.caPem);
    }, 60_000);
    afterAll(async () => {
      await lab?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const args = (reports: string) => {
      const t = lab.tenant;
      return [
        'diagnose',
        '--method',
        'submission',
        '--domain',
        t.domain,
        '--from',
        t.mailbox,
        '--user',
        t.mailbox,
        '--to',
        t.internalRecipient,
        '--dns-server',
        `${lab.dns.address}:${lab.dns.port}`,
        '--ca',
        caFile,
        '--timeout-ms',
        '20000',
        '--auth',
        'oauth-client-credentials',
        '--tenant',
        t.domain,
        '--client-id',
        t.oauth.confidentialClientId,
        '--client-secret-env',
        'APP_SECRET',
        '--authority',
        lab.identity.authority(t.domain),
        '--save',
        '--reports-dir',
        reports,
        ...lab.connectTo.flatMap((r) => ['--connect-to', `${r.host}:${r.port}:${r.toHost}:${r.toPort}`]),
      ];
    };

    async function runAndExport(secret: string, lang: string): Promise<string[]> {
      const reports = mkdtempSync(join(dir, 'r-'));
      const run = await cli([...args(reports), '--lang', lang], { APP_SECRET: secret });
      const texts = [run.text];
      const id = /(?:saved: report|保存しました: レポート) (\S+)/.exec(run.text)?.[1];
      expect(id, run.text).toBeDefined();
      for (const format of ['html', 'ticket']) {
        const out = join(reports, `export.${format}`);
        const ex = await cli([
          'report',
          'export',
          id ?? '',
          '--format',
          format,
          '--out',
          out,
          '--reports-dir',
          reports,
        ]);
        texts.push(ex.text);
      }
      for (const f of filesUnder(reports)) texts.push(readFileSync(f).toString('utf8'));
      return texts;
    }

    it('any wrong client secret: OAUTH_CLIENT_CREDENTIAL_INVALID, and the secret in no output, report or export', async () => {
      await fc.assert(
        fc.asyncProperty(clientSecret, fc.constantFrom('ja', 'en'), async (secret, lang) => {
          const texts = await runAndExport(secret, lang);
          expect(texts[0]).toMatch(/OAUTH_CLIENT_CREDENTIAL_INVALID/);
          for (const t of texts) expect(findSecret(t, secretForms({ clientSecret: secret }))).toBeNull();
        }),
        { numRuns: 4 },
      );
    }, 120_000);

    it('the right secret: a token is used for XOAUTH2 (OAUTH_REJECTED), and neither the secret nor any JWT appears', async () => {
      const texts = await runAndExport(lab.tenant.oauth.clientSecret, 'en');
      expect(texts[0]).toMatch(/OAUTH_REJECTED/);
      for (const t of texts) {
        expect(findSecret(t, secretForms({ clientSecret: lab.tenant.oauth.clientSecret }))).toBeNull();
        expect(t).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/);
      }
    }, 60_000);
  });
});
