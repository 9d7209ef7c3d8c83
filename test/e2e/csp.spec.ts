// The production CSP (no 'unsafe-inline' anywhere) against the real renderer build in Chromium: every screen is
// shown in both languages and a lab diagnosis renders its findings, and any `securitypolicyviolation` event or CSP
// console message fails the test. The bridge serves index.html with the same header the app:// handler sends
// (src/main/app-assets.ts), and the build keeps the meta tag. A control at the end injects an inline <style> and a
// style attribute and expects both to be caught, so the listener itself is proven to work.
import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src/main/app-assets';
import { expect, goTo, test } from './fixtures';

/** How long a lab diagnosis may take on a busy 2-core machine, in ms. */
const RUN_DONE_MS = 90_000;
/** Disclosures opened per screen at most (a loop bound). */
const MAX_DISCLOSURES = 30;
const SCREENS = ['device', 'method', 'checklist', 'diagnose', 'reports', 'capture', 'settings'] as const;

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

// Browser globals, declared minimally: e2e specs are type-checked with the node tsconfig (no DOM lib there).
interface CspEvent {
  effectiveDirective: string;
  blockedURI: string;
  sample: string;
  sourceFile: string;
  lineNumber: number;
}
interface El {
  textContent: string;
  append(child: El): void;
  insertAdjacentHTML(where: string, html: string): void;
}
interface BrowserGlobals {
  document: {
    addEventListener(type: string, fn: (e: CspEvent) => void): void;
    createElement(tag: string): El;
    head: El;
    body: El;
  };
  getComputedStyle(el: El): { outlineStyle: string };
}

/** Records every CSP violation from the first script on (an init script runs before the app's own). */
async function watchViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string; sample: string; source: string }[] = [];
    const g = globalThis as unknown as BrowserGlobals & { __cspViolations: typeof seen };
    g.__cspViolations = seen;
    g.document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  return () =>
    page.evaluate(() => (globalThis as unknown as { __cspViolations: Violation[] }).__cspViolations);
}

async function visitAll(page: Page): Promise<void> {
  for (const screen of SCREENS) {
    await goTo(page, screen);
    // Open every disclosure on the screen so what hides behind it is rendered too (bounded).
    const closed = page.locator('main details:not([open]) > summary:visible');
    for (let i = 0; i < MAX_DISCLOSURES && (await closed.count()) > 0; i++) await closed.first().click();
  }
}

test('every screen, both languages and a lab diagnosis raise no CSP violation; an injected inline style does', async ({
  page,
  bridge,
}) => {
  test.setTimeout(180_000);
  const violations = await watchViolations(page);
  const cspConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (apply|load|execute)/i.test(m.text())) cspConsole.push(m.text());
  });
  const first = await page.goto(bridge.url);
  // The page really is served with the production policy (the header), and the build carries the meta tag.
  expect(first?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(
    /style-src 'self';/,
  );
  await page.waitForFunction(() => typeof (globalThis as unknown as { api?: unknown }).api === 'object');
  // Styles come from the built stylesheet file, not from <style> elements.
  expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0);

  await visitAll(page);
  // A lab diagnosis: verdict, findings, transcript (the screens with the most dynamic styling).
  await goTo(page, 'diagnose');
  await page.getByLabel(/練習用ラボで練習する/).check();
  await page.getByRole('button', { name: /診断を実行/ }).click();
  await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: RUN_DONE_MS });
  await visitAll(page);
  await goTo(page, 'settings');
  await page.getByLabel('表示言語').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await visitAll(page);

  expect(await page.locator('style').count(), 'no <style> element was added at run time').toBe(0);
  expect(await violations()).toEqual([]);
  expect(cspConsole).toEqual([]);

  // Control: the watcher does catch what the policy forbids.
  await page.evaluate(() => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.append(style);
    document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>');
  });
  // (each is reported once per policy that forbids it: the header and the meta tag)
  await expect
    .poll(async () => [...new Set((await violations()).map((v) => v.directive))].sort())
    .toEqual(['style-src-attr', 'style-src-elem']);
  expect(
    await page.evaluate(() => {
      const g = globalThis as unknown as BrowserGlobals;
      return g.getComputedStyle(g.document.body).outlineStyle;
    }),
  ).not.toBe('solid');
});
