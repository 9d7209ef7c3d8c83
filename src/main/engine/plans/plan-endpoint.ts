// Every check for one endpoint (submission host, or the tenant's MX host): DNS → then concurrently TCP per family,
// the main SMTP session (banner … envelope), the TLS matrix, the certificate; then the device verdict.
import type { Check } from '../../../shared/model';
import { checkId, type CheckKind } from '../../../shared/check-registry';
import { ref, runCheck, skipped, type EngineContext } from '../checks/check-runner';
import type { SkipReason } from '../../../shared/skip-reasons';
import { deviceAuthVerdict, deviceProbe, deviceVerdict } from './device-verdict';
import { resolveRoutes, tcpChecks, type Endpoint, type Routes } from '../checks/endpoint';
import { sessionChecks } from '../checks/smtp-checks';
import { runSmtpSession, type Phase, type Recipient, type SessionResult } from '../protocol/smtp-session';
import type { TlsInfo } from '../protocol/tls-connect';
import {
  MATRIX,
  matrixOutcome,
  runCertCheck,
  runProbe,
  verifiedCertOutcome,
  type ProbeRow,
} from '../checks/tls-probe';
import { sendTestMessage, type SendSpec } from '../checks/send';
import { SessionLog } from '../protocol/transcript';

export interface EndpointPlan {
  ep: Endpoint;
  tlsRequired: boolean;
  withAuth: boolean;
  externalExpectedRejected: boolean;
  from: string | undefined;
  rcpts: Recipient[];
}

export interface EndpointOutcome {
  routes: Routes | null;
  session: SessionResult | null;
  checks: Check[];
}

/** Which check a session phase's transcript rows belong to. */
function phaseCheck(plan: EndpointPlan): (phase: string) => string {
  const id = (kind: CheckKind) => checkId(kind, plan.ep.key);
  const map: Partial<Record<Phase, string>> = {
    connect: id('smtp.banner'),
    banner: id('smtp.banner'),
    ehlo: id('smtp.ehlo'),
    starttls: id('smtp.starttls'),
    tls: id('smtp.starttls'),
    ehlo2: id('smtp.starttls'),
    auth: id('smtp.auth'),
    envelope: id('envelope.internal'),
    quit: id('envelope.internal'),
  };
  return (phase) => map[phase as Phase] ?? id('smtp.banner');
}

async function mainSession(
  ctx: EngineContext,
  plan: EndpointPlan,
  routes: Routes,
): Promise<{ session: SessionResult | null; checks: Check[] }> {
  const { ep } = plan;
  const address = routes.v4[0] ?? routes.v6[0];
  if (address === undefined)
    return {
      session: null,
      checks: [skipped(ctx, ref('smtp.banner', ep.key), `Greeting from ${ep.host}`, { id: 'no-address' })],
    };
  const r = ctx.request;
  const auth =
    plan.withAuth && r.target.user && (r.password !== undefined || r.oauthToken !== undefined)
      ? { user: r.target.user, password: r.password, oauthToken: r.oauthToken }
      : undefined;
  const startedAt = performance.now();
  const log = new SessionLog(ctx.transcript, checkId('smtp.banner', ep.key), phaseCheck(plan));
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.limits.checkTimeoutMs)]);
  const session = await ctx.hosts.run(
    ep.host,
    () =>
      runSmtpSession(
        {
          host: ep.host,
          port: ep.port,
          address,
          connectPort: routes.port,
          localAddress: r.target.bind,
          ehloName: ctx.ehloName,
          tlsMode: plan.tlsRequired ? 'required' : 'opportunistic',
          // The main session is a modern client: TLS 1.2+ with the default ciphers, certificate verified.
          tls: { extraCaPem: r.extraCaPem, minVersion: '1.2', maxVersion: '1.3', rejectUnauthorized: true },
          auth,
          mailFrom: plan.from,
          rcpts: plan.rcpts,
          stopAfter: 'envelope',
        },
        ctx.limits,
        log,
        signal,
      ),
    auth?.user,
  );
  const checks = sessionChecks(ctx, ep, session, { ...plan, startedAt });
  if (plan.withAuth) {
    const offered = session.caps2?.auth ?? null;
    checks.push(
      await runCheck(ctx, ref('device.auth', ep.key), `Would the device's sign-in work?`, () =>
        Promise.resolve(deviceAuthVerdict(r.device, offered)),
      ),
    );
  }
  if (r.send) checks.push(await sendCheck(ctx, plan, routes, address, session, auth));
  return { session, checks };
}

