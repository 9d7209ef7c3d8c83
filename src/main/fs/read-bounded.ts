// Reads a file the user pointed at (--ca, --relay-ca, profiles, reports) without trusting its size: the limit is
// enforced while reading, so /dev/zero, a FIFO or a file that grows cannot make us read more than `maxBytes` + one
// chunk. stat() first would not do: character devices report size 0 and files can grow after the check.
import { open } from 'node:fs/promises';

/** Bytes read per read() call. */
const CHUNK_BYTES = 64 * 1024;

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  readonly code = 'EFBIG';
  constructor(
    readonly file: string,
    readonly maxBytes: number,
  ) {
    super(`${file} is larger than ${maxBytes} bytes`);
  }
}

/** The file's bytes; rejects with FileTooLargeError past `maxBytes`, or the fs error (ENOENT, EISDIR, EACCES ...). */
export async function readFileBounded(file: string, maxBytes: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileTooLargeError(file, maxBytes);
      chunks.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

/** readFileBounded as UTF-8 text. */
export async function readTextBounded(file: string, maxBytes: number): Promise<string> {
  return (await readFileBounded(file, maxBytes)).toString('utf8');
}
