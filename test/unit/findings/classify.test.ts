// Reply parsing and classification beyond the corpus: structure, generic meanings, bounds, error objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../src/shared/findings/classify-error';
import {
  MAX_SCAN_CHARS,
  classifyText,
  parseReply,
  stripServerSuffix,
} from '../../../src/shared/findings/classify-text';
import { renderFinding } from '../../../src/shared/findings/catalog';
import { findReply } from '../../../src/shared/findings/reply';

describe('parseReply', () => {
  it('joins a multi-line reply and takes the enhanced code once', () => {
    expect(
      parseReply('250-BN8PR.outlook.office365.com Hello [203.0.113.7]\r\n250-SIZE 157286400\r\n250 SMTPUTF8'),
    ).toEqual({
      code: 250,
      enhanced: null,
      text: 'BN8PR.outlook.office365.com Hello [203.0.113.7] SIZE 157286400 SMTPUTF8',
    });
    expect(
      parseReply('535-5.7.139 Authentication unsuccessful,\n535 5.7.139 basic authentication is disabled.'),
    ).toEqual({
      code: 535,
      enhanced: '5.7.139',
      text: 'Authentication unsuccessful, basic authentication is disabled.',
    });
  });

  it('refuses text that is not a reply, or mixes codes', () => {
    expect(parseReply('hello')).toBeNull();
    expect(parseReply('')).toBeNull();
    expect(parseReply('250-a\n550 b')).toBeNull();
  });

  it('strips the [HOST timestamp id] suffix but keeps a bracketed IP', () => {
    expect(
      stripServerSuffix(
        'Relay Access Denied [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com 2026-01-02T03:04:05.000Z 08DBAAAA]',
      ),
    ).toBe('Relay Access Denied');
    expect(stripServerSuffix('Server busy from [203.0.113.7]. (S77714)')).toBe(
      'Server busy from [203.0.113.7]. (S77714)',
    );
    expect(stripServerSuffix('x [Hostname=TYCPR01MB8123.jpnprd01.prod.outlook.com]')).toBe('x');
  });

  it('does not mistake port numbers or timestamps for reply codes', () => {
    expect(findReply('connecting to smtp.office365.com port 587 now')).toBeNull();
    expect(findReply('2026-11-23 12:34:56 started')).toBeNull();
  });
});

