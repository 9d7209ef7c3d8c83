import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChecklist, isIpLiteral, spfRecord, type ChecklistStep } from '../../src/shared/checklist';
import { METHODS } from '../../src/shared/model';
import { parseProfileFile, type ProfileFile } from '../../src/shared/profiles';
import { resolveModel, type ModelProfile } from '../../src/shared/profiles-resolve';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'printers');
function file(name: string): ProfileFile {
  const r = parseProfileFile(readFileSync(join(DIR, name), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.profile;
}
function model(name: string, id: string, gen?: string): ModelProfile {
  const m = resolveModel(file(name), id, gen);
  if (!m) throw new Error(id);
  return m;
}
const ricohIm = model('ricoh.json', 'ricoh-im');
const ricohOld = model('ricoh.json', 'ricoh-mp', 'mp-legacy');
const job = {
  mailbox: 'scanner@contoso.com',
  domain: 'contoso.com',
  mxHost: 'contoso-com.mail.protection.outlook.com',
  staticIp: '203.0.113.7',
};
const step = (steps: ChecklistStep[], id: string): ChecklistStep => {
  const s = steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${steps.map((x) => x.id).join(', ')}`);
  return s;
};
const serverSteps = (steps: ChecklistStep[]): ChecklistStep[] =>
  steps.filter((s) => s.id.endsWith('.server'));

describe('buildChecklist: SMTP AUTH client submission', () => {
  const { steps, warnings } = buildChecklist({ model: ricohIm, method: 'submission', job, lang: 'en' });

  it('numbers the steps 1..n', () => {
    expect(steps.map((s) => s.n)).toEqual(steps.map((_, i) => i + 1));
  });

  it('uses smtp.office365.com, 587 and the model’s STARTTLS label, in the model’s menu and fields', () => {
    expect(step(steps, 'submission.server')).toMatchObject({
      value: 'smtp.office365.com',
      field: 'SMTP Server Name',
      copyable: true,
      verifiedBy: 'tcp.submission',
    });
    expect(step(steps, 'submission.server').where).toContain('Web Image Monitor');
    expect(step(steps, 'submission.port').value).toBe('587');
    expect(step(steps, 'submission.tls')).toMatchObject({
      value: 'On (STARTTLS on port 587)',
      verifiedBy: 'tls.submission',
    });
  });

  it('makes the sender and the user the mailbox, and never carries a password', () => {
    expect(step(steps, 'submission.user').value).toBe('scanner@contoso.com');
    expect(step(steps, 'submission.from').value).toBe('scanner@contoso.com');
    const pw = step(steps, 'submission.password');
    expect(pw.value).toBeUndefined();
    expect(pw.copyable).toBe(false);
  });

  it('gives the admin the SMTP AUTH switch with the PowerShell line', () => {
    const s = step(steps, 'submission.enable-smtp-auth');
    expect(s.actor).toBe('admin');
    expect(s.adminMessage).toContain(
      'Set-CASMailbox -Identity scanner@contoso.com -SmtpClientAuthenticationDisabled $false',
    );
    expect(step(steps, 'submission.security-defaults').actor).toBe('admin');
    expect(steps.filter((x) => x.actor === 'technician').every((x) => x.adminMessage === undefined)).toBe(
      true,
    );
  });

  it('flags a sender that is not the mailbox', () => {
    expect(warnings.map((w) => w.id)).not.toContain('sender-mismatch');
    const other = buildChecklist({
      model: ricohIm,
      method: 'submission',
      job: { ...job, fromAddress: 'someone@contoso.com' },
      lang: 'en',
    });
    expect(other.warnings.find((w) => w.id === 'sender-mismatch')?.severity).toBe('error');
    expect(step(other.steps, 'submission.from').value).toBe('scanner@contoso.com');
  });

  it('marks field labels that no vendor document backs as to be confirmed', () => {
    expect(step(steps, 'submission.server').confirmed).toBe(false);
  });

  it('uses port 25 only when the device cannot choose 587', () => {
    const m = structuredClone(ricohIm);
    m.capabilities.ports.value = [25];
    expect(
      step(buildChecklist({ model: m, method: 'submission', job, lang: 'en' }).steps, 'submission.port')
        .value,
    ).toBe('25');
  });
});

describe('buildChecklist: an old-firmware model', () => {
  it('yields TLS warnings for submission', () => {
    const { warnings, steps } = buildChecklist({ model: ricohOld, method: 'submission', job, lang: 'en' });
    const ids = warnings.map((w) => w.id);
    expect(ids).toContain('tls-too-old');
    expect(ids).toContain('model.tls10-only');
    expect(warnings.find((w) => w.id === 'tls-too-old')?.severity).toBe('error');
    expect(step(steps, 'submission.tls').note).toMatch(/TLS 1\.2/);
  });

  it('does not raise the submission TLS error for Direct Send, and leaves TLS off there', () => {
    const { warnings, steps } = buildChecklist({ model: ricohOld, method: 'direct-send', job, lang: 'ja' });
    expect(warnings.map((w) => w.id)).not.toContain('tls-too-old');
    expect(step(steps, 'direct-send.tls').value).toBe('しない');
  });

  it('current firmware has no TLS-too-old warning', () => {
    expect(
      buildChecklist({
        model: model('ricoh.json', 'ricoh-mp'),
        method: 'submission',
        job,
        lang: 'en',
      }).warnings.map((w) => w.id),
    ).not.toContain('tls-too-old');
  });
});

describe('buildChecklist: Direct Send and relay', () => {
  it('Direct Send: MX host on port 25, SPF text with the static IP, internal test', () => {
    const { steps } = buildChecklist({ model: ricohIm, method: 'direct-send', job, lang: 'en' });
    expect(step(steps, 'direct-send.server')).toMatchObject({
      value: 'contoso-com.mail.protection.outlook.com',
      verifiedBy: 'tcp.mx',
    });
    expect(step(steps, 'direct-send.port').value).toBe('25');
    const spf = step(steps, 'direct-send.spf');
    expect(spf).toMatchObject({
      actor: 'admin',
      value: 'v=spf1 ip4:203.0.113.7 include:spf.protection.outlook.com ~all',
      copyable: true,
      verifiedBy: 'dns.spf',
    });
    expect(spf.adminMessage).toContain('v=spf1 ip4:203.0.113.7 include:spf.protection.outlook.com ~all');
    expect(step(steps, 'direct-send.from').value).toBe('scanner@contoso.com');
    expect(step(steps, 'direct-send.test').verifiedBy).toBe('envelope.mx.internal');
    expect(steps.some((s) => s.id === 'direct-send.allowed' && s.actor === 'admin')).toBe(true);
  });

  it('relay: connector with the egress IP when no static IP is known, SPF from it, external test', () => {
    const { steps, warnings } = buildChecklist({
      model: ricohIm,
      method: 'relay',
      job: { domain: 'contoso.com', mxHost: job.mxHost, egressIp: '198.51.100.20' },
      lang: 'en',
    });
    const conn = step(steps, 'relay.connector');
    expect(conn).toMatchObject({
      actor: 'admin',
      value: '198.51.100.20',
      verifiedBy: 'envelope.mx.external',
    });
    expect(conn.adminMessage).toContain('198.51.100.20');
    expect(step(steps, 'relay.spf').value).toBe(
      'v=spf1 ip4:198.51.100.20 include:spf.protection.outlook.com ~all',
    );
    expect(step(steps, 'relay.from').value).toBe('do_not_reply@contoso.com');
    expect(step(steps, 'relay.test').verifiedBy).toBe('envelope.mx.external');
    expect(warnings.map((w) => w.id)).toContain('egress-ip-not-confirmed');
  });

  it('without an IP or MX host yet, leaves the values empty with a note instead of guessing', () => {
    const { steps } = buildChecklist({ method: 'relay', job: {}, lang: 'en' });
    expect(step(steps, 'relay.server').value).toBeUndefined();
    expect(step(steps, 'relay.spf').value).toBeUndefined();
    expect(step(steps, 'relay.spf').note).toBeTruthy();
  });

  it('treats a blank MX host as not known yet', () => {
    const { steps } = buildChecklist({ method: 'relay', job: { mxHost: '  ' }, lang: 'ja' });
    expect(step(steps, 'relay.mx')).toMatchObject({ copyable: false });
    expect(step(steps, 'relay.server').value).toBeUndefined();
  });

  it('warns when the MX host is longer than the model’s server field', () => {
    const m = structuredClone(ricohIm);
    m.capabilities.serverFieldMaxLength.value = 30;
    const { warnings } = buildChecklist({ model: m, method: 'direct-send', job, lang: 'en' });
    expect(warnings.find((w) => w.id === 'mx-too-long')?.text).toContain('max 30');
  });

  it('uses ip6: for an IPv6 address', () => {
    expect(spfRecord('2001:db8::25')).toBe('v=spf1 ip6:2001:db8::25 include:spf.protection.outlook.com ~all');
  });
});

describe('buildChecklist: never an IP as the server value', () => {
  it.each(METHODS)('%s with an IP typed as MX host', (method) => {
    const { steps, warnings } = buildChecklist({
      model: ricohIm,
      method,
      job: { ...job, mxHost: '52.101.68.2' },
      lang: 'en',
    });
    for (const s of serverSteps(steps)) expect(s.value === undefined || !isIpLiteral(s.value)).toBe(true);
    expect(warnings.map((w) => w.id)).toContain('server-is-ip');
  });

  it('recognises IP literals', () => {
    expect(['10.5.3.2', '[2001:db8::1]', '::1'].every(isIpLiteral)).toBe(true);
    expect(
      ['smtp.office365.com', 'contoso-com.mail.protection.outlook.com', 'cafe', '999.1.1.1', 'a:b'].some(
        isIpLiteral,
      ),
    ).toBe(false);
  });

  it('does not build an SPF record from something that is not an IP', () => {
    const { steps, warnings } = buildChecklist({
      model: ricohIm,
      method: 'direct-send',
      job: { ...job, staticIp: 'our office' },
      lang: 'en',
    });
    expect(step(steps, 'direct-send.spf').value).toBeUndefined();
    expect(warnings.map((w) => w.id)).toContain('static-ip-invalid');
  });
});

describe('buildChecklist: model-specific choices and warnings', () => {
  const epson = model('epson.json', 'epson-workforce');

  it('uses the model’s own names for the authentication choices', () => {
    expect(
      step(
        buildChecklist({ model: epson, method: 'submission', job, lang: 'en' }).steps,
        'submission.auth-on',
      ).value,
    ).toBe('SMTP AUTH');
    expect(
      step(
        buildChecklist({ model: epson, method: 'direct-send', job, lang: 'ja' }).steps,
        'direct-send.auth-off',
      ).value,
    ).toBe('認証しない');
  });

  it('shows a model warning only for the methods it concerns', () => {
    const ids = (method: (typeof METHODS)[number]) =>
      buildChecklist({ model: epson, method, job, lang: 'en' }).warnings.map((w) => w.id);
    expect(ids('submission')).toContain('model.password-20');
    expect(ids('relay')).not.toContain('model.password-20');
    expect(ids('direct-send')).not.toContain('model.password-20');
  });
});

describe('buildChecklist: language and generic device', () => {
  it('renders Japanese labels of the model', () => {
    const { steps } = buildChecklist({ model: ricohIm, method: 'submission', job, lang: 'ja' });
    expect(step(steps, 'submission.server').field).toBe('SMTPサーバー名');
    expect(step(steps, 'submission.server').where).toContain('機器の管理');
  });

  it('works without a model, with generic labels', () => {
    for (const method of METHODS) {
      const { steps } = buildChecklist({ method, job, lang: 'en' });
      expect(steps.length).toBeGreaterThan(4);
      expect(steps.every((s) => s.title.length > 0)).toBe(true);
    }
  });

  it('an application profile gets its own field names', () => {
    const app = model('business-application.json', 'app-powershell-send-mailmessage');
    const { steps } = buildChecklist({ model: app, method: 'submission', job, lang: 'en' });
    expect(step(steps, 'submission.tls')).toMatchObject({
      field: '-UseSsl',
      value: 'add -UseSsl',
      confirmed: true,
    });
    expect(steps.some((s) => s.id === 'submission.auth-on')).toBe(false);
  });
});

describe('buildChecklist (property)', () => {
  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
  const text = fc.oneof(fc.string({ maxLength: 60 }), ipv4, fc.ipV6(), fc.domain());
  const jobArb = fc.record(
    { mailbox: text, fromAddress: text, domain: text, mxHost: text, staticIp: text, egressIp: text },
    { requiredKeys: [] },
  );

  it('never throws, keeps step ids unique and numbered, and never puts an IP in a server step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.constantFrom('ja' as const, 'en' as const),
        fc.boolean(),
        jobArb,
        (method, lang, withModel, job) => {
          const { steps } = buildChecklist({ model: withModel ? ricohIm : undefined, method, job, lang });
          expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
          expect(steps.map((s) => s.n)).toEqual(steps.map((_, i) => i + 1));
          for (const s of serverSteps(steps))
            expect(s.value === undefined || !isIpLiteral(s.value)).toBe(true);
          for (const s of steps) if (s.value === undefined) expect(s.copyable).toBe(false);
          for (const s of steps) if (s.value !== undefined) expect(s.value.trim(), s.id).not.toBe('');
          const spf = steps.find((s) => s.id.endsWith('.spf'))?.value;
          if (spf !== undefined) {
            const m = /^v=spf1 ip[46]:(\S+) include:spf\.protection\.outlook\.com ~all$/.exec(spf);
            expect(m, spf).not.toBeNull();
            expect(isIpLiteral(m?.[1] ?? '')).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
