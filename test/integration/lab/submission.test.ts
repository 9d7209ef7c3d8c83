// The lab's submission endpoint (smtp.office365.com:587) against nodemailer and a raw client: protocol rules and
// every authentication / envelope / content scenario with its documented reply.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIO_SPECS, startLab, type Lab, type ScenarioName } from '../../../src/lab';
import { send, type SendOutcome } from './nodemailer-send';
import { RawSmtp, parseReply } from './smtp-raw';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});
beforeEach(() => lab.setScenario('healthy'));
/** Raw sessions a test opened: closed after each test, so a failing test cannot hold the mailbox's 3 AUTH slots. */
const opened: RawSmtp[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  await new Promise((r) => setTimeout(r, 50)); // let the lab see the closes
});

function expectReply(out: SendOutcome, code: number, enhanced: string): void {
  expect(out.ok, out.message).toBe(false);
  const parsed = parseReply(out.response);
  expect(parsed.code, out.response).toBe(code);
  expect(parsed.enhanced, out.response).toBe(enhanced);
  expect(parsed.suffixed, `missing [HOST timestamp id] suffix: ${out.response}`).toBe(true);
}

async function authedRaw(): Promise<RawSmtp> {
  const c = await RawSmtp.connect(lab.submission.port);
  opened.push(c);
  await c.read();
  await c.cmd('EHLO raw.test');
  await c.starttls(lab.submission.host, { ca: [lab.caPem] });
  await c.cmd('EHLO raw.test');
  return c;
}

