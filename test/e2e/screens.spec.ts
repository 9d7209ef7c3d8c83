// Screenshots of every screen (every-screen.ts) in Japanese and English at 1366×768 and 1024×768, saved to
// .tmp/screens/<lang>-<state>-<size>.png (not committed) for a person to look at; the screens a technician
// scrolls through (method, checklist, result, the device's plan) also as <lang>-<state>-<size>-full.png, the
// window as tall as the screen's content. The walk itself asserts each
// state is reached; the layout checks that can be automated (no code broken mid-word, no clipped table) are in
// layout.spec.ts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { SCREEN_STATES, walkEveryScreen } from './every-screen';

const OUT = resolve(import.meta.dirname, '../../.tmp/screens');
/** States whose whole content is also shot (the window made as tall as it, up to FULL_MAX_PX). */
const FULL_STATES = new Set(['device-chosen', 'method', 'checklist-filled', 'diagnose-result']);
/** Tallest full-content shot, in px (bounds the image on a very long screen). */
const FULL_MAX_PX = 6000;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

for (const [lang, osLocale] of [
  ['ja', 'ja-JP'],
  ['en', 'en-US'],
] as const) {
  test.describe(`screenshots (${lang})`, () => {
    test.use({ osLocale });
    test(`every screen at 1366×768 and 1024×768 (${lang})`, async ({ app: page }) => {
      test.setTimeout(240_000);
      mkdirSync(OUT, { recursive: true });
      const seen: string[] = [];
      await walkEveryScreen(page, async (state) => {
        seen.push(state);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await page.screenshot({ path: join(OUT, `${lang}-${state}-${size.width}.png`) });
          if (FULL_STATES.has(state)) {
            const tall = await page
              .locator('main')
              .evaluate((m) => (m as unknown as { scrollHeight: number }).scrollHeight);
            await page.setViewportSize({
              width: size.width,
              height: Math.min(Math.max(tall, size.height), FULL_MAX_PX),
            });
            await page.screenshot({ path: join(OUT, `${lang}-${state}-${size.width}-full.png`) });
          }
        }
        await page.setViewportSize(SIZES[0]);
      });
      expect(seen).toEqual([...SCREEN_STATES]);
    });
  });
}
