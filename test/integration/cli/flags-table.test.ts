// Every empty or malformed flag value is bad input: exit 2 with one clear line, before any probe, file or save.
// A TCP server stands in for the mail server every diagnose row points at: it must see no connection; the reports
// folder every --save row names must stay unwritten.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';

const dir = mkdtempSync(path.join(tmpdir(), 'dmd-flags-'));
const reportsDir = path.join(dir, 'reports');
const aFile = path.join(dir, 'a-file');
let server: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  writeFileSync(aFile, 'not a folder');
  server = net.createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdout.resume();
  const code = await main(
    args.map((a) => (a === PORT ? String(port) : a)),
    {
      stdout,
      stderr,
      stdin: Readable.from([]),
      env: { LANG: 'en_US.UTF-8', DMD_REPORTS_DIR: reportsDir, PW: 'Secret-Pw-1' },
    },
  );
  return { code, err };
}

/** Replaced by the counting server's port when a row runs (the table is built before the server starts). */
const PORT = '{port}';
/** A diagnose that would otherwise probe our counting server. */
const diag = (...extra: string[]) => [
  'diagnose',
  '--method',
  'submission',
  '--host',
  '127.0.0.1',
  '--port',
  PORT,
  '--timeout-ms',
  '3000',
  ...extra,
];

