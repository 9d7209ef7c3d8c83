// The technician's whole path in the real renderer build (Chromium) against the real engine and lab:
// new job → a Ricoh model → advisor → checklist → diagnose a lab scenario → findings in Japanese, then English.
// Screenshots of every screen at 1366×768 and 1024×768 go to test-results/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFinding } from '../../src/shared/findings/catalog';
import { expect, goTo, screenshot, shootBothSizes, test } from './fixtures';

/** How long a lab diagnosis may take on a busy 2-core machine before the test gives up, in ms. */
const RUN_DONE_MS = 90_000;

test('new job → Ricoh → advisor → checklist → wrong-password diagnosis in Japanese, then English', async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  // 1. Device: the OS locale (ja-JP) decides the language.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('1. 機器');
  await page.getByRole('button', { name: '新しい作業' }).click();
  await page.getByLabel('お客様先').fill('Contoso 大阪支店 3F');
  await page.getByLabel('目的').fill('複合機からのスキャン to メール');
  await page.getByLabel('メーカー名・機種名で検索').fill('IM C3000');
  await page.locator('[data-model="ricoh-im"]').first().click();
  await expect(page.locator('.device-details')).toContainText('Ricoh');
  await expect(page.locator('.device-details')).toContainText('最高 TLS バージョン');
  await shootBothSizes(page, '1-device');

  // 2. Method: answers → ranking; choose client submission.
  await page.getByRole('button', { name: '次へ: 送信方法を選ぶ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2. 送信方法');
  // One question at a time: each answer shows the next one that could change the advice.
  await page
    .getByRole('group', { name: '機器のサインイン（SMTP AUTH）の方法' })
    .getByRole('button', { name: '基本認証（ユーザー名とパスワード）' })
    .click();
  await page
    .getByRole('group', { name: '組織外の宛先にも送信する必要がありますか？' })
    .getByRole('button', { name: 'はい' })
    .click();
  await page
    .getByRole('group', { name: 'テナントの SMTP AUTH' })
    .getByRole('button', { name: '有効' })
    .click();
  await page.getByLabel('送信に使うメールボックス（サインイン）').fill('scanner@contoso.com');
  // External recipients: Direct Send is impossible, folded under 使えない理由 with its reason; no scores.
  await expect(page.locator('details.not-viable-box summary')).toContainText('使えない理由');
  await expect(page.locator('[data-method="direct-send"][data-viable="false"]')).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText('スコア');
  const submission = page.locator('[data-method="submission"][data-recommended="true"]');
  await expect(submission).toBeVisible();
  await submission.getByRole('button', { name: 'この方法にする' }).click();
  await expect(submission.getByRole('button', { name: /選択中/ })).toBeVisible();
  await shootBothSizes(page, '2-method');
  await page.locator('details.comparison-box summary').click();
  await expect(page.locator('table.comparison')).toContainText('ポート 587 またはポート 25');
  await page.locator('table.comparison').scrollIntoViewIfNeeded();
  await shootBothSizes(page, '2-method-comparison');

  // 3. Checklist: exact values for this model and method.
  await page.getByRole('button', { name: '次へ: チェックリスト' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('3. チェックリスト');
  await expect(
    page
      .locator('[data-value]')
      .filter({ hasText: /^smtp\.office365\.com$/ })
      .first(),
  ).toBeVisible();
  await expect(page.locator('[data-value]').filter({ hasText: /^587$/ }).first()).toBeVisible();
  await expect(page.locator('.step.actor-admin').first()).toBeVisible();
  await page.locator('[data-step] input[type="checkbox"]').first().check();
  await expect(page.getByRole('status').first()).toContainText('1 手順にチェック済み');
  await shootBothSizes(page, '3-checklist');

  // 4. Diagnose against the built-in lab's wrong-password scenario.
  await page.getByRole('button', { name: '次へ: 診断' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('4. 診断');
  await expect(page.getByLabel('ユーザー名（メールボックス）')).toHaveValue('scanner@contoso.com');
  await page.getByLabel('パスワード').fill('typed-on-site-1!');
  await shootBothSizes(page, '4-diagnose-form');
  await page.getByLabel('練習用ラボで練習する（この PC 上の模擬 Microsoft 365）').check();
  await page.getByLabel('ラボのシナリオ').selectOption('wrong-password');
  await shootBothSizes(page, '4-diagnose-practice');
  await page.getByRole('button', { name: /診断を実行/ }).click();
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toBeVisible({ timeout: RUN_DONE_MS });
  await expect(verdict).toHaveAttribute('data-verdict', 'fail');
  await expect(verdict).toContainText('この方法ではまだメールを送信できません');
  const finding = page.locator('[data-code="AUTH_FAILED"]').first();
  await expect(finding).toBeVisible();
  await expect(finding.locator('h4')).toHaveText(renderFinding({ code: 'AUTH_FAILED' }, 'ja').title);
  await expect(finding).toContainText('原因');
  await expect(finding.locator('xpath=ancestor::section[@data-stage]')).toHaveAttribute('data-stage', 'auth');
  // The transcript is there, searchable, and never shows the typed password (the lab's mailbox was used).
  await page.getByLabel('通信ログを検索').fill('535');
  await expect(page.locator('.transcript-rows tbody tr').first()).toContainText('535');
  await expect(page.locator('body')).not.toContainText('typed-on-site-1!');
  await finding.scrollIntoViewIfNeeded();
  await shootBothSizes(page, '4-diagnose-ja');

  // The checklist now shows what the diagnosis proved (auth failed → red).
  await goTo(page, 'checklist');
  // Checklist ↔ findings: the wrong password reddens the password step only; server, port and TLS are green.
  await expect(page.locator('[data-step="submission.password"]')).toHaveAttribute('data-verified', 'fail');
  await expect(page.locator('[data-step][data-verified="fail"]')).toHaveCount(1);
  for (const id of ['submission.server', 'submission.port', 'submission.tls'])
    await expect(page.locator(`[data-step="${id}"]`)).toHaveAttribute('data-verified', 'pass');
  await shootBothSizes(page, '3-checklist-after-run');

  // Settings: switch to English live; the verdict re-renders in English.
  await goTo(page, 'settings');
  await page.getByLabel('表示言語').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await shootBothSizes(page, 'settings-en');
  await goTo(page, 'diagnose');
  await expect(page.locator('[data-verdict]')).toContainText('Mail cannot be sent this way yet.');
  const en = page.locator('[data-code="AUTH_FAILED"]').first();
  await expect(en.locator('h4')).toHaveText(renderFinding({ code: 'AUTH_FAILED' }, 'en').title);
  await expect(en).toContainText('Cause');
  await en.scrollIntoViewIfNeeded();
  await shootBothSizes(page, '4-diagnose-en');

  // The job survives a restart of the window; the password does not.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('4. Diagnose');
  await page.getByLabel('Practice with the built-in lab (simulated Microsoft 365 on this laptop)').uncheck();
  await expect(page.getByLabel('Password')).toHaveValue('');
  await goTo(page, 'device');
  await expect(page.getByLabel('Customer site')).toHaveValue('Contoso 大阪支店 3F');
  const stored = await page.evaluate(() =>
    JSON.stringify((globalThis as unknown as { localStorage: Record<string, string> }).localStorage),
  );
  expect(stored).not.toContain('typed-on-site-1!');
});

test('cancel mid-run (silent port) ends the run as cancelled', async ({ app: page }) => {
  await goTo(page, 'diagnose');
  await page.getByLabel('練習用ラボで練習する（この PC 上の模擬 Microsoft 365）').check();
  await page.getByLabel('ラボのシナリオ').selectOption('silent-port');
  await page.getByRole('button', { name: /診断を実行/ }).click();
  await expect(page.locator('[data-state="running"]').first()).toBeVisible({ timeout: 30_000 });
  await shootBothSizes(page, '4-diagnose-running');
  const cancelAt = Date.now();
  await page.getByRole('button', { name: '中止' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'cancelled', {
    timeout: 30_000,
  });
  // Generous bound on a shared 2-core machine: cancel must not wait for the overall deadline (60 s default).
  expect(Date.now() - cancelAt).toBeLessThan(30_000);
  await expect(page.getByRole('button', { name: /診断を実行/ })).toBeEnabled();
  await expect(page.locator('main')).toContainText('中止までに検出事項はありませんでした');
  await shootBothSizes(page, '4-diagnose-cancelled');
});

test('a hanging server does not freeze the UI: other screens work while it runs', async ({ app: page }) => {
  await goTo(page, 'diagnose');
  await page.getByLabel('練習用ラボで練習する（この PC 上の模擬 Microsoft 365）').check();
  await page.getByLabel('ラボのシナリオ').selectOption('silent-port');
  await page.getByRole('button', { name: /診断を実行/ }).click();
  await expect(page.locator('[data-state="running"]').first()).toBeVisible({ timeout: 30_000 });
  for (const screen of ['device', 'method', 'checklist', 'settings', 'reports', 'diagnose'] as const) {
    await goTo(page, screen);
  }
  await expect(page.locator('.sidebar [data-screen="diagnose"] .nav-running')).toBeVisible();
  // The page's event loop answers promptly while the engine waits on the silent port.
  const lag = await page.evaluate(async () => {
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t0;
  });
  expect(lag).toBeLessThan(1000);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'cancelled', {
    timeout: 30_000,
  });
});

test.describe('English OS', () => {
  test.use({ osLocale: 'en-US' });
  test('starts in English and Settings shows the runtime', async ({ app: page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('1. Device');
    await goTo(page, 'settings');
    await expect(page.locator('main')).toContainText('bridge');
    await shootBothSizes(page, 'settings');
  });
});

test('importing a profile file: errors name the field; a valid file becomes searchable', async ({
  app: page,
}) => {
  const ricoh = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../resources/printers/ricoh.json'), 'utf8'),
  ) as {
    id: string;
    vendor: string;
    models: { id: string; vendor: string; names: string[]; capabilities: Record<string, unknown> }[];
  };
  const mine = {
    ...ricoh,
    id: 'acme-e2e',
    vendor: 'Acme',
    models: ricoh.models
      .slice(0, 1)
      .map((m) => ({ ...m, id: 'acme-e2e-x1', vendor: 'Acme', names: ['Acme X1-E2E'] })),
  };
  const broken = structuredClone(mine);
  delete (broken.models[0] as { capabilities?: unknown }).capabilities;

  await page.locator('details.import summary').click();
  const input = page.locator('details.import input[type="file"]');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.getByRole('alert')).toContainText('models[0].capabilities');
  await page.getByRole('alert').scrollIntoViewIfNeeded();
  await screenshot(page, '1-device-import-error-1366x768');

  await input.setInputFiles({
    name: 'acme.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(mine)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'インポートしました' })).toContainText('Acme');
  await page.getByLabel('メーカー名・機種名で検索').fill('X1-E2E');
  await page.locator('[data-model="acme-e2e-x1"]').click();
  await expect(page.locator('.device-details')).toContainText('Acme');
});
