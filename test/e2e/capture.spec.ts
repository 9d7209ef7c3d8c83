// Capture mode in the real renderer build against the real listener: listen on 127.0.0.1 (any free port), a real
// SMTP client in the test process plays the device (STARTTLS, AUTH LOGIN, From ≠ the signed-in user), the
// session appears live with SEND_AS_DENIED and no password, it is saved to the job's report, then Stop.
import nodemailer from 'nodemailer';
import { expect, shootBothSizes, test } from './fixtures';

/** The "device's" password: must never appear on screen. */
const DEVICE_PASSWORD = 'Dev1ce&Pass word';
/** How long the client may take to send through the listener, in ms. */
const SEND_MS = 20_000;

test('listen on 127.0.0.1, a client sends as someone else → SEND_AS_DENIED live, saved to the report, stop', async ({
  app: page,
}) => {
  test.setTimeout(90_000);
  await page.getByLabel('お客様先').fill('大阪支店 3F');
  await page.locator('.sidebar [data-screen="capture"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キャプチャ');
  await page.getByLabel('この PC のアドレス').selectOption('127.0.0.1');
  await page.getByLabel('ポート（STARTTLS または暗号化なし）').fill('0');
  await page.getByLabel('診断の基準にする送信方法').selectOption('submission');
  await shootBothSizes(page, 'capture-form');
  await page.getByRole('button', { name: /待ち受けを開始/ }).click();

  const row = page.locator('[data-listen-port]').first();
  await expect(row).toBeVisible();
  const port = Number(await row.getAttribute('data-listen-port'));
  expect(port).toBeGreaterThan(0);
  await expect(page.locator('[data-type-this]')).toContainText('127.0.0.1');

  // The "device": STARTTLS (the listener's certificate is made on the spot), AUTH LOGIN, From ≠ user.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    requireTLS: true,
    tls: { rejectUnauthorized: false },
    auth: { user: 'scanner@contoso.com', pass: DEVICE_PASSWORD },
    authMethod: 'LOGIN',
    connectionTimeout: SEND_MS,
    greetingTimeout: SEND_MS,
    socketTimeout: SEND_MS,
  });
  try {
    await transport.sendMail({
      from: 'ceo@contoso.com',
      to: 'staff@contoso.com',
      subject: 'Scan',
      text: 'scanned page',
    });
  } finally {
    transport.close();
  }

  const session = page.locator('.session-card').first();
  await expect(session).toBeVisible({ timeout: SEND_MS });
  await expect(session.locator('[data-code="SEND_AS_DENIED"]')).toBeVisible();
  await expect(session.locator('[data-auth]')).toContainText('LOGIN');
  await expect(session.locator('[data-auth]')).toContainText('scanner@contoso.com');
  await expect(session.locator('[data-auth]')).toContainText(
    `パスワード送信あり（${DEVICE_PASSWORD.length} 文字）`,
  );
  await expect(session.locator('[data-mail-from]')).toHaveText('ceo@contoso.com');
  await expect(session).toContainText('TLSv1.');
  expect(await page.content()).not.toContain(DEVICE_PASSWORD);
  await shootBothSizes(page, 'capture-session');

  await session.getByRole('button', { name: 'レポートに保存' }).click();
  await expect(session.getByRole('button', { name: 'レポートに保存しました' })).toBeDisabled();

  await page.getByRole('button', { name: /停止/ }).click();
  await expect(page.locator('[data-type-this]')).toHaveClass(/ended/);
  await expect(page.getByRole('button', { name: /待ち受けを開始/ })).toBeEnabled();

  // The saved session is in the visit's report.
  await page.locator('.sidebar [data-screen="reports"]').click();
  await page.getByRole('button', { name: '開く' }).click();
  await expect(page.locator('.report-detail .session-card [data-code="SEND_AS_DENIED"]')).toBeVisible();
  expect(await page.content()).not.toContain(DEVICE_PASSWORD);
});

test.describe('English OS', () => {
  test.use({ osLocale: 'en-US' });
  test('Capture and Reports read in English, with an empty history explained', async ({ app: page }) => {
    await page.locator('.sidebar [data-screen="capture"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Capture');
    await expect(page.getByLabel('Ports (STARTTLS or none)')).toHaveValue('2525, 587');
    await expect(page.getByRole('button', { name: /Start listening/ })).toBeEnabled();
    await shootBothSizes(page, 'capture-en');
    await page.locator('.sidebar [data-screen="reports"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports');
    await expect(page.locator('main')).toContainText('No saved reports match.');
    await shootBothSizes(page, 'reports-empty-en');
  });
});
