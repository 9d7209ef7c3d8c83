import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64, findSecret, secretForms } from '../../src/shared/secrets';

describe('secretForms', () => {
  it('takes a password with a lone surrogate (possible from the app) without throwing, and still finds it', () => {
    const pw = 'Pass\uD800word-1234';
    const forms = secretForms({ password: pw });
    expect(findSecret(`x ${pw} y`, forms)).not.toBeNull();
    expect(findSecret(JSON.stringify({ pw }), forms)).not.toBeNull();
    expect(findSecret(Buffer.from(pw, 'utf8').toString('base64'), forms)).not.toBeNull();
  });
  it('finds a password embedded at any offset of a base64 stream', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (pw, pre, post) => {
          const forms = secretForms({ password: pw });
          const stream = Buffer.from(`${pre}${pw}${post}`, 'utf8').toString('base64');
          expect(findSecret(stream, forms)).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('covers AUTH PLAIN, XOAUTH2, JSON-escaped and HTML-escaped forms', () => {
    const pw = 'p@ss"<wörd>&1';
    const forms = secretForms({ user: 'printer@contoso.com', password: pw });
    expect(findSecret(base64('\0printer@contoso.com\0' + pw), forms)).not.toBeNull();
    expect(findSecret(JSON.stringify({ x: pw }), forms)).not.toBeNull();
    expect(findSecret('p@ss&quot;&lt;wörd&gt;&amp;1', forms)).not.toBeNull();
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOi';
    const tforms = secretForms({ user: 'a@b.c', oauthToken: token });
    expect(findSecret(base64(`user=a@b.c\x01auth=Bearer ${token}\x01\x01`), tforms)).not.toBeNull();
  });

  it('does not flag text that lacks the secret', () => {
    const forms = secretForms({ user: 'printer@contoso.com', password: 'Correct-Horse-9' });
    expect(
      findSecret('250 2.1.0 Sender OK\n334 VXNlcm5hbWU6\n235 2.7.0 Authentication successful', forms),
    ).toBeNull();
  });
});
