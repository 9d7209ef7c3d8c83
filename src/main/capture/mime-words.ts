// Attachment names as a person reads them. Devices (Japanese MFPs above all) encode them as RFC 2047 encoded-words
// (`=?ISO-2022-JP?B?...?=`, often inside a quoted filename, which RFC 2047 forbids but every mail client accepts)
// or as RFC 2231 parameters (`filename*=UTF-8''%E8%A6...`, split as `filename*0*=`, `filename*1*=`). Charsets are
// decoded with the WHATWG TextDecoder (Node's ICU: UTF-8, ISO-2022-JP, Shift_JIS, EUC-JP ...); an unknown charset
// leaves the text as it was sent rather than guessing.
//
// Sources (read 2026-12-02): RFC 2047 §2–§5 (encoded-word syntax, B and Q encodings, adjacent words joined without
// the whitespace between them), https://www.rfc-editor.org/rfc/rfc2047; RFC 2231 §3–§4 (continuations, charset'lang'
// percent-encoding), https://www.rfc-editor.org/rfc/rfc2231.

/** Longest decoded value, in characters (names are shown, not stored whole). */
const MAX_DECODED_CHARS = 1_000;

import { TextDecoder } from 'node:util';

type Decoder = InstanceType<typeof TextDecoder>;

function decoder(charset: string): Decoder | null {
  try {
    return new TextDecoder(charset.trim().toLowerCase().replace(/\*.*$/, ''), { fatal: false });
  } catch {
    return null;
  }
}

function qBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

const ENCODED_WORD = /=\?([^?\s]{1,40})\?([BbQq])\?([^?\s]*)\?=/g;

/** Decodes RFC 2047 encoded-words in a header value or (non-standard but common) a quoted parameter. */
export function decodeEncodedWords(value: string): string {
  // Whitespace between two adjacent encoded-words is not part of the text (RFC 2047 §6.2).
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined
    .replace(ENCODED_WORD, (whole, charset: string, enc: string, text: string) => {
      const dec = decoder(charset);
      if (!dec) return whole;
      const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qBytes(text);
      return dec.decode(bytes);
    })
    .slice(0, MAX_DECODED_CHARS);
}

/** Decodes one RFC 2231 extended value: `charset'lang'percent-encoded` (first segment) or percent-encoded only. */
function decode2231(segments: { value: string; extended: boolean }[]): string {
  const first = segments[0];
  if (!first) return '';
  let charset = 'utf-8';
  const parts: number[] = [];
  segments.forEach((seg, i) => {
    let v = seg.value;
    if (i === 0 && seg.extended) {
      const m = /^([^']*)'[^']*'(.*)$/.exec(v);
      if (m) {
        charset = m[1] || 'us-ascii';
        v = m[2] ?? '';
      }
    }
    if (seg.extended) {
      for (let j = 0; j < v.length; j++) {
        if (v[j] === '%' && /^[0-9A-Fa-f]{2}$/.test(v.slice(j + 1, j + 3))) {
          parts.push(parseInt(v.slice(j + 1, j + 3), 16));
          j += 2;
        } else parts.push(v.charCodeAt(j) & 0xff);
      }
    } else for (const b of Buffer.from(v, 'utf8')) parts.push(b);
  });
  const dec = decoder(charset) ?? decoder('utf-8');
  return (dec as Decoder).decode(Buffer.from(parts)).slice(0, MAX_DECODED_CHARS);
}

/**
 * A parameter (`filename`, `name`) of a Content-Disposition / Content-Type value, decoded: RFC 2231 continuations
 * and extended values first, then the plain parameter with any RFC 2047 encoded-words in it. Null when absent.
 */
export function mimeParam(value: string, key: string): string | null {
  const re = new RegExp(
    `(?:^|;)\\s*${key}(\\*(\\d+))?(\\*)?=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`,
    'gi',
  );
  const segments: { n: number; value: string; extended: boolean }[] = [];
  let plain: string | null = null;
  for (const m of value.matchAll(re)) {
    const raw = (m[4] ?? m[5] ?? '').replace(/\\(.)/g, '$1');
    if (m[2] !== undefined) segments.push({ n: Number(m[2]), value: raw, extended: m[3] === '*' });
    else if (m[3] === '*') segments.push({ n: 0, value: raw, extended: true });
    else plain ??= raw;
  }
  if (segments.length > 0) return decode2231(segments.sort((a, b) => a.n - b.n));
  return plain === null ? null : decodeEncodedWords(plain);
}
