// Practice is never mistaken for a customer (issue 14 item 8), in the real renderer build against the real engine,
// lab and report store: the form shows the lab's values beside the job's, the badge says 練習用ラボ during and
// after the run, a lab run is never auto-saved into the job's report (only the confirmed explicit action saves
// it, labelled), and the job's own values are there unchanged when practice is turned off.
import type { Page } from '@playwright/test';
import { expect, goTo, shootBothSizes, test } from './fixtures';

/** How long a lab diagnosis may take on a busy 2-core machine, in ms. */
const RUN_DONE_MS = 60_000;
const PRACTICE = '練習用ラボで練習する（この PC 上の模擬 Microsoft 365）';

async function run(page: Page, scenario: string): Promise<void> {
  await page.getByLabel('ラボのシナリオ').selectOption(scenario);
  await page.getByRole('button', { name: /診断を実行/ }).click();
  await expect(page.locator('.save-report')).toBeVisible({ timeout: RUN_DONE_MS });
}

async function reportRows(page: Page): Promise<number> {
  await goTo(page, 'reports');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'reports');
  // The list is loaded when either a row or the empty note is shown.
  await expect(page.locator('tr[data-report-id], .report-groups, .card.muted').first()).toBeVisible();
  return page.locator('tr[data-report-id]').count();
}

test('a lab run is labelled, shows the lab values beside the job values, and never lands in the job report by itself', async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  await page.getByLabel('お客様先').fill('Fabrikam 名古屋');
  await goTo(page, 'method');
  // (Client submission asks for no domain since the method screen asks only what the method needs; the user name
  // stands for the job's own values below.)
  await goTo(page, 'diagnose');
  await page.getByLabel('送信方法', { exact: true }).selectOption('submission');
  await page.getByLabel('ユーザー名（メールボックス）').fill('mfp@fabrikam.example');

  // Practice on: the lab's values are shown beside the job's, which are kept.
  await page.getByLabel(PRACTICE).check();
  const values = page.getByTestId('practice-values');
  await expect(values.locator('tr[data-field="user"] [data-col="lab"]')).toContainText('@', {
    timeout: 30_000,
  });
  await expect(values.locator('tr[data-field="user"] [data-col="job"]')).toHaveText('mfp@fabrikam.example');
  await expect(values.locator('tr[data-field="server"] [data-col="lab"]')).toContainText(
    'smtp.office365.com:587 → 127.',
  );
  await expect(page.locator('.practice-badge[data-phase="ready"]')).toContainText('練習用ラボ');
  await shootBothSizes(page, '4-diagnose-practice-values');

  // Run 1: the badge during and after; the result is not saved into the job's report by itself.
  await page.getByLabel('ラボのシナリオ').selectOption('silent-port');
  await page.getByRole('button', { name: /診断を実行/ }).click();
  await expect(page.locator('.practice-badge[data-phase="running"]')).toContainText('練習用ラボで診断中', {
    timeout: 30_000,
  });
  // Stop it (or let it end, whichever comes first): the run is over either way.
  await page.keyboard.press('Escape');
  await expect(page.locator('.save-report')).toBeVisible({ timeout: RUN_DONE_MS });
  await run(page, 'wrong-password');
  await expect(page.locator('.practice-badge[data-phase="done"]')).toContainText('パスワード誤り');
  await expect(page.locator('.practice-save')).toContainText('自動保存されません');
  await shootBothSizes(page, '4-diagnose-practice-done');
  expect(await reportRows(page)).toBe(0);

  // The explicit action, confirmed: now the visit's report has it, labelled practice.
  await goTo(page, 'diagnose');
  await page.getByRole('button', { name: 'この練習結果をレポートに保存' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('お客様の環境の結果ではありません');
  await page.getByRole('button', { name: '練習結果として保存' }).click();
  await expect(page.getByRole('button', { name: '練習結果としてレポートに保存しました' })).toBeDisabled();
  expect(await reportRows(page)).toBe(1);
  await expect(page.locator('tr[data-report-id] .practice-tag')).toContainText('練習用ラボ: パスワード誤り');

  // Run 2 (healthy), not saved: the job's report still holds one run.
  await goTo(page, 'diagnose');
  await run(page, 'healthy');
  await expect(page.locator('.practice-badge[data-phase="done"]')).toContainText('正常なテナント');
  await goTo(page, 'reports');
  await page.getByRole('button', { name: '開く' }).click();
  await expect(page.locator('.run-card')).toHaveCount(1);
  await expect(page.locator('.run-card[data-practice="wrong-password"]')).toBeVisible();
  await expect(page.locator('.report-detail .practice-badge')).toContainText('練習用ラボ');
  await shootBothSizes(page, 'reports-practice');

  // Practice off: the job's own values are there, unchanged.
  await goTo(page, 'diagnose');
  await page.getByLabel(PRACTICE).uncheck();
  await expect(page.getByTestId('practice-values')).toHaveCount(0);
  await page.locator('details.target-details').evaluate((d: { open: boolean }) => {
    d.open = true;
  });
  await expect(page.getByLabel('ユーザー名（メールボックス）')).toHaveValue('mfp@fabrikam.example');
});
