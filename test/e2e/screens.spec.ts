// Screenshots of every screen (every-screen.ts) in Japanese and English at 1366×768 and 1024×768, saved to
// .tmp/screens/<lang>-<state>-<size>.png (not committed) for a person to look at. The walk itself asserts each
// state is reached; the layout checks that can be automated (no code broken mid-word, no clipped table) are in
// layout.spec.ts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { SCREEN_STATES, walkEveryScreen } from './every-screen';

const OUT = resolve(import.meta.dirname, '../../.tmp/screens');
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
        }
        await page.setViewportSize(SIZES[0]);
      });
      expect(seen).toEqual([...SCREEN_STATES]);
    });
  });
}
