// `diagnose --lab SCENARIO`: the same diagnosis, against the built-in lab (練習用ラボ) started in this process. The
// run is marked practice in its data and labelled in every output; it is never saved into a report unless the
// technician says so with --save-practice (a customer's report must never silently get a lab run).
import { SCENARIOS, type Lab } from '../../lab/types';
import type { RequestParts } from '../../shared/diagnose-request';
import { UsageError, printable } from '../io';

/** Flags the lab supplies itself (its endpoints, DNS server and CA): giving them with --lab is a contradiction. */
const LAB_OWNS = ['host', 'port', 'connect-to', 'dns-server', 'ca'] as const;

/** Bad combinations of --lab / --save-practice with the other flags, checked before anything starts (exit 2). */
export function checkLabFlags(v: Record<string, unknown>): void {
  const lab = v.lab as string | undefined;
  if (lab === undefined) {
    if (v['save-practice'])
      throw new UsageError('--save-practice only makes sense with --lab (it allows saving a practice run)');
    return;
  }
  if (!(SCENARIOS as readonly string[]).includes(lab))
    throw new UsageError(
      `--lab: unknown scenario "${printable(lab)}"; choose one of: ${SCENARIOS.join(', ')}`,
    );
  for (const flag of LAB_OWNS) {
    if (v[flag] !== undefined)
      throw new UsageError(
        `--${flag} cannot be combined with --lab: the built-in lab supplies its own endpoints, DNS server and CA`,
      );
  }
  if (v.save && !v['save-practice']) {
    const into = typeof v.report === 'string' ? `report ${printable(v.report)}` : 'a report';
    throw new UsageError(
      `--lab runs a practice diagnosis against the built-in lab (practice (lab) / 練習用ラボ), not the customer's system: ` +
        `it is not saved into ${into} unless you add --save-practice (the saved run is then labelled practice)`,
    );
  }
}

/** Starts the lab for `scenario` (checked by checkLabFlags); loaded only when asked for (CLI start-up).
 *  `source`: the address this practice run leaves from (the connector's, unless the scenario's site is not). */
export async function startCliLab(scenario: string): Promise<{ lab: Lab; source: string | undefined }> {
  const { isScenario, startLab } = await import('../../lab');
  const { canBind, practiceSource } = await import('../../lab/practice-source');
  if (!isScenario(scenario)) throw new UsageError(`--lab: unknown scenario "${printable(scenario)}"`);
  const lab = await startLab({ scenario });
  return { lab, source: practiceSource(lab, await canBind(lab.tenant.connectorIp)) };
}

/** The request parts the lab supplies; what the technician typed (--user, --to, --from, --domain ...) is kept. */
export function labParts(
  lab: Lab,
  given: Partial<RequestParts>,
  hasSecret: boolean,
  source?: string,
): Partial<RequestParts> {
  const t = lab.tenant;
  const dns = lab.dns.address.includes(':')
    ? `[${lab.dns.address}]:${lab.dns.port}`
    : `${lab.dns.address}:${lab.dns.port}`;
  return {
    domain: given.domain ?? t.domain,
    from: given.from ?? t.mailbox,
    to: given.to && given.to.length > 0 ? given.to : [t.internalRecipient, t.externalRecipient],
    user: given.user ?? t.mailbox,
    expectedIp: given.expectedIp ?? t.connectorIp,
    // Leave from the site's address as the scenario has it (a typed --bind wins).
    bind: given.bind ?? source,
    connectTo: lab.connectTo,
    dnsServer: dns,
    extraCaPem: [lab.caPem],
    // The lab mailbox's password is public lab data (printed by `lab`); a typed secret wins.
    ...(hasSecret ? {} : { password: t.password }),
    practice: { scenario: lab.scenario },
  };
}