/** [description, argv, what the one error line must say]. */
const TABLE: [string, string[], RegExp][] = [
  // diagnose: every value flag, empty
  ...[
    'host',
    'port',
    'domain',
    'from',
    'to',
    'user',
    'password-env',
    'oauth-token-env',
    'device-profile',
    'device-tls-max',
    'device-ciphers',
    'expected-ip',
    'bind',
    'connect-to',
    'dns-server',
    'ca',
    'timeout-ms',
    'lang',
    'method',
  ].map((f): [string, string[], RegExp] => [
    `diagnose --${f} ''`,
    [...diag(), `--${f}`, ''],
    new RegExp(`--${f} needs a value`),
  ]),
  ...['report', 'customer', 'site', 'reports-dir'].map((f): [string, string[], RegExp] => [
    `diagnose --save --${f} ''`,
    [...diag('--save'), `--${f}`, ''],
    new RegExp(`--${f} needs a value`),
  ]),
  ['diagnose --from= (equals form)', [...diag(), '--from='], /--from needs a value/],
  [
    'diagnose --host "  " (blank)',
    ['diagnose', '--method', 'submission', '--host', '  '],
    /--host needs a value/,
  ],
  // diagnose: malformed values
  [
    'diagnose --host [::1 (broken bracket)',
    ['diagnose', '--method', 'submission', '--host', '[::1', '--port', PORT],
    /--host must be a server name/,
  ],
  [
    'diagnose --host [example.com] (not IPv6)',
    ['diagnose', '--method', 'submission', '--host', '[example.com]', '--port', PORT],
    /not an IPv6 address in brackets/,
  ],
  [
    'diagnose --host "smtp office365.com"',
    ['diagnose', '--method', 'submission', '--host', 'smtp office365.com', '--port', PORT],
    /--host must be a server name/,
  ],
  ['diagnose --from not-an-address', [...diag('--from', 'scanner')], /--from must be a mail address/],
  ['diagnose --to "a@b.com, c@d.com"', [...diag('--to', 'a@b.com, c@d.com')], /--to must be a mail address/],
  ['diagnose --user "two words"', [...diag('--user', 'two words')], /--user must be the sign-in name/],
  [
    'diagnose --domain contoso..com',
    ['diagnose', '--method', 'direct-send', '--domain', 'contoso..com'],
    /--domain must be a domain name/,
  ],
  ['diagnose --port 0', [...diag('--port', '0')], /--port must be a whole number/],
  ['diagnose --port 65536', [...diag('--port', '65536')], /--port must be a whole number/],
  ['diagnose --timeout-ms abc', [...diag('--timeout-ms', 'abc')], /--timeout-ms must be a whole number/],
  ['diagnose --bind not-an-ip', [...diag('--bind', 'x')], /--bind must be an IP address/],
  [
    'diagnose --save --report ../../etc/passwd',
    [...diag('--save', '--report', '../../etc/passwd')],
    /--report must be a report id .* not a path/,
  ],
  [
    'diagnose --save --report unknown-id',
    [...diag('--save', '--report', 'no-such-report')],
    /no report with id no-such-report/,
  ],
  [
    'diagnose --save --reports-dir <a file>',
    [...diag('--save', '--reports-dir', aFile)],
    /cannot use the reports folder: a file stands where a folder is needed/,
  ],
  ['diagnose --ca /dev/zero', [...diag('--ca', '/dev/zero')], /--ca \/dev\/zero: larger than 100000 bytes/],
  ['diagnose --ca <missing>', [...diag('--ca', path.join(dir, 'missing.pem'))], /cannot read \(ENOENT\)/],
  [
    'diagnose --password-env UNSET',
    [...diag('--user', 'a@b.com', '--password-env', 'UNSET_VAR')],
    /empty or not set/,
  ],
  ['diagnose --method carrier-pigeon', ['diagnose', '--method', 'carrier-pigeon'], /--method must be/],
  // diagnose --lab (practice, 練習用ラボ): a practice run never silently lands in a report
  ['diagnose --lab ""', ['diagnose', '--lab', ''], /--lab needs a value/],
  [
    'diagnose --lab no-such-scenario',
    ['diagnose', '--lab', 'no-such-scenario'],
    /--lab: unknown scenario "no-such-scenario"/,
  ],
  [
    'diagnose --save-practice without --lab',
    [...diag('--save', '--save-practice')],
    /--save-practice only makes sense with --lab/,
  ],
  [
    'diagnose --lab healthy --host X',
    ['diagnose', '--lab', 'healthy', '--host', 'smtp.office365.com'],
    /--host cannot be combined with --lab/,
  ],
  [
    'diagnose --lab healthy --save --report ID (no --save-practice)',
    ['diagnose', '--lab', 'healthy', '--save', '--report', 'customer-visit-1'],
    /practice diagnosis .* not saved into report customer-visit-1 unless you add --save-practice/,
  ],
  [
    'diagnose --lab healthy --save (no --save-practice)',
    ['diagnose', '--lab', 'healthy', '--save'],
    /unless you add --save-practice/,
  ],
  // capture
  ...[
    'listen',
    'implicit-tls',
    'method',
    'domain',
    'relay',
    'relay-connect',
    'relay-ca',
    'relay-user',
    'relay-password-env',
    'listen-password-env',
    'max-connections',
    'max-size',
    'session-timeout',
    'idle-timeout',
    'max-sessions',
    'report',
    'reports-dir',
    'lang',
  ].map((f): [string, string[], RegExp] => [
    `capture --${f} ''`,
    ['capture', '--listen', '127.0.0.1:0', `--${f}`, ''],
    new RegExp(`--${f} needs a value`),
  ]),
  ['capture --listen 0.0.0.0:99999', ['capture', '--listen', '0.0.0.0:99999'], /port must be 0-65535/],
  [
    'capture --listen localhost (not an IP)',
    ['capture', '--listen', 'localhost'],
    /--listen must be ADDR\[:PORT\]/,
  ],
  [
    'capture --domain "contoso com"',
    ['capture', '--listen', '127.0.0.1:0', '--domain', 'contoso com'],
    /--domain must be a domain name/,
  ],
  [
    'capture --report ../x',
    ['capture', '--listen', '127.0.0.1:0', '--report', '../x'],
    /--report must be a report id/,
  ],
  [
    'capture --relay-ca /dev/zero',
    [
      'capture',
      '--listen',
      '127.0.0.1:0',
      '--relay',
      'smtp.office365.com:587',
      '--relay-device-auth',
      '--relay-ca',
      '/dev/zero',
    ],
    /larger than 100000 bytes/,
  ],
  [
    'capture open relay: --relay-user without a listener password',
    [
      'capture',
      '--listen',
      '127.0.0.1:0',
      '--relay',
      'smtp.office365.com:587',
      '--relay-user',
      'a@b.com',
      '--relay-password-env',
      'PW',
    ],
    /needs a listener password/,
  ],
  [
    'capture open relay: --relay with no sign-in and no --domain',
    [
      'capture',
      '--listen',
      '127.0.0.1:0',
      '--method',
      'relay',
      '--relay',
      'x.mail.protection.outlook.com:25',
    ],
    /needs the tenant's domains/,
  ],
  [
    'capture --listen-password-env without --relay',
    ['capture', '--listen', '127.0.0.1:0', '--listen-password-env', 'PW'],
    /needs --relay/,
  ],
  [
    'capture --max-size 12abc',
    ['capture', '--listen', '127.0.0.1:0', '--max-size', '12abc'],
    /--max-size must be a whole number/,
  ],
  // report
  ...['search', 'customer', 'site', 'device', 'code', 'from', 'to', 'lang', 'reports-dir'].map(
    (f): [string, string[], RegExp] => [
      `report list --${f} ''`,
      ['report', 'list', `--${f}`, ''],
      new RegExp(`--${f} needs a value`),
    ],
  ),
  [
    'report list --from 2026-13-45',
    ['report', 'list', '--from', '2026-13-45'],
    /--from must be a date YYYY-MM-DD/,
  ],
  ['report list --to 2026-02-30', ['report', 'list', '--to', '2026-02-30'], /--to must be a date YYYY-MM-DD/],
  ['report list --from 12/01/2026', ['report', 'list', '--from', '12/01/2026'], /--from must be a date/],
  [
    'report list --from after --to',
    ['report', 'list', '--from', '2026-12-02', '--to', '2026-12-01'],
    /is after --to/,
  ],
  [
    'report list --reports-dir <a file>',
    ['report', 'list', '--reports-dir', aFile],
    /a file stands where a folder is needed/,
  ],
  ['report show ../../etc/passwd', ['report', 'show', '../../etc/passwd'], /not a report id/],
  ['report export x --format ""', ['report', 'export', 'x', '--format', ''], /--format needs a value/],
  ['report export x --out ""', ['report', 'export', 'x', '--out', ''], /--out needs a value/],
  // explain, advise, lab, demo
  ['explain ""', ['explain', ''], /no text to explain/],
  ['explain --lang ""', ['explain', '--lang', '', '550 5.7.1'], /--lang needs a value/],
  ...['recipients', 'tls', 'auth', 'domain', 'mx', 'mailbox', 'now', 'lang'].map(
    (f): [string, string[], RegExp] => [
      `advise --${f} ''`,
      ['advise', `--${f}`, ''],
      new RegExp(`--${f} needs a value`),
    ],
  ),
  [
    'advise --domain "con toso.com"',
    ['advise', '--recipients', 'internal', '--domain', 'con toso.com'],
    /--domain must be a domain name/,
  ],
  ['advise --mailbox nobody', ['advise', '--mailbox', 'nobody'], /--mailbox must be a mail address/],
  ...['scenario', 'address', 'submission-port', 'mx-port', 'dns-port', 'lang'].map(
    (f): [string, string[], RegExp] => [
      `lab --${f} ''`,
      ['lab', `--${f}`, ''],
      new RegExp(`--${f} needs a value`),
    ],
  ),
  ['demo --scenario ""', ['demo', '--scenario', ''], /--scenario needs a value/],
];

