// The plan for the day Basic authentication goes off: dated facts compared with an injected "today", OAuth-capable
// and incapable devices, recipients and static IP deciding between relay / Direct Send / HVE / re-enable.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BASIC_AUTH_FACTS,
  allBasicAuthFacts,
  factValueText,
  type Period,
} from '../../src/shared/basic-auth-facts';
import { basicAuthPlan, planDevice, planPhase, type PlanContext } from '../../src/shared/basic-auth-plan';
import { parseProfileFile } from '../../src/shared/profiles';
import { resolveFromLoaded, type LoadedProfileFile } from '../../src/shared/profiles-resolve';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'printers');
const files: LoadedProfileFile[] = readdirSync(DIR)
  .filter((n) => n.endsWith('.json') && n !== 'schema.json')
  .map((n) => {
    const r = parseProfileFile(readFileSync(join(DIR, n), 'utf8'));
    if (!r.ok) throw new Error(n);
    return { path: n, origin: 'builtin' as const, profile: r.profile };
  });
const model = (id: string, gen?: string) => resolveFromLoaded(files, id, gen);
const off = BASIC_AUTH_FACTS.defaultOffExisting.value as Period;
const fin = BASIC_AUTH_FACTS.finalRemovalAnnounced.value as Period;
const day = (iso: string, plusDays = 0) => new Date(Date.parse(`${iso}T12:00:00Z`) + plusDays * 86_400_000);
const ctx = (today: Date, over: Partial<PlanContext> = {}): PlanContext => ({
  today,
  recipients: 'external',
  staticIp: true,
  mailbox: 'scan@contoso.com',
  ...over,
});

describe('dated facts', () => {
  it('each fact has a source URL, a read date and says whether it was verified in Microsoft text', () => {
    for (const f of allBasicAuthFacts()) {
      expect(f.source.url, f.id).toMatch(
        /^https:\/\/(techcommunity\.microsoft\.com|learn\.microsoft\.com)\//,
      );
      expect(f.read, f.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof f.verified, f.id).toBe('boolean');
      if (!f.verified)
        expect(f.note ?? f.value === null, `${f.id}: an unverified fact explains itself`).toBeTruthy();
    }
    expect(BASIC_AUTH_FACTS.defaultOffExisting.verified).toBe(true);
    // HVE's own date is known only from secondary sources: shown, but hedged in its own sentence.
    expect(BASIC_AUTH_FACTS.hveBasicAuthEnd.verified).toBe(false);
    expect(BASIC_AUTH_FACTS.hveBasicAuthEnd.text.en).toMatch(/not verified/);
    expect(BASIC_AUTH_FACTS.hveBasicAuthEnd.text.ja).toMatch(/未確認/);
  });

  it('no date is written into the plan code: dates live only in the facts module', () => {
    const src = readFileSync(
      join(import.meta.dirname, '..', '..', 'src', 'shared', 'basic-auth-plan.ts'),
      'utf8',
    );
    expect(src).not.toMatch(/20\d\d-\d\d-\d\d|2026|2027/);
  });
});

describe('planPhase', () => {
  it('moves from before to cut-over to default-off to final-date-due at the fact boundaries', () => {
    expect(planPhase(day(off.from, -1)).phase).toBe('before');
    expect(planPhase(day(off.from)).phase).toBe('cutover');
    expect(planPhase(day(off.to)).phase).toBe('cutover');
    expect(planPhase(day(off.to, 1)).phase).toBe('default-off');
    expect(planPhase(day(fin.to)).phase).toBe('default-off');
    expect(planPhase(day(fin.to, 1)).phase).toBe('final-date-due');
    expect(planPhase(day(off.to, -30)).daysToDefaultOff).toBe(30);
  });
});

