// Whole-process timings, the way a technician meets them: each figure is a fresh process from spawn to exit
// (Node start-up, module loading, DNS, every connection), measured against the lab behind the same delaying proxies:
//   - CLI start-up: `--version` and `explain` next to `node -e 0`;
//   - `diagnose --method auto` (every method, TLS matrix, certificate, AUTH, envelope);
//   - the classic sequence a technician would run instead: swaks × 3 (submission with AUTH, Direct Send, relay from
//     the connector's IP) and openssl s_client × 5 (TLS 1.0, 1.1, 1.2 ECDHE, 1.2 RSA, 1.3 via STARTTLS), one after
//     another;
//   - testssl.sh's protocol scan of the submission endpoint (STARTTLS smtp), where testssl.sh is installed;
//   - `diagnose --method auto` from spawn to its first packet (first-packet.ts): the CLI's own start-up.
// testssl.sh is slow, not stuck: it is a bash script that spawns openssl many times. With 8 agents on 2 cores its
// start-up alone took ~58 s and each protocol 1–12 s (124 s in all, exit 0); its STARTTLS dialog with the lab
// (220 greeting, EHLO → 250-… ending in "250 SMTPUTF8" with "250-STARTTLS" seen, STARTTLS → 220) completed in
// under 0.5 s every time (--debug 2 traces). The earlier 60 s bound killed it just after "Service set: STARTTLS
// via SMTP", its last line before the size-limit pre-test: that looked like a hang.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firstPacketMs } from './first-packet';
import type { RemoteLab } from './lab-process';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/device-mail-doctor.cjs');
/** Bound on one measured process, in ms (a hung tool ends the figure, not the benchmark). */
const PROCESS_MS = 120_000;
/** Bound on testssl.sh's protocol scan, in ms (run once; seconds on a quiet machine, ~2 min on a loaded one). */
const TESTSSL_MS = 150_000;
/** testssl.sh always gets at least this long, in ms, even when the benchmark's time budget is spent. */
const TESTSSL_MIN_MS = 20_000;

export interface Timed {
  ms: number;
  code: number | null;
  out: string;
}

/** Runs a process to its exit; wall-clock ms from spawn to exit. */
export function timed(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  input = '',
  limitMs = PROCESS_MS,
): Promise<Timed> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const keep = (d: Buffer) => {
      if (out.length < 200_000) out += d.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ ms: performance.now() - t0, code, out });
    });
    child.stdin.end(input);
  });
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function medianOf(reps: number, run: () => Promise<Timed>): Promise<{ ms: number; last: Timed }> {
  const ms: number[] = [];
  let last: Timed = { ms: 0, code: null, out: '' };
  for (let i = 0; i < reps; i += 1) {
    last = await run();
    ms.push(last.ms);
  }
  return { ms: median(ms), last };
}

function have(path: string): boolean {
  return existsSync(path);
}

/** Where a lab host:port is reachable (its proxy), from the lab's connect-to rules. */
function proxyFor(lab: RemoteLab, port: number): { host: string; port: number } {
  const rule = lab.connectTo.find((r) => r.port === port);
  if (!rule) throw new Error(`no lab endpoint on port ${port}`);
  return { host: rule.toHost, port: rule.toPort };
}

export interface WholeProcessFigures {
  nodeMs: number;
  versionMs: number;
  explainMs: number;
  autoMs: number;
  /** `diagnose --method auto` from spawn to its first packet. */
  firstPacketMs: number;
  autoVerdict: string;
  classicMs: number | null;
  classicWhy: string | null;
  testsslMs: number | null;
  testsslWhy: string | null;
}

