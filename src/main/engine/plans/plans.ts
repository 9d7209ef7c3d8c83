// Which checks each method needs, and how their results add up. submission: smtp.office365.com:587 with STARTTLS
// and AUTH; direct-send: the tenant's MX host on 25, internal recipients; relay: the same MX host, external
// recipients accepted only from the connector's IP; auto: all three, sharing the MX session.
import net from 'node:net';
import {
  isExchangeMxHost,
  MX_PORT,
  SUBMISSION_HOST,
  SUBMISSION_PORT,
  UNSUPPORTED_IMPLICIT_TLS_PORT,
} from '../../../shared/exchange-online';
import { decidesMethod } from '../../../shared/check-registry';
import type { Check, FindingRef, Method, Verdict } from '../../../shared/model';
import { METHODS, verdictOf } from '../../../shared/model';
import { ref, runCheck, skipped, type EngineContext } from '../checks/check-runner';
import { runEndpoint, type EndpointPlan } from './plan-endpoint';
import { egressCheck, mxCheck, prefetchSpf, spfCheck } from './plan-tenant';
import type { Recipient, SessionResult } from '../protocol/smtp-session';
import { isHveHost } from '../../../shared/hve';

export { MX_PORT, SUBMISSION_HOST, SUBMISSION_PORT } from '../../../shared/exchange-online';

export interface PlanResult {
  checks: Check[];
  egressIp: string | null;
  /** Method → ids of the checks that decide it. */
  membership: Partial<Record<Method, string[]>>;
}

const domainOf = (addr: string) => addr.slice(addr.lastIndexOf('@') + 1).toLowerCase();

/** The first internal and first external recipient; the sender itself stands in as the internal one. */
export function pickRecipients(
  to: readonly string[],
  domain: string | undefined,
  from: string | undefined,
): Recipient[] {
  const home = (domain ?? (from ? domainOf(from) : '')).toLowerCase();
  const internal = to.find((a) => domainOf(a) === home) ?? from;
  const external = to.find((a) => domainOf(a) !== home);
  const out: Recipient[] = [];
  if (internal) out.push({ address: internal, kind: 'internal' });
  if (external) out.push({ address: external, kind: 'external' });
  return out;
}

function configCheck(
  ctx: EngineContext,
  host: string,
  port: number,
  method: Method,
  rcpts: readonly Recipient[] = [],
): Promise<Check> {
  return runCheck(ctx, ref('config', method), `Server and port for ${method}`, () => {
    const findings: FindingRef[] = [];
    // High Volume Email (smtp.hve.mx.microsoft) is client submission to internal recipients only (src/shared/hve.ts).
    const hve = isHveHost(host);
    if (hve && method !== 'submission') findings.push({ code: 'ENDPOINT_METHOD_MISMATCH', params: { host } });
    const external = rcpts.find((r) => r.kind === 'external');
    if (hve && method === 'submission' && external) {
      findings.push({
        code: 'HVE_EXTERNAL_RECIPIENT',
        params: { host, domain: ctx.request.target.domain ?? '' },
        evidence: [`RCPT TO:<${external.address}>`],
      });
    }
    if (net.isIP(host)) findings.push({ code: 'HOST_IS_IP_ADDRESS', params: { host } });
    if (port === UNSUPPORTED_IMPLICIT_TLS_PORT)
      findings.push({ code: 'PORT_465_UNSUPPORTED', params: { port: String(port) } });
    if (method === 'submission' && isExchangeMxHost(host))
      findings.push({ code: 'ENDPOINT_METHOD_MISMATCH', params: { host } });
    if (method !== 'submission' && host.toLowerCase() === SUBMISSION_HOST)
      findings.push({ code: 'ENDPOINT_METHOD_MISMATCH', params: { host } });
    return Promise.resolve({ status: findings.length ? 'fail' : 'pass', findings, details: { host, port } });
  });
}

