// Which links open externally (vetted https documentation only) and which URLs count as our own app.
import { describe, expect, it } from 'vitest';
import { domainsFromUrls, isAppUrl, vetExternalUrl } from '../../../src/main/url-policy';

describe('vetExternalUrl', () => {
  it.each([
    'https://learn.microsoft.com/ja-jp/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
    'https://support.microsoft.com/en-us/office/x',
    'https://admin.microsoft.com/',
    'https://LEARN.Microsoft.COM/a?b=c#d',
  ])('opens %s', (url) => {
    expect(vetExternalUrl(url).ok).toBe(true);
  });

  it.each([
    ['http://learn.microsoft.com/', 'only https'],
    ['file:///etc/passwd', 'only https'],
    ['javascript:alert(1)', 'only https'],
    ['smb://server/share', 'only https'],
    ['https://user:pw@learn.microsoft.com/', 'credentials'],
    ['https://learn.microsoft.com:8443/', 'port'],
    ['https://13.107.6.152/', 'IP'],
    ['https://[2620:1ec::1]/', 'IP'],
    ['https://microsoft.com.evil.example/', 'not a known'],
    ['https://evilmicrosoft.com/', 'not a known'],
    ['not a url', 'not a URL'],
    [`https://learn.microsoft.com/${'a'.repeat(3000)}`, 'too long'],
  ])('refuses %s (%s)', (url, reason) => {
    const r = vetExternalUrl(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('accepts extra documentation domains (vendor sources) only when given', () => {
    expect(vetExternalUrl('https://support.ricoh.com/manual').ok).toBe(false);
    expect(vetExternalUrl('https://support.ricoh.com/manual', ['support.ricoh.com']).ok).toBe(true);
  });

  it('derives domains from https source URLs only', () => {
    expect(
      domainsFromUrls([
        'https://support.ricoh.com/a',
        'http://insecure.example/',
        'https://10.0.0.1/',
        'nonsense',
        '',
      ]),
    ).toEqual(['support.ricoh.com']);
  });
});

describe('isAppUrl', () => {
  it('accepts app://renderer pages and the dev server when given', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
  });
  it.each([
    'app://other/index.html',
    'file:///index.html',
    'http://localhost:5173/',
    'https://renderer/',
    'about:blank',
    '',
  ])('rejects %s', (url) => expect(isAppUrl(url)).toBe(false));
});
