// Server replies are UTF-8: a Japanese reply text is shown as sent (never Latin-1 mojibake), and bytes that are not
// valid UTF-8 are shown escaped as \xNN — against a real socket server and through the engine.
import { afterAll, describe, expect, it } from 'vitest';
import { runDiagnosis } from '../../../src/main/engine/run';
import { decodeReply } from '../../../src/main/engine/reply-decode';
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
});
