// Every lab scenario seen by a second, independent SMTP client: swaks (Perl, OpenSSL via Net::SSLeay).
// swaks runs as a child process (async: the lab lives in this process's event loop).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCENARIOS, startLab, type Lab, type ScenarioName } from '../../../src/lab';
import { describePeers, swaksMissing } from '../../helpers/peers';

const SWAKS = '/usr/bin/swaks';
const SWAKS_MISSING = swaksMissing();
const HAVE_SWAKS = SWAKS_MISSING === null;
/** Bound on one swaks run, in milliseconds. */
const SWAKS_RUN_MS = 20_000;
/** swaks' own per-reply timeout, in seconds (silent-port waits for it). */
const SWAKS_TIMEOUT_S = 3;

let lab: Lab;
let dir: string;
let caFile: string;

beforeAll(async () => {
  if (!HAVE_SWAKS) return;
  lab = await startLab();
  dir = mkdtempSync(join(tmpdir(), 'dmd-lab-swaks-'));
  caFile = join(dir, 'lab-ca.pem');
  writeFileSync(caFile, lab.caPem);
});
afterAll(async () => {
  if (!HAVE_SWAKS) return;
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

function swaks(args: string[]): Promise<{ exit: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      SWAKS,
      [...args, '--timeout', String(SWAKS_TIMEOUT_S), '--ehlo', 'mfp.swaks.test'],
      { timeout: SWAKS_RUN_MS },
      (err, stdout, stderr) => {
        const exit = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ exit, out: `${stdout}${stderr}` });
      },
    );
  });
}

function submission(extra: string[] = [], auth = true): string[] {
  const t = lab.tenant;
  return [
    '--server',
    lab.submission.address,
    '--port',
    String(lab.submission.port),
    '--tls',
    '--tls-sni',
    lab.submission.host,
    '--tls-verify',
    '--tls-ca-path',
    caFile,
    ...(auth ? ['--auth', 'LOGIN', '--auth-user', t.mailbox, '--auth-password', t.password] : []),
    '--from',
    t.mailbox,
    '--to',
    t.internalRecipient,
    ...extra,
  ];
}

function mx(extra: string[] = []): string[] {
  return [
    '--server',
    lab.mx.address,
    '--port',
    String(lab.mx.port),
    '--from',
    lab.tenant.mailbox,
    '--to',
    lab.tenant.internalRecipient,
    ...extra,
  ];
}

/** A server reply line in swaks' transcript (`<-  `, `<~  `, `<** `, `<~* `) with this code and enhanced code. */
function serverSaid(out: string, code: number, enhanced: string): boolean {
  const re = new RegExp(`^<[-~*][ *] +${code} ${enhanced.replace(/\./g, '\\.')} `, 'm');
  return re.test(out);
}

const REPLY_CASES: { name: ScenarioName; args: () => string[]; code: number; enhanced: string }[] = [
  { name: 'healthy', args: () => submission(), code: 250, enhanced: '2.6.0' },
  { name: 'wrong-password', args: () => submission(), code: 535, enhanced: '5.7.139' },
  { name: 'tenant-auth-disabled', args: () => submission(), code: 535, enhanced: '5.7.139' },
  { name: 'mailbox-auth-disabled', args: () => submission(), code: 535, enhanced: '5.7.139' },
  { name: 'security-defaults', args: () => submission(), code: 535, enhanced: '5.7.139' },
  { name: 'conditional-access', args: () => submission(), code: 535, enhanced: '5.7.139' },
  { name: 'basic-auth-disabled', args: () => submission(), code: 535, enhanced: '5.7.139' },
  { name: 'basic-auth-default-off', args: () => submission(), code: 550, enhanced: '5.7.30' },
  { name: 'send-as-denied', args: () => submission(), code: 554, enhanced: '5.2.252' },
  { name: 'sender-blocked', args: () => submission(), code: 550, enhanced: '5.1.8' },
  { name: 'ip-blocklisted', args: () => mx(), code: 550, enhanced: '5.7.606' },
  { name: 'throttled', args: () => submission(), code: 554, enhanced: '5.2.0' },
  { name: 'throttled', args: () => mx(), code: 451, enhanced: '4.7.500' },
  { name: 'mailbox-full', args: () => submission(), code: 554, enhanced: '5.2.2' },
  { name: 'reject-direct-send', args: () => mx(), code: 550, enhanced: '5.7.68' },
  {
    name: 'unregistered-sender-domain',
    args: () =>
      mx([
        '--from',
        'scanner@unregistered.example',
        '--to',
        lab.tenant.externalRecipient,
        '--local-interface',
        lab.tenant.connectorIp,
      ]),
    code: 550,
    enhanced: '5.7.750',
  },
  {
    name: 'connector-ip-changed',
    args: () => mx(['--to', lab.tenant.externalRecipient, '--local-interface', lab.tenant.connectorIp]),
    code: 550,
    enhanced: '5.7.64',
  },
  { name: 'healthy', args: () => mx(['--to', lab.tenant.externalRecipient]), code: 550, enhanced: '5.7.54' },
  {
    name: 'healthy',
    args: () => mx(['--to', lab.tenant.externalRecipient, '--local-interface', lab.tenant.connectorIp]),
    code: 250,
    enhanced: '2.6.0',
  },
  { name: 'healthy', args: () => submission([], false), code: 530, enhanced: '5.7.57' },
];