export async function runPlan(ctx: EngineContext): Promise<PlanResult> {
  const t = ctx.request.target;
  const method = t.method;
  const wants = (m: Method) => method === 'auto' || method === m;
  const mxWanted = wants('direct-send') || wants('relay');
  const membership: PlanResult['membership'] = {};
  const checks: Check[] = [];
  // The sender's domain: --domain, else the domain of --from (a technician has the device's sender address).
  const domain = t.domain ?? (t.from?.includes('@') ? domainOf(t.from) : undefined);
  const txt = mxWanted ? prefetchSpf(ctx, domain) : null;
  let subSession: SessionResult | null = null;
  let mxSession: SessionResult | null = null;

  const submission = async () => {
    const host =
      (method === 'submission' ? t.host : undefined) ??
      (t.host && method === 'auto' && !isExchangeMxHost(t.host) ? t.host : SUBMISSION_HOST);
    const port = (method === 'submission' || method === 'auto' ? t.port : undefined) ?? SUBMISSION_PORT;
    const from = t.from ?? t.user;
    const plan: EndpointPlan = {
      ep: { key: 'submission', host, port },
      tlsRequired: true,
      withAuth: true,
      externalExpectedRejected: false,
      from,
      rcpts: pickRecipients(t.to, t.domain, from),
    };
    // The configuration check is instant (no network): it runs first.
    const config = await configCheck(ctx, host, port, 'submission', plan.rcpts);
    const res = await runEndpoint(ctx, plan);
    subSession = res.session;
    return [config, ...res.checks];
  };

  const mx = async () => {
    // Without a domain (neither --domain nor --from) the MX check is skipped, saying why, and --host is tested as given.
    const found = domain
      ? await mxCheck(ctx, domain)
      : {
          host: null,
          check: skipped(ctx, ref('dns.mx'), 'MX record of the domain', {
            id: 'no-domain',
            ...(t.host ? { host: t.host } : {}),
          }),
        };
    const mine: Check[] = [found.check];
    // The server as the device has it, when the MX record did not give one (no domain, or no MX found).
    const host = found.host ?? (method !== 'auto' ? t.host : undefined) ?? null;
    if (host) {
      const port = (method === 'direct-send' || method === 'relay' ? t.port : undefined) ?? MX_PORT;
      if (method !== 'auto' && t.host && t.host.toLowerCase() !== host.toLowerCase()) {
        mine.push(await configCheck(ctx, t.host, port, method));
      }
      const from = t.from ?? t.user;
      const out = await runEndpoint(ctx, {
        ep: { key: 'mx', host, port },
        tlsRequired: false,
        withAuth: false,
        externalExpectedRejected: method === 'direct-send',
        from,
        rcpts: pickRecipients(t.to, domain, from),
      });
      mxSession = out.session;
      mine.push(...out.checks);
    }
    return mine;
  };

  const steps: (() => Promise<Check[]>)[] = [];
  if (wants('submission')) steps.push(submission);
  if (mxWanted) steps.push(mx);
  for (const group of await ctx.all(steps)) checks.push(...group);

  const egressIp =
    (subSession as SessionResult | null)?.egressIp ?? (mxSession as SessionResult | null)?.egressIp ?? null;
  if (mxWanted) {
    const spf = await spfCheck(ctx, domain, txt, egressIp);
    checks.push(spf);
    if (wants('relay'))
      checks.push(
        await egressCheck(ctx, t.expectedIp, (mxSession as SessionResult | null)?.egressIp ?? egressIp),
      );
  }
  // Which checks decide which method is the registry's to say (src/shared/check-registry.ts).
  for (const m of METHODS) {
    if (wants(m)) membership[m] = checks.filter((c) => decidesMethod(c.id, m)).map((c) => c.id);
  }
  return { checks, egressIp, membership };
}

/** Worst status wins; when nothing was decided (every check skipped) nothing was verified: warn, never pass. */
export function decidedVerdict(statuses: readonly Check['status'][]): Verdict {
  return statuses.some((s) => s !== 'skip') ? verdictOf(statuses) : 'warn';
}

/** Each method's verdict from the checks that decide it. */
export function methodVerdicts(
  checks: readonly Check[],
  membership: PlanResult['membership'],
): Partial<Record<Method, Verdict>> {
  const out: Partial<Record<Method, Verdict>> = {};
  for (const [m, ids] of Object.entries(membership) as [Method, string[]][]) {
    out[m] = decidedVerdict(checks.filter((c) => ids.includes(c.id)).map((c) => c.status));
  }
  return out;
}
