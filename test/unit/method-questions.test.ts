// The method screen asks only what changes the advisor's answer; the sign-in choice drives the advice.
import { describe, expect, it } from 'vitest';
import { questionMatters } from '../../src/shared/method-questions';
import { adviseMethods, type AdvisorInput } from '../../src/shared/methods';

const UNKNOWN: AdvisorInput = {
  recipients: 'external',
  deviceTlsMax: '1.2',
  cipherFamily: 'ecdhe',
  supportsAuth: true,
  supportsOAuth: true,
  staticIp: false,
  tenantSmtpAuth: 'unknown',
  securityDefaults: 'unknown',
  rejectDirectSend: 'unknown',
  serverFieldMaxLength: null,
  now: new Date('2026-12-02T00:00:00Z'),
};

describe('questionMatters', () => {
  it('security defaults matter for 基本認証, not for OAuth', () => {
    expect(questionMatters({ ...UNKNOWN, signIn: 'basic' }, 'securityDefaults')).toBe(true);
    expect(questionMatters({ ...UNKNOWN, signIn: 'oauth' }, 'securityDefaults')).toBe(false);
  });

  it('RejectDirectSend matters only when Direct Send could be used (internal recipients)', () => {
    expect(questionMatters({ ...UNKNOWN, recipients: 'external' }, 'rejectDirectSend')).toBe(false);
    expect(
      questionMatters({ ...UNKNOWN, recipients: 'internal', tenantSmtpAuth: 'disabled' }, 'rejectDirectSend'),
    ).toBe(true);
  });

  it('the tenant SMTP AUTH state and the recipients always can change the answer here', () => {
    expect(questionMatters(UNKNOWN, 'tenantSmtpAuth')).toBe(true);
    expect(questionMatters(UNKNOWN, 'recipients')).toBe(true);
  });

  it('a device without TLS 1.2 cannot use client submission whatever the tenant says: SMTP AUTH is not asked', () => {
    expect(
      questionMatters(
        { ...UNKNOWN, deviceTlsMax: '1.0', staticIp: true, recipients: 'external' },
        'tenantSmtpAuth',
      ),
    ).toBe(false);
  });
});

describe('signIn (the one sign-in choice)', () => {
  const sub = (i: AdvisorInput) => adviseMethods(i).methods.find((m) => m.method === 'submission')!;
  const codes = (i: AdvisorInput) => sub(i).reasons.map((r) => r.code);
  it('OAuth on an OAuth device: OAUTH_OK, no Basic auth warnings', () => {
    expect(codes({ ...UNKNOWN, signIn: 'oauth' })).toContain('OAUTH_OK');
    expect(codes({ ...UNKNOWN, signIn: 'oauth' })).not.toContain('SECURITY_DEFAULTS_UNKNOWN');
  });
  it('基本認証 on the same device: the Basic auth path, security defaults can block it', () => {
    expect(codes({ ...UNKNOWN, signIn: 'basic' })).not.toContain('OAUTH_OK');
    expect(sub({ ...UNKNOWN, signIn: 'basic', securityDefaults: 'on' }).viable).toBe(false);
    expect(sub({ ...UNKNOWN, signIn: 'basic' }).settings.auth.en).not.toMatch(/OAuth|XOAUTH2/);
  });
  it('OAuth chosen for a device without OAuth stays 基本認証 (it cannot do otherwise)', () => {
    expect(codes({ ...UNKNOWN, supportsOAuth: false, signIn: 'oauth' })).not.toContain('OAUTH_OK');
  });
});
