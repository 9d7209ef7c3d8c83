// `explain` and `advise` end to end: the bundled CLI as a child process (exit codes, JSON shape, languages,
// bad input → one clear line and exit 2, never a stack trace).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin', 'device-mail-doctor.cjs');
/** Per-spawn deadline, in ms (generous: 2 shared cores). */
const SPAWN_TIMEOUT_MS = 20_000;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { input?: string | Buffer; lang?: string } = {}): Ran {
  const env = { ...process.env, LANG: opts.lang ?? 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? '',
    env,
    timeout: SPAWN_TIMEOUT_MS,
    maxBuffer: 8 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

function expectBadInput(r: Ran, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stderr.split('\n').filter((l) => l.trim() !== '').length).toBe(1);
}

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], {
    cwd: ROOT,
    timeout: 120_000,
  });
  if (b.status !== 0) throw new Error(`build:cli failed: ${b.stderr.toString()}`);
});

describe('explain', () => {
  it('prints exactly the documented JSON and exits 1 when problems are found', () => {
    const r = run([
      'explain',
      '--json',
      '550 5.7.64 TenantAttribution; Relay Access Denied [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com]',
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      findings: Record<string, unknown>[];
      primaryFinding: Record<string, unknown>;
    };
    expect(Object.keys(json)).toEqual(['recognised', 'primaryFinding', 'findings']);
    expect(json.primaryFinding).toMatchObject({
      code: 'RELAY_NOT_ATTRIBUTED',
      actor: 'admin',
      checkId: null,
    });
    expect(Object.keys(json.primaryFinding).sort()).toEqual(['actor', 'checkId', 'code', 'fix', 'title']);
    expect(json.findings).toHaveLength(1);
    expect(Object.keys(json.findings[0] ?? {}).sort()).toEqual([
      'actor',
      'cause',
      'code',
      'fix',
      'severity',
      'sources',
      'title',
    ]);
    expect(json.findings[0]).toMatchObject({
      code: 'RELAY_NOT_ATTRIBUTED',
      severity: 'error',
      actor: 'admin',
    });
  });

  it('answers in Japanese from the locale or --lang, and in English with --lang en', () => {
    const ja = run(
      [
        'explain',
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      ],
      { lang: 'ja_JP.UTF-8' },
    );
    expect(ja.code).toBe(1);
    expect(ja.stdout).toContain('組織で SMTP AUTH が無効になっています');
    expect(ja.stdout).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
    const en = run(['explain', '--lang', 'en', '535 5.7.3 Authentication unsuccessful'], {
      lang: 'ja_JP.UTF-8',
    });
    expect(en.stdout).toContain('Authentication failed');
    const jaFlag = run(['explain', '--json', '--lang', 'ja', '0x800CCC79']);
    expect((JSON.parse(jaFlag.stdout) as { findings: { title: string }[] }).findings[0]?.title).toBe(
      'リレーが拒否されました',
    );
  });

  it('exits 0 for a recognised success reply, 3 ("not recognised", with next steps) for unknown text', () => {
    const ok = run(['explain', '--json', '250 2.0.0 OK']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ recognised: true, primaryFinding: null, findings: [] });
    const unknown = run(['explain', '--lang', 'en', 'hello there']);
    expect(unknown.code).toBe(4);
    expect(unknown.stdout).toContain('Not recognised');
    expect(unknown.stdout).toContain('device-mail-doctor diagnose');
    expect(unknown.stdout).not.toContain('No known problem');
    const json = run(['explain', '--json', '--lang', 'ja', 'hello there']);
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout)).toMatchObject({ recognised: false, primaryFinding: null, findings: [] });
  });

  it('reads stdin with -, including a whole Outlook error in Japanese wrapping', () => {
    const text =
      "サーバーの応答: '550 5.7.60 SMTP; Client does not have permissions to send as this sender', ポート: 587, エラー番号: 0x800CCC79\n";
    const r = run(['explain', '-', '--json'], { input: text });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: { code: string }[] }).findings[0]?.code).toBe(
      'SEND_AS_DENIED',
    );
  });

  it('accepts input up to the limit', () => {
    const body = `535 5.7.3 Authentication unsuccessful\n${'x'.repeat(999_000)}`;
    const r = run(['explain', '--json', '-'], { input: body });
    expect(r.code).toBe(1);
  });

  it.each([
    ['empty text', ['explain', ''], undefined, /no text to explain/],
    ['whitespace only', ['explain', '   '], undefined, /no text to explain/],
    ['no argument', ['explain'], undefined, /no text to explain/],
    ['two arguments', ['explain', '550', 'x'], undefined, /one argument/],
    ['unknown flag', ['explain', '--colour', 'x'], undefined, /Unknown option/i],
    ['bad --lang', ['explain', '--lang', 'fr', 'x'], undefined, /--lang must be ja or en/],
    ['1 MB on stdin', ['explain', '-'], 'a'.repeat(1024 * 1024), /larger than 1000000 bytes/],
    ['NUL bytes', ['explain', '-'], Buffer.from('550 5.7.1 x\0\0\0binary'), /NUL/],
    ['invalid UTF-8', ['explain', '-'], Buffer.from([0x35, 0x35, 0x30, 0x20, 0xff, 0xfe, 0xfd]), /not UTF-8/],
    [
      'binary control bytes',
      ['explain', '-'],
      Buffer.from('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'.repeat(20)),
      /binary/,
    ],
    ['empty stdin', ['explain', '-'], '', /no text to explain/],
  ])('%s → exit 2 with one clear line', (_name, args, input, message) => {
    expectBadInput(run(args, input === undefined ? {} : { input }), message);
  });
});

