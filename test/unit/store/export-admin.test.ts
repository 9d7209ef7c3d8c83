// Exports an admin acts on: the ticket speaks to the Microsoft 365 admin (mailbox-level command before the
// tenant-wide one), never says "nothing needed" next to a request, lists checked items in its own language,
// shows local time with its offset; the HTML opens with the verdict and the primary finding, transcript last.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/main/export/html';
import { LABELS } from '../../../src/main/export/labels';
import { renderTicket } from '../../../src/main/export/ticket';
import { ADMIN_REQUESTS, adminRequest } from '../../../src/shared/findings/admin-requests';
import { CATALOG } from '../../../src/shared/findings/catalog';
import { primaryFindingOf } from '../../../src/shared/findings/primary-of';
import { formatLocalTime } from '../../../src/shared/local-time';
import type { FindingRef } from '../../../src/shared/model';
import { REPORT_SCHEMA_VERSION, ReportSchema, type Report } from '../../../src/shared/report';
import { check, diagnosis, JOB } from './fixtures';

const TOKYO = 9 * 60;

function reportWith(findings: FindingRef[], extra: Partial<Report> = {}): Report {
  const d = diagnosis({
    checks: [
      check('dns.submission.a', 'pass', [], 'DNS A/AAAA for smtp.office365.com'),
      check('tcp.submission.v4', 'pass', [], 'TCP connect smtp.office365.com:587 (IPv4)'),
      check('auth', findings.length ? 'fail' : 'pass', findings, 'SMTP AUTH sign-in'),
    ],
  });
  return ReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: 'r-test-1',
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:05:00.000Z',
    appVersion: '0.1.0',
    job: JOB,
    runs: [{ id: 'run1', savedAt: '2026-11-20T01:01:00.000Z', diagnosis: d }],
    checklist: [],
    notes: [],
    captures: [],
    ...extra,
  });
}

describe('local time', () => {
  it('shows local time with its offset, never ISO UTC', () => {
    expect(formatLocalTime('2026-12-02T00:51:00.000Z', TOKYO)).toBe('2026-12-02 09:51 (UTC+09:00)');
    expect(formatLocalTime('2026-12-02T00:51:00.000Z', -330)).toBe('2026-12-01 19:21 (UTC-05:30)');
    expect(formatLocalTime('not a date')).toBe('not a date');
  });
});

describe('ticket to the Microsoft 365 admin', () => {
  for (const lang of ['ja', 'en'] as const) {
    const L = LABELS[lang];
    it(`asks for the mailbox-level change before the tenant-wide one, addressed to the admin (${lang})`, () => {
      const md = renderTicket(reportWith([{ code: 'SMTP_AUTH_DISABLED_TENANT' }]), {
        lang,
        format: 'markdown',
        utcOffsetMinutes: TOKYO,
      });
      expect(md).toContain(L.dearAdmin);
      const mailbox = md.indexOf(
        "Set-CASMailbox -Identity 'scanner@contoso.com' -SmtpClientAuthenticationDisabled $false",
      );
      const tenant = md.indexOf('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
      expect(mailbox).toBeGreaterThan(0);
      expect(tenant).toBeGreaterThan(mailbox);
      expect(md).toContain(L.commandScopes.mailbox);
      expect(md).not.toContain(L.noAdminActions);
      expect(md).not.toContain(L.ticketNoRequest);
      // Addressed to the admin, not "ask the admin to ...".
      const requestPart = md.slice(md.indexOf(L.requests), md.indexOf(L.observed));
      expect(requestPart).not.toMatch(
        lang === 'ja' ? /管理者に.*(もらって|依頼)/ : /ask the admin|have the admin/i,
      );
      expect(md).toContain('2026-11-20 10:00 (UTC+09:00)');
      expect(md).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
      expect(md).not.toMatch(/&(lt|gt|amp|quot|#\d+);/);
    });

    it(`lists the checked items in its own language, by title, never by id (${lang})`, () => {
      const md = renderTicket(reportWith([{ code: 'SMTP_AUTH_DISABLED_TENANT' }]), {
        lang,
        format: 'markdown',
      });
      const part = md.slice(md.indexOf(L.ruledOut), md.indexOf(L.summary));
      expect(part).not.toMatch(/tcp\.submission|dns\.submission/);
      if (lang === 'ja') {
        expect(part).toContain('TCP 接続');
        expect(part).not.toMatch(/TCP connect|DNS A\/AAAA for/);
        expect(part).toContain('合格');
      } else expect(part).toContain('TCP connect');
    });

    it(`never says "no action needed" next to a request, for any finding in the catalogue (${lang})`, () => {
      for (const [code, entry] of Object.entries(CATALOG)) {
        const txt = renderTicket(reportWith([{ code: code as keyof typeof CATALOG }]), {
          lang,
          format: 'text',
        });
        const asks = txt.includes(L.requests);
        const none = txt.includes(L.ticketNoRequest);
        expect(asks && none, code).toBe(false);
        expect(asks, code).toBe(entry.actors.includes('admin'));
      }
    });
  }

  it('has a request addressed to the admin for every finding whose first actor is the admin', () => {
    const missing = Object.entries(CATALOG)
      .filter(([, e]) => e.actors[0] === 'admin' && e.severity !== 'info')
      .map(([code]) => code)
      .filter(
        (code) =>
          !ADMIN_REQUESTS[code] &&
          ![
            'TENANT_BLOCKED',
            'MAILBOX_FULL',
            'RECIPIENT_RESTRICTED',
            'DMARC_FAIL',
            'CONNECTOR_DELIVERY_FAILED',
            'MX_NOT_EXCHANGE_ONLINE',
            'BASIC_AUTH_RETIREMENT',
          ].includes(code),
      );
    expect(missing).toEqual([]);
  });
});

describe('HTML report page 1', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`opens with site, device, verdict and the primary finding; the transcript is an appendix at the end (${lang})`, () => {
      const r = reportWith([{ code: 'SMTP_AUTH_DISABLED_TENANT', evidence: ['535 5.7.139 ...'] }]);
      const html = renderReportHtml(r, { lang, utcOffsetMinutes: TOKYO });
      const L = LABELS[lang];
      const at = (s: string) => html.indexOf(s);
      const title = CATALOG.SMTP_AUTH_DISABLED_TENANT.text[lang].title;
      expect(at('本社 2F')).toBeGreaterThan(0);
      expect(at('<td>RICOH IM C3000')).toBeLessThan(at('<div class="verdict-box'));
      expect(at('<div class="verdict-box')).toBeLessThan(at(title));
      expect(at(title)).toBeLessThan(at(`<h2>${L.findings}</h2>`));
      expect(at(L.actors.admin)).toBeLessThan(at(`<h2>${L.findings}</h2>`));
      // The first fix shown is the mailbox-level command.
      expect(html.slice(at('<div class="verdict-box'), at(`<h2>${L.findings}</h2>`))).toContain(
        'Set-CASMailbox',
      );
      // Transcript rows appear only in the appendix, after the footer.
      const appendix = at('class="appendix first"');
      expect(appendix).toBeGreaterThan(at('<footer>'));
      expect(html.indexOf('AUTH LOGIN')).toBeGreaterThan(appendix);
      expect(html).toContain('2026-11-20 10:00 (UTC+09:00)');
      // Settings are named, never by their field ids.
      expect(html).not.toMatch(/<th>(host|user|expectedIp|from|port)<\/th>/);
    });
  }

  it('the primary finding is the engine pick when recorded, else the first error of a failed check', () => {
    const d = diagnosis();
    expect(primaryFindingOf(d)?.ref.code).toBe('SMTP_AUTH_DISABLED_TENANT');
    const withPick = { ...d, primaryFinding: { code: 'SMTP_AUTH_DISABLED_TENANT', checkId: 'auth' } };
    expect(primaryFindingOf(withPick)?.checkId).toBe('auth');
    expect(primaryFindingOf(diagnosis({ checks: [check('tcp.v4', 'pass')] }))).toBeNull();
  });
});

