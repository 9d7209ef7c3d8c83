import { formatLocalTime } from '../../../src/shared/local-time';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderReportHtml, reportCsp } from '../../../src/main/export/html';
import { renderTicket, fillPowershell } from '../../../src/main/export/ticket';
import { renderTranscriptText } from '../../../src/main/export/transcript-text';
import { neutralize, clip, escapeMarkdown } from '../../../src/main/export/text-safety';
import { FORBIDDEN_OUTPUT, hostileReport, IMG, MARK, SCRIPT } from './hostile';

// The DOM subset these tests use (jsdom ships no types here, and the node tsconfig has no DOM lib).
interface El {
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface Doc {
  querySelectorAll(sel: string): Iterable<El> & { length: number };
  querySelector(sel: string): El | null;
  body: El;
  documentElement: El;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: Doc } };
};

describe('text safety', () => {
  it('makes controls, ANSI and bidi visible and inert', () => {
    expect(neutralize('a\u001b[31mb\u202Ec\u0000d\r\ne')).toBe('a^[[31mb<U+202E>c^@d^M^Je');
    expect(neutralize('x\r\ny', true)).toBe('x\ny');
    expect(clip('x'.repeat(10), 4)).toMatch(/^xxxx …\(6 more characters/);
    expect(escapeMarkdown('*a* [l](u) <b> smtp.office365.com 2026-11-20')).toBe(
      '\\*a\\* \\[l\\](u) \\<b> smtp.office365.com 2026-11-20',
    );
    expect(escapeMarkdown('# h', true)).toBe('\\# h');
    expect(escapeMarkdown('- x', true)).toBe('\\- x');
    expect(escapeMarkdown('12. x', true)).toBe('12\\. x');
    expect(escapeMarkdown('203.0.113.7')).toBe('203.0.113.7');
    expect(escapeMarkdown('&lt; & x')).toBe('\\&lt; & x');
  });
});

describe('text safety, property', () => {
  it('no string, however hostile, leaves a control, ANSI or bidi character in displayed text', () => {
    const hostileChar = fc.constantFrom(
      '\u001b',
      '\u0000',
      '\u0007',
      '\u009b',
      '\u202e',
      '\u2066',
      '\u200f',
      '\r',
      '\n',
      '<',
      '&',
      '\ufeff',
    );
    const text = fc
      .array(fc.oneof(fc.string({ maxLength: 8 }), hostileChar), { maxLength: 40 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(neutralize(s)).not.toMatch(FORBIDDEN_OUTPUT);
        expect(neutralize(s)).not.toMatch(/[\r\n]/);
        expect(neutralize(s, true)).not.toMatch(/[\r]/);
      }),
      { numRuns: 500 },
    );
  });

  it('no customer, site or server text can add an element or attribute to the HTML', () => {
    const base = hostileReport();
    const ALLOWED_TAGS = new Set([
      'HTML',
      'HEAD',
      'META',
      'TITLE',
      'STYLE',
      'BODY',
      'H1',
      'H2',
      'H3',
      'TABLE',
      'TBODY',
      'TR',
      'TH',
      'TD',
      'P',
      'PRE',
      'DIV',
      'SPAN',
      'STRONG',
      'B',
      'BR',
      'FOOTER',
      'CODE',
      'SECTION',
    ]);
    const ALLOWED_ATTRS = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class']);
    const piece = fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '&',
      '<script>',
      '</style>',
      '<img src=x onerror=1>',
      '-->',
      '<!--',
      ']]>',
      '\u202e',
      '`',
      '<b class=x>',
    );
    const text = fc
      .array(fc.oneof(fc.string({ maxLength: 6 }), piece), { maxLength: 20 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, text, (customer, reply, note) => {
        const run = base.runs[0];
        const check0 = run?.diagnosis.checks[0];
        if (!run || !check0) throw new Error('fixture has a run and a check');
        const d = {
          ...run.diagnosis,
          checks: [{ ...check0, title: reply }, ...run.diagnosis.checks.slice(1)],
          transcript: [{ t: 0, dir: 'S' as const, text: reply }],
        };
        const r = {
          ...base,
          job: { ...base.job, customer },
          notes: [{ at: base.createdAt, text: note }],
          runs: [{ ...run, diagnosis: d }],
        };
        const doc = new JSDOM(renderReportHtml(r, { lang: 'en' })).window.document;
        for (const el of doc.querySelectorAll('*')) {
          const tag = (el as unknown as { tagName: string }).tagName;
          expect(ALLOWED_TAGS.has(tag), tag).toBe(true);
          for (const a of el.getAttributeNames()) expect(ALLOWED_ATTRS.has(a), a).toBe(true);
        }
        const shown = doc.body.textContent ?? '';
        if (customer.trim()) expect(shown).toContain(neutralize(customer));
        if (reply.trim()) expect(shown).toContain(neutralize(reply));
      }),
      { numRuns: 60 },
    );
  });
});

