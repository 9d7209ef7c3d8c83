// Accessibility: axe-core (Deque's engine, via @axe-core/playwright) on every screen and state of the app
// (every-screen.ts), in Japanese and English: no serious or critical violation (WCAG 2.x A/AA rules).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { SCREEN_STATES, walkEveryScreen } from './every-screen';

for (const [lang, osLocale] of [
  ['ja', 'ja-JP'],
  ['en', 'en-US'],
] as const) {
  test.describe(`accessibility (${lang})`, () => {
    test.use({ osLocale });
    test(`no serious or critical axe violation on any screen (${lang})`, async ({ app: page }) => {
      test.setTimeout(240_000);
      const problems: string[] = [];
      const seen: string[] = [];
      await walkEveryScreen(page, async (state) => {
        seen.push(state);
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze();
        for (const v of result.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          const where = v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
          problems.push(`${state} — ${v.id} (${v.impact}): ${v.help}\n    ${where.join('\n    ')}`);
        }
      });
      expect(seen).toEqual([...SCREEN_STATES]);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  });
}