/** --send: one real, labelled message to the recipients the envelope accepted; only after a clean envelope. */
async function sendCheck(
  ctx: EngineContext,
  plan: EndpointPlan,
  routes: Routes,
  address: string,
  s: SessionResult,
  auth: SendSpec['auth'],
): Promise<Check> {
  const sendRef = ref('send', plan.ep.key);
  const id = checkId('send', plan.ep.key);
  const title = 'Test message (--send)';
  const accepted = s.rcpts
    .filter((x) => x.reply && x.reply.code >= 250 && x.reply.code <= 251)
    .map((x) => x.address);
  const authOk = !plan.withAuth || s.auth?.reply?.code === 235;
  if (s.error || !s.mail || s.mail.code !== 250 || accepted.length === 0 || !authOk || !plan.from) {
    // Say the first thing that stopped it: the sign-in, a missing sender, or the envelope itself.
    // (A session that ended early says why in its own checks.)
    const signInRefused = plan.withAuth && !s.error && s.auth?.reply && s.auth.reply.code !== 235;
    const why: SkipReason = s.error
      ? { id: 'envelope-not-passed' }
      : signInRefused
        ? { id: 'auth-failed' }
        : !authOk
          ? { id: 'auth-not-attempted' }
          : !plan.from
            ? { id: 'no-sender' }
            : { id: 'envelope-not-passed' };
    return skipped(ctx, sendRef, title, why);
  }
  const from = plan.from;
  return runCheck(
    ctx,
    sendRef,
    title,
    (signal) =>
      ctx.hosts.run(
        plan.ep.host,
        () =>
          sendTestMessage(
            {
              host: plan.ep.host,
              address,
              port: routes.port,
              localAddress: ctx.request.target.bind,
              ehloName: ctx.ehloName,
              requireTls: plan.tlsRequired,
              extraCaPem: ctx.request.extraCaPem,
              from,
              to: accepted,
              auth,
            },
            ctx.limits,
            new SessionLog(ctx.transcript, id),
            signal,
          ),
        auth?.user,
      ),
    ctx.limits.sendTimeoutMs + 1_000,
  );
}

/** True when the main session shows the endpoint cannot reach TLS at all: probing it 6 more times is pointless. */
export function deadBeforeTls(s: SessionResult | null): boolean {
  if (!s) return true;
  if (
    s.errorPhase === 'connect' ||
    s.errorPhase === 'banner' ||
    s.errorPhase === 'ehlo' ||
    s.errorPhase === 'starttls'
  )
    return true;
  if (s.banner && s.banner.code !== 220) return true;
  if (s.ehlo && s.ehlo.code !== 250) return true;
  return (
    s.starttls !== null &&
    (!s.starttls.offered || (s.starttls.reply !== null && s.starttls.reply.code !== 220))
  );
}

async function tlsChecks(
  ctx: EngineContext,
  plan: EndpointPlan,
  routes: Routes,
  stop: AbortSignal,
): Promise<Check[]> {
  const { ep } = plan;
  const rows: ProbeRow[] = [];
  const device = ctx.request.device;
  const extra = device ? deviceProbe(device) : null;
  // The certificate check shares the matrix's connections: the first probe whose handshake our trust store verified
  // hands over its chain. Only when none did (untrusted, expired, wrong name, no handshake) does the check open its
  // own connection to read the certificate with verification off.
  let verified: (info: TlsInfo | null) => void = () => undefined;
  const firstVerified = new Promise<TlsInfo | null>((resolve) => (verified = resolve));
  const tls = await ctx.all([
    () =>
      runCheck(
        ctx,
        ref('tls.matrix', ep.key),
        `TLS versions and key exchange accepted by ${ep.host}`,
        async (signal) => {
          const defs = extra ? [...MATRIX, extra] : MATRIX;
          try {
            rows.push(
              ...(await ctx.all(
                defs.map(
                  (d) => () => runProbe(ctx, ep, routes, d, checkId('tls.matrix', ep.key), signal, verified),
                ),
              )),
            );
          } finally {
            verified(null);
          }
          return matrixOutcome(
            ep,
            rows.filter((r) => r.id !== 'device'),
          );
        },
      ),
    () =>
      runCheck(ctx, ref('tls.cert', ep.key), `Certificate of ${ep.host}`, async (signal) => {
        const info = await firstVerified;
        return (
          (info && verifiedCertOutcome(ep, info)) ??
          runCertCheck(ctx, ep, routes, checkId('tls.cert', ep.key), AbortSignal.any([signal, stop]))
        );
      }),
  ]);
  const verdict = await runCheck(ctx, ref('tls.device', ep.key), `Would the device's TLS get through?`, () =>
    Promise.resolve(deviceVerdict(device, rows, { tlsRequired: plan.tlsRequired, host: ep.host })),
  );
  return [...tls, verdict];
}

export async function runEndpoint(ctx: EngineContext, plan: EndpointPlan): Promise<EndpointOutcome> {
  const { routes, checks } = await resolveRoutes(ctx, plan.ep);
  if (routes.v4.length + routes.v6.length === 0) return { routes: null, session: null, checks };
  let session: SessionResult | null = null;
  // The TLS probes run alongside the main session, but stop once it shows the endpoint never reaches TLS.
  const stopTls = new AbortController();
  const groups = await ctx.all<Check[]>([
    () => tcpChecks(ctx, plan.ep, routes),
    async () => {
      const main = await mainSession(ctx, plan, routes);
      session = main.session;
      if (deadBeforeTls(main.session)) stopTls.abort();
      return main.checks;
    },
    () => tlsChecks(ctx, plan, routes, stopTls.signal),
  ]);
  return { routes, session, checks: [...checks, ...groups.flat()] };
}
