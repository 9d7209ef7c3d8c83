import { describe, expect, it } from 'vitest';
import { ReplyReader, looksLikeOtherProtocol } from '../../../src/main/engine/protocol/smtp-reader';

const LIMITS = { maxLineBytes: 100, maxReplyLines: 5, maxSessionBytes: 1_000 };
const reader = () => new ReplyReader(LIMITS, () => undefined);

describe('ReplyReader', () => {
  it('assembles multi-line replies split across chunks, with enhanced codes', () => {
    const r = reader();
    expect(r.push(Buffer.from('250-host Hello [203.0.113.7]\r\n250-PIPE'))).toBe(true);
    expect(r.queue).toHaveLength(0);
    r.push(Buffer.from('LINING\r\n250 SMTPUTF8\r\n535 5.7.139 Authentication unsuccessful\n'));
    expect(r.queue.map((x) => x.code)).toEqual([250, 535]);
    expect(r.queue[0]?.lines).toEqual(['host Hello [203.0.113.7]', 'PIPELINING', 'SMTPUTF8']);
    expect(r.queue[1]?.enhanced).toBe('5.7.139');
  });

  it('ends a line that never ends, without waiting for a newline', () => {
    const r = reader();
    expect(r.push(Buffer.alloc(150, 0x41))).toBe(false);
    expect(r.error?.kind).toBe('line-too-long');
  });

  it('ends a reply that never ends', () => {
    const r = reader();
    r.push(Buffer.from('250-a\r\n'.repeat(6)));
    expect(r.error?.kind).toBe('too-many-lines');
  });

  it('bounds the bytes of a whole session', () => {
    const r = reader();
    let ok = true;
    for (let i = 0; i < 200 && ok; i++) ok = r.push(Buffer.from('250 ok\r\n'));
    expect(r.error?.kind).toBe('too-many-bytes');
  });

  it('tells other protocols and malformed replies apart', () => {
    expect(looksLikeOtherProtocol('HTTP/1.1 400 Bad Request')).toBe('HTTP');
    expect(looksLikeOtherProtocol('SSH-2.0-OpenSSH_9.6')).toBe('SSH');
    expect(looksLikeOtherProtocol('\x16\x03\x01\x00')).toBe('TLS');
    const http = reader();
    http.push(Buffer.from('HTTP/1.1 400 Bad Request\r\n'));
    expect(http.error?.kind).toBe('not-smtp');
    const tls = reader();
    tls.push(Buffer.from([0x16, 0x03, 0x03, 0x00, 0x2a]));
    expect(tls.error?.kind).toBe('not-smtp');
    const mixed = reader();
    mixed.push(Buffer.from('250-a\r\n251 b\r\n'));
    expect(mixed.error?.kind).toBe('bad-reply');
    const short = reader();
    short.push(Buffer.from('220 ok\r\n25 x\r\n'));
    expect(short.error?.kind).toBe('bad-reply');
  });

  it('hands over (and forgets) everything buffered before a TLS handshake', () => {
    const r = reader();
    r.push(Buffer.from('220 go ahead\r\n250 injected\r\npartial'));
    expect(r.queue.shift()?.code).toBe(220);
    const taken = r.takeBuffered();
    expect(taken.bytes).toBeGreaterThan(0);
    expect(taken.preview).toMatch(/injected/);
    expect(r.queue).toHaveLength(0);
    expect(r.partial()).toBe('');
  });
});
