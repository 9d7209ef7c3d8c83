// High Volume Email in the advisor: internal recipients only, STARTTLS with TLS 1.2+, a sign-in with the HVE account
// (Basic or OAuth), its own endpoint; facts that no Microsoft page we read confirms are worded as unverified.
import { describe, expect, it } from 'vitest';
import { HVE_FACTS, HVE_REASON_TEXTS, adviseHve, isHveHost } from '../../src/shared/hve';
import { adviseMethods, type AdvisorInput } from '../../src/shared/methods';

const BASE: AdvisorInput = {
  recipients: 'internal',
  deviceTlsMax: '1.2',
  cipherFamily: 'ecdhe',
  supportsAuth: true,
  supportsOAuth: false,
  staticIp: false,
  tenantSmtpAuth: 'disabled',
  securityDefaults: 'off',
  rejectDirectSend: 'on',
  serverFieldMaxLength: null,
  domain: 'contoso.com',
  now: new Date('2027-01-15T00:00:00Z'),
};
const codes = (over: Partial<AdvisorInput>) => adviseHve({ ...BASE, ...over }).reasons.map((r) => r.code);

describe('High Volume Email advice', () => {
  it('is the way out for an internal-only device when submission, Direct Send and relay are all blocked', () => {
    const a = adviseMethods(BASE);
    expect(a.recommended).toBeNull();
    expect(a.hve.viable).toBe(true);
    expect(a.hve.settings).toMatchObject({ host: 'smtp.hve.mx.microsoft', port: 587 });
    expect(a.hve.sources.length).toBeGreaterThan(0);
  });

  it('external recipients, TLS below 1.2 and no sign-in at all each block it', () => {
    expect(adviseHve({ ...BASE, recipients: 'external' }).viable).toBe(false);
    expect(codes({ recipients: 'external' })[0]).toBe('HVE_EXTERNAL_NOT_SUPPORTED');
    expect(adviseHve({ ...BASE, deviceTlsMax: '1.1' }).viable).toBe(false);
    expect(adviseHve({ ...BASE, deviceTlsMax: null }).reasons[0]?.text.en).toContain('none');
    expect(adviseHve({ ...BASE, supportsAuth: false }).viable).toBe(false);
  });

  it('OAuth devices get the allowed-apps setup; Basic-only devices are told the end date is unverified', () => {
    expect(codes({ supportsOAuth: true })).toContain('HVE_OAUTH');
    expect(adviseHve({ ...BASE, supportsOAuth: true }).settings.auth.en).toContain('XOAUTH2');
    expect(codes({})).toContain('HVE_BASIC');
    expect(HVE_REASON_TEXTS.HVE_BASIC.en).toContain('unverified');
    expect(HVE_REASON_TEXTS.HVE_BASIC.ja).toContain('未確認');
    expect(codes({ securityDefaults: 'on' })).toContain('HVE_SECURITY_DEFAULTS');
    // An RSA-only TLS 1.2 stack is not declared fine or broken: unknown for HVE.
    expect(
      adviseHve({ ...BASE, cipherFamily: 'rsa' }).reasons.find((r) => r.code === 'HVE_RSA_ONLY_UNKNOWN')
        ?.effect,
    ).toBe('warning');
  });

  it('knows the endpoint names (and that they are not MX hosts)', () => {
    expect(isHveHost('SMTP.HVE.MX.MICROSOFT.')).toBe(true);
    expect(isHveHost(HVE_FACTS.legacyHost)).toBe(true);
    expect(isHveHost('contoso-com.l-v1.mx.microsoft')).toBe(false);
  });
});
