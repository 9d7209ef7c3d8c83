// Walks every screen of the app in one language, in the states a technician sees: empty device screen, a model
// chosen, method, checklist (before a method is chosen, then filled for the chosen method), the diagnose form, a finished lab run whose primary finding the Microsoft 365 admin
// acts on (verdict box with "copy message to the admin"), Reports (list and one report), Capture (idle and
// listening) and Settings. Selectors are language-free (data-*, name=), so the same walk serves ja and en.
// `visit(name)` runs at each state: the accessibility, screenshot and English-leak specs hook in there.
import type { Page } from '@playwright/test';
import { expect, goTo } from './fixtures';

/** How long a lab diagnosis may take on a busy 2-core machine before the walk gives up, in ms. */
export const RUN_DONE_MS = 90_000;

/** The lab scenario for the result screen: SMTP AUTH off for the tenant, so the admin acts. */
const ADMIN_SCENARIO = 'tenant-auth-disabled';

export type Visit = (name: string) => Promise<void>;

/** Every state's name, in walk order (specs assert that each was visited). */
export const SCREEN_STATES = [
  'device-empty',
  'device-chosen',
  'method',
  'checklist',
  'checklist-filled',
  'diagnose-form',
  'diagnose-result',
  'reports-list',
  'reports-detail',
  'capture',
  'capture-listening',
  'settings',
] as const;

export async function walkEveryScreen(page: Page, visit: Visit): Promise<void> {
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'device');
  await visit('device-empty');

  await page.locator('input[name="site"]').fill('Contoso 3F');
  await page.locator('input[name="device-search"]').fill('IM C3000');
  await page.locator('[data-model="ricoh-im"]').first().click();
  await expect(page.locator('.device-details')).toBeVisible();
  await visit('device-chosen');

  await goTo(page, 'method');
  await visit('method');

  await goTo(page, 'checklist');
  await visit('checklist');

  // The checklist as a technician uses it: client submission chosen for the model, the mailbox given.
  await goTo(page, 'method');
  await page.locator('[data-method="submission"][data-viable="true"] .advice-head button').click();
  await page.locator('input[name="mailbox"]').fill('scanner@contoso.com');
  await goTo(page, 'checklist');
  await expect(page.locator('[data-step="submission.password"]')).toBeVisible();
  await visit('checklist-filled');

  await goTo(page, 'diagnose');
  await page.locator('select[name="method"]').selectOption('submission');
  await visit('diagnose-form');

  const practice = page.locator('input[name="practice"]');
  if (!(await practice.isChecked())) await practice.check();
  await page.locator('select[name="scenario"]').selectOption(ADMIN_SCENARIO);
  await page.locator('main form button[type="submit"]').first().click();
  const verdict = page.locator('[data-verdict]').first();
  await expect(verdict).toBeVisible({ timeout: RUN_DONE_MS });
  await expect(verdict.locator('[data-actor="admin"]')).toBeVisible();
  await visit('diagnose-result');

  // A practice run is never saved by itself: save it on purpose (and confirm) so Reports has one to show.
  await page.locator('.practice-save > button').first().click();
  await page.locator('.practice-confirm .btn-primary').click();
  await expect(page.locator('.practice-save')).toHaveAttribute('data-practice', ADMIN_SCENARIO);

  await goTo(page, 'reports');
  await expect(page.locator('tr[data-report-id]').first()).toBeVisible();
  await visit('reports-list');
  await page.locator('tr[data-report-id] .row-actions .btn-primary').first().click();
  await expect(page.locator('.report-detail')).toBeVisible();
  await visit('reports-detail');

  await goTo(page, 'capture');
  await visit('capture');
  await page.locator('main form button[type="submit"]').first().click();
  await expect(page.locator('.type-this')).toBeVisible();
  await visit('capture-listening');

  await goTo(page, 'settings');
  await visit('settings');
}
