// Reads SMTP replies from a byte stream with hard bounds: line length, lines per reply, bytes per session.
// Anything that is not a well-formed reply ends the session with a typed SessionError (a finding, not a crash).
// Lines are decoded as UTF-8 with invalid bytes shown as \xNN (reply-decode.ts).
import { decodeReply } from './reply-decode';

export interface Reply {
  code: number;
  /** Enhanced status code when present, e.g. "5.7.139". */
  enhanced: string | null;
  /** Text of every line, without the code and separator. */
  lines: string[];
  /** The lines as received (escaped later by the transcript). */
  raw: string[];
}

export type SessionErrorKind =
  | 'timeout' // a phase's deadline passed
  | 'closed' // the server closed or reset the connection
  | 'line-too-long'
  | 'too-many-lines'
  | 'too-many-bytes'
  | 'not-smtp' // the peer speaks another protocol (HTTP, SSH, TLS, binary)
  | 'bad-reply' // SMTP-ish but malformed (code not 3 digits, mixed codes)
  | 'tls' // TLS handshake failed
  | 'aborted'; // the technician's Cancel or the overall deadline

export class SessionError extends Error {
  override readonly name = 'SessionError';
  constructor(
    readonly kind: SessionErrorKind,
    message: string,
    /** Raw evidence (a partial line, an error code), escaped by whoever displays it. */
    readonly evidence: string[] = [],
    /** Node's error code when one caused it (ECONNRESET, CERT_HAS_EXPIRED, ...). */
    readonly code?: string,
  ) {
    super(message);
  }
}

const REPLY_LINE = /^(\d{3})([ -])(.*)$/s;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})\b/;

/** Recognisable non-SMTP greetings: HTTP responses, SSH banners, a TLS record (implicit TLS), POP/IMAP. */
export function looksLikeOtherProtocol(line: string): string | null {
  if (/^HTTP\/\d/i.test(line) || /^<(!doctype|html)/i.test(line)) return 'HTTP';
  if (/^SSH-\d/.test(line)) return 'SSH';
  if (/^\+OK/.test(line)) return 'POP3';
  if (/^\* OK/.test(line)) return 'IMAP';
  if (/^\x16\x03[\x00-\x04]/.test(line) || /^\x15\x03/.test(line)) return 'TLS';
  return null;
}

export class ReplyReader {
  private pending: Buffer = Buffer.alloc(0);
  private current: { code: number; raw: string[]; lines: string[] } | null = null;
  private total = 0;
  /** Complete replies not yet consumed (unsolicited or pipelined). */
  readonly queue: Reply[] = [];
  error: SessionError | null = null;

  constructor(
    private readonly limits: { maxLineBytes: number; maxReplyLines: number; maxSessionBytes: number },
    private readonly onLine: (raw: string, final: boolean) => void,
  ) {}

  /** Feeds received bytes; returns false once the stream is beyond saving (error set). */
  push(chunk: Buffer): boolean {
    if (this.error) return false;
    this.total += chunk.length;
    if (this.total > this.limits.maxSessionBytes) {
      return this.fail('too-many-bytes', `the server sent more than ${this.limits.maxSessionBytes} bytes`, [
        this.preview(),
      ]);
    }
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      const nl = this.pending.indexOf(0x0a);
      if (nl < 0) break;
      const lineBuf = this.pending.subarray(0, nl > 0 && this.pending[nl - 1] === 0x0d ? nl - 1 : nl);
      this.pending = this.pending.subarray(nl + 1);
      if (lineBuf.length > this.limits.maxLineBytes) return this.lineTooLong(lineBuf);
      if (!this.line(decodeReply(lineBuf))) return false;
    }
    if (this.pending.length > this.limits.maxLineBytes) return this.lineTooLong(this.pending);
    if (this.current === null && this.queue.length === 0 && this.total === this.pending.length) {
      // The very first bytes: catch implicit TLS / binary garbage without waiting for a newline.
      const other = looksLikeOtherProtocol(this.pending.toString('latin1'));
      if (other === 'TLS')
        return this.fail('not-smtp', 'the server answered with TLS (implicit TLS port?)', [this.preview()]);
    }
    return true;
  }

  /** Bytes received but not yet part of a complete reply (discarded at STARTTLS). */
  takeBuffered(): { bytes: number; replies: Reply[]; preview: string } {
    const bytes = this.pending.length + this.queue.reduce((n, r) => n + r.raw.join('\n').length, 0);
    const preview = [...this.queue.flatMap((r) => r.raw), decodeReply(this.pending)].join('\n').slice(0, 200);
    const replies = this.queue.splice(0, this.queue.length);
    this.pending = Buffer.alloc(0);
    this.current = null;
    return { bytes, replies, preview };
  }

  /** Partial data when the stream ended mid-reply (evidence for "closed mid-line"). */
  partial(): string {
    return [...(this.current?.raw ?? []), decodeReply(this.pending)]
      .filter((s) => s !== '')
      .join('\n')
      .slice(0, 200);
  }

  private line(s: string): boolean {
    const m = REPLY_LINE.exec(s);
    if (!m) {
      const other = looksLikeOtherProtocol(s);
      const first = this.current === null && this.queue.length === 0;
      const binary = /[\x00-\x08\x0e-\x1f\x7f-\xff]/.test(s);
      this.onLine(s, true);
      if (other || (first && binary)) {
        return this.fail(
          'not-smtp',
          `the server does not speak SMTP${other ? ` (looks like ${other})` : ''}`,
          [s.slice(0, 200)],
        );
      }
      return this.fail(binary ? 'not-smtp' : 'bad-reply', 'a reply line does not start with a 3-digit code', [
        s.slice(0, 200),
      ]);
    }
    const code = Number(m[1]);
    const final = m[2] === ' ';
    this.onLine(s, final);
    const cur = this.current ?? { code, raw: [], lines: [] };
    if (cur.code !== code)
      return this.fail('bad-reply', `reply code changed inside one reply (${cur.code} then ${code})`, [
        s.slice(0, 200),
      ]);
    cur.raw.push(s);
    cur.lines.push(m[3] ?? '');
    if (cur.raw.length > this.limits.maxReplyLines) {
      return this.fail(
        'too-many-lines',
        `a reply went on for more than ${this.limits.maxReplyLines} lines`,
        cur.raw.slice(0, 3),
      );
    }
    if (final) {
      const enh = ENHANCED.exec(cur.lines[0] ?? '');
      this.queue.push({ code, enhanced: enh?.[1] ?? null, lines: cur.lines, raw: cur.raw });
      this.current = null;
    } else {
      this.current = cur;
    }
    return true;
  }

  private lineTooLong(buf: Buffer): boolean {
    return this.fail('line-too-long', `a reply line is longer than ${this.limits.maxLineBytes} bytes`, [
      decodeReply(buf.subarray(0, 120)),
    ]);
  }

  private preview(): string {
    return decodeReply(this.pending.subarray(0, 120));
  }

  private fail(kind: SessionError['kind'], message: string, evidence: string[]): false {
    this.error = new SessionError(kind, message, evidence);
    this.pending = Buffer.alloc(0);
    this.current = null;
    return false;
  }
}

/** The reply as one string (for evidence and the classifier). */
export function replyText(r: Reply): string {
  return r.raw.join('\n');
}
