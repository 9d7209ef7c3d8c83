// What the diagnose form shows and requires per method and sign-in.
import { describe, expect, it } from 'vitest';
import { fieldsFor, missingFields } from '../../../src/renderer/src/lib/diagnose-needs';
import { emptyJob } from '../../../src/renderer/src/store/job-slice';

describe('fieldsFor', () => {
  it('client submission: password for 基本認証, the OAuth sign-in instead for OAuth; no MX host or domain', () => {
    expect(fieldsFor('submission', 'basic')).toEqual([
      'server',
      'user',
      'password',
      'from',
      'internalRecipient',
      'externalRecipient',
      'bind',
    ]);
    expect(fieldsFor('submission', 'oauth')).not.toContain('password');
    expect(fieldsFor('submission', 'oauth')).toContain('oauth');
  });
  it('Direct Send: no sign-in, no external recipient; relay adds the external recipient and the static IP', () => {
    expect(fieldsFor('direct-send', 'basic')).not.toContain('user');
    expect(fieldsFor('direct-send', 'basic')).not.toContain('externalRecipient');
    expect(fieldsFor('relay', 'basic')).toEqual(
      expect.arrayContaining(['externalRecipient', 'expectedIp', 'mxHost', 'domain']),
    );
  });
});

describe('missingFields', () => {
  const base = {
    ...emptyJob(),
    method: 'submission' as const,
    mailbox: 'scanner@contoso.com',
    internalRecipient: 'info@contoso.com',
  };
  it('an empty password is missing for 基本認証 (spaces count as typed), a missing token for OAuth', () => {
    expect(
      missingFields({ job: base, auth: 'basic', password: '', oauthToken: '', practice: false }),
    ).toEqual(['password']);
    expect(
      missingFields({ job: base, auth: 'basic', password: ' ', oauthToken: '', practice: false }),
    ).toEqual([]);
    expect(
      missingFields({ job: base, auth: 'oauth', password: '', oauthToken: '', practice: false }),
    ).toEqual(['oauth']);
  });
  it('user, domain/MX, from and a recipient where the method needs them', () => {
    expect(
      missingFields({
        job: { ...base, mailbox: '', internalRecipient: '' },
        auth: 'basic',
        password: 'x',
        oauthToken: '',
        practice: false,
      }),
    ).toEqual(['user', 'internalRecipient']);
    expect(
      missingFields({
        job: { ...emptyJob(), method: 'direct-send' },
        auth: 'basic',
        password: '',
        oauthToken: '',
        practice: false,
      }),
    ).toEqual(['domain', 'from', 'internalRecipient']);
    // An external recipient alone is enough for relay, not for Direct Send (it cannot deliver there).
    const ext = {
      ...emptyJob(),
      domain: 'contoso.com',
      fromAddress: 'mfp@contoso.com',
      externalRecipient: 'p@fabrikam.com',
    };
    expect(
      missingFields({
        job: { ...ext, method: 'relay' },
        auth: 'basic',
        password: '',
        oauthToken: '',
        practice: false,
      }),
    ).toEqual([]);
    expect(
      missingFields({
        job: { ...ext, method: 'direct-send' },
        auth: 'basic',
        password: '',
        oauthToken: '',
        practice: false,
      }),
    ).toEqual(['internalRecipient']);
  });
  it('the practice lab brings its own values, but not an OAuth token', () => {
    expect(
      missingFields({
        job: { ...emptyJob(), method: 'submission' },
        auth: 'basic',
        password: '',
        oauthToken: '',
        practice: true,
      }),
    ).toEqual([]);
    expect(
      missingFields({
        job: { ...emptyJob(), method: 'submission' },
        auth: 'oauth',
        password: '',
        oauthToken: '',
        practice: true,
      }),
    ).toEqual(['oauth']);
  });
});
