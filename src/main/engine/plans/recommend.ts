// The recommendation for `auto`: the shared advisor's rules (src/shared/methods.ts) fed with what the probes
// actually observed (SMTP AUTH on or off, Security Defaults, Reject Direct Send), then re-ranked by what worked.
import { checkId, detailsOf, type CheckKind, type CheckScope } from '../../../shared/check-registry';
import type { FindingCode } from '../../../shared/findings/codes';
import type { Check, DiagnoseRequest, Delivers, Diagnosis, Method, Verdict } from '../../../shared/model';
import { adviseMethods, AdvisorInputSchema, type AdvisorInput } from '../../../shared/methods';

export type Recommendation = NonNullable<Diagnosis['recommendation']>;

/** Points a method loses for what was observed: a failing method must never outrank a working one. */
const OBSERVED_PENALTY: Record<Verdict, number> = { pass: 0, warn: 10, fail: 200 };
/** Points lost when the advisor's rules say the method cannot work for this device/tenant. */
const NOT_VIABLE_PENALTY = 100;

const has = (checks: readonly Check[], code: FindingCode) =>
  checks.some((c) => c.findings.some((f) => f.code === code));
const status = (checks: readonly Check[], kind: CheckKind, scope: CheckScope) =>
  checks.find((c) => c.id === checkId(kind, scope))?.status;

/** What the advisor needs, from the request plus what the checks saw. */
export function advisorInput(
  request: DiagnoseRequest,
  checks: readonly Check[],
  now = new Date(),
): AdvisorInput {
  const t = request.target;
  const d = request.device;
  const home = (t.domain ?? t.from?.split('@')[1] ?? '').toLowerCase();
  const external = t.to.some((a) => (a.split('@')[1] ?? '').toLowerCase() !== home);
  const auth = status(checks, 'smtp.auth', 'submission');
  const authPassed = auth === 'pass' || (auth === 'warn' && !has(checks, 'AUTH_FAILED'));
  const mxCheck = checks.find((c) => detailsOf(c, 'dns.mx') !== null);
  const mxHost = mxCheck ? detailsOf(mxCheck, 'dns.mx')?.endpoint : undefined;
  const input = {
    recipients: external ? 'external' : 'internal',
    deviceTlsMax: d ? d.maxTls : '1.2',
    cipherFamily: d?.cipherFamily ?? 'any',
    supportsAuth: d ? d.authMechanisms.length > 0 : true,
    supportsOAuth: d?.oauth ?? false,
    staticIp: t.expectedIp ?? false,
    tenantSmtpAuth: has(checks, 'SMTP_AUTH_DISABLED_TENANT')
      ? 'disabled'
      : authPassed
        ? 'enabled'
        : 'unknown',
    securityDefaults: has(checks, 'SECURITY_DEFAULTS_BLOCK') ? 'on' : authPassed ? 'off' : 'unknown',
    rejectDirectSend: has(checks, 'DIRECT_SEND_REJECTED')
      ? 'on'
      : status(checks, 'envelope.internal', 'mx') === 'pass'
        ? 'off'
        : 'unknown',
    serverFieldMaxLength: d?.serverFieldMaxLength ?? null,
    ...(t.domain ? { domain: t.domain } : {}),
    ...(typeof mxHost === 'string' ? { mxHost } : {}),
    ...(t.user ? { mailbox: t.user } : {}),
    now,
  };
  return AdvisorInputSchema.parse(input);
}

/** Recipients the technician asked for, by kind (the sender stands in as internal when no --to is given). */
export function askedRecipients(request: DiagnoseRequest): { internal: string[]; external: string[] } {
  const t = request.target;
  const home = (t.domain ?? t.from?.split('@')[1] ?? '').toLowerCase();
  const internal = t.to.filter((a) => (a.split('@')[1] ?? '').toLowerCase() === home);
  const external = t.to.filter((a) => (a.split('@')[1] ?? '').toLowerCase() !== home);
  if (t.to.length === 0 && t.from) internal.push(t.from);
  return { internal, external };
}

const ENVELOPE_OK = new Set(['pass', 'warn']);

