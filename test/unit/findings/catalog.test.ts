// Every finding code has a complete ja + en entry, and rendering never leaves a `{placeholder}` behind.
import { describe, expect, it } from 'vitest';
import { CATALOG, interpolate, placeholdersOf, renderFinding } from '../../../src/shared/findings/catalog';
import { FINDING_CODES } from '../../../src/shared/findings/codes';
import { RenderedFindingSchema, type Lang } from '../../../src/shared/model';

const LANGS: Lang[] = ['ja', 'en'];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('finding catalogue', () => {
  it('has an entry for every code and no entry without a code', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each(FINDING_CODES.flatMap((code) => LANGS.map((lang) => [code, lang] as const)))(
    '%s (%s): title, cause and fix exist and render without leftover braces',
    (code, lang) => {
      const t = CATALOG[code].text[lang];
      for (const part of [t.title, t.cause, t.fix]) expect(part.trim().length).toBeGreaterThan(5);
      const rendered = renderFinding({ code }, lang);
      expect(RenderedFindingSchema.parse(rendered)).toEqual(rendered);
      for (const part of [rendered.title, rendered.cause, rendered.fix]) {
        expect(part).not.toMatch(/[{}]/);
        expect(part).not.toMatch(/undefined|null/);
      }
      // Japanese text is Japanese; English text carries no Japanese.
      if (lang === 'ja') expect(`${t.title}${t.cause}${t.fix}`).toMatch(JAPANESE);
      else expect(`${t.title}${t.cause}${t.fix}`).not.toMatch(JAPANESE);
    },
  );

  it('uses the same placeholders in both languages', () => {
    for (const code of FINDING_CODES) {
      const names = (lang: Lang) => {
        const t = CATALOG[code].text[lang];
        return [...new Set(placeholdersOf(`${t.title}${t.cause}${t.fix}`))].sort();
      };
      expect(names('ja'), code).toEqual(names('en'));
    }
  });

  it("Japanese texts are polite (です/ます調) and use the seeds' vocabulary", () => {
    for (const code of FINDING_CODES) {
      const { cause, fix } = CATALOG[code].text.ja;
      expect(`${cause}${fix}`, code).toMatch(/(です|ます|ください|ません|でした|ました)(\s*\([^)]*\))?。/);
    }
    const all = FINDING_CODES.map((c) => JSON.stringify(CATALOG[c].text.ja)).join('');
    for (const term of ['SMTP クライアント送信', '直接送信', 'SMTP リレー', 'コネクタ', '既定のセキュリティ'])
      expect(all).toContain(term);
  });

  it('lists the primary actor first and carries the admin one-liners the facts name', () => {
    expect(CATALOG.SMTP_AUTH_DISABLED_MAILBOX.powershell).toBe(
      'Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false',
    );
    expect(CATALOG.SMTP_AUTH_DISABLED_TENANT.powershell).toBe(
      'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
    );
    expect(CATALOG.DIRECT_SEND_REJECTED.powershell).toBe('Set-OrganizationConfig -RejectDirectSend $false');
    expect(CATALOG.RELAY_NOT_ATTRIBUTED.powershell).toBe('Get-InboundConnector | fl Name,SenderIPAddresses');
    expect(renderFinding({ code: 'SEND_AS_DENIED' }, 'en').actor).toBe('technician');
    expect(renderFinding({ code: 'DIRECT_SEND_REJECTED' }, 'ja').actor).toBe('admin');
    // 5.7.68 and AUTH rejections never reach Message Trace (facts).
    expect(CATALOG.DIRECT_SEND_REJECTED.inMessageTrace).toBe(false);
    expect(CATALOG.AUTH_FAILED.inMessageTrace).toBe(false);
  });

  it('states the Basic auth retirement date in both languages', () => {
    expect(CATALOG.BASIC_AUTH_RETIREMENT.text.ja.title).toContain('2026 年 12 月末');
    expect(CATALOG.BASIC_AUTH_RETIREMENT.text.en.title).toContain('end of December 2026');
  });
});

describe('renderFinding', () => {
  it('interpolates params and keeps evidence', () => {
    const r = renderFinding(
      {
        code: 'TCP_REFUSED',
        params: { host: 'smtp.office365.com', port: '587' },
        evidence: ['connect ECONNREFUSED'],
      },
      'en',
    );
    expect(r.cause).toContain('smtp.office365.com port 587');
    expect(r.evidence).toEqual(['connect ECONNREFUSED']);
  });

  it('localises the generic meaning of an unrecognised reply', () => {
    const params = { reply: '550 5.9.99 x', replyClass: 'permanent', subject: 'security' };
    expect(renderFinding({ code: 'UNRECOGNIZED_REPLY', params }, 'en').cause).toContain('permanent failure');
    expect(renderFinding({ code: 'UNRECOGNIZED_REPLY', params }, 'ja').cause).toContain('恒久的なエラー');
    expect(
      renderFinding({ code: 'UNRECOGNIZED_REPLY', params: { ...params, replyClass: 'transient' } }, 'ja')
        .cause,
    ).toContain('一時的なエラー');
  });

  it('strips control characters from params and bounds their length', () => {
    const r = renderFinding(
      { code: 'NOT_SMTP', params: { reply: `\u001b[31mEVIL\u202e${'x'.repeat(1000)}` } },
      'en',
    );
    expect(r.cause).not.toMatch(/[\u001b\u202e]/);
    expect(r.cause.length).toBeLessThan(700);
  });

  it('drops optional segments whose params are missing and keeps them when present', () => {
    expect(interpolate('サーバー{{ {host} }}の{{ポート {port} への}}接続', { host: 'h.example' }, 'ja')).toBe(
      'サーバー h.example の接続',
    );
    expect(interpolate('a{{ ({host} {port})}}.', { host: 'h' }, 'en')).toBe('a.');
    expect(interpolate('a{{ ({host} {port})}}.', { host: 'h', port: '25' }, 'en')).toBe('a (h 25).');
    expect(interpolate('ip4:{spfIp}', { ip: '192.0.2.1' }, 'en')).toBe('ip4:192.0.2.1');
    expect(interpolate('ip4:{spfIp}', undefined, 'en')).toBe('ip4:<static IP>');
  });

  it('does not re-expand braces that come from a param value', () => {
    expect(interpolate('a {reply} b', { reply: '{host}' }, 'en')).toBe('a {host} b');
  });

  it('renders an unknown code neutrally, keeping its own code', () => {
    const r = renderFinding({ code: 'SOMETHING_NEW' }, 'ja');
    expect(r.code).toBe('SOMETHING_NEW');
    expect(r.title).toBe(CATALOG.UNRECOGNIZED_REPLY.text.ja.title);
  });
});
