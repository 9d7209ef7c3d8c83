// The listener's bounds: connection count, session time, idle auto-stop, message size, binding only where asked;
// and AUTH XOAUTH2 captured as facts about the token, never the token.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startCapture } from '../../../src/main/capture/index';
import { base64, findSecret, secretForms } from '../../../src/shared/secrets';
import { rawSession } from './devices';

/** Margin over a configured limit before a test calls it broken, in ms (2 busy cores). */
const MARGIN_MS = 5000;

/** Connects and resolves with the first reply line (or the error code). */
function firstReply(port: number, host = '127.0.0.1'): Promise<{ sock: net.Socket; line: string }> {
  return new Promise((resolve) => {
    const sock = net.connect(port, host);
    let buf = '';
    sock.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('\r\n')) resolve({ sock, line: buf.split('\r\n')[0] ?? '' });
    });
    sock.on('error', (err: NodeJS.ErrnoException) => resolve({ sock, line: err.code ?? 'error' }));
  });
}

describe('capture limits', () => {
  it('refuses connections beyond maxConnections with 421', async () => {
    const h = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'submission',
      limits: { maxConnections: 2, idleStopMs: 0 },
    });
    const port = h.listeners[0]?.port ?? 0;
    try {
      const a = await firstReply(port);
      const b = await firstReply(port);
      const c = await firstReply(port);
      expect([a.line.slice(0, 3), b.line.slice(0, 3)]).toEqual(['220', '220']);
      expect(c.line).toMatch(/^421 /);
      for (const s of [a, b, c]) s.sock.destroy();
    } finally {
      await h.close();
    }
  });

  it('ends a session at the session time limit and says why', async () => {
    const sessionMs = 1500;
    const h = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'submission',
      limits: { sessionMs, idleStopMs: 0 },
    });
    try {
      const t0 = Date.now();
      const { sock } = await firstReply(h.listeners[0]?.port ?? 0);
      sock.write('EHLO mfp-slow.contoso.local\r\n');
      await new Promise((r) => sock.once('close', r));
      expect(Date.now() - t0).toBeLessThan(sessionMs + MARGIN_MS);
      const [d] = await h.waitFor(1, MARGIN_MS);
      expect(d?.session.endReason).toMatch(/session time limit/);
      expect(d?.session.ehlo).toBe('mfp-slow.contoso.local');
    } finally {
      await h.close();
    }
  });

  it('stops by itself after the idle time, and the port is closed afterwards', async () => {
    const idleStopMs = 500;
    const h = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'submission',
      limits: { idleStopMs },
    });
    const t0 = Date.now();
    expect(await h.stopped).toBe('idle');
    expect(Date.now() - t0).toBeLessThan(idleStopMs + MARGIN_MS);
    const after = await firstReply(h.listeners[0]?.port ?? 0);
    expect(after.line).toBe('ECONNREFUSED');
  });

  it('binds only the chosen address (another loopback address is refused)', async () => {
    const h = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'submission',
      limits: { idleStopMs: 0 },
    });
    try {
      const other = await firstReply(h.listeners[0]?.port ?? 0, '127.0.0.2');
      expect(other.line).toBe('ECONNREFUSED');
    } finally {
      await h.close();
    }
  });

  it('an optional port that cannot be bound is skipped with its reason; a required one fails clearly', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const addr = busy.address();
    const taken = addr && typeof addr === 'object' ? addr.port : 0;
    try {
      const h = await startCapture({
        listen: [
          { address: '127.0.0.1', port: 0 },
          { address: '127.0.0.1', port: taken, optional: true },
        ],
        method: 'submission',
        limits: { idleStopMs: 0 },
      });
      expect(h.listeners).toHaveLength(1);
      expect(h.skipped).toEqual([
        { address: '127.0.0.1', port: taken, reason: expect.stringMatching(/already in use/) as unknown },
      ]);
      await h.close();
      await expect(
        startCapture({ listen: [{ address: '127.0.0.1', port: taken }], method: 'submission' }),
      ).rejects.toThrow(/already in use/);
    } finally {
      busy.close();
    }
  });

  it("a message over the listener's own bound gets 552 and is recorded as too large", async () => {
    const h = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'relay',
      limits: { maxMessageBytes: 10_000, idleStopMs: 0 },
    });
    try {
      const big = `Subject: big\r\n\r\n${'A'.repeat(76).concat('\r\n').repeat(700)}.\r\n`;
      const replies = await rawSession(h.listeners[0]?.port ?? 0, [
        { send: 'EHLO mfp-big.contoso.local\r\n', expect: /^250/ },
        { send: 'MAIL FROM:<copier@contoso.com>\r\n', expect: /^250/ },
        { send: 'RCPT TO:<boss@contoso.com>\r\n', expect: /^250/ },
        { send: 'DATA\r\n', expect: /^354/ },
        { send: big, expect: /^552/ },
        { send: 'QUIT\r\n', expect: /^221/ },
      ]);
      expect(replies.at(-2)).toMatch(/^552/);
      const [d] = await h.waitFor(1, MARGIN_MS);
      expect(d?.session.messages[0]).toMatchObject({ truncated: true });
      expect(d?.findings.map((f) => f.code)).toEqual(['MESSAGE_TOO_LARGE']);
    } finally {
      await h.close();
    }
  });

  it('AUTH XOAUTH2 keeps the user and the token length, never the token', async () => {
    const h = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'submission',
      limits: { idleStopMs: 0 },
    });
    const token = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6Ik1mcC1kZXZpY2UtdG9rZW4ifQ.capture-test-token';
    const user = 'scanner@contoso.com';
    try {
      await rawSession(h.listeners[0]?.port ?? 0, [
        { send: 'EHLO mfp-oauth.contoso.local\r\n', expect: /^250/ },
        {
          send: `AUTH XOAUTH2 ${base64(`user=${user}\x01auth=Bearer ${token}\x01\x01`)}\r\n`,
          expect: /^235/,
        },
        { send: 'QUIT\r\n', expect: /^221/ },
      ]);
      const [d] = await h.waitFor(1, MARGIN_MS);
      expect(d?.session.auth).toMatchObject({
        mechanism: 'XOAUTH2',
        user,
        passwordSent: true,
        passwordLength: token.length,
      });
      expect(findSecret(JSON.stringify(d), secretForms({ user, oauthToken: token }))).toBeNull();
    } finally {
      await h.close();
    }
  });
});