describe('lab submission endpoint: protocol', () => {
  it('greets like Exchange Online and echoes the client address in EHLO', async () => {
    const c = await RawSmtp.connect(lab.submission.port);
    const greeting = await c.read();
    expect(greeting).toMatch(
      /^220 [A-Z0-9]+\.outlook\.office365\.com Microsoft ESMTP MAIL Service ready at \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000 \[[0-9A-F]{16}\]$/,
    );
    const ehlo = (await c.cmd('EHLO printer.local')).split('\r\n');
    expect(ehlo[0]).toMatch(/^250-[A-Z0-9]+\.outlook\.office365\.com Hello \[127\.0\.0\.1\]$/);
    expect(ehlo.slice(1).map((l) => l.slice(4))).toEqual([
      'SIZE 157286400',
      'PIPELINING',
      'DSN',
      'ENHANCEDSTATUSCODES',
      'STARTTLS',
      '8BITMIME',
      'BINARYMIME',
      'CHUNKING',
      'SMTPUTF8',
    ]);
    expect(ehlo.at(-1)).toBe('250 SMTPUTF8');
    // No AUTH before TLS: 504 5.7.4.
    expect(parseReply(await c.cmd('AUTH LOGIN'))).toMatchObject({
      code: 504,
      enhanced: '5.7.4',
      suffixed: true,
    });
    expect(parseReply(await c.cmd('MAIL FROM:<scanner@contoso.com>'))).toMatchObject({
      code: 530,
      enhanced: '5.7.57',
    });
    await c.starttls(lab.submission.host, { ca: [lab.caPem] });
    // After TLS the client must EHLO again.
    expect(parseReply(await c.cmd('AUTH LOGIN'))).toMatchObject({ code: 503, enhanced: '5.5.2' });
    const ehlo2 = await c.cmd('EHLO printer.local');
    expect(ehlo2).toContain('250-AUTH LOGIN XOAUTH2');
    expect(ehlo2).not.toContain('STARTTLS');
    expect(parseReply(await c.cmd('AUTH PLAIN AHNjYW5uZXIAeA=='))).toMatchObject({
      code: 504,
      enhanced: '5.7.4',
    });
    expect(parseReply(await c.cmd('MAIL FROM:<scanner@contoso.com>'))).toMatchObject({
      code: 530,
      enhanced: '5.7.57',
    });
    expect(await c.cmd('QUIT')).toBe('221 2.0.0 Service closing transmission channel');
    c.close();
  });

  it('discards plaintext pipelined after STARTTLS (no command injection)', async () => {
    const c = await RawSmtp.connect(lab.submission.port);
    await c.read();
    await c.cmd('EHLO raw.test');
    c.write('STARTTLS\r\nEHLO injected.example\r\n');
    expect(await c.read()).toBe('220 2.0.0 SMTP server ready');
    await c.handshake(lab.submission.host, { ca: [lab.caPem] });
    // Had the injected EHLO counted, AUTH would be answered with 334; it must be "Send hello first".
    expect(parseReply(await c.cmd('AUTH LOGIN'))).toMatchObject({ code: 503, enhanced: '5.5.2' });
    c.close();
  });

  it('delivers with nodemailer over STARTTLS + AUTH LOGIN, and records the message', async () => {
    const before = lab.received.length;
    const out = await send(lab, { to: lab.tenant.externalRecipient });
    expect(out.ok, out.message).toBe(true);
    expect(out.response).toMatch(
      /^250 2\.6\.0 <[0-9A-F]+@\S+> \[InternalId=\d+, Hostname=\S+\] \d+ bytes .*Queued mail for delivery$/,
    );
    const msg = lab.received.at(-1);
    expect(lab.received.length).toBe(before + 1);
    expect(msg).toMatchObject({
      endpoint: 'submission',
      authUser: lab.tenant.mailbox,
      rcptTo: [lab.tenant.externalRecipient],
    });
    expect(msg?.data).toContain('\r\n.leading dot line\r\n');
    expect(msg?.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
  });

  it('accepts XOAUTH2 with the lab token and refuses a bad one (535 5.7.3)', async () => {
    expect((await send(lab, { auth: 'oauth' })).ok).toBe(true);
    const c = await authedRaw();
    const bad = Buffer.from(`user=${lab.tenant.mailbox}\x01auth=Bearer nope\x01\x01`).toString('base64');
    expect(parseReply(await c.cmd(`AUTH XOAUTH2 ${bad}`))).toMatchObject({ code: 535, enhanced: '5.7.3' });
    c.close();
  });

  it('refuses a wrong password in healthy too (535 5.7.139 credentials incorrect)', async () => {
    const out = await send(lab, { auth: { user: lab.tenant.mailbox, pass: 'not-it' } });
    expectReply(out, 535, '5.7.139');
    expect(out.response).toContain('the user credentials were incorrect');
  });

  it('refuses From other than the login only after DATA (554 5.2.252 SendAsDenied)', async () => {
    const c = await authedRaw();
    expect(await c.login(lab.tenant.mailbox, lab.tenant.password)).toBe(
      '235 2.7.0 Authentication successful',
    );
    expect(await c.cmd(`MAIL FROM:<${lab.tenant.otherSender}>`)).toBe('250 2.1.0 Sender OK');
    expect(await c.cmd(`RCPT TO:<${lab.tenant.internalRecipient}>`)).toBe('250 2.1.5 Recipient OK');
    expect(await c.cmd('DATA')).toMatch(/^354 /);
    const final = await c.cmd('Subject: x\r\n\r\nbody\r\n.');
    expect(parseReply(final)).toMatchObject({ code: 554, enhanced: '5.2.252', suffixed: true });
    expect(final).toContain(
      `SendAsDenied; ${lab.tenant.mailbox} not allowed to send as ${lab.tenant.otherSender};`,
    );
    c.close();
  });

  it('allows 3 concurrent authenticated sessions per mailbox; the 4th gets 432 4.3.2', async () => {
    const sessions = await Promise.all([authedRaw(), authedRaw(), authedRaw(), authedRaw()]);
    const [a, b, c, d] = sessions;
    for (const s of [a, b, c])
      expect(await s.login(lab.tenant.mailbox, lab.tenant.password)).toMatch(/^235 /);
    expect(parseReply(await d.login(lab.tenant.mailbox, lab.tenant.password))).toMatchObject({
      code: 432,
      enhanced: '4.3.2',
    });
    a.close();
    // The slot frees when a session ends (bounded wait for the server to see the close).
    let again = '';
    for (let i = 0; i < 20 && !again.startsWith('235'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      const e = await authedRaw();
      again = await e.login(lab.tenant.mailbox, lab.tenant.password);
      e.close();
    }
    expect(again).toMatch(/^235 /);
    for (const s of [b, c, d]) s.close();
  });

  it('speaks BDAT (CHUNKING) as advertised', async () => {
    const c = await authedRaw();
    await c.login(lab.tenant.mailbox, lab.tenant.password);
    await c.cmd(`MAIL FROM:<${lab.tenant.mailbox}>`);
    await c.cmd(`RCPT TO:<${lab.tenant.internalRecipient}>`);
    const part1 = 'Subject: bdat\r\n\r\n';
    const part2 = 'chunked body\r\n';
    expect(await c.cmd(`BDAT ${part1.length}\r\n${part1}`.replace(/\r\n$/, ''))).toMatch(/^250 /);
    c.write(`BDAT ${part2.length} LAST\r\n${part2}`);
    expect(await c.read()).toMatch(/^250 2\.6\.0 /);
    expect(lab.received.at(-1)?.data).toBe(part1 + part2);
    c.close();
  });
});

/** Scenarios whose symptom is a reply on the submission endpoint, with the sender to use. */
const REPLY_SCENARIOS: { name: ScenarioName; code: number; enhanced: string; text: string }[] = [
  { name: 'wrong-password', code: 535, enhanced: '5.7.139', text: 'the user credentials were incorrect' },
  {
    name: 'tenant-auth-disabled',
    code: 535,
    enhanced: '5.7.139',
    text: 'SmtpClientAuthentication is disabled for the Tenant',
  },
  {
    name: 'mailbox-auth-disabled',
    code: 535,
    enhanced: '5.7.139',
    text: 'SmtpClientAuthentication is disabled for the Mailbox',
  },
  { name: 'security-defaults', code: 535, enhanced: '5.7.139', text: 'security defaults policy' },
  {
    name: 'conditional-access',
    code: 535,
    enhanced: '5.7.139',
    text: 'did not meet the criteria to be authenticated',
  },
  { name: 'basic-auth-disabled', code: 535, enhanced: '5.7.139', text: 'basic authentication is disabled' },
  {
    name: 'basic-auth-default-off',
    code: 550,
    enhanced: '5.7.30',
    text: 'Basic authentication is not supported for Client Submission.',
  },
  { name: 'send-as-denied', code: 554, enhanced: '5.2.252', text: 'SendAsDenied;' },
  { name: 'sender-blocked', code: 550, enhanced: '5.1.8', text: 'Access denied, bad outbound sender' },
  { name: 'throttled', code: 554, enhanced: '5.2.0', text: 'SubmissionQuotaExceededException' },
  { name: 'mailbox-full', code: 554, enhanced: '5.2.2', text: 'QuotaExceededException' },
];

describe('lab submission endpoint: scenarios seen by nodemailer', () => {
  it.each(REPLY_SCENARIOS)('$name → $code $enhanced', async ({ name, code, enhanced, text }) => {
    lab.setScenario(name);
    const out = await send(lab);
    expectReply(out, code, enhanced);
    expect(out.response).toContain(text);
    // The scenario table documents the same reply.
    expect(SCENARIO_SPECS[name].symptom).toMatchObject({ code, enhanced });
  });

  it('ip-blocklisted does not touch client submission (the banned-IP list filters anonymous inbound mail only)', async () => {
    lab.setScenario('ip-blocklisted');
    const out = await send(lab);
    expect(out.ok, out.message).toBe(true);
    expect(SCENARIO_SPECS['ip-blocklisted'].symptom.endpoint).toBe('mx');
  });

  it("throttled answers on submission as Exchange Online does, never with the MX's 451 4.7.500", async () => {
    lab.setScenario('throttled');
    const out = await send(lab);
    expect(out.response).not.toMatch(/4\.7\.500|Server busy/);
    expect(out.response).toContain("the sender's submission quota was exceeded");
  });

  it.each(['security-defaults', 'conditional-access', 'basic-auth-disabled', 'wrong-password'] as const)(
    '%s still lets XOAUTH2 through',
    async (name) => {
      lab.setScenario(name);
      expect((await send(lab, { auth: 'oauth' })).ok).toBe(true);
    },
  );

  it.each(['tenant-auth-disabled', 'mailbox-auth-disabled'] as const)(
    '%s blocks XOAUTH2 too',
    async (name) => {
      lab.setScenario(name);
      expectReply(await send(lab, { auth: 'oauth' }), 535, '5.7.139');
    },
  );

  it('setScenario affects new connections only', async () => {
    const c = await authedRaw();
    lab.setScenario('sender-blocked');
    await c.login(lab.tenant.mailbox, lab.tenant.password);
    expect(await c.cmd(`MAIL FROM:<${lab.tenant.mailbox}>`)).toBe('250 2.1.0 Sender OK');
    c.close();
    expect(() => lab.setScenario('nope' as ScenarioName)).toThrow(/unknown lab scenario/);
  });
});