describe('advise', () => {
  it('ranks the methods as JSON in the chosen language and exits 0 when one fits', () => {
    const r = run([
      'advise',
      '--json',
      '--lang',
      'en',
      '--recipients',
      'internal',
      '--tls',
      '1.0',
      '--static-ip',
      '203.0.113.7',
      '--domain',
      'contoso.com',
      '--mx',
      'contoso-com.mail.protection.outlook.com',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as {
      recommended: string;
      methods: {
        method: string;
        viable: boolean;
        settings: { host: string; spfRecord?: string; server: string };
      }[];
    };
    expect(a.recommended).toBe('direct-send');
    expect(a.methods.map((m) => m.method)).toEqual(['direct-send', 'relay', 'submission']);
    expect(a.methods[0]?.settings).toMatchObject({
      host: 'contoso-com.mail.protection.outlook.com',
      spfRecord: 'v=spf1 ip4:203.0.113.7 include:spf.protection.outlook.com ~all',
    });
  });

  it('prints readable Japanese by default under a Japanese locale', () => {
    const r = run(['advise', '--recipients', 'external', '--mailbox', 'scanner@contoso.com'], {
      lang: 'ja_JP.UTF-8',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('推奨: SMTP クライアント送信');
    expect(r.stdout).toContain('smtp.office365.com');
  });

  it('exits 1 when no method fits', () => {
    const r = run(['advise', '--recipients', 'external', '--tls', 'none', '--static-ip', 'no']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Recommended: none');
  });

  it.each([
    ['missing --recipients', ['advise'], /--recipients is required/],
    ['unknown flag', ['advise', '--recipients', 'internal', '--colour', 'x'], /Unknown option/i],
    ['positional argument', ['advise', 'internal'], /Unexpected argument|positional/i],
    [
      'CR/LF in --domain',
      ['advise', '--recipients', 'internal', '--domain', 'contoso.com\r\nRCPT TO:<x>'],
      /must not contain CR, LF or NUL/,
    ],
    [
      'LF in --mailbox',
      ['advise', '--recipients', 'internal', '--mailbox', 'a@b\nc'],
      /must not contain CR, LF or NUL/,
    ],
    ['bad --tls', ['advise', '--recipients', 'internal', '--tls', '2.0'], /--tls must be/],
    [
      'bad --static-ip',
      ['advise', '--recipients', 'internal', '--static-ip', '999.1.1.1'],
      /--static-ip must be an IP address/,
    ],
    [
      'bad --server-field-max',
      ['advise', '--recipients', 'internal', '--server-field-max', '12abc'],
      /--server-field-max/,
    ],
    ['bad --now', ['advise', '--recipients', 'internal', '--now', 'yesterday'], /--now must be an ISO date/],
    [
      'overlong --domain',
      ['advise', '--recipients', 'internal', '--domain', 'a'.repeat(300)],
      /invalid domain/,
    ],
  ])('%s → exit 2 with one clear line', (_name, args, message) => {
    expectBadInput(run(args), message);
  });
});