/** `deadline`: performance.now() by which the benchmark should end; testssl.sh gets what is left of it (≤ TESTSSL_MS). */
export async function benchWholeProcess(
  lab: RemoteLab,
  reps: number,
  deadline = Infinity,
): Promise<WholeProcessFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'dmd-bench-'));
  try {
    const ca = join(dir, 'lab-ca.pem');
    writeFileSync(ca, lab.caPem);
    const t = lab.tenant;
    const env = { ...process.env, DMD_BENCH_PW: t.password, LANG: 'en_US.UTF-8' };

    const node = await medianOf(reps, () => timed(process.execPath, ['-e', '0']));
    const version = await medianOf(reps, () => timed(process.execPath, [CLI, '--version']));
    const explain = await medianOf(reps, () =>
      timed(process.execPath, [
        CLI,
        'explain',
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      ]),
    );

    const firstPackets: number[] = [];
    for (let i = 0; i < reps; i += 1) firstPackets.push(await firstPacketMs());

    const diagnoseArgs = [
      CLI,
      'diagnose',
      '--method',
      'auto',
      '--domain',
      t.domain,
      '--user',
      t.mailbox,
      '--password-env',
      'DMD_BENCH_PW',
      '--from',
      t.mailbox,
      '--to',
      t.internalRecipient,
      '--to',
      t.externalRecipient,
      '--expected-ip',
      t.connectorIp,
      '--bind',
      t.connectorIp,
      ...lab.connectTo.flatMap((r) => ['--connect-to', `${r.host}:${r.port}:${r.toHost}:${r.toPort}`]),
      '--dns-server',
      lab.dnsServer,
      '--ca',
      ca,
      '--json',
    ];
    await timed(process.execPath, diagnoseArgs, env); // warm-up: page cache, lab TLS contexts
    const auto = await medianOf(reps, () => timed(process.execPath, diagnoseArgs, env));
    let autoVerdict = `exit ${auto.last.code}`;
    try {
      autoVerdict = (JSON.parse(auto.last.out) as { verdict: string }).verdict;
    } catch {
      // keep the exit code
    }

    let classicMs: number | null = null;
    let classicWhy: string | null = null;
    const swaks = '/usr/bin/swaks';
    const openssl = '/usr/bin/openssl';
    if (!have(swaks) || !have(openssl))
      classicWhy = 'swaks and openssl are needed (apt-get install swaks libnet-ssleay-perl openssl)';
    else {
      const sub = proxyFor(lab, 587);
      const mx = proxyFor(lab, 25);
      const sw = (server: { host: string; port: number }, extra: string[]) => [
        '--server',
        server.host,
        '--port',
        String(server.port),
        '--tls',
        '--quit-after',
        'RCPT',
        '--timeout',
        '20',
        '--from',
        t.mailbox,
        ...extra,
      ];
      const ossl = (flags: string[]) => [
        's_client',
        '-connect',
        `${sub.host}:${sub.port}`,
        '-starttls',
        'smtp',
        '-CAfile',
        ca,
        ...flags,
      ];
      const classic = [
        () =>
          timed(
            swaks,
            sw(sub, [
              '--to',
              t.internalRecipient,
              '--auth',
              'LOGIN',
              '--auth-user',
              t.mailbox,
              '--auth-password',
              t.password,
            ]),
          ),
        () => timed(swaks, sw(mx, ['--to', t.internalRecipient])),
        () => timed(swaks, sw(mx, ['--to', t.externalRecipient, '--local-interface', t.connectorIp])),
        () => timed(openssl, ossl(['-tls1', '-cipher', 'DEFAULT:@SECLEVEL=0'])),
        () => timed(openssl, ossl(['-tls1_1', '-cipher', 'DEFAULT:@SECLEVEL=0'])),
        () => timed(openssl, ossl(['-tls1_2', '-cipher', 'kECDHE'])),
        () => timed(openssl, ossl(['-tls1_2', '-cipher', 'kRSA:@SECLEVEL=0'])),
        () => timed(openssl, ossl(['-tls1_3'])),
      ];
      const totals: number[] = [];
      for (let i = 0; i < reps; i += 1) {
        let sum = 0;
        for (const step of classic) sum += (await step()).ms;
        totals.push(sum);
      }
      classicMs = median(totals);
    }

    let testsslMs: number | null = null;
    let testsslWhy: string | null = null;
    const testssl = ['/usr/bin/testssl', '/usr/bin/testssl.sh'].find(have);
    if (!testssl) testsslWhy = 'testssl.sh is not installed (apt-get install testssl.sh)';
    else {
      const sub = proxyFor(lab, 587);
      const limitMs = Math.max(TESTSSL_MIN_MS, Math.min(TESTSSL_MS, deadline - performance.now()));
      const r = await timed(
        testssl,
        [
          '--protocols',
          '--quiet',
          '--color',
          '0',
          '--warnings',
          'off',
          '--ip',
          sub.host,
          '-t',
          'smtp',
          `${sub.host}:${sub.port}`,
        ],
        process.env,
        '',
        limitMs,
      );
      if (r.code === null)
        testsslWhy = `did not finish within ${Math.round(limitMs / 1000)} s (killed; testssl.sh is slow on a loaded machine, see above); last output: ${r.out.trim().split('\n').at(-1) ?? ''}`;
      else testsslMs = r.ms;
    }

    return {
      nodeMs: node.ms,
      versionMs: version.ms,
      explainMs: explain.ms,
      autoMs: auto.ms,
      firstPacketMs: median(firstPackets),
      autoVerdict,
      classicMs,
      classicWhy,
      testsslMs,
      testsslWhy,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
