import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/main/engine/limits';
import { REDACTED, SessionLog, Transcript, escapeText } from '../../../src/main/engine/protocol/transcript';
import { base64, secretForms } from '../../../src/shared/secrets';

function session(forms: string[] = []) {
  const t = new Transcript(Date.now(), DEFAULT_LIMITS, forms);
  return { t, log: new SessionLog(t, 'auth') };
}
const client = (t: Transcript) => t.rows.filter((r) => r.dir === 'C').map((r) => r.text);

describe('SessionLog redaction at capture', () => {
  it('AUTH LOGIN: both 334 answers', () => {
    const { t, log } = session();
    log.client('AUTH LOGIN\r\n');
    log.server('334 VXNlcm5hbWU6', true);
    log.client(`${base64('printer@contoso.com')}\r\n`);
    log.server('334 UGFzc3dvcmQ6', true);
    log.client(`${base64('hunter2!!')}\r\n`);
    log.server('235 2.7.0 Authentication successful', true);
    log.client('MAIL FROM:<printer@contoso.com>\r\n');
    expect(client(t)).toEqual(['AUTH LOGIN', REDACTED, REDACTED, 'MAIL FROM:<printer@contoso.com>']);
  });

  it('AUTH PLAIN with an initial response, and after an empty 334', () => {
    const { t, log } = session();
    log.client(`AUTH PLAIN ${base64('\0u\0secret-pw')}\r\n`);
    log.server('235 ok', true);
    log.client('AUTH PLAIN\r\n');
    log.server('334 ', true);
    log.client(`${base64('\0u\0secret-pw')}\r\n`);
    log.server('535 5.7.3 nope', true);
    expect(client(t)).toEqual([`AUTH PLAIN ${REDACTED}`, 'AUTH PLAIN', REDACTED]);
  });

  it('XOAUTH2 and pipelined writes: every line after AUTH until the reply is a credential', () => {
    const { t, log } = session();
    log.client(`AUTH XOAUTH2 ${base64('user=a\x01auth=Bearer tok\x01\x01')}\r\nMAIL FROM:<a@b.c>\r\n`);
    log.server('334 eyJzdGF0dXMiOiI0MDAifQ==', true);
    log.client('\r\n');
    log.server('535 5.7.3 failed', true);
    expect(client(t)).toEqual([`AUTH XOAUTH2 ${REDACTED}`, REDACTED, '']);
  });

  it('scrubs every secret form from server text too, then escapes control characters', () => {
    const forms = secretForms({ user: 'u@x.test', password: 'Sekr3t-Pass' });
    const { t, log } = session(forms);
    log.server(`535 bad password Sekr3t-Pass ${base64('Sekr3t-Pass')} \x1b[31m`, true);
    const text = t.rows[0]?.text ?? '';
    expect(text).not.toContain('Sekr3t-Pass');
    expect(text).not.toContain(base64('Sekr3t-Pass'));
    expect(text).toContain('\\x1b[31m');
  });
});

describe('Transcript bounds', () => {
  it('bounds each row and the number of rows', () => {
    const t = new Transcript(Date.now(), { ...DEFAULT_LIMITS, maxRowChars: 20, maxTranscriptRows: 3 }, []);
    for (let i = 0; i < 10; i++) t.add('S', 'x'.repeat(100));
    const rows = t.finish();
    expect(rows).toHaveLength(4);
    expect(rows[0]?.text).toMatch(/^x{20}… \(80 more/);
    expect(rows[3]?.text).toMatch(/7 further transcript rows not kept/);
  });

  it('escapes C0, DEL, C1 and bidi controls', () => {
    expect(escapeText('a\x00b\x7fc\u0085d\u202Ee')).toBe('a\\x00b\\x7fc\\x85d\\u{202e}e');
  });
});
