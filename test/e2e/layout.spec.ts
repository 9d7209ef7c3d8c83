// Layout at 1024×768 on every screen (every-screen.ts), Japanese and English: no code broken mid-word (finding
// codes such as SMTP_AUTH_DISABLED_TENANT, enhanced status codes such as 5.7.139, host names such as
// smtp.office365.com) unless the code alone is wider than its box, and no table wider than its card unless the
// card scrolls sideways.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
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
