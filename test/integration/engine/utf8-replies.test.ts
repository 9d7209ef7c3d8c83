// Server replies are UTF-8: a Japanese reply text is shown as sent (never Latin-1 mojibake), and bytes that are not
// valid UTF-8 are shown escaped as \xNN — against a real socket server and through the engine.
import { afterAll, describe, expect, it } from 'vitest';
import { runDiagnosis } from '../../../src/main/engine/run';
import type { EngineContext } from '../../../src/main/engine/checks/check-runner';
import type { Endpoint } from '../../../src/main/engine/checks/endpoint';
import { DEFAULT_LIMITS } from '../../../src/main/engine/limits';
import { decodeReply } from '../../../src/main/engine/protocol/reply-decode';
import { sessionChecks, type SessionCheckOptions } from '../../../src/main/engine/checks/smtp-checks';
import { runSmtpSession } from '../../../src/main/engine/protocol/smtp-session';
import { SessionLog, Transcript } from '../../../src/main/engine/protocol/transcript';
import { DiagnoseRequestSchema } from '../../../src/shared/model';
import { startScripted, type Scripted } from '../../helpers/hostile-server';

const servers: Scripted[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

describe('UTF-8 replies', () => {
  it('decodes UTF-8 and escapes invalid bytes (lone 0xff, truncated sequence, overlong form)', () => {
    expect(decodeReply(Buffer.from('550 5.1.1 宛先が見つかりません', 'utf8'))).toBe(
      '550 5.1.1 宛先が見つかりません',
    );
    expect(decodeReply(Buffer.from([0x35, 0x35, 0x30, 0x20, 0xff, 0x41]))).toBe('550 \\xffA');
    expect(decodeReply(Buffer.from([0x41, 0xe5, 0xae]))).toBe('A\\xe5\\xae');
    expect(decodeReply(Buffer.from([0xc0, 0xaf]))).toBe('\\xc0\\xaf');
  });

  it('the engine shows a Japanese greeting as sent and an invalid byte escaped', async () => {
    const s = await startScripted((sock) => {
      sock.on('error', () => undefined);
      sock.write(
        Buffer.concat([
          Buffer.from('220 mail.example.test ESMTP 日本語のサーバー ', 'utf8'),
          Buffer.from([0xff]),
          Buffer.from('\r\n'),
        ]),
      );
      sock.on('data', (d: Buffer) => {
        if (/^QUIT/im.test(d.toString())) sock.end('221 2.0.0 さようなら\r\n');
        else if (/^EHLO/im.test(d.toString())) sock.write('250 mail.example.test こんにちは\r\n');
        else sock.write('502 5.5.2 未実装\r\n');
      });
    });
    servers.push(s);
    const d = await runDiagnosis(
      DiagnoseRequestSchema.parse({
        target: {
          method: 'submission',
          host: 'mail.example.test',
          port: 587,
          connectTo: [{ host: '', port: 0, toHost: s.address, toPort: s.port }],
        },
        device: null,
        timeoutMs: 8000,
      }),
    );
    const text = JSON.stringify(d);
    expect(text).toContain('日本語のサーバー \\\\xff');
    expect(text).not.toMatch(/æ—¥æœ¬/);
  }, 30_000);

  /** A plain (no TLS) server that records the commands it gets; offers SMTPUTF8 or not. */
  async function recorder(offerUtf8: boolean): Promise<{ s: Scripted; lines: string[] }> {
    const lines: string[] = [];
    const s = await startScripted((sock) => {
      sock.on('error', () => undefined);
      sock.write('220 mail.example.test ESMTP\r\n');
      let buf = '';
      sock.on('data', (d: Buffer) => {
        buf += d.toString('utf8');
        let nl: number;
        while ((nl = buf.indexOf('\r\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 2);
          lines.push(line);
          if (/^EHLO/i.test(line))
            sock.write(`250-mail.example.test\r\n${offerUtf8 ? '250-SMTPUTF8\r\n' : ''}250 8BITMIME\r\n`);
          else if (/^QUIT/i.test(line)) sock.end('221 2.0.0 Bye\r\n');
          else sock.write('250 2.1.0 OK\r\n');
        }
      });
    });
    servers.push(s);
    return { s, lines };
  }
  /** One engine SMTP session (plain, envelope only) with a non-ASCII sender, against `s`. */
  const utf8Session = (s: Scripted) =>
    runSmtpSession(
      {
        host: 'mail.example.test',
        port: 25,
        address: s.address,
        connectPort: s.port,
        ehloName: 'test.example',
        tlsMode: 'none',
        tls: { extraCaPem: [], rejectUnauthorized: true },
        mailFrom: 'スキャナ@example.test',
        rcpts: [{ kind: 'internal', address: 'staff@example.test' }],
        stopAfter: 'envelope',
      },
      DEFAULT_LIMITS,
      new SessionLog(new Transcript(performance.now(), DEFAULT_LIMITS, []), 'envelope'),
    );

  it('a non-ASCII address is sent with SMTPUTF8 when the server offers it', async () => {
    const { s, lines } = await recorder(true);
    const res = await utf8Session(s);
    expect(res.smtputf8Missing).toBeUndefined();
    expect(lines).toContain('MAIL FROM:<スキャナ@example.test> SMTPUTF8');
  }, 30_000);

  it('without SMTPUTF8 offered, the address is not sent and SMTPUTF8_NOT_OFFERED names it', async () => {
    const { s, lines } = await recorder(false);
    const res = await utf8Session(s);
    expect(lines.some((l) => /^MAIL FROM/i.test(l))).toBe(false);
    expect(res.smtputf8Missing).toEqual(['スキャナ@example.test']);
    const ctx = {
      t0: 0,
      ehloName: 'test.example',
      cancelled: () => false,
      checks: [],
      emit: () => undefined,
    } as unknown as EngineContext;
    const checks = sessionChecks(
      ctx,
      { key: 'relay', host: 'mail.example.test', port: 25 } as unknown as Endpoint,
      res,
      { startedAt: 0, withAuth: false, idPrefix: '', tlsRequired: false } as unknown as SessionCheckOptions,
    );
    const f = checks.flatMap((c) => c.findings).find((x) => x.code === 'SMTPUTF8_NOT_OFFERED');
    expect(f?.params).toMatchObject({ address: 'スキャナ@example.test', host: 'mail.example.test' });
  }, 30_000);
});
