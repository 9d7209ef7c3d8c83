// The method advisor's decision table (seed 001 comparison + facts), one row per rule.
import { describe, expect, it } from 'vitest';
import {
  AdvisorInputSchema,
  BASIC_AUTH_DEFAULT_OFF,
  adviseMethods,
  type Advice,
  type AdvisorInput,
} from '../../src/shared/methods';
import type { Method } from '../../src/shared/model';

const NOW = new Date('2026-11-23T00:00:00Z');
/** A modern MFP on a site with a static IP and a tenant where everything is known and permissive. */
const BASE: AdvisorInput = {
  recipients: 'external',
  deviceTlsMax: '1.2',
  cipherFamily: 'ecdhe',
  supportsAuth: true,
  supportsOAuth: false,
  staticIp: '203.0.113.7',
  tenantSmtpAuth: 'enabled',
  securityDefaults: 'off',
  rejectDirectSend: 'off',
  serverFieldMaxLength: null,
  domain: 'contoso.com',
  mxHost: 'contoso-com.mail.protection.outlook.com',
  mailbox: 'scanner@contoso.com',
  now: NOW,
};

const advise = (over: Partial<AdvisorInput>): Advice => adviseMethods({ ...BASE, ...over });
const method = (a: Advice, m: Method) => {
  const found = a.methods.find((x) => x.method === m);
  if (!found) throw new Error(`missing ${m}`);
  return found;
};
const codes = (a: Advice, m: Method) => method(a, m).reasons.map((r) => r.code);

