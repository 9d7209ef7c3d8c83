// Server replies are UTF-8 (RFC 6531 servers send it; Exchange Online's Japanese NDR texts arrive so): decoded
// as UTF-8, never Latin-1 (which garbled them), and any byte that is not part of a valid UTF-8 sequence is shown
// escaped as \xNN so nothing is lost or silently replaced.
const strict = new TextDecoder('utf-8', { fatal: true });

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function sequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i] ?? 0;
  const need =
    b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need <= 1) return need;
  if (i + need > buf.length) return 0;
  for (let k = 1; k < need; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  try {
    strict.decode(buf.subarray(i, i + need)); // rejects overlong forms and surrogates
    return need;
  } catch {
    return 0;
  }
}

export function decodeReply(buf: Uint8Array): string {
  try {
    return strict.decode(buf);
  } catch {
    let out = '';
    let i = 0;
    while (i < buf.length) {
      const n = sequenceLength(buf, i);
      if (n === 0) {
        out += `\\x${(buf[i] ?? 0).toString(16).padStart(2, '0')}`;
        i++;
      } else {
        out += strict.decode(buf.subarray(i, i + n));
        i += n;
      }
    }
    return out;
  }
}
