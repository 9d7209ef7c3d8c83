// deepScrub, the engine's last line of defence before a diagnosis leaves it: every secret form in every string and
// key is replaced; a value holding none is returned untouched (decided from its JSON text when every form is
// written verbatim in JSON, walked otherwise).
import { describe, expect, it } from 'vitest';
import { deepScrub } from '../../../src/main/engine/run';
import { REDACTED } from '../../../src/main/engine/protocol/transcript';
import { secretForms } from '../../../src/shared/secrets';

const diagnosisLike = (text: string) => ({
  verdict: 'fail',
  checks: [{ id: 'auth', details: { reply: text, nested: [{ [text]: 1, n: 5, ok: true, none: null }] } }],
  transcript: [{ t: 1, dir: 'C', text: `AUTH LOGIN ${text}` }],
});

describe('deepScrub', () => {
  it('returns a value holding no secret form as it is (no copy)', () => {
    const forms = secretForms({ user: 'scanner@contoso.com', password: 'Hunter2-Plain' });
    const v = diagnosisLike('535 5.7.3 Authentication unsuccessful');
    expect(deepScrub(v, forms)).toBe(v);
  });

  it('replaces a plain password wherever it is, in strings and keys', () => {
    const forms = secretForms({ user: 'scanner@contoso.com', password: 'Hunter2-Plain' });
    const out = deepScrub(diagnosisLike('pw=Hunter2-Plain'), forms);
    expect(JSON.stringify(out)).not.toContain('Hunter2-Plain');
    expect(JSON.stringify(out)).toContain(REDACTED);
    expect(Object.keys(out.checks[0]?.details.nested[0] ?? {})).toContain(`pw=${REDACTED}`);
  });

  it('finds a password JSON would escape (quote, backslash, control character)', () => {
    for (const password of ['he said "hi"', 'C:\\pw\\x', 'tab\there', 'line\u2028sep']) {
      const forms = secretForms({ user: 'scanner@contoso.com', password });
      const out = deepScrub(diagnosisLike(`x${password}y`), forms);
      expect(JSON.stringify(out).includes(JSON.stringify(password).slice(1, -1)), password).toBe(false);
      expect(out.transcript[0]?.text).toBe(`AUTH LOGIN x${REDACTED}y`);
    }
  });

  it('finds the base64 forms (AUTH PLAIN / LOGIN) and walks values JSON cannot write', () => {
    const forms = secretForms({ user: 'scanner@contoso.com', password: 'Hunter2-Plain' });
    const b64 = Buffer.from('Hunter2-Plain').toString('base64');
    expect(JSON.stringify(deepScrub(diagnosisLike(b64), forms))).not.toContain(b64);
    const withBigInt = { n: 10n, text: `pw Hunter2-Plain` };
    expect(deepScrub(withBigInt, forms).text).toBe(`pw ${REDACTED}`);
  });
});