describe('adviseMethods decision table', () => {
  it('modern device, external recipients → client submission first, relay second, Direct Send not viable', () => {
    const a = advise({});
    expect(a.recommended).toBe('submission');
    expect(a.methods.map((m) => m.method)).toEqual(['submission', 'relay', 'direct-send']);
    expect(method(a, 'direct-send').viable).toBe(false);
    expect(codes(a, 'direct-send')).toContain('EXTERNAL_NOT_SUPPORTED');
  });

  it('always returns the three methods, viable ones first, scores descending among them', () => {
    for (const over of [
      {},
      { recipients: 'internal' as const },
      { deviceTlsMax: null },
      { staticIp: false },
    ]) {
      const a = advise(over);
      expect(a.methods.map((m) => m.method).sort()).toEqual(['direct-send', 'relay', 'submission']);
      const viable = a.methods.filter((m) => m.viable);
      expect(a.methods.slice(0, viable.length)).toEqual(viable);
      for (let i = 1; i < viable.length; i++)
        expect(viable[i - 1]!.score).toBeGreaterThanOrEqual(viable[i]!.score);
      for (const m of a.methods.filter((x) => !x.viable)) expect(m.score).toBe(0);
    }
  });

  it.each([
    ['no TLS at all', { deviceTlsMax: null }, 'TLS_TOO_OLD'],
    ['TLS 1.0 only', { deviceTlsMax: '1.0' as const }, 'TLS_TOO_OLD'],
    ['TLS 1.1', { deviceTlsMax: '1.1' as const }, 'TLS_TOO_OLD'],
    ['RSA-only TLS 1.2', { cipherFamily: 'rsa' as const }, 'RSA_ONLY'],
    ['no AUTH support', { supportsAuth: false }, 'NO_AUTH'],
    ['tenant SMTP AUTH disabled', { tenantSmtpAuth: 'disabled' as const }, 'SMTP_AUTH_DISABLED'],
    ['security defaults on', { securityDefaults: 'on' as const }, 'SECURITY_DEFAULTS_ON'],
    ['server field too short', { serverFieldMaxLength: 15 }, 'SERVER_FIELD_TOO_SHORT'],
  ])('%s → client submission not viable (%s)', (_name, over, code) => {
    const a = advise(over);
    expect(method(a, 'submission').viable).toBe(false);
    expect(method(a, 'submission').reasons[0]?.code).toBe(code);
  });

  it('devices without TLS 1.2 → Direct Send (internal) or relay (external), plus the local-relay notice', () => {
    const internal = advise({ deviceTlsMax: '1.0', recipients: 'internal' });
    expect(internal.recommended).toBe('direct-send');
    expect(internal.notices.map((n) => n.code)).toContain('LOCAL_RELAY');
    const external = advise({ deviceTlsMax: null });
    expect(external.recommended).toBe('relay');
    expect(method(external, 'relay').settings.tls.en).toMatch(/recommended/);
  });

  it('RSA-only TLS 1.2 stacks are steered away from smtp.office365.com with a hedged reason', () => {
    const a = advise({ cipherFamily: 'rsa', recipients: 'internal' });
    expect(a.recommended).toBe('direct-send');
    expect(method(a, 'submission').reasons[0]?.text.en).toMatch(/reported/);
  });

  it('TLS 1.3 or ECDHE/any TLS 1.2 keeps client submission viable', () => {
    expect(method(advise({ deviceTlsMax: '1.3', cipherFamily: 'rsa' }), 'submission').viable).toBe(true);
    expect(method(advise({ cipherFamily: 'any' }), 'submission').viable).toBe(true);
  });

  it('SMTP AUTH off or security defaults on, internal recipients → Direct Send', () => {
    expect(advise({ tenantSmtpAuth: 'disabled', recipients: 'internal' }).recommended).toBe('direct-send');
    expect(advise({ securityDefaults: 'on', recipients: 'internal' }).recommended).toBe('direct-send');
  });

  it('OAuth-capable devices are not blocked by security defaults and carry no retirement warning', () => {
    const a = advise({ supportsOAuth: true, supportsAuth: false, securityDefaults: 'on' });
    expect(method(a, 'submission').viable).toBe(true);
    expect(codes(a, 'submission')).toContain('OAUTH_OK');
    expect(codes(a, 'submission')).not.toContain('BASIC_AUTH_RETIREMENT');
    expect(method(a, 'submission').settings.auth.en).toMatch(/XOAUTH2/);
  });

  it('warns about the Basic auth retirement before the end of Dec 2026 and says it is off by default after', () => {
    const before = advise({ now: new Date('2026-11-23T00:00:00Z') });
    expect(codes(before, 'submission')).toContain('BASIC_AUTH_RETIREMENT');
    const after = advise({ now: new Date(BASIC_AUTH_DEFAULT_OFF.getTime() + 1000) });
    expect(codes(after, 'submission')).toContain('BASIC_AUTH_OFF_BY_DEFAULT');
    expect(method(after, 'submission').score).toBeLessThan(method(before, 'submission').score);
  });

  it('Reject Direct Send on → Direct Send not viable; relay unaffected', () => {
    const a = advise({ rejectDirectSend: 'on', recipients: 'internal', tenantSmtpAuth: 'disabled' });
    expect(method(a, 'direct-send').viable).toBe(false);
    expect(codes(a, 'direct-send')).toContain('REJECT_DIRECT_SEND_ON');
    expect(a.recommended).toBe('relay');
  });

  it('no static IP → relay not viable; Direct Send loses its SPF record and some score', () => {
    const a = advise({ staticIp: false, recipients: 'internal', deviceTlsMax: null });
    expect(method(a, 'relay').viable).toBe(false);
    expect(codes(a, 'relay')).toContain('NO_STATIC_IP_RELAY');
    expect(method(a, 'direct-send').settings.spfRecord).toBeUndefined();
    expect(method(a, 'direct-send').score).toBeLessThan(
      method(advise({ recipients: 'internal', deviceTlsMax: null }), 'direct-send').score,
    );
  });

  it('nothing viable → recommended null and a NONE_VIABLE notice', () => {
    const a = advise({ deviceTlsMax: null, staticIp: false });
    expect(a.recommended).toBeNull();
    expect(a.notices.map((n) => n.code)).toEqual(['LOCAL_RELAY', 'NONE_VIABLE']);
  });

  it('unknown tenant state costs a little score but keeps client submission first (seed 001 recommends it)', () => {
    const a = advise({
      tenantSmtpAuth: 'unknown',
      securityDefaults: 'unknown',
      rejectDirectSend: 'unknown',
      recipients: 'internal',
    });
    expect(a.recommended).toBe('submission');
    expect(codes(a, 'submission')).toEqual(
      expect.arrayContaining(['SMTP_AUTH_UNKNOWN', 'SECURITY_DEFAULTS_UNKNOWN']),
    );
    expect(codes(a, 'direct-send')).toContain('REJECT_DIRECT_SEND_UNKNOWN');
  });
});

