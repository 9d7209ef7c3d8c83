// The capture's own parsers, property-tested: the ClientHello reader never throws on any bytes, and the message
// scanner gives the same answer however the message is split into chunks (TCP decides that, not the device).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseListen } from '../../../src/cli/commands/capture';
import { parseClientHello } from '../../../src/main/capture/client-hello';
import { diagnoseCapture } from '../../../src/main/capture/diagnose-capture';
import { MessageScanner } from '../../../src/main/capture/message-scan';
import type { CapturedSession } from '../../../src/shared/capture';

/** A TLS 1.2 ClientHello record offering `suites` and, optionally, supported_versions. */
function hello(suites: number[], versions: number[] | null): Buffer {
  const ext: Buffer[] = [];
  if (versions) {
    const list = Buffer.alloc(1 + versions.length * 2);
    list[0] = versions.length * 2;
    versions.forEach((v, i) => list.writeUInt16BE(v, 1 + i * 2));
    const h = Buffer.alloc(4);
    h.writeUInt16BE(0x002b, 0);
    h.writeUInt16BE(list.length, 2);
    ext.push(h, list);
  }
  const extBuf = Buffer.concat(ext);
  const suitesBuf = Buffer.alloc(2 + suites.length * 2);
  suitesBuf.writeUInt16BE(suites.length * 2, 0);
  suites.forEach((s, i) => suitesBuf.writeUInt16BE(s, 2 + i * 2));
  const extLen = Buffer.alloc(2);
  extLen.writeUInt16BE(extBuf.length, 0);
  const body = Buffer.concat([
    Buffer.from([0x03, 0x03]),
    Buffer.alloc(32),
    Buffer.from([0]),
    suitesBuf,
    Buffer.from([1, 0]),
    extLen,
    extBuf,
  ]);
  const hs = Buffer.concat([Buffer.from([0x01, 0, (body.length >> 8) & 0xff, body.length & 0xff]), body]);
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x01, (hs.length >> 8) & 0xff, hs.length & 0xff]), hs]);
}

describe('ClientHello reader', () => {
  it('reads versions and key-exchange families, ignoring GREASE', () => {
    const r = parseClientHello(hello([0x0a0a, 0x002f, 0x009c, 0x00ff], [0x0303, 0x0302]));
    expect(r.hello).toEqual({
      versions: ['1.1', '1.2'],
      ciphers: [
        'AES128-SHA (0x002f)',
        'AES128-GCM-SHA256 (0x009c)',
        'TLS_EMPTY_RENEGOTIATION_INFO_SCSV (0x00ff)',
      ],
      kex: { ecdhe: false, dhe: false, rsa: true, tls13: false },
      serverName: null,
    });
    expect(parseClientHello(hello([0x1301, 0xc02f], [0x0304, 0x0303])).hello?.kex).toEqual({
      ecdhe: true,
      dhe: false,
      rsa: false,
      tls13: true,
    });
  });

  it('plain text where a handshake was expected is a note, not a crash', () => {
    expect(parseClientHello(Buffer.from('EHLO printer\r\n'))).toMatchObject({
      hello: null,
      note: expect.stringMatching(/not a TLS handshake/) as unknown,
    });
  });

  it('never throws on arbitrary or truncated bytes', () => {
    const valid = hello([0xc02f, 0x002f], [0x0303]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(valid.length), (junk, cut) => {
        expect(() => parseClientHello(Buffer.from(junk))).not.toThrow();
        expect(() =>
          parseClientHello(Buffer.concat([Buffer.from([0x16, 0x03, 0x01]), Buffer.from(junk)])),
        ).not.toThrow();
        expect(() => parseClientHello(valid.subarray(0, cut))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('message scanner', () => {
  const message = Buffer.from(
    'From: a@contoso.com\r\nSubject: scan\r\n  folded\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nhello\nbare\rcr\r\n' +
      '--b1\r\nContent-Type: application/pdf; name="scan.pdf"\r\nContent-Disposition: attachment; filename="scan 001.pdf"\r\n\r\nJVBERi0=\r\n--b1--\r\n',
  );
  const scan = (chunks: Buffer[]) => {
    const s = new MessageScanner();
    for (const c of chunks) s.push(c);
    return s.finish();
  };

  it('finds headers (unfolded), attachments and line-ending faults', () => {
    const r = scan([message]);
    expect(r.headers.find((h) => h.name === 'Subject')?.value).toBe('scan folded');
    expect(r.attachments).toEqual([{ name: 'scan 001.pdf', type: 'application/pdf' }]);
    expect([r.bareLf, r.bareCr]).toEqual([1, 1]);
    expect(r.size).toBe(message.length);
  });

  it('gives the same result for any chunking', () => {
    const whole = scan([message]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: message.length - 1 }), { maxLength: 20 }),
        (cuts) => {
          const points = [0, ...[...cuts].sort((a, b) => a - b), message.length];
          const chunks = points.slice(1).map((end, i) => message.subarray(points[i] ?? 0, end));
          expect(scan(chunks)).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('diagnosis by method', () => {
  const session = (over: Partial<CapturedSession>): CapturedSession => ({
    id: 's',
    startedAt: new Date(0).toISOString(),
    durationMs: 5,
    client: { address: '192.0.2.10', port: 40000 },
    listener: { address: '192.0.2.1', port: 2525, implicitTls: false },
    ehlo: 'mfp.contoso.local',
    greeting: 'EHLO',
    tls: null,
    auth: null,
    messages: [
      {
        mailFrom: 'copier@contoso.com',
        rcptTo: ['x@fabrikam.example'],
        size: 100,
        truncated: false,
        headers: [],
        attachments: [],
        bareLf: 0,
        bareCr: 0,
        at: 1,
        reply: '250 OK',
      },
    ],
    ...over,
  });

  it('relay (connector): no TLS and no AUTH are fine, external recipients too', () => {
    expect(diagnoseCapture(session({}), { method: 'relay' }).findings).toEqual([]);
  });
  it('direct-send: the external recipient is RELAY_DENIED; submission: plain text and no AUTH', () => {
    expect(diagnoseCapture(session({}), { method: 'direct-send' }).findings.map((f) => f.code)).toEqual([
      'RELAY_DENIED',
    ]);
    expect(diagnoseCapture(session({}), { method: 'submission' }).findings.map((f) => f.code)).toEqual([
      'STARTTLS_REQUIRED',
      'CLIENT_NOT_AUTHENTICATED',
    ]);
  });
  it('an EHLO name with spaces or underscores is BAD_EHLO_NAME; a single label is fine', () => {
    expect(
      diagnoseCapture(session({ ehlo: 'my_printer' }), { method: 'relay' }).findings.map((f) => f.code),
    ).toEqual(['BAD_EHLO_NAME']);
    expect(diagnoseCapture(session({ ehlo: 'printer' }), { method: 'relay' }).findings).toEqual([]);
  });
});

describe('--listen parsing', () => {
  it('an address alone opens 2525, plus 587 and 25 where allowed; IPv6 in brackets or bare', () => {
    expect(parseListen('listen', '192.168.1.20', 2525, [587, 25])).toEqual([
      { address: '192.168.1.20', port: 2525 },
      { address: '192.168.1.20', port: 587, optional: true },
      { address: '192.168.1.20', port: 25, optional: true },
    ]);
    expect(parseListen('listen', '[fe80::1]:2526', 2525)).toEqual([{ address: 'fe80::1', port: 2526 }]);
    expect(parseListen('listen', '::1', 465)).toEqual([{ address: '::1', port: 465 }]);
    expect(() => parseListen('listen', '0.0.0', 2525)).toThrow(/IP address/);
  });
});
