// One vocabulary on screen: every screen and state (every-screen.ts) in Japanese shows no untranslated English
// word outside the allow-list (product names, protocol keywords, codes, commands) and no internal check id.
// What stays in its own form is left out before the scan: what servers and devices said (transcript, evidence),
// what the reader types (code, pre, kbd, form values) and names marked translate="no" (device models, product
// names). Visible text, placeholders, aria-labels and titles are all scanned.
import type { Page } from '@playwright/test';
import { englishLeaks } from '../helpers/english-leak';
import { expect, test } from './fixtures';
import { SCREEN_STATES, walkEveryScreen } from './every-screen';

/** What legitimately stays in its own form (see the top of this file). */
const SKIP = 'code, pre, kbd, samp, .mono, .transcript-rows, .evidence, [translate="no"]';

/** The text a Japanese reader sees or hears on the page now, without what legitimately stays in its own form. */
async function readerText(page: Page): Promise<string> {
  // Hide what stays in its own form for the moment of reading; innerText then gives exactly the rendered rest.
  const style = await page.addStyleTag({ content: `${SKIP} { display: none !important; }` });
  try {
    const text = await page.locator('body').innerText();
    const attrs = await page.locator('[placeholder], [aria-label], [title]').evaluateAll((els, skip) => {
      // Minimal element shape: the node tsconfig has no DOM types.
      type El = { closest(sel: string): unknown; getAttribute(name: string): string | null };
      return (els as unknown as El[])
        .filter((el) => !el.closest(skip))
        .flatMap((el) => ['placeholder', 'aria-label', 'title'].map((a) => el.getAttribute(a) ?? ''));
    }, SKIP);
    return `${text}\n${attrs.join('\n')}`;
  } finally {
    await style.evaluate((el) => (el as unknown as { remove(): void }).remove());
  }
}

test.describe('English leaks on Japanese screens', () => {
  // The app's CSP forbids inline styles and eval; the scan's own helpers need them (the app's code is unchanged).
  test.use({ osLocale: 'ja-JP', bypassCSP: true });
  test('every screen in Japanese: no untranslated English word, no internal check id', async ({
    app: page,
  }) => {
    test.setTimeout(240_000);
    const leaks: string[] = [];
    const seen: string[] = [];
    await walkEveryScreen(page, async (state) => {
      seen.push(state);
      await page
        .locator('main details:not([open])')
        .evaluateAll((els) => els.forEach((el) => ((el as unknown as { open: boolean }).open = true)));
      const text = await readerText(page);
      const found = englishLeaks(text);
      if (found.length > 0) leaks.push(`${state}: ${found.join(', ')}`);
      // Shared texts mark code with backticks; on screen it must be rendered as code, never shown as a backtick.
      if (text.includes('`')) leaks.push(`${state}: a literal backtick (code not rendered as code)`);
    });
    expect(seen).toEqual([...SCREEN_STATES]);
    expect(leaks, leaks.join('\n')).toEqual([]);
  });
});