/** How much of the request a method delivered, from its envelope checks (Direct Send never reaches outside). */
function delivered(
  method: Method,
  request: DiagnoseRequest,
  checks: readonly Check[],
): {
  delivers: Delivers;
  part?: string;
  reachedKind?: 'internal' | 'external';
  reached?: string[];
  missed?: string[];
} {
  const asked = askedRecipients(request);
  const scope: CheckScope = method === 'submission' ? 'submission' : 'mx';
  const ok = (kind: 'internal' | 'external') => {
    if (method === 'direct-send' && kind === 'external') return false;
    return ENVELOPE_OK.has(status(checks, `envelope.${kind}`, scope) ?? 'skip');
  };
  const kinds = (['internal', 'external'] as const).filter((k) => asked[k].length > 0);
  const good = kinds.filter(ok);
  if (good.length === kinds.length) return { delivers: 'all' }; // nothing asked: nothing missing
  if (good.length === 0) return { delivers: 'none' };
  const bad = kinds.filter((k) => !good.includes(k));
  return {
    delivers: 'part',
    reachedKind: good[0] ?? 'internal',
    reached: good.flatMap((k) => asked[k]),
    missed: bad.flatMap((k) => asked[k]),
    part: `${good.join(', ')} recipients only (${good.flatMap((k) => asked[k]).join(', ')}); not ${bad.join(', ')} (${bad.flatMap((k) => asked[k]).join(', ')})`,
  };
}

const VERDICT_ORDER: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
const DELIVERS_ORDER: Record<Delivers, number> = { all: 0, part: 1, none: 2 };

/**
 * Ranks the tested methods for this job. A method that cannot do the job (the advisor's blockers: Direct Send to
 * an external recipient, relay without a static IP, submission for a device that cannot sign in) is never ranked
 * above one that can, whatever was observed; then what was observed decides (delivered everything asked, then
 * pass > warn > fail), then the advisor's score.
 */
export function recommend(
  request: DiagnoseRequest,
  verdicts: Partial<Record<Method, Verdict>>,
  checks: readonly Check[],
  membership: Partial<Record<Method, string[]>>,
): Recommendation | null {
  const tested = (Object.keys(verdicts) as Method[]).filter((m) => verdicts[m] !== undefined);
  if (tested.length === 0) return null;
  let advice: ReturnType<typeof adviseMethods> | null = null;
  try {
    advice = adviseMethods(advisorInput(request, checks));
  } catch {
    advice = null; // a value the advisor's schema refuses: rank on observations alone
  }
  const ranking = tested.map((method) => {
    const v = verdicts[method] ?? 'fail';
    const a = advice?.methods.find((m) => m.method === method);
    const ids = membership[method] ?? [];
    const observed = checks
      .filter((c) => ids.includes(c.id) && (c.status === 'fail' || c.status === 'warn'))
      .map(
        (c) =>
          `check ${c.id}: ${c.status}${c.findings.length ? ` (${c.findings.map((f) => f.code).join(', ')})` : ''}`,
      );
    const rules = (a?.reasons ?? [])
      .filter((r) => r.effect !== 'plus')
      .map((r) => `advisor ${r.code}: ${r.effect}`);
    const viable = a ? a.viable : true;
    const score = (a?.score ?? 50) - OBSERVED_PENALTY[v] - (viable ? 0 : NOT_VIABLE_PENALTY);
    const d = delivered(method, request, checks);
    const reasons = [...observed, ...rules, ...(d.part ? [`delivers ${d.part}`] : [])];
    return {
      method,
      score,
      reasons: reasons.length ? reasons : [`every ${method} check passed`],
      viable,
      ...d,
      verdict: v,
    };
  });
  ranking.sort(
    (x, y) =>
      Number(y.viable) - Number(x.viable) ||
      DELIVERS_ORDER[x.delivers] - DELIVERS_ORDER[y.delivers] ||
      VERDICT_ORDER[x.verdict] - VERDICT_ORDER[y.verdict] ||
      y.score - x.score,
  );
  const best = ranking[0];
  return best ? { method: best.method, ranking: ranking.map(({ verdict: _v, ...r }) => r) } : null;
}

/**
 * `auto`'s verdict: the recommended method's own verdict when it can do the job and delivered everything asked;
 * otherwise fail (no method delivers what was asked). Other methods failing turns a pass into a warning.
 */
export function autoVerdict(
  rec: Recommendation | null,
  verdicts: Partial<Record<Method, Verdict>>,
  all: Verdict,
): Verdict {
  const best = rec?.ranking[0];
  if (!rec || !best) return all;
  const own = verdicts[rec.method] ?? 'fail';
  if (best.viable === false || (best.delivers !== undefined && best.delivers !== 'all')) return 'fail';
  return own === 'pass' && all !== 'pass' ? 'warn' : own;
}