describe('planDevice', () => {
  it('an OAuth-capable device (Sharp BP) before the cut-off: OAuth first, with the device path from the profile and days left', () => {
    const p = planDevice(
      { label: 'Sharp', model: model('sharp-bp'), method: 'submission' },
      ctx(day(off.from, -10)),
    );
    expect(p.affected).toBe('yes');
    expect(p.oauthCapable).toBe(true);
    expect(p.oauthVerified).toBe(true);
    expect(p.options[0]?.id).toBe('oauth');
    expect(p.options[0]?.fit).toBe('recommended');
    expect(p.options[0]?.steps.map((s) => s.en).join('\n')).toContain('Service Settings');
    expect(p.impact.en).toContain(factValueText(off, 'en'));
    expect(p.impact.en).toContain(BASIC_AUTH_FACTS.rejectionReply.value);
    expect(p.impact.ja).toMatch(/残り \d+ 日/);
    expect(p.options.find((o) => o.id === 're-enable')?.fit).toBe('temporary');
  });

  it('the same device after the cut-off: default-off text naming the final-removal period; ja and en both', () => {
    const p = planDevice(
      { label: 'Sharp', model: model('sharp-bp'), method: 'submission' },
      ctx(day(off.to, 20)),
    );
    expect(p.impact.en).toMatch(/off by default since/);
    expect(p.impact.en).toContain(factValueText(fin, 'en'));
    expect(p.impact.ja).toContain(factValueText(fin, 'ja'));
  });

  it('an incapable device with internal recipients: Direct Send first, HVE possible with its Basic-auth date hedged as unverified, relay unsuitable without a static IP', () => {
    const p = planDevice(
      { label: 'Brother', model: model('brother-mfc-l'), method: 'submission' },
      ctx(day(off.to, 5), { recipients: 'internal', staticIp: false }),
    );
    expect(p.oauthCapable).toBe(false);
    expect(p.options.map((o) => o.id)).not.toContain('oauth');
    expect(p.options[0]?.id).toBe('direct-send');
    const hve = p.options.find((o) => o.id === 'hve');
    expect(hve?.fit).toBe('possible');
    expect(hve?.caveats.map((c) => c.en).join(' ')).toMatch(
      /September 2028 \(2028-09-01 – 2028-09-30\).*not verified/,
    );
    expect(hve?.caveats.map((c) => c.ja).join(' ')).toMatch(/2028 年 9 月.*未確認/);
    expect(p.options.find((o) => o.id === 'relay')?.fit).toBe('unsuitable');
    const re = p.options.find((o) => o.id === 're-enable');
    expect(re?.steps.map((s) => s.en).join(' ')).toContain(
      'Set-CASMailbox -Identity scan@contoso.com -SmtpClientAuthenticationDisabled $false',
    );
    expect(re?.caveats.map((c) => c.en).join(' ')).toContain(factValueText(fin, 'en'));
  });

  it('an incapable device with external recipients and a static IP: relay first; Direct Send and HVE unsuitable', () => {
    const p = planDevice(
      { label: 'HP Pro', model: model('hp-laserjet-pro'), method: 'submission' },
      ctx(day(off.from, -40)),
    );
    expect(p.options[0]?.id).toBe('relay');
    expect(p.options.find((o) => o.id === 'direct-send')?.fit).toBe('unsuitable');
    expect(p.options.find((o) => o.id === 'hve')?.fit).toBe('unsuitable');
  });

  it('an older firmware without OAuth but a published minimum firmware: update the firmware first', () => {
    const p = planDevice(
      { label: 'Lexmark', model: model('lexmark-cx-mx'), method: 'submission' },
      ctx(day(off.from, -5)),
    );
    expect(p.oauthCapable).toBe(false);
    expect(p.options[0]?.id).toBe('firmware');
    expect(p.options[0]?.steps[0]?.en).toContain('FW24');
  });

  it('unknown OAuth support (no profile) keeps OAuth as a possibility to check on the device', () => {
    const p = planDevice(
      { label: 'Unknown MFP', method: 'unknown' },
      ctx(day(off.from, -5), { recipients: 'unknown', staticIp: 'unknown' }),
    );
    expect(p.affected).toBe('unknown');
    expect(p.oauthCapable).toBeNull();
    expect(p.impact.en).toMatch(/^If it signs in/);
    expect(p.options.find((o) => o.id === 'oauth')?.caveats[0]?.en).toMatch(/check on the device/);
  });

  it('relay or Direct Send devices are not affected and get no options', () => {
    for (const method of ['relay', 'direct-send'] as const) {
      const p = planDevice({ label: 'x', model: model('brother-mfc-l'), method }, ctx(day(off.to, 3)));
      expect(p.affected).toBe('no');
      expect(p.options).toEqual([]);
    }
  });
});