describe('every empty or malformed flag value → exit 2 before any probe', () => {
  it.each(TABLE)('%s', async (_title, argv, message) => {
    const before = connections;
    const r = await cli(argv);
    expect(r.code, r.err).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(connections).toBe(before);
    if (argv.includes('--save'))
      expect(
        existsSync(reportsDir) ? readdirSync(reportsDir).filter((n) => n.endsWith('.json')) : [],
      ).toEqual([]);
  });

  it('--host [::1] is accepted as ::1 (the brackets are unwrapped), not a failed lookup of "[::1]"', async () => {
    const open = new Set<net.Socket>();
    const v6 = net.createServer((s) => {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
      s.end('220 v6.example ESMTP\r\n');
    });
    const ok = await new Promise<boolean>((r) => {
      v6.once('error', () => r(false));
      v6.listen(0, '::1', () => r(true));
    });
    expect(ok, 'this machine needs the IPv6 loopback ::1').toBe(true);
    let seen = 0;
    v6.on('connection', () => seen++);
    try {
      const r = await cli([
        'diagnose',
        '--method',
        'submission',
        '--host',
        '[::1]',
        '--port',
        String((v6.address() as net.AddressInfo).port),
        '--timeout-ms',
        '5000',
      ]);
      expect(r.code).not.toBe(2);
      expect(seen).toBeGreaterThan(0);
    } finally {
      for (const s of open) s.destroy();
      await new Promise((r) => v6.close(r));
    }
  }, 30_000);
});
