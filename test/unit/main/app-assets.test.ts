// Serving the renderer build by URL: paths stay inside the build folder, responses carry the CSP.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, loadAsset, resolveAsset } from '../../../src/main/app-assets';

const root = mkdtempSync(join(tmpdir(), 'dmd-assets-'));
mkdirSync(join(root, 'site/assets'), { recursive: true });
writeFileSync(join(root, 'site/index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(root, 'site/assets/app.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'outside the build folder');
const site = join(root, 'site');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAsset', () => {
  it('maps / and paths inside the root', () => {
    expect(resolveAsset(site, '/')).toBe(join(site, 'index.html'));
    expect(resolveAsset(site, '/assets/app.js?v=1#x')).toBe(join(site, 'assets/app.js'));
  });
  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/a%00b',
    '/%E0%A4%A',
  ])('refuses %s', (path) => expect(resolveAsset(site, path)).toBeNull());
});

describe('loadAsset', () => {
  it('serves files with type and CSP headers', async () => {
    const a = await loadAsset(site, '/assets/app.js');
    expect(a.status).toBe(200);
    expect(a.headers['Content-Type']).toContain('text/javascript');
    expect(a.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(a.headers['X-Content-Type-Options']).toBe('nosniff');
  });
  it('answers 404 (never a stack trace) for missing or escaping paths', async () => {
    for (const p of ['/nope.js', '/../secret.txt', '/assets']) {
      const a = await loadAsset(site, p);
      expect(a.status, p).toBe(404);
      expect(a.body.toString()).toBe('Not found');
    }
  });
  it('keeps script-src to self (no inline, no eval)', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
  it("allows no inline styles or scripts at all, in the header and in index.html's meta tag alike", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/style-src 'self';/);
    const html = readFileSync(join(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    // frame-ancestors only works as a header (Chromium logs an error for it in a meta tag); the rest is identical.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