describe('basicAuthPlan', () => {
  it('covers every device of a site and lists the dated facts its options rely on', () => {
    const plan = basicAuthPlan(
      [
        { label: 'Sharp', model: model('sharp-bp'), method: 'submission' },
        { label: 'Brother', model: model('brother-mfc-l'), method: 'submission' },
        { label: 'Relay MFP', model: null, method: 'relay' },
      ],
      ctx(day(off.from, -3), { recipients: 'internal' }),
    );
    expect(plan.devices.map((d) => d.affected)).toEqual(['yes', 'yes', 'no']);
    const ids = plan.facts.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'basic-auth-default-off',
        'basic-auth-final-removal-announcement',
        'hve-basic-auth-end',
        'smtp-auth-switches',
      ]),
    );
    expect(plan.today).toBe(day(off.from, -3).toISOString().slice(0, 10));
  });
});

describe('the plan in the reader’s language', () => {
  it('object facts show words for their keys and the verbatim values as code, per language', () => {
    const s = BASIC_AUTH_FACTS.oauthScopes;
    const ja = factValueText(s.value, 'ja', s.parts);
    const en = factValueText(s.value, 'en', s.parts);
    expect(ja).toContain(`委任されたアクセス許可`);
    expect(ja).toContain(`アプリケーションのアクセス許可`);
    expect(ja).toContain('`https://outlook.office.com/SMTP.Send offline_access`');
    expect(en).toContain('delegated permission');
    for (const key of Object.keys(s.value)) {
      expect(ja, key).not.toMatch(new RegExp(`(^|; )${key}:`));
      expect(en, key).not.toMatch(new RegExp(`(^|; )${key}:`));
    }
    const sw = BASIC_AUTH_FACTS.smtpAuthSwitches;
    expect(factValueText(sw.value, 'ja', sw.parts)).toContain('メール アプリの管理');
    expect(factValueText(sw.value, 'en', sw.parts)).toContain('Manage email apps');
    expect(factValueText(sw.value, 'ja', sw.parts)).not.toContain('Manage email apps');
    // Without words for the keys, a key is shown as it is (never dropped).
    expect(factValueText({ k: 'v' }, 'en')).toBe('k: `v`');
  });

  it('with no mailbox given, the placeholder is in the reader’s language; a given mailbox goes into the commands', () => {
    const none = planDevice(
      { label: 'x', model: model('ricoh-im'), method: 'submission' },
      ctx(day(off.from, -3), { mailbox: '' }),
    );
    const steps = none.options.flatMap((o) => o.steps);
    expect(steps.map((s) => s.ja).join('\n')).toContain('<メールボックス>');
    expect(steps.map((s) => s.ja).join('\n')).not.toContain('<mailbox>');
    expect(steps.map((s) => s.en).join('\n')).toContain('<mailbox>');
    const given = planDevice(
      { label: 'x', model: model('ricoh-im'), method: 'submission' },
      ctx(day(off.from, -3)),
    );
    const ja = given.options.flatMap((o) => o.steps.map((s) => s.ja)).join('\n');
    expect(ja).toContain(
      '`Set-CASMailbox -Identity scan@contoso.com -SmtpClientAuthenticationDisabled $false`',
    );
  });
});
