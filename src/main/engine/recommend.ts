// The recommendation for `auto`: the shared advisor's rules (src/shared/methods.ts) fed with what the probes
// actually observed (SMTP AUTH on or off, Security Defaults, Reject Direct Send), then re-ranked by what worked.
import { checkId, detailsOf, type CheckKind, type CheckScope } from '../../shared/check-registry';
import type { FindingCode } from '../../shared/findings/codes';
import type { Check, DiagnoseRequest, Diagnosis, Method, Verdict } from '../../shared/model';
import { adviseMethods, AdvisorInputSchema, type AdvisorInput } from '../../shared/methods';

export type Recommendation = NonNullable<Diagnosis['recommendation']>;

/** Points a method loses for what was observed: a failing method must never outrank a working one. */
const OBSERVED_PENALTY: Record<Verdict, number> = { pass: 0, warn: 10, fail: 200 };
/** Points lost when the advisor's rules say the method cannot work for this device/tenant. */
const NOT_VIABLE_PENALTY = 100;

const has = (checks: readonly Check[], code: FindingCode) => checks.some((c) => c.findings.some((f) => f.code === code));
const status = (checks: readonly Check[], kind: CheckKind, scope: CheckScope) => checks.find((c) => c.id === checkId(kind, scope))?.status;

/** What the advisor needs, from the request plus what the checks saw. */
export function advisorInput(request: DiagnoseRequest, checks: readonly Check[], now = new Date()): AdvisorInput {
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
    tenantSmtpAuth: has(checks, 'SMTP_AUTH_DISABLED_TENANT') ? 'disabled' : authPassed ? 'enabled' : 'unknown',
    securityDefaults: has(checks, 'SECURITY_DEFAULTS_BLOCK') ? 'on' : authPassed ? 'off' : 'unknown',
    rejectDirectSend: has(checks, 'DIRECT_SEND_REJECTED') ? 'on' : status(checks, 'envelope.internal', 'mx') === 'pass' ? 'off' : 'unknown',
    serverFieldMaxLength: d?.serverFieldMaxLength ?? null,
    ...(t.domain ? { domain: t.domain } : {}),
    ...(typeof mxHost === 'string' ? { mxHost } : {}),
    ...(t.user ? { mailbox: t.user } : {}),
    now,
  };
  return AdvisorInputSchema.parse(input);
}

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
      .map((c) => `check ${c.id}: ${c.status}${c.findings.length ? ` (${c.findings.map((f) => f.code).join(', ')})` : ''}`);
    const rules = (a?.reasons ?? []).filter((r) => r.effect !== 'plus').map((r) => `advisor ${r.code}: ${r.effect}`);
    const score = (a?.score ?? 50) - OBSERVED_PENALTY[v] - (a && !a.viable ? NOT_VIABLE_PENALTY : 0);
    const reasons = [...observed, ...rules];
    return { method, score, reasons: reasons.length ? reasons : [`every ${method} check passed`] };
  });
  ranking.sort((x, y) => y.score - x.score);
  const best = ranking[0];
  return best ? { method: best.method, ranking } : null;
}
