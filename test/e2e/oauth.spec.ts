// Device code sign-in in the app (real renderer build in Chromium, real main-process services): practice lab in
// the oauth-healthy-delegated scenario, the code shown large, the "open sign-in page" refused by the vetted-link
// policy (the lab's page has a port), this test playing the user (approves the code on the lab's identity platform
// over HTTPS with the lab CA), then a diagnosis signing in with XOAUTH2 and its verdict. The token never shows.
import https from 'node:https';
import type { LabInfo } from '../../src/shared/ipc';
import { expect, goTo, screenshot, test } from './fixtures';

/** How long a lab diagnosis may take on a busy 2-core machine, in ms. */
const RUN_DONE_MS = 90_000;
/** How long until the lab's identity platform has shown a code, in ms. */
const CODE_SHOWN_MS = 30_000;

function approve(uri: string, userCode: string, caPem: string): Promise<number> {
  const u = new URL(uri);
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ user_code: userCode });
    const req = https.request(
      {
        host: '127.0.0.1',
        port: Number(u.port),
        servername: u.hostname,
        ca: [caPem],
        method: 'POST',
        path: '/lab/approve',
        headers: {
          host: u.host,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('device code sign-in against the lab, then XOAUTH2 diagnosis: verdict shown, token never on screen', async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  await goTo(page, 'diagnose');
  await page.locator('select[name="method"]').selectOption('submission');
  // The job's one sign-in choice: OAuth shows the device code sign-in instead of a password field.
  await page.getByRole('button', { name: 'OAuth（先進認証）' }).click();
  await expect(page.locator('input[name="password"]')).toHaveCount(0);
  await page.locator('input[name="practice"]').check();
  await page.locator('select[name="scenario"]').selectOption('oauth-healthy-delegated');

  const signIn = page.locator('section.oauth-sign-in');
  await expect(signIn.getByRole('heading', { name: 'OAuth サインイン（デバイス コード）' })).toBeVisible();
  await signIn.getByRole('button', { name: 'コードでサインイン' }).click();
  const code = signIn.locator('[data-user-code]');
  await expect(code).toBeVisible({ timeout: CODE_SHOWN_MS });
  const userCode = (await code.getAttribute('data-user-code')) ?? '';
  expect(userCode).toMatch(/^[A-Z2-9]{9}$/);
  const uri = (await signIn.locator('[data-verification-uri]').textContent()) ?? '';
  expect(uri).toMatch(/^https:\/\/login\.microsoftonline\.com:\d+\/devicelogin$/);
  await screenshot(page, '4-diagnose-oauth-code');

  // "Open the sign-in page" goes through the vetted-link policy: a URL with a port is refused, and said so.
  await signIn.getByRole('button', { name: 'サインイン ページを開く' }).click();
  await expect(signIn.getByRole('alert')).toContainText('開けませんでした');

  // The user signs in on "another device": approve the code at the lab (trusting the lab's CA).
  const lab = await page.evaluate(async () => {
    const r = await (
      globalThis as unknown as {
        api: { labStart(a: { scenario: string }): Promise<{ ok: boolean; value: unknown }> };
      }
    ).api.labStart({ scenario: 'oauth-healthy-delegated' });
    return r.value as LabInfo;
  });
  expect(await approve(uri, userCode, lab.caPem)).toBe(200);
  await expect(signIn.locator('[data-oauth-state="signed-in"]')).toBeVisible({ timeout: CODE_SHOWN_MS });
  await expect(signIn).toContainText(lab.tenant.mailbox);
  await expect(signIn).toContainText('SMTP.Send');

  await page.getByRole('button', { name: /診断を実行/ }).click();
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toBeVisible({ timeout: RUN_DONE_MS });
  await expect(verdict).toHaveAttribute('data-verdict', /^(pass|warn)$/);
  // Signed in with the token: no Basic-auth retirement warning, no sign-in finding.
  await expect(page.locator('[data-code="BASIC_AUTH_RETIREMENT"]')).toHaveCount(0);
  await expect(page.locator('[data-code="AUTH_FAILED"]')).toHaveCount(0);
  await expect(page.locator('[data-code="OAUTH_REJECTED"]')).toHaveCount(0);
  await page.getByLabel('通信ログを検索').fill('XOAUTH2');
  // The client's AUTH XOAUTH2 line is there, its token redacted at capture.
  const authRow = page.locator('.transcript-rows tbody tr.dir-C', { hasText: 'AUTH XOAUTH2' }).first();
  await expect(authRow).toBeVisible();
  await page.getByLabel('通信ログを検索').fill('235 2.7.0');
  await expect(page.locator('.transcript-rows tbody tr', { hasText: '235 2.7.0' }).first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/eyJ[A-Za-z0-9_-]{10,}\./);
  await screenshot(page, '4-diagnose-oauth-verdict');
});
