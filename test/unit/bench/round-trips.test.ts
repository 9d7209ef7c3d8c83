// The benchmark's round-trip counter: measured vs minimum on hand-written transcripts.
import { describe, expect, it } from 'vitest';
import type { TranscriptRow } from '../../../src/shared/model';
import { countRoundTrips } from '../../bench/round-trips';

const rows = (spec: string): TranscriptRow[] =>
  spec
    .trim()
    .split('\n')
    .map((l) => {
      const [dir, ...text] = l.trim().split(' ');
      return { t: 0, dir: dir as TranscriptRow['dir'], text: text.join(' ') };
    });

describe('countRoundTrips', () => {
  it('counts a submission session: AUTH LOGIN without initial response and a pipelined envelope', () => {
    const r = rows(`
      net connected from 127.0.0.5 in 3 ms
      S 220 ready
      C EHLO vm
      S 250-hello
      S 250-PIPELINING
      S 250 STARTTLS
      C STARTTLS
      S 220 go ahead
      tls TLSv1.3 TLS_AES_256_GCM_SHA384 (5 ms)
      C EHLO vm
      S 250 AUTH LOGIN
      C AUTH LOGIN
      S 334 VXNlcm5hbWU6
      C <redacted>
      S 334 UGFzc3dvcmQ6
      C <redacted>
      S 235 ok
      C MAIL FROM:<a@b>
      C RCPT TO:<c@b>
      C RCPT TO:<d@e>
      S 250 ok
      S 250 ok
      S 250 ok
      C QUIT
      S 221 bye`);
    // measured: connect 1, EHLO 1, STARTTLS 1, TLS 1.3 1, EHLO 1, AUTH 3, envelope 1, QUIT waited 1
    // minimum: connect 1, TLS 1, EHLO 2, STARTTLS 1, AUTH LOGIN with initial response 2, envelope 1
    expect(countRoundTrips('auth', r, true)).toEqual({ measured: 10, minimum: 8 });
  });

  it('counts each envelope command when the server does not pipeline', () => {
    const r = rows(`
      C MAIL FROM:<a@b>
      S 250 ok
      C RCPT TO:<c@b>
      S 250 ok`);
    expect(countRoundTrips('envelope.internal', r, false)).toEqual({ measured: 2, minimum: 2 });
    // Offered but not used: the minimum is one round trip, the engine spent two.
    expect(countRoundTrips('envelope.internal', r, true)).toEqual({ measured: 2, minimum: 1 });
  });

  it('counts a TLS 1.2 probe: the EHLO after the handshake and the waited QUIT are beyond the minimum', () => {
    const r = rows(`
      net connected from 127.0.0.5 in 3 ms
      S 220 ready
      C EHLO vm
      S 250 STARTTLS
      C STARTTLS
      S 220 go ahead
      tls TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 (9 ms)
      C EHLO vm
      S 250 ok
      C QUIT
      S 221 bye`);
    expect(countRoundTrips('tls.submission.matrix', r, true)).toEqual({ measured: 7, minimum: 5 });
  });

  it('does not count a QUIT nobody waited for', () => {
    expect(countRoundTrips('smtp.mx.banner', rows('C QUIT'), false)).toEqual({ measured: 0, minimum: 0 });
  });
});
