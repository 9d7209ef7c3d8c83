// Whole-process timings, the way a technician meets them: each figure is a fresh process from spawn to exit
// (Node start-up, module loading, DNS, every connection), measured against the lab behind the same delaying proxies:
//   - CLI start-up: `--version` and `explain` next to `node -e 0`;
//   - `diagnose --method auto` (every method, TLS matrix, certificate, AUTH, envelope);
//   - the classic sequence a technician would run instead (classic.ts): swaks × 3 and openssl s_client × 5 one after
//     another (the baseline), and the same tools doing all of auto's checks;
//   - testssl.sh's protocol scan of the submission endpoint (STARTTLS smtp), where testssl.sh is installed;
//   - `diagnose --method auto` from spawn to its first packet (first-packet.ts): the CLI's own start-up.
// testssl.sh is slow, not stuck: it is a bash script that spawns openssl many times. With 8 agents on 2 cores its
// start-up alone took ~58 s and each protocol 1–12 s (124 s in all, exit 0); its STARTTLS dialog with the lab
// (220 greeting, EHLO → 250-… ending in "250 SMTPUTF8" with "250-STARTTLS" seen, STARTTLS → 220) completed in
// under 0.5 s every time (--debug 2 traces). The earlier 60 s bound killed it just after "Service set: STARTTLS
// via SMTP", its last line before the size-limit pre-test: that looked like a hang.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SUBMISSION_HOST, SUBMISSION_PORT } from '../../src/shared/exchange-online';
import { benchClassic, proxyFor } from './classic';
import { firstPacketMs } from './first-packet';
import type { RemoteLab } from './lab-process';
import { median, timed, type Timed } from './timed';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/device-mail-doctor.cjs');
/** Bound on testssl.sh's protocol scan, in ms (run once; seconds on a quiet machine, ~2 min on a loaded one). */
const TESTSSL_MS = 150_000;
/** testssl.sh always gets at least this long, in ms, even when the benchmark's time budget is spent. */
const TESTSSL_MIN_MS = 20_000;

async function medianOf(reps: number, run: () => Promise<Timed>): Promise<{ ms: number; last: Timed }> {
  const ms: number[] = [];
  let last: Timed = { ms: 0, code: null, out: '' };
  for (let i = 0; i < reps; i += 1) {
    last = await run();
    ms.push(last.ms);
  }
  return { ms: median(ms), last };
}

export interface WholeProcessFigures {
  nodeMs: number;
  versionMs: number;
  explainMs: number;
  autoMs: number;
  /** `diagnose --method auto` from spawn to its first packet. */
  firstPacketMs: number;
  autoVerdict: string;
  /** swaks × 3 + openssl × 5 (the baseline). */
  classicMs: number | null;
  classicWhy: string | null;
  /** The classic tools doing the same checks as `auto` (classic.ts). */
  classicFullMs: number | null;
  classicFullWhy: string | null;
  /** Classic steps that exited non-zero (first run). */
  classicFailed: string[];
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

    const classic = await benchClassic(lab, ca, reps);

    let testsslMs: number | null = null;
    let testsslWhy: string | null = null;
    const testssl = ['/usr/bin/testssl', '/usr/bin/testssl.sh'].find((p) => existsSync(p));
    if (!testssl) testsslWhy = 'testssl.sh is not installed (apt-get install testssl.sh)';
    else {
      const sub = proxyFor(lab, SUBMISSION_HOST, SUBMISSION_PORT);
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
      classicMs: classic.baselineMs,
      classicWhy: classic.why,
      classicFullMs: classic.fullMs,
      classicFullWhy: classic.fullWhy,
      classicFailed: classic.failed,
      testsslMs,
      testsslWhy,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
