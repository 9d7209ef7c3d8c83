// The diagnosis transcript: rows of { t, dir, text, check }, redacted AT CAPTURE (never after) by following the
// SMTP protocol state, escaped (no control characters or ANSI escapes survive) and bounded per row and in total.
import type { TranscriptRow } from '../../../shared/model';
import { scrubSecrets } from '../../../shared/secrets';
import type { EngineLimits } from '../limits';

export type Dir = TranscriptRow['dir'];
export const REDACTED = '<redacted>';

/** Makes server/client text safe to display: control chars, DEL, C1 and bidi overrides become \xNN / \u{..}. */
export function escapeText(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.codePointAt(0) ?? 0;
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

export class Transcript {
  readonly rows: TranscriptRow[] = [];
  private chars = 0;
  private dropped = 0;

  constructor(
    private readonly t0: number,
    private readonly limits: EngineLimits,
    /** Every form of the session's secrets (secretForms): scrubbed from each row as a second line of defence. */
    private readonly forms: readonly string[],
    private readonly onRow?: (row: TranscriptRow) => void,
  ) {}

  add(dir: Dir, raw: string, check?: string): void {
    let text = escapeText(scrubSecrets(raw, this.forms, REDACTED));
    if (text.length > this.limits.maxRowChars) {
      text = `${text.slice(0, this.limits.maxRowChars)}… (${text.length - this.limits.maxRowChars} more characters not kept)`;
    }
    if (
      this.rows.length >= this.limits.maxTranscriptRows ||
      this.chars + text.length > this.limits.maxTranscriptChars
    ) {
      this.dropped++;
      return;
    }
    this.chars += text.length;
    const row: TranscriptRow = { t: Math.max(0, Date.now() - this.t0), dir, text };
    if (check !== undefined) row.check = check;
    this.rows.push(row);
    this.onRow?.(row);
  }

  /** Rows, plus one closing row when the bounds dropped some. */
  finish(): TranscriptRow[] {
    if (this.dropped > 0) {
      this.rows.push({
        t: Math.max(0, Date.now() - this.t0),
        dir: 'net',
        text: `(${this.dropped} further transcript rows not kept: size limit)`,
      });
      this.dropped = 0;
    }
    return this.rows;
  }
}

/**
 * One SMTP session's view of the transcript. Client lines pass through the redactor, which knows when the
 * next client line is a credential: after `AUTH LOGIN` (both 334 answers), `AUTH PLAIN` (initial response or the
 * answer to 334), `AUTH XOAUTH2` / `AUTH CRAM-MD5` / any other mechanism, including pipelined writes.
 */
export class SessionLog {
  /** True while the server is in an AUTH exchange: every client line is a credential until a non-334 reply. */
  private inAuth = false;

  private check: string;

  constructor(
    private readonly transcript: Transcript,
    check: string,
    /** Maps a protocol phase to the check its rows belong to (one session feeds several checks). */
    private readonly checkOf?: (phase: string) => string,
  ) {
    this.check = check;
  }

  /** The session moved to `phase`: later rows belong to that phase's check. */
  phase(phase: string): void {
    if (this.checkOf) this.check = this.checkOf(phase);
  }

  net(text: string): void {
    this.transcript.add('net', text, this.check);
  }

  tls(text: string): void {
    this.transcript.add('tls', text, this.check);
  }

  /** A client write; may hold several pipelined lines. */
  client(data: string): void {
    const lines = data.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    for (const line of lines) this.transcript.add('C', this.redactClientLine(line), this.check);
  }

  /** One server reply line (already split); the reply's code moves the redaction state. */
  server(line: string, final: boolean): void {
    this.transcript.add('S', line, this.check);
    if (final && this.inAuth && !line.startsWith('334')) this.inAuth = false;
  }

  private redactClientLine(line: string): string {
    if (this.inAuth) return line === '' || line === '*' ? line : REDACTED;
    const m = /^AUTH\s+(\S+)(\s+\S+)?/i.exec(line);
    if (m) {
      this.inAuth = true;
      const mech = (m[1] ?? '').toUpperCase();
      return m[2] ? `AUTH ${mech} ${REDACTED}` : `AUTH ${mech}`;
    }
    return line;
  }
}