describe('HTML export', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`escapes every hostile string, has no script and its own strict CSP (${lang})`, () => {
      const html = renderReportHtml(hostileReport(), { lang });
      expect(html).not.toMatch(FORBIDDEN_OUTPUT);
      expect(html.length).toBeLessThan(200_000); // the 1 MB lines are cut
      const doc = new JSDOM(html).window.document;
      expect(doc.querySelectorAll('script, img, iframe, object, embed, link, base, form, a').length).toBe(0);
      for (const el of doc.querySelectorAll('*'))
        for (const a of el.getAttributeNames()) expect(a).not.toMatch(/^on/i);
      const csp =
        doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/script-src|unsafe-inline/);
      const style = doc.querySelector('style')?.textContent ?? '';
      expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
      expect(csp).toBe(reportCsp(style));
      expect(html).toMatch(/@page\s*\{\s*size:\s*A4/);
      // The payloads are shown as text.
      const text = doc.body.textContent ?? '';
      expect(text).toContain(SCRIPT);
      expect(text).toContain(IMG);
      expect(text).toContain('^[[31mRED');
      expect(text).toContain('<U+202E>');
      expect(text).toContain(MARK);
      expect(doc.documentElement.getAttribute('lang')).toBe(lang);
      expect(text).toContain(lang === 'ja' ? 'メール送信診断レポート' : 'Mail sending diagnosis report');
    });
  }
});

describe('ticket', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`Markdown ticket keeps hostile text literal: only inside indented code or escaped (${lang})`, () => {
      const md = renderTicket(hostileReport(), { lang, format: 'markdown' });
      expect(md).not.toMatch(FORBIDDEN_OUTPUT);
      for (const line of md.split('\n')) {
        if (/^ {4,}/.test(line)) continue; // indented code block: literal
        expect(line).not.toMatch(/(^|[^\\])<[a-z/]/i); // every "<" before a letter is backslash-escaped
        expect(line).not.toMatch(/&(lt|gt|amp|quot|#\d+);/); // and no HTML entity shows up in the text
      }
      expect(md).toContain('\\<script>alert(1)\\</script>');
      expect(md).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
      expect(md.length).toBeLessThan(50_000);
    });

    it(`plain-text ticket says what was observed, the evidence, the admin actions and what was ruled out (${lang})`, () => {
      const txt = renderTicket(hostileReport(), { lang, format: 'text' });
      expect(txt).not.toMatch(FORBIDDEN_OUTPUT);
      const want =
        lang === 'ja'
          ? ['確認された事象', '根拠', 'お願いしたい変更', '技術者が確認済みの項目']
          : ['What was observed', 'Evidence', 'Changes requested', 'Already checked'];
      for (const w of want) expect(txt).toContain(w);
      expect(txt).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
      expect(txt).toContain(SCRIPT); // plain text shows it verbatim (nothing renders it)
    });
  }

  it('fills the one-liner with the mailbox only when it is a plain address', () => {
    expect(fillPowershell('Set-CASMailbox -Identity <mailbox> -X', 'scan@contoso.com', null)).toBe(
      "Set-CASMailbox -Identity 'scan@contoso.com' -X",
    );
    expect(fillPowershell('Set-CASMailbox -Identity <mailbox>', "a'; Remove-Mailbox x; '@b.c", null)).toBe(
      'Set-CASMailbox -Identity <mailbox>',
    );
  });
});

describe('transcript.txt', () => {
  it('neutralises every row and cuts the 1 MB line', () => {
    const txt = renderTranscriptText(hostileReport(), 'en');
    expect(txt).not.toMatch(FORBIDDEN_OUTPUT);
    expect(txt.length).toBeLessThan(20_000);
    expect(txt).toContain(SCRIPT);
    expect(txt).toMatch(/more characters in report\.json/);
  });
  it('shows each run’s start in local time with its offset, like the other exports (not raw UTC ISO)', () => {
    const report = hostileReport();
    const iso = report.runs[0]!.diagnosis.startedAt;
    const txt = renderTranscriptText(report, 'ja', 9 * 60);
    expect(txt.split('\n')[0]).toContain(formatLocalTime(iso, 9 * 60));
    expect(txt.split('\n')[0]).toContain('(UTC+09:00)');
    expect(txt).not.toContain(iso);
  });
});
