/// <reference lib="dom" />
// Layout at 1024×768 on every screen (every-screen.ts), Japanese and English: no code broken mid-word (finding
// codes such as SMTP_AUTH_DISABLED_TENANT, enhanced status codes such as 5.7.139, host names such as
// smtp.office365.com) unless the code alone is wider than its box, and no table wider than its card unless the
// card scrolls sideways.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SCREEN_STATES, walkEveryScreen } from './every-screen';

/** Returns a description of every broken code and clipped table on the page as it is now. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const CODE =
      /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[245]\.\d{1,3}\.\d{1,3}\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|microsoft|org|jp)\b/g;
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('textarea, input, select, pre, .transcript-rows')) continue;
      for (const m of text.matchAll(CODE)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (rects.length === 0) continue;
        const tops = new Set(rects.map((r) => Math.round(r.top)));
        if (tops.size <= 1) continue;
        // A code longer than its whole box may wrap; anything else must move to the next line whole.
        const width = rects.reduce((w, r) => w + r.width, 0);
        // Its line box: the nearest ancestor that is not inline, less its padding.
        let box: Element = parent;
        while (box.parentElement && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
        const cs = getComputedStyle(box);
        if (width > box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 8) continue;
        out.push(
          `code broken mid-word: "${m[0]}" in <${parent.tagName.toLowerCase()} class="${parent.className}">`,
        );
      }
    }
    for (const table of main.querySelectorAll('table')) {
      const t = table.getBoundingClientRect();
      if (t.width === 0) continue;
      const holder = table.parentElement;
      if (!holder) continue;
      const h = holder.getBoundingClientRect();
      if (t.right <= h.right + 1) continue;
      let scrolls = false;
      for (let el: HTMLElement | null = holder; el && el !== main; el = el.parentElement) {
        const ox = getComputedStyle(el).overflowX;
        if (ox === 'auto' || ox === 'scroll') scrolls = true;
      }
      if (!scrolls)
        out.push(`table wider than its box and not scrollable: <table class="${table.className}">`);
    }
    return out;
  });
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
          .evaluateAll((els) => els.forEach((el) => ((el as HTMLDetailsElement).open = true)));
        for (const p of await layoutProblems(page)) problems.push(`${state}: ${p}`);
      });
      expect(seen).toEqual([...SCREEN_STATES]);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  });
}
