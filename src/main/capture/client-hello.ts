// Reads the device's TLS ClientHello before the handshake starts, to see every version and cipher suite it
// offers (the negotiated pair shows only one). The bytes are put back (unshift) so the TLS layer reads them as
// if nothing happened; Node's TLSSocket consumes data already buffered on the socket it wraps.
import type { Socket } from 'node:net';
import type { ClientHello } from '../../shared/capture';
import { CAPTURE_MAX_CIPHERS } from '../../shared/capture';
import { suiteInfo } from './cipher-suites';

/** Most bytes read while waiting for the ClientHello (one TLS record is at most 16 KiB + header). */
const MAX_PEEK_BYTES = 16_384 + 5;

type Version = ClientHello['versions'][number];
const VERSION_BY_CODE: Record<number, Version> = {
  0x0301: '1.0',
  0x0302: '1.1',
  0x0303: '1.2',
  0x0304: '1.3',
};
const isGrease = (v: number): boolean => (v & 0x0f0f) === 0x0a0a && v >> 8 === (v & 0xff);

export type HelloResult = { hello: ClientHello } | { hello: null; note: string };

/** Parses one TLS handshake record holding a ClientHello. Never throws: a bad record gives a note. */
export function parseClientHello(buf: Buffer): HelloResult {
  try {
    if (buf.length < 5) return { hello: null, note: 'no TLS record received' };
    if (buf[0] !== 0x16)
      return {
        hello: null,
        note: `first byte 0x${(buf[0] ?? 0).toString(16)} is not a TLS handshake (plain text after STARTTLS?)`,
      };
    const recLen = buf.readUInt16BE(3);
    const rec = buf.subarray(5, 5 + recLen);
    if (rec[0] !== 0x01) return { hello: null, note: 'handshake record is not a ClientHello' };
    const body = rec.subarray(4, 4 + rec.readUIntBE(1, 3));
    let p = 0;
    const legacy = body.readUInt16BE(p);
    p += 2 + 32; // version, random
    p += 1 + (body[p] ?? 0); // session id
    const suitesLen = body.readUInt16BE(p);
    p += 2;
    const suites: number[] = [];
    for (let i = 0; i < suitesLen; i += 2) suites.push(body.readUInt16BE(p + i));
    p += suitesLen;
    p += 1 + (body[p] ?? 0); // compression methods
    const versions = new Set<Version>();
    const legacyName = VERSION_BY_CODE[legacy];
    let serverName: string | null = null;
    let supported: Version[] | null = null;
    if (p + 2 <= body.length) {
      const extEnd = p + 2 + body.readUInt16BE(p);
      p += 2;
      while (p + 4 <= extEnd && p + 4 <= body.length) {
        const type = body.readUInt16BE(p);
        const len = body.readUInt16BE(p + 2);
        const ext = body.subarray(p + 4, p + 4 + len);
        if (type === 0x002b) {
          supported = [];
          const end = Math.min(ext.length, 1 + (ext[0] ?? 0));
          for (let i = 1; i + 2 <= end; i += 2) {
            const v = VERSION_BY_CODE[ext.readUInt16BE(i)];
            if (v) supported.push(v);
          }
        } else if (type === 0x0000 && ext.length > 5) {
          const nameLen = ext.readUInt16BE(3);
          serverName = ext
            .subarray(5, 5 + nameLen)
            .toString('latin1')
            .slice(0, 253);
        }
        p += 4 + len;
      }
    }
    if (supported) for (const v of supported) versions.add(v);
    else if (legacyName) {
      // Without supported_versions the client offers every version up to legacy_version.
      for (const v of ['1.0', '1.1', '1.2'] as const) if (v <= legacyName) versions.add(v);
    }
    const kex = { ecdhe: false, dhe: false, rsa: false, tls13: false };
    const ciphers: string[] = [];
    for (const id of suites) {
      if (isGrease(id)) continue;
      const info = suiteInfo(id);
      if (info.kex !== 'other') kex[info.kex] = true;
      if (ciphers.length < CAPTURE_MAX_CIPHERS) ciphers.push(info.label);
    }
    const order: Version[] = ['1.0', '1.1', '1.2', '1.3'];
    return { hello: { versions: order.filter((v) => versions.has(v)), ciphers, kex, serverName } };
  } catch {
    return { hello: null, note: 'ClientHello could not be parsed (truncated or fragmented)' };
  }
}

/** Waits (at most `timeoutMs`) for the first TLS record on `socket`, parses it and puts the bytes back. */
export function peekClientHello(socket: Socket, timeoutMs: number): Promise<HelloResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: HelloResult) => {
      clearTimeout(timer);
      socket.removeListener('readable', onReadable);
      socket.removeListener('close', onClose);
      if (chunks.length) socket.unshift(Buffer.concat(chunks));
      resolve(result);
    };
    const onClose = () => finish({ hello: null, note: 'the device hung up before its ClientHello' });
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = socket.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        size += chunk.length;
      }
      const all = Buffer.concat(chunks);
      const want = all.length >= 5 && all[0] === 0x16 ? 5 + all.readUInt16BE(3) : 5;
      if (all.length >= want || size >= MAX_PEEK_BYTES || (all.length >= 1 && all[0] !== 0x16))
        finish(parseClientHello(all));
    };
    const timer = setTimeout(
      () => finish({ hello: null, note: `no ClientHello within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.on('readable', onReadable);
    socket.once('close', onClose);
    onReadable();
  });
}