describePeers('lab scenarios seen by swaks', SWAKS_MISSING, () => {
  it.each(REPLY_CASES)('$name → $code $enhanced', async ({ name, args, code, enhanced }) => {
    lab.setScenario(name);
    const { out } = await swaks(args());
    expect(serverSaid(out, code, enhanced), out).toBe(true);
  });

  it('legacy-tls10: default swaks fails the TLS handshake; TLS 1.0 at security level 0 delivers', async () => {
    lab.setScenario('legacy-tls10');
    const modern = await swaks(submission());
    expect(modern.out).toMatch(/TLS startup failed/);
    const old = await swaks(submission(['--tls-protocol', 'tlsv1', '--tls-cipher', 'DEFAULT@SECLEVEL=0']));
    expect(old.out).toMatch(/TLS started with cipher TLSv1:/);
    expect(serverSaid(old.out, 250, '2.6.0'), old.out).toBe(true);
  });

  it('healthy: a TLS 1.0 swaks completes the handshake, then gets 421 4.7.66 to its EHLO and never authenticates', async () => {
    lab.setScenario('healthy');
    const before = lab.received.length;
    const old = await swaks(submission(['--tls-protocol', 'tlsv1', '--tls-cipher', 'DEFAULT@SECLEVEL=0']));
    expect(old.out).toMatch(/TLS started with cipher TLSv1:ECDHE-RSA-AES(128|256)-SHA/);
    expect(serverSaid(old.out, 421, '4.7.66'), old.out).toBe(true);
    expect(old.out).toMatch(
      /421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported\. .*https:\/\/aka\.ms\/smtp_auth_tls\. \[/,
    );
    expect(old.out).not.toMatch(/Authentication successful/);
    expect(old.exit).not.toBe(0);
    expect(lab.received.length).toBe(before);
  });

  it('rsa-only-ciphers: an ECDHE-only swaks fails; an RSA key-exchange swaks delivers', async () => {
    lab.setScenario('rsa-only-ciphers');
    const ecdhe = await swaks(submission(['--tls-cipher', 'ECDHE-RSA-AES128-GCM-SHA256']));
    expect(ecdhe.out).toMatch(/TLS startup failed/);
    const rsa = await swaks(submission(['--tls-cipher', 'AES128-GCM-SHA256']));
    expect(rsa.out).toMatch(/TLS started with cipher TLSv1\.2:AES128-GCM-SHA256/);
    expect(serverSaid(rsa.out, 250, '2.6.0'), rsa.out).toBe(true);
  });

  it('intercepting-proxy: masked banner, and the inspection certificate fails verification against the lab CA', async () => {
    lab.setScenario('intercepting-proxy');
    const { out } = await swaks(submission());
    expect(out).toMatch(/^<- +220 [*02 ]+$/m);
    expect(out).toMatch(/TLS startup failed/);
    expect(out).not.toMatch(/Authentication successful/);
  });

  it('covers every scenario', () => {
    const covered = new Set<string>([
      ...REPLY_CASES.map((c) => c.name),
      'legacy-tls10',
      'rsa-only-ciphers',
      'intercepting-proxy',
      'silent-port',
    ]);
    // The oauth-* scenarios need a token from the lab's identity platform: test/integration/oauth/ covers them.
    for (const s of SCENARIOS) if (s.startsWith('oauth-')) covered.add(s);
    expect(SCENARIOS.filter((s) => !covered.has(s))).toEqual([]);
  });

  it('silent-port: swaks times out waiting for the banner', async () => {
    lab.setScenario('silent-port');
    const { out } = await swaks(mx());
    expect(out).toMatch(/Timeout.*waiting for server response/i);
  });
});
