// Reports in the real renderer build against the real engine, lab and report store: diagnose against the lab,
// save to the job's report, find it in Reports, add a note, export HTML and the ticket zip (files exist),
// re-test and compare before/after, delete then Undo. Screenshots at 1366×768 and 1024×768.
import { existsSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import yauzl from 'yauzl';
import { expect, goTo, shootBothSizes, test } from './fixtures';

/** How long a lab diagnosis may take on a busy 2-core machine, in ms. */
const RUN_DONE_MS = 60_000;

/** Runs a submission diagnosis against lab `scenario` and waits for its verdict. */
async function diagnose(page: Page, scenario: string): Promise<void> {
  await goTo(page, 'diagnose');
  const practice = page.getByLabel('練習用ラボで練習する（この PC 上の模擬 Microsoft 365）');
  if (!(await practice.isChecked())) await practice.check();
  await page.getByLabel('ラボのシナリオ').selectOption(scenario);
  await page.getByRole('button', { name: /診断を実行/ }).click();
  await expect(page.locator('.save-report')).toBeVisible({ timeout: RUN_DONE_MS });
}

/** The explicit save of a practice result: the button, then the confirmation that names it practice. */
async function savePractice(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'この練習結果をレポートに保存' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('練習用ラボ');
  await page.getByRole('button', { name: '練習結果として保存' }).click();
  await expect(page.getByRole('button', { name: '練習結果としてレポートに保存しました' })).toBeDisabled();
}

function zipNames(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names.sort()));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

test('diagnose → save → Reports: note, HTML + zip export, compare two runs, delete and Undo', async ({
  app: page,
}) => {
  test.setTimeout(150_000);
  await page.getByLabel('お客様先').fill('大阪支店 3F');
  // The diagnose form in automatic mode shows every field (client submission alone would not ask for a domain).
  await goTo(page, 'diagnose');
  await page.getByLabel('メール ドメイン').fill('contoso.com');
  await page.getByLabel('送信方法', { exact: true }).selectOption('submission');

  // Run 1: the mailbox password is wrong → fail. A practice (lab) run is never saved by itself: the technician
  // saves it explicitly, confirming that it is practice; it goes into a new report for this visit, labelled.
  await diagnose(page, 'wrong-password');
  await expect(page.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'fail');
  await savePractice(page);

  // Reports: grouped under customer / site, with the verdict and the finding code.
  await goTo(page, 'reports');
  const group = page.locator('.site-group').filter({ hasText: '大阪支店 3F' });
  await expect(group).toContainText('contoso.com');
  await expect(group.locator('tr[data-report-id]')).toHaveCount(1);
  await expect(group).toContainText('AUTH_FAILED');
  await page.getByLabel('検出コード').fill('AUTH_FAILED');
  await expect(page.locator('tr[data-report-id]')).toHaveCount(1);
  await page.getByLabel('検出コード').fill('NO_SUCH_CODE');
  await expect(page.locator('tr[data-report-id]')).toHaveCount(0);
  await page.getByLabel('検出コード').fill('');
  await expect(page.locator('tr[data-report-id]')).toHaveCount(1);
  await shootBothSizes(page, 'reports-list');

  // Open, add a note (saved into the file, shown after reopening).
  await page.getByRole('button', { name: '開く' }).click();
  await expect(page.locator('.run-card')).toHaveCount(1);
  await expect(page.locator('.run-card [data-code="AUTH_FAILED"]').first()).toBeVisible();
  await shootBothSizes(page, 'reports-open');
  await page.getByLabel('技術者メモ').fill('管理者にパスワードのリセットを依頼しました。');
  await page.getByRole('button', { name: 'メモを保存' }).click();
  await expect(page.locator('.notes [role="status"]')).toContainText('保存しました');

  // Exports: HTML and the support-ticket zip land on disk, the path is shown.
  await page.locator('[data-export="html"]').click();
  const htmlPath = (await page.locator('[data-exported="html"] [data-export-path]').textContent()) ?? '';
  expect(htmlPath).toMatch(/\.html$/);
  expect(statSync(htmlPath).size).toBeGreaterThan(1000);
  await page.locator('[data-export="zip"]').click();
  const zipPath = (await page.locator('[data-exported="zip"] [data-export-path]').textContent()) ?? '';
  expect(existsSync(zipPath)).toBe(true);
  expect(await zipNames(zipPath)).toEqual(['report.html', 'report.json', 'ticket.md', 'transcript.txt']);
  // The ticket text for the helpdesk form, in the admin's language.
  await page.getByLabel('エクスポートと管理者向けチケットの言語').selectOption('en');
  await page.locator('[data-ticket-text]').click();
  await expect(page.locator('.ticket-text pre')).toContainText('Authentication failed');
  await expect(page.locator('.ticket-text pre')).toContainText('大阪支店 3F');

  // Run 2 after the "fix": healthy → compared with run 1, check by check.
  await diagnose(page, 'healthy');
  await savePractice(page);
  await page.getByRole('button', { name: 'レポート画面で開く' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'reports');
  await expect(page.locator('.run-card')).toHaveCount(2);
  const compare = page.locator('section.compare');
  await expect(compare.locator('[data-compare-verdict]')).toHaveAttribute('data-compare-verdict', 'fixed');
  await expect(compare).toContainText('AUTH_FAILED');
  await expect(compare.locator('tr[data-change="fixed"]').first()).toBeVisible();
  await expect(page.getByLabel('技術者メモ')).toHaveValue('管理者にパスワードのリセットを依頼しました。');
  await compare.scrollIntoViewIfNeeded();
  await shootBothSizes(page, 'reports-compare');

  // Delete, then Undo brings it back.
  await page.locator('.report-head').getByRole('button', { name: '削除' }).click();
  await expect(page.locator('.undo-bar')).toContainText('大阪支店 3F');
  await expect(page.locator('tr[data-report-id]')).toHaveCount(0);
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(page.locator('tr[data-report-id]')).toHaveCount(1);
  await expect(page.locator('.undo-bar')).toHaveCount(0);
});
