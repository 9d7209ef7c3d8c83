// App-only sign-in (client credentials) in the app (real renderer build in Chromium, real main-process services):
// practice lab in the oauth-healthy-app scenario, a wrong client secret refused with its finding, then the lab app's
// secret typed into the password field, msal-node in main gets an app token (SMTP.SendAsApp) from the lab's identity
// platform, and a diagnosis signs in with XOAUTH2 as the app and shows its verdict. Neither secret nor token shows.
import type { LabInfo } from '../../src/shared/ipc';
import { expect, goTo, screenshot, test } from './fixtures';

/** How long a lab diagnosis may take on a busy 2-core machine, in ms. */
const RUN_DONE_MS = 90_000;
/** How long one token request to the lab may take, in ms. */
const TOKEN_MS = 30_000;

test('client credentials against the lab, then XOAUTH2 as the app: verdict shown, secret and token never on screen', async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  await goTo(page, 'diagnose');
  await page.locator('select[name="method"]').selectOption('submission');
  // The job's one sign-in choice: the OAuth sign-ins show on the OAuth path only.
  await page.getByRole('button', { name: 'OAuth（先進認証）' }).click();
  await page.locator('input[name="practice"]').check();
  await page.locator('select[name="scenario"]').selectOption('oauth-healthy-app');
  // Practice on starts the app's own lab (its values table shows when it is up): ask for its details only after
  // that, so the secret read here is the running lab's, not one from a start the app's own then replaces.
  await expect(
    page.getByTestId('practice-values').locator('tr[data-field="user"] [data-col="lab"]'),
  ).toContainText('@', {
    timeout: TOKEN_MS,
  });
  const lab = await page.evaluate(async () => {
    const r = await (
      globalThis as unknown as {
        api: { labStart(a: { scenario: string }): Promise<{ ok: boolean; value: unknown }> };
      }
    ).api.labStart({ scenario: 'oauth-healthy-app' });
    return r.value as LabInfo;
  });

  const panel = page.locator('section.oauth-app-sign-in');
  await expect(panel.getByRole('heading', { name: /アプリ専用/ })).toBeVisible();
  const secretField = panel.getByLabel('クライアント シークレット（保存しません）');
  await expect(secretField).toHaveAttribute('type', 'password');
  const start = panel.getByRole('button', { name: 'アプリとしてサインイン' });

  // A wrong secret: Entra's AADSTS7000215 from the lab, shown as its finding.
  const wrong = 'wrong-secret-e2e-7f3a9c';
  await secretField.fill(wrong);
  await start.click();
  const failed = panel.locator('[data-oauth-app-state="failed"]');
  await expect(failed).toBeVisible({ timeout: TOKEN_MS });
  await expect(failed.locator('[data-code]')).toHaveAttribute('data-code', 'OAUTH_CLIENT_CREDENTIAL_INVALID');
  await expect(secretField).toHaveValue('');

  // The right secret (the lab app's), typed by the technician.
  await secretField.fill(lab.tenant.oauth.clientSecret);
  await start.click();
  const signedIn = panel.locator('[data-oauth-app-state="signed-in"]');
  await expect(signedIn).toBeVisible({ timeout: TOKEN_MS });
  await expect(signedIn).toContainText('SMTP.SendAsApp');
  await expect(signedIn).toContainText(lab.tenant.oauth.confidentialClientId);
  await expect(secretField).toHaveValue('');
  await screenshot(page, '4-diagnose-oauth-app-signed-in');

  await page.getByRole('button', { name: /診断を実行/ }).click();
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toBeVisible({ timeout: RUN_DONE_MS });
  await expect(verdict).toHaveAttribute('data-verdict', /^(pass|warn)$/);
  await expect(page.locator('[data-code="OAUTH_REJECTED"]')).toHaveCount(0);
  await expect(page.locator('[data-code="AUTH_FAILED"]')).toHaveCount(0);
  await expect(page.locator('[data-code="BASIC_AUTH_RETIREMENT"]')).toHaveCount(0);
  await page.getByLabel('通信ログを検索').fill('XOAUTH2');
  await expect(
    page.locator('.transcript-rows tbody tr.dir-C', { hasText: 'AUTH XOAUTH2' }).first(),
  ).toBeVisible();
  await page.getByLabel('通信ログを検索').fill('235 2.7.0');
  await expect(page.locator('.transcript-rows tbody tr', { hasText: '235 2.7.0' }).first()).toBeVisible();
  const body = page.locator('body');
  await expect(body).not.toContainText(lab.tenant.oauth.clientSecret);
  await expect(body).not.toContainText(wrong);
  await expect(body).not.toContainText(/eyJ[A-Za-z0-9_-]{10,}\./);
  await screenshot(page, '4-diagnose-oauth-app-verdict');
});
