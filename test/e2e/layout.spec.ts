// Layout at 1024×768 on every screen (every-screen.ts), Japanese and English: no code broken mid-word (finding
// codes such as SMTP_AUTH_DISABLED_TENANT, enhanced status codes such as 5.7.139, host names such as
// smtp.office365.com, everything in code elements) — measured on the rendered line boxes, a code may go on to the
// next line only after a '.', '-' or '/' — and no table wider than its card unless the card scrolls sideways.
// Direct Send with a domain is walked too: its MX host (contoso-com.mail.protection.outlook.com) is the longest
// host the app shows, on the method screen and in the checklist.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, goTo, test } from './fixtures';
import { SCREEN_STATES, walkEveryScreen } from './every-screen';

const PROBE = readFileSync(new URL('./layout-probe.js', import.meta.url), 'utf8');

/** Returns a description of every broken code and clipped table on the page as it is now. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(PROBE);
}

for (const [lang, osLocale] of [
  ['ja', 'ja-JP'],
  ['en', 'en-US'],
] as const) {
  test.describe(`layout at 1024×768 (${lang})`, () => {
    // The app's CSP forbids inline styles and eval; the scan's own helpers need them (the app's code is unchanged).
    test.use({ osLocale, viewport: { width: 1024, height: 768 }, bypassCSP: true });
    test(`no code broken mid-word, no clipped table (${lang})`, async ({ app: page }) => {
      test.setTimeout(240_000);
      const problems: string[] = [];
      const seen: string[] = [];
      await walkEveryScreen(page, async (state) => {
        seen.push(state);
        // Open folded sections so what they hold is laid out and checked too.
        await page
          .locator('main details:not([open])')
          .evaluateAll((els) => els.forEach((el) => ((el as unknown as { open: boolean }).open = true)));
        for (const p of await layoutProblems(page)) problems.push(`${state}: ${p}`);
      });
      expect(seen).toEqual([...SCREEN_STATES]);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  });
}

/** The tenant's MX host for contoso.com, the longest host name the app shows. */
const MX_HOST = 'contoso-com.mail.protection.outlook.com';
/** Answers (button index per question) that make Direct Send possible: internal recipients, no static IP. */
const DIRECT_SEND_ANSWERS: Record<string, number> = {
  auth: 0,
  externalRecipients: 1,
  smtpAuth: 0,
  securityDefaults: 1,
  rejectDirectSend: 1,
  staticIp: 1,
};
/** Most questions the method screen asks (bounds the answering loop). */
const MAX_QUESTIONS = 8;

for (const [lang, osLocale] of [
  ['ja', 'ja-JP'],
  ['en', 'en-US'],
] as const) {
  test.describe(`Direct Send's MX host at 1024×768 (${lang})`, () => {
    test.use({ osLocale, viewport: { width: 1024, height: 768 }, bypassCSP: true });
    test(`the MX host breaks only at dots and hyphens on the method screen and the checklist (${lang})`, async ({
      app: page,
    }) => {
      await page.locator('input[name="site"]').fill('Contoso 3F');
      await page.locator('input[name="device-search"]').fill('IM C3000');
      await page.locator('[data-model="ricoh-im"]').first().click();
      await goTo(page, 'method');
      for (let i = 0; i < MAX_QUESTIONS; i++) {
        const current = page.locator('.question.current').first();
        if ((await current.count()) === 0) break;
        const id = (await current.getAttribute('data-question')) ?? '';
        await current
          .locator('button')
          .nth(DIRECT_SEND_ANSWERS[id] ?? 0)
          .click();
      }
      await page.locator('[data-method="direct-send"][data-viable="true"] .advice-head button').click();
      await page.locator('input[name="domain"]').fill('contoso.com');
      await page.locator('input[name="mxHost"]').fill(MX_HOST);
      await page
        .locator('main details:not([open])')
        .evaluateAll((els) => els.forEach((el) => ((el as unknown as { open: boolean }).open = true)));
      await expect(page.locator('[data-method="direct-send"] code').first()).toContainText(MX_HOST);
      expect(await layoutProblems(page), 'method').toEqual([]);

      await goTo(page, 'checklist');
      await expect(page.locator('main code').filter({ hasText: MX_HOST }).first()).toBeVisible();
      expect(await layoutProblems(page), 'checklist').toEqual([]);

      // The probe does see a mid-word break: the same host squeezed into a box that splits it anywhere.
      await page.locator('main').evaluate((m, host) => {
        // Minimal element shapes: the node tsconfig has no DOM types.
        type El = { setAttribute(n: string, v: string): void; textContent: string | null };
        const main = m as unknown as {
          prepend(e: El): void;
          ownerDocument: { createElement(t: string): El };
        };
        const c = main.ownerDocument.createElement('code');
        c.setAttribute('style', 'display:inline-block;width:90px;overflow-wrap:anywhere');
        c.textContent = host;
        main.prepend(c);
      }, MX_HOST);
      expect((await layoutProblems(page)).join('\n')).toContain('code broken mid-word');
    });
  });
}
