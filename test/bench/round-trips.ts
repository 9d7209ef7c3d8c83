// Round trips per check, read from the diagnosis transcript, against the protocol's minimum for what the check did.
// Rows carry the check id but not the connection, so counting is by row kind (valid with parallel connections):
// Measured: one per TCP connect (SYN/SYN-ACK; the greeting rides on it), one or two per TLS handshake (1.3: one,
// ≤1.2: two), one per client command line (each waits for its reply; AUTH continuation lines too), except that
// consecutive MAIL/RCPT/DATA lines sent together count once (pipelining), and QUIT counts only when its 221 came back
// (the client waited for it).
// Minimum: the same connects and handshakes; EHLO once per session and once more after STARTTLS (a TLS probe
// needs the second one only after a TLS 1.0/1.1 handshake, where Exchange Online refuses the next command); STARTTLS once; AUTH in one round trip with an initial response (PLAIN, XOAUTH2) or two
// (LOGIN with the user name as initial response); MAIL+RCPT(+DATA) as one group when PIPELINING was offered (seen
// anywhere in the diagnosis), else one each; the message end (".") one; QUIT, RSET, NOOP nothing.
import type { Diagnosis, TranscriptRow } from '../../src/shared/model';

export interface CheckRoundTrips {
  id: string;
  durationMs: number;
  measured: number;
  minimum: number;
  /** durationMs / RTT: what the wall clock says, including queueing and CPU time. */
  byClock: number;
}

const ENVELOPE = new Set(['MAIL', 'RCPT', 'DATA']);

function handshakeTrips(tlsRow: string): number {
  return /^TLSv1\.3/.test(tlsRow) ? 1 : /^TLSv1(\.[012])?\b/.test(tlsRow) ? 2 : 0;
}

const verbOf = (text: string) => (/^(\S+)/.exec(text)?.[1] ?? '').toUpperCase();

/** Counts for one check's rows (in transcript order); `pipelining`: the server offers PIPELINING. */
export function countRoundTrips(
  checkId: string,
  rows: readonly TranscriptRow[],
  pipelining: boolean,
): { measured: number; minimum: number } {
  const tlsProbe = checkId.startsWith('tls.');
  let measured = 0;
  let minimum = 0;
  let prevEnvelope = false; // the previous client row was MAIL/RCPT/DATA with no reply in between
  let envelopeGroup = false; // the previous client command (replies ignored) was MAIL/RCPT/DATA
  let starttls = 0;
  let ehlo = 0;
  let legacyHandshakes = 0;
  for (const row of rows) {
    const text = row.text;
    if (row.dir === 'net' && text.startsWith('connected from')) {
      measured += 1;
      minimum += 1;
    } else if (row.dir === 'tls') {
      if (/^TLSv1(\.1)?\b(?!\.)/.test(text)) legacyHandshakes += 1;
      measured += handshakeTrips(text);
      minimum += handshakeTrips(text);
    } else if (row.dir === 'S') {
      prevEnvelope = false;
      if (/^221[ -]/.test(text)) measured += 1;
    } else if (row.dir === 'C') {
      const verb = verbOf(text);
      const envelope = ENVELOPE.has(verb);
      if (verb !== 'QUIT' && !(envelope && prevEnvelope)) measured += 1;
      prevEnvelope = envelope;
      if (verb === 'EHLO' || verb === 'HELO') ehlo += 1;
      else if (verb === 'STARTTLS') starttls += 1;
      else if (verb === 'AUTH') {
        const mech = (/^AUTH\s+(\S+)/i.exec(text)?.[1] ?? '').toUpperCase();
        minimum += mech === 'LOGIN' ? 2 : 1;
      } else if (envelope) {
        if (!pipelining || !envelopeGroup) minimum += 1;
      } else if (verb === '.') minimum += 1;
      envelopeGroup = envelope;
    }
  }
  minimum += starttls + (tlsProbe ? Math.min(ehlo, (starttls || ehlo) + legacyHandshakes) : ehlo);
  return { measured, minimum };
}

/** Per check, in the diagnosis' order. */
export function roundTripsByCheck(d: Diagnosis, rttMs: number): CheckRoundTrips[] {
  const pipelining = d.transcript.some((r) => r.dir === 'S' && /^250[- ]PIPELINING\b/i.test(r.text));
  return d.checks.map((c) => {
    const rows = d.transcript.filter((r) => r.check === c.id);
    const { measured, minimum } = countRoundTrips(c.id, rows, pipelining);
    return {
      id: c.id,
      durationMs: c.durationMs,
      measured,
      minimum,
      byClock: Math.round((c.durationMs / rttMs) * 10) / 10,
    };
  });
}
