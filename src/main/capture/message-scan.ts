// Streams over a captured message once, keeping only what the diagnosis needs: size, line-ending faults,
// the header block (bounded) and MIME parts' file names and types. The message itself is never kept: relay-through
// streams it onward as it arrives (data-handler.ts).
import { mimeParam } from './mime-words';
import { CAPTURE_MAX_ATTACHMENTS, CAPTURE_MAX_HEADERS, CAPTURE_MAX_ITEM_CHARS } from '../../shared/capture';

/** Largest header block parsed, in bytes (real device headers are a few KB). */
const MAX_HEADER_BYTES = 64 * 1024;
/** Longest body line inspected for MIME part headers, in bytes (base64 lines are 76; longer lines are content). */
const MAX_SCANNED_LINE_BYTES = 2000;

export interface MessageScan {
  size: number;
  bareLf: number;
  bareCr: number;
  headers: { name: string; value: string }[];
  attachments: { name: string; type: string }[];
}

const clip = (s: string): string =>
  s.length > CAPTURE_MAX_ITEM_CHARS ? s.slice(0, CAPTURE_MAX_ITEM_CHARS) : s;

export function parseHeaderBlock(text: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length) {
      const last = out[out.length - 1];
      if (last) last.value = clip(`${last.value} ${line.trim()}`);
    } else {
      const i = line.indexOf(':');
      if (i > 0 && out.length < CAPTURE_MAX_HEADERS)
        out.push({ name: clip(line.slice(0, i).trim()), value: clip(line.slice(i + 1).trim()) });
    }
  }
  return out;
}

export class MessageScanner {
  private size = 0;
  private bareLf = 0;
  private bareCr = 0;
  private prev = -1;
  private headerBytes: Buffer[] = [];
  private headerLen = 0;
  private headerDone = false;
  private line: Buffer[] = [];
  private lineLen = 0;
  private lineTooLong = false;
  private partHeaders: string[] | null = null;
  private attachments: { name: string; type: string }[] = [];

  push(chunk: Buffer): void {
    this.size += chunk.length;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x0a) {
        if (this.prev !== 0x0d) this.bareLf++;
        this.addLine(chunk.subarray(start, i + 1));
        start = i + 1;
      } else if (this.prev === 0x0d) this.bareCr++;
      this.prev = b ?? -1;
    }
    if (start < chunk.length) this.addLine(chunk.subarray(start), true);
  }

  finish(): MessageScan {
    if (this.prev === 0x0d) this.bareCr++;
    if (this.lineLen) this.endLine();
    return {
      size: this.size,
      bareLf: this.bareLf,
      bareCr: this.bareCr,
      headers: parseHeaderBlock(Buffer.concat(this.headerBytes).toString('utf8')),
      attachments: this.attachments,
    };
  }

  private addLine(part: Buffer, partial = false): void {
    if (!this.lineTooLong) {
      if (this.lineLen + part.length > MAX_SCANNED_LINE_BYTES) {
        this.lineTooLong = true;
        this.line = [];
      } else this.line.push(part);
    }
    this.lineLen += part.length;
    if (!partial) this.endLine();
  }

  private endLine(): void {
    const text = this.lineTooLong
      ? null
      : Buffer.concat(this.line)
          .toString('utf8')
          .replace(/\r?\n$/, '');
    const len = this.lineLen;
    this.line = [];
    this.lineLen = 0;
    this.lineTooLong = false;
    if (!this.headerDone) {
      if (text === '' || this.headerLen + len > MAX_HEADER_BYTES) this.headerDone = true;
      else if (text !== null) {
        this.headerBytes.push(Buffer.from(`${text}\n`));
        this.headerLen += len;
      }
      return;
    }
    if (text === null) return;
    if (this.partHeaders) {
      if (text === '') {
        this.closePart(this.partHeaders);
        this.partHeaders = null;
      } else if (this.partHeaders.length < 50) this.partHeaders.push(text);
    } else if (text.startsWith('--') && text.length > 2) this.partHeaders = [];
  }

  private closePart(lines: string[]): void {
    if (this.attachments.length >= CAPTURE_MAX_ATTACHMENTS) return;
    const h = parseHeaderBlock(lines.join('\n'));
    const type = h.find((x) => x.name.toLowerCase() === 'content-type')?.value ?? '';
    const disp = h.find((x) => x.name.toLowerCase() === 'content-disposition')?.value ?? '';
    // Decoded (RFC 2047 / RFC 2231): Japanese MFPs send 「スキャン_0001.pdf」 as =?ISO-2022-JP?B?...?=.
    const name = mimeParam(disp, 'filename') ?? mimeParam(type, 'name');
    if (name !== null || /^\s*attachment/i.test(disp)) {
      this.attachments.push({ name: clip(name ?? ''), type: clip(type.split(';')[0]?.trim() ?? '') });
    }
  }
}
