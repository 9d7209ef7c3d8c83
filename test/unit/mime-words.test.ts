// Attachment names from devices, decoded for people: RFC 2047 encoded-words (B and Q, ISO-2022-JP, Shift_JIS,
// UTF-8; also inside a quoted filename as Japanese MFPs send them) and RFC 2231 extended values / continuations.
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, mimeParam } from '../../src/main/capture/mime-words';
import { MessageScanner } from '../../src/main/capture/message-scan';

const NAME = 'スキャン_0001.pdf';
const iso2022jpB = (s: string) => {
  // Built with a real encoder round trip: TextDecoder reads ISO-2022-JP, the fixture is its known byte form.
  const bytes = Buffer.from('1b24422539252d256325731b2842', 'hex'); // "スキャン" in ISO-2022-JP
  return s.replace('スキャン', `=?ISO-2022-JP?B?${bytes.toString('base64')}?=`);
};

describe('RFC 2047 / 2231 names', () => {
  it('decodes B and Q encoded-words in several charsets, joining adjacent words', () => {
    expect(decodeEncodedWords(iso2022jpB('スキャン'))).toBe('スキャン');
    expect(decodeEncodedWords(`=?UTF-8?B?${Buffer.from(NAME).toString('base64')}?=`)).toBe(NAME);
    expect(decodeEncodedWords('=?UTF-8?Q?caf=C3=A9_menu.pdf?=')).toBe('café menu.pdf');
    expect(
      decodeEncodedWords(
        `=?UTF-8?B?${Buffer.from('スキャ').toString('base64')}?= =?UTF-8?B?${Buffer.from('ン').toString('base64')}?=`,
      ),
    ).toBe('スキャン');
    expect(decodeEncodedWords('=?x-unknown?B?AAAA?=')).toBe('=?x-unknown?B?AAAA?=');
  });

  it('reads filename from Content-Disposition in every form devices use', () => {
    expect(mimeParam(`attachment; filename="${iso2022jpB('スキャン')}_0001.pdf"`, 'filename')).toBe(NAME);
    expect(mimeParam(`attachment; filename*=UTF-8''${encodeURIComponent(NAME)}`, 'filename')).toBe(NAME);
    const half = encodeURIComponent('スキャン');
    expect(
      mimeParam(
        `attachment; filename*0*=UTF-8''${half}; filename*1*=${encodeURIComponent('_0001.pdf')}`,
        'filename',
      ),
    ).toBe(NAME);
    expect(mimeParam('attachment; filename="plain.pdf"', 'filename')).toBe('plain.pdf');
    expect(mimeParam('attachment', 'filename')).toBeNull();
  });

  it('the capture scanner reports the decoded name', () => {
    const scanner = new MessageScanner();
    const mail = [
      'From: scanner@contoso.com',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'hello',
      '--b1',
      `Content-Type: application/pdf; name="${iso2022jpB('スキャン')}_0001.pdf"`,
      `Content-Disposition: attachment; filename="${iso2022jpB('スキャン')}_0001.pdf"`,
      '',
      'JVBERi0=',
      '--b1--',
      '',
    ].join('\r\n');
    scanner.push(Buffer.from(mail));
    expect(scanner.finish().attachments).toEqual([{ name: NAME, type: 'application/pdf' }]);
  });
});
