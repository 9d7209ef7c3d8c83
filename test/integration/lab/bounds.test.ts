// The lab's bounds and always-on rules, with small limits: connection count, line length, message size, stored
// bytes, received-list length, session time, bare linefeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { RawSmtp, parseReply } from './smtp-raw';

const LIMITS = {
  maxConnections: 3,
  maxCommandLineBytes: 256,
  maxDataLineBytes: 2048,
  maxMessageBytes: 4096,
  maxStoredMessageBytes: 100,
  maxReceived: 2,
  sessionMs: 2500,
};

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ limits: LIMITS });
});
afterAll(async () => {
  await lab.close();
});

/** An MX session ready for MAIL (plaintext Direct Send needs no AUTH). */
async function mxSession(): Promise<RawSmtp> {
  const c = await RawSmtp.connect(lab.mx.port);
  expect(await c.read()).toMatch(/^220 /);
  await c.cmd('EHLO bounds.test');
  return c;
}

async function sendBody(c: RawSmtp, body: string): Promise<string> {
  await c.cmd(`MAIL FROM:<${lab.tenant.mailbox}>`);
  await c.cmd(`RCPT TO:<${lab.tenant.internalRecipient}>`);
  expect(await c.cmd('DATA')).toMatch(/^354 /);
  c.write(body);
  return c.read();
}

describe('lab bounds', () => {
  it('refuses connections beyond the limit with 421 4.3.2 and closes them', async () => {
    const open = await Promise.all([mxSession(), mxSession(), mxSession()]);
    const extra = await RawSmtp.connect(lab.mx.port);
    expect(parseReply(await extra.read())).toMatchObject({ code: 421, enhanced: '4.3.2', suffixed: true });
    expect(await extra.read()).toBe(''); // closed
    for (const c of open) c.close();
    // Slots free once the server sees the closes (bounded wait).
    let banner = '';
    for (let i = 0; i < 40 && !banner.startsWith('220'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      const probe = await RawSmtp.connect(lab.mx.port);
      banner = await probe.read();
      probe.close();
    }
    expect(banner).toMatch(/^220 /);
  });

  it('closes on an overlong command line (500 5.5.2)', async () => {
    const c = await mxSession();
    c.write(`NOOP ${'x'.repeat(LIMITS.maxCommandLineBytes + 10)}`);
    expect(parseReply(await c.read())).toMatchObject({ code: 500, enhanced: '5.5.2' });
    expect(await c.read()).toBe('');
  });

  it('refuses MAIL SIZE= over the limit and an oversized message (552 5.3.4), storing only the bounded prefix', async () => {
    const c = await mxSession();
    expect(
      parseReply(await c.cmd(`MAIL FROM:<${lab.tenant.mailbox}> SIZE=${LIMITS.maxMessageBytes + 1}`)),
    ).toMatchObject({
      code: 552,
      enhanced: '5.3.4',
    });
    const big = `${'y'.repeat(1000)}\r\n`.repeat(5);
    expect(parseReply(await sendBody(c, `${big}.\r\n`))).toMatchObject({ code: 552, enhanced: '5.3.4' });
    const ok = await sendBody(c, `Subject: s\r\n\r\n${'z'.repeat(300)}\r\n.\r\n`);
    expect(ok).toMatch(/^250 2\.6\.0 /);
    expect(lab.received.at(-1)?.data.length).toBe(LIMITS.maxStoredMessageBytes);
    c.close();
  });

  it('refuses a message with bare linefeeds after the final dot (554 5.6.0)', async () => {
    const c = await mxSession();
    const reply = await sendBody(c, 'Subject: lf\r\n\r\nline one\nline two\r\n.\r\n');
    expect(parseReply(reply)).toMatchObject({ code: 554, enhanced: '5.6.0' });
    expect(reply).toContain('bare linefeeds');
    c.close();
  });

  it('survives binary garbage, NUL, ANSI escapes and bad AUTH data, and keeps serving', async () => {
    const c = await RawSmtp.connect(lab.submission.port);
    expect(await c.read()).toMatch(/^220 /);
    c.write(Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x0d, 0x0a]).toString('latin1'));
    const garbage = await c.read();
    expect(parseReply(garbage)).toMatchObject({ code: 500, enhanced: '5.3.3' });
    expect(garbage).toMatch(/^[\x20-\x7e]+$/);
    expect(parseReply(await c.cmd('MAIL FROM:<a@b> \u0000'))).toMatchObject({ code: 503, enhanced: '5.5.2' });
    expect(parseReply(await c.cmd('BDAT notanumber'))).toMatchObject({ code: 503 });
    expect(parseReply(await c.cmd('EHLO'))).toMatchObject({ code: 501, enhanced: '5.5.4' });
    c.close();
    const again = await RawSmtp.connect(lab.submission.port);
    expect(await again.read()).toMatch(/^220 /);
    again.close();
  });

  it('keeps only the newest messages in received', async () => {
    const c = await mxSession();
    for (let i = 0; i < 4; i++)
      expect(await sendBody(c, `Subject: n${i}\r\n\r\nx\r\n.\r\n`)).toMatch(/^250 /);
    expect(lab.received).toHaveLength(LIMITS.maxReceived);
    expect(lab.received.map((m) => m.data.slice(0, 11))).toEqual(['Subject: n2', 'Subject: n3']);
    c.close();
  });

  it('ends a session at the session limit even while the client keeps talking (421 4.4.1)', async () => {
    const c = await mxSession();
    const started = Date.now();
    let last = '';
    for (let i = 0; i < 40 && Date.now() - started < LIMITS.sessionMs + 5000; i++) {
      last = await c.cmd('NOOP');
      if (!last.startsWith('250')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(parseReply(last)).toMatchObject({ code: 421, enhanced: '4.4.1' });
    expect(last).toContain('Total session duration');
    c.close();
  });
});