describe('classifyText', () => {
  it('gives unknown 4xx/5xx their generic class and subject, never a confident code', () => {
    const [perm] = classifyText('550 5.6.99 something nobody documented');
    expect(perm?.code).toBe('UNRECOGNIZED_REPLY');
    expect(perm?.params).toMatchObject({ replyClass: 'permanent', subject: 'content', enhanced: '5.6.99' });
    const [temp] = classifyText('451 4.4.99 routing hiccup');
    expect(temp?.params).toMatchObject({ replyClass: 'transient', subject: 'network' });
    const [bare] = classifyText('554 go away');
    expect(bare?.params).toMatchObject({ replyClass: 'permanent', subject: 'none' });
    for (const [digit, subject] of [
      ['1', 'addressing'],
      ['2', 'mailbox'],
      ['3', 'system'],
      ['5', 'protocol'],
      ['7', 'security'],
    ]) {
      expect(classifyText(`550 5.${digit}.199 zz`)[0]?.params?.subject).toBe(subject);
    }
  });

  it('reports nothing for 2xx/3xx replies and plain chatter', () => {
    expect(classifyText('250 2.6.0 <id@host> Queued mail for delivery')).toEqual([]);
    expect(classifyText('334 VXNlcm5hbWU6')).toEqual([]);
    expect(classifyText('the printer is on the second floor')).toEqual([]);
  });

  it('orders findings primary first: recognised in order of appearance, unrecognised last, one per code', () => {
    const text = [
      '550 5.9.1 odd',
      'connect ECONNREFUSED 1.2.3.4:587',
      '535 5.7.3 Authentication unsuccessful',
      '535 5.7.3 Authentication unsuccessful',
    ].join('\n');
    const codes = classifyText(text).map((f) => f.code);
    expect(codes).toEqual(['TCP_REFUSED', 'AUTH_FAILED', 'UNRECOGNIZED_REPLY']);
    expect(classifyText(text).find((f) => f.code === 'AUTH_FAILED')?.evidence).toHaveLength(2);
  });

  it('is case-insensitive and extracts the IP and SendAs addresses', () => {
    expect(classifyText('550 5.7.64 TENANTATTRIBUTION; RELAY ACCESS DENIED')[0]?.code).toBe(
      'RELAY_NOT_ATTRIBUTED',
    );
    expect(
      classifyText('451 4.7.500 Server busy. Please try again later from [198.51.100.4]. (S77714)')[0]?.params
        ?.ip,
    ).toBe('198.51.100.4');
    const [sendAs] = classifyText(
      '554 5.2.252 SendAsDenied; a@contoso.com not allowed to send as b@contoso.com; STOREDRV',
    );
    expect(sendAs?.params).toMatchObject({ mailbox: 'a@contoso.com', sender: 'b@contoso.com' });
    expect(renderFinding(sendAs ?? { code: 'X' }, 'en').cause).toContain('b@contoso.com');
  });

  it('scans a bounded prefix of huge input and stays correct on hostile text', () => {
    const filler = `${'a'.repeat(1000)}\n`.repeat(1100); // ≈ 1.1 MB
    expect(filler.length).toBeGreaterThan(MAX_SCAN_CHARS);
    expect(classifyText(`${filler}535 5.7.3 Authentication unsuccessful`)).toEqual([]); // beyond the scanned prefix
    expect(classifyText(`535 5.7.3 Authentication unsuccessful\n${filler}`)[0]?.code).toBe('AUTH_FAILED');
    // Inputs shaped to provoke backtracking still finish and return a small result.
    const nasty = [
      '5'.repeat(500_000),
      `[${'a.'.repeat(200_000)}`,
      `${'550-'.repeat(100_000)}`,
      `${'relay '.repeat(100_000)}x`,
    ];
    for (const n of nasty) expect(classifyText(n).length).toBeLessThanOrEqual(3);
  });

  it('never throws and returns valid refs for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const out = classifyText(s);
        for (const f of out) expect(f.code).toMatch(/^[A-Z0-9_]+$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('classifyError', () => {
  it('maps socket, DNS and certificate codes', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'ECONNREFUSED', address: '127.0.0.1', port: 25 }, 'TCP_REFUSED'],
      [{ code: 'ETIMEDOUT' }, 'TCP_TIMEOUT'],
      [{ code: 'EHOSTUNREACH' }, 'TCP_UNREACHABLE'],
      [{ code: 'ENETUNREACH' }, 'TCP_UNREACHABLE'],
      [{ code: 'ENOTFOUND', hostname: 'nope.invalid' }, 'DNS_NAME_NOT_FOUND'],
      [{ code: 'EAI_AGAIN' }, 'DNS_UNREACHABLE'],
      [{ code: 'ESERVFAIL' }, 'DNS_FAILURE'],
      [{ code: 'ECONNRESET' }, 'CONNECTION_DROPPED'],
      [{ code: 'EPIPE' }, 'CONNECTION_DROPPED'],
      [{ code: 'CERT_HAS_EXPIRED' }, 'TLS_CERT_EXPIRED'],
      [{ code: 'CERT_NOT_YET_VALID' }, 'TLS_CERT_NOT_YET_VALID'],
      [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'TLS_CERT_UNTRUSTED'],
      [{ code: 'SELF_SIGNED_CERT_IN_CHAIN' }, 'TLS_CERT_UNTRUSTED'],
      [{ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'TLS_CERT_UNTRUSTED'],
      [{ code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }, 'TLS_CERT_UNTRUSTED'],
      [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'TLS_CERT_NAME_MISMATCH'],
      [{ reason: 'unsupported protocol', message: 'x' }, 'TLS_VERSION_UNSUPPORTED'],
      [{ reason: 'wrong version number', message: 'x' }, 'TLS_MODE_MISMATCH'],
      [{ reason: 'no protocols available', message: 'x' }, 'TLS_VERSION_UNSUPPORTED'],
      [{ reason: 'sslv3 alert handshake failure', message: 'x' }, 'TLS_CIPHER_MISMATCH'],
      [{ reason: 'no shared cipher', message: 'x' }, 'TLS_CIPHER_MISMATCH'],
      [{ reason: 'tlsv1 alert protocol version', message: 'x' }, 'TLS_VERSION_UNSUPPORTED'],
    ];
    for (const [e, code] of cases)
      expect(
        classifyError(Object.assign(new Error(String(e.message ?? e.code)), e))[0]?.code,
        JSON.stringify(e),
      ).toBe(code);
  });

  it('carries host and port, follows cause chains and prefers the server reply', () => {
    const [f] = classifyError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.2:2525'), {
        code: 'ECONNREFUSED',
        address: '127.0.0.2',
        port: 2525,
      }),
    );
    expect(f?.params).toMatchObject({ host: '127.0.0.2', port: '2525' });
    const wrapped = new Error('send failed', {
      cause: Object.assign(new Error('x'), { code: 'EHOSTUNREACH' }),
    });
    expect(classifyError(wrapped)[0]?.code).toBe('TCP_UNREACHABLE');
    const nm = Object.assign(new Error('Message failed'), {
      code: 'EMESSAGE',
      response: '554 5.2.252 SendAsDenied; a@x not allowed to send as b@x',
    });
    expect(classifyError(nm)[0]?.code).toBe('SEND_AS_DENIED');
  });

  it('gives nothing for errors it does not understand, and survives odd values', () => {
    expect(classifyError(new Error('something else entirely'))).toEqual([]);
    for (const v of [null, undefined, 42, {}, [], Symbol('x')]) expect(classifyError(v)).toEqual([]);
    const loop: Record<string, unknown> = { message: 'loop' };
    loop.cause = loop;
    expect(classifyError(loop)).toEqual([]);
  });
});