describe('adviseMethods settings', () => {
  it('client submission: smtp.office365.com:587, STARTTLS, From = mailbox', () => {
    const s = method(advise({}), 'submission').settings;
    expect(s).toMatchObject({ host: 'smtp.office365.com', port: 587 });
    expect(s.tls.en).toMatch(/STARTTLS.*TLS 1\.2/);
    expect(s.senderRule.en).toContain('scanner@contoso.com');
    expect(s.notes.map((n) => n.en).join(' ')).toMatch(/465/);
  });

  it('Direct Send and relay: the MX host from the input, port 25, SPF text per seed 001', () => {
    const a = advise({ recipients: 'internal' });
    for (const m of ['direct-send', 'relay'] as const) {
      const s = method(a, m).settings;
      expect(s.host).toBe('contoso-com.mail.protection.outlook.com');
      expect(s.port).toBe(25);
      expect(s.spfRecord).toBe('v=spf1 ip4:203.0.113.7 include:spf.protection.outlook.com ~all');
      expect(s.senderRule.ja).toContain('@contoso.com');
    }
    expect(method(a, 'relay').settings.auth.en).toContain('203.0.113.7');
  });

  it('never constructs an MX host: unknown → "read from the domain\'s MX record"', () => {
    const { mxHost: _omit, ...rest } = BASE;
    const a = adviseMethods({ ...rest, recipients: 'internal' });
    const s = method(a, 'direct-send').settings;
    expect(s.host).toBeNull();
    expect(s.server.en).toMatch(/contoso\.com's MX record/);
    expect(s.server.ja).toMatch(/MX レコード/);
  });

  it('an IP typed as the MX host is never offered as the server', () => {
    for (const ip of ['52.101.1.2', '2a01:111:f400::5']) {
      const a = advise({ mxHost: ip, recipients: 'internal' });
      expect(method(a, 'direct-send').settings.host).toBeNull();
      expect(method(a, 'direct-send').settings.server.en).toMatch(/MX record/);
      expect(a.notices.map((n) => n.code)).toContain('MX_HOST_IS_IP');
    }
  });

  it('IPv6 static addresses use ip6:, an unknown static IP leaves a placeholder', () => {
    expect(method(advise({ staticIp: '2001:db8::7' }), 'relay').settings.spfRecord).toBe(
      'v=spf1 ip6:2001:db8::7 include:spf.protection.outlook.com ~all',
    );
    expect(method(advise({ staticIp: true }), 'relay').settings.spfRecord).toMatch(
      /^v=spf1 ip4:<static public IP> include:spf\.protection\.outlook\.com ~all$/,
    );
  });

  it('short server fields: MX host too long → blocker; unknown MX host → warning or blocker by length', () => {
    expect(codes(advise({ serverFieldMaxLength: 30, recipients: 'internal' }), 'direct-send')).toContain(
      'SERVER_FIELD_TOO_SHORT',
    );
    const { mxHost: _omit, ...rest } = BASE;
    expect(
      method(adviseMethods({ ...rest, serverFieldMaxLength: 64 }), 'relay').reasons.map((r) => r.code),
    ).toContain('SERVER_FIELD_MAYBE_SHORT');
    expect(method(adviseMethods({ ...rest, serverFieldMaxLength: 20 }), 'relay').viable).toBe(false);
    expect(method(advise({ serverFieldMaxLength: 18 }), 'submission').viable).toBe(true); // smtp.office365.com is 18
  });

  it('every reason and setting has both languages with no leftover placeholders', () => {
    const { mxHost: _m, mailbox: _b, domain: _d, ...bare } = BASE;
    for (const input of [
      BASE,
      { ...bare, staticIp: true },
      { ...bare, staticIp: false, deviceTlsMax: null },
    ]) {
      const a = adviseMethods(input);
      const texts = [...a.notices, ...a.methods.flatMap((m) => m.reasons)].map((r) => r.text);
      for (const m of a.methods)
        texts.push(
          m.settings.server,
          m.settings.tls,
          m.settings.auth,
          m.settings.senderRule,
          ...m.settings.notes,
        );
      for (const t of texts) {
        for (const s of [t.ja, t.en]) {
          expect(s.length).toBeGreaterThan(3);
          expect(s).not.toMatch(/\{[A-Za-z]+\}/);
        }
      }
    }
  });
});

describe('AdvisorInputSchema', () => {
  it('accepts the base input and refuses CR/LF in fields', () => {
    expect(AdvisorInputSchema.safeParse(BASE).success).toBe(true);
    expect(AdvisorInputSchema.safeParse({ ...BASE, domain: 'contoso.com\r\nRCPT TO:<x>' }).success).toBe(
      false,
    );
    expect(AdvisorInputSchema.safeParse({ ...BASE, mailbox: 'a\0b' }).success).toBe(false);
  });
});