describe('admin-addressed ticket texts', () => {
  it('every request exists in ja and en, is addressed to the admin and uses only parameters its finding can carry', () => {
    for (const [code, req] of Object.entries(ADMIN_REQUESTS)) {
      expect(CATALOG[code as keyof typeof CATALOG], code).toBeDefined();
      expect(req.ask.ja.length, code).toBeGreaterThan(10);
      expect(req.ask.en.length, code).toBeGreaterThan(10);
      expect(req.ask.en, code).not.toMatch(/ask the (Microsoft 365 )?admin|have the admin/i);
      expect(req.ask.ja, code).not.toMatch(/管理者に.*(もらって|依頼)|デバイス/);
      for (const cmd of req.commands ?? []) expect(cmd.ps, code).toMatch(/^[A-Z][a-z]+-[A-Za-z]+/);
    }
  });

  it('the OAuth and tenant codes of issue 11 have admin-addressed texts in the ticket', () => {
    for (const code of [
      'IPV6_NOT_AUTHENTICATED',
      'TENANT_EXTERNAL_LIMIT',
      'EXTERNAL_FORWARDING_BLOCKED',
      'RECIPIENT_TENANT_NO_MAIL',
      'OAUTH_REJECTED',
      'OAUTH_SCOPE_MISSING',
      'OAUTH_CONSENT_MISSING',
      'OAUTH_BLOCKED_BY_POLICY',
      'OAUTH_CLIENT_CREDENTIAL_INVALID',
    ] as const) {
      for (const lang of ['ja', 'en'] as const) {
        const md = renderTicket(reportWith([{ code }]), {
          lang,
          format: 'markdown',
          utcOffsetMinutes: TOKYO,
        });
        const requestPart = md.slice(md.indexOf(LABELS[lang].requests), md.indexOf(LABELS[lang].observed));
        expect(requestPart, `${code} ${lang}`).toContain(
          adminRequest(code, undefined, lang)!.ask.slice(0, 12),
        );
        expect(requestPart, `${code} ${lang}`).not.toContain(CATALOG[code].text[lang].fix.slice(0, 20));
      }
    }
  });
});

describe('the ticket’s opening sentence', () => {
  it('spaces a model name from the particles but not the word 機器', () => {
    expect(LABELS.ja.ticketIntro('本社 3F', '機器')).toContain('本社 3F の機器から Microsoft 365');
    expect(LABELS.ja.ticketIntro('本社 3F', 'RICOH IM C3000')).toContain('本社 3F の RICOH IM C3000 から');
  });
});
