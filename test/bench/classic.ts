// The classic tools a technician would run instead of `diagnose --method auto`, one after another, against the same
// lab behind the same delaying proxies (whole processes, spawn to exit):
//   - the baseline: swaks × 3 (submission with AUTH, Direct Send, relay from the connector's IP) and
//     openssl s_client × 5 (TLS 1.0, 1.1, 1.2 ECDHE, 1.2 RSA, 1.3 via STARTTLS) on the submission endpoint;
//   - the same checks as `auto`: that baseline plus what `auto` also does and it leaves out — the TLS matrix of the
//     MX endpoint (openssl s_client × 5 on port 25), the MX lookup and the SPF record (dig × 2), and the external
//     recipient on the submission session (swaks --to both). Printed beside the baseline; the target
//     stays on the baseline.
import { existsSync } from 'node:fs';
import { MX_PORT, SUBMISSION_HOST, SUBMISSION_PORT } from '../../src/shared/exchange-online';
import type { RemoteLab } from './lab-process';
import { median, timed, type Timed } from './timed';

export interface ClassicFigures {
  /** swaks × 3 + openssl × 5 (the baseline), or null with `why`. */
  baselineMs: number | null;
  /** The same checks as `auto`, or null with `fullWhy`. */
  fullMs: number | null;
  why: string | null;
  fullWhy: string | null;
  /** Steps of the full sequence that exited non-zero in its first run (a tool that failed fast would flatter it). */
  failed: string[];
}

const SWAKS = '/usr/bin/swaks';
const OPENSSL = '/usr/bin/openssl';
const DIG = '/usr/bin/dig';

/** Where a lab endpoint is reachable (its proxy), from the lab's connect-to rules. By host and port: the lab also
 *  answers smtp.office365.com on port 25, so "the first rule for port 25" is the submission endpoint, not the MX. */
export function proxyFor(lab: RemoteLab, host: string, port: number): { host: string; port: number } {
  const rule = lab.connectTo.find((r) => r.host === host && r.port === port);
  if (!rule) throw new Error(`no lab endpoint ${host}:${port}`);
  return { host: rule.toHost, port: rule.toPort };
}

type Step = { name: string; run: () => Promise<Timed> };

function steps(lab: RemoteLab, ca: string): { baseline: Step[]; full: Step[] } {
  const t = lab.tenant;
  const sub = proxyFor(lab, SUBMISSION_HOST, SUBMISSION_PORT);
  const mx = proxyFor(lab, t.mxHost, MX_PORT);
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
  const auth = ['--auth', 'LOGIN', '--auth-user', t.mailbox, '--auth-password', t.password];
  const ossl = (server: { host: string; port: number }, flags: string[]): Step => ({
    name: `openssl s_client :${server.port} ${flags[0] ?? ''}`,
    run: () =>
      timed(OPENSSL, [
        's_client',
        '-connect',
        `${server.host}:${server.port}`,
        '-starttls',
        'smtp',
        '-CAfile',
        ca,
        ...flags,
      ]),
  });
  const matrix = (server: { host: string; port: number }) => [
    ossl(server, ['-tls1', '-cipher', 'DEFAULT:@SECLEVEL=0']),
    ossl(server, ['-tls1_1', '-cipher', 'DEFAULT:@SECLEVEL=0']),
    ossl(server, ['-tls1_2', '-cipher', 'kECDHE']),
    ossl(server, ['-tls1_2', '-cipher', 'kRSA:@SECLEVEL=0']),
    ossl(server, ['-tls1_3']),
  ];
  const [dnsHost = '127.0.0.1', dnsPort = '53'] = lab.dnsServer.split(':');
  const dig = (type: string): Step => ({
    name: `dig ${type}`,
    run: () => timed(DIG, ['+time=5', '+tries=1', '-p', dnsPort, `@${dnsHost}`, type, t.domain]),
  });
  const swaks = (name: string, args: string[]): Step => ({ name, run: () => timed(SWAKS, args) });
  const mxSwaks: Step[] = [
    swaks('swaks Direct Send', sw(mx, ['--to', t.internalRecipient])),
    swaks('swaks relay', sw(mx, ['--to', t.externalRecipient, '--local-interface', t.connectorIp])),
  ];
  return {
    baseline: [
      swaks('swaks submission', sw(sub, ['--to', t.internalRecipient, ...auth])),
      ...mxSwaks,
      ...matrix(sub),
    ],
    full: [
      dig('MX'),
      dig('TXT'),
      // The submission session tries both recipients, as auto's envelope checks do.
      swaks(
        'swaks submission (both recipients)',
        sw(sub, ['--to', `${t.internalRecipient},${t.externalRecipient}`, ...auth]),
      ),
      ...mxSwaks,
      ...matrix(sub),
      ...matrix(mx),
    ],
  };
}

/** Runs each sequence `reps` times, one tool after another; medians of the sums. */
export async function benchClassic(lab: RemoteLab, ca: string, reps: number): Promise<ClassicFigures> {
  if (!existsSync(SWAKS) || !existsSync(OPENSSL))
    return {
      baselineMs: null,
      fullMs: null,
      why: 'swaks and openssl are needed (apt-get install swaks libnet-ssleay-perl openssl)',
      fullWhy: 'swaks and openssl are needed',
      failed: [],
    };
  const { baseline, full: fullSteps } = steps(lab, ca);
  const withDig = existsSync(DIG);
  const failed: string[] = [];
  const sumOf = async (seq: readonly Step[], first: boolean) => {
    let sum = 0;
    for (const step of seq) {
      const r = await step.run();
      sum += r.ms;
      if (first && r.code !== 0) failed.push(`${step.name} (exit ${r.code})`);
    }
    return sum;
  };
  const base: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    base.push(await sumOf(baseline, false));
    if (withDig) full.push(await sumOf(fullSteps, i === 0));
  }
  return {
    baselineMs: median(base),
    fullMs: withDig ? median(full) : null,
    why: null,
    fullWhy: withDig ? null : 'dig is needed (apt-get install bind9-dnsutils)',
    failed,
  };
}
