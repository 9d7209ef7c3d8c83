// The recommendation for `auto`: which method fits, informed by what actually worked. Local ranking until the
// shared advisor (src/shared/methods.ts adviseMethods) lands; then its rules decide and these scores inform it.
import type { Check, DeviceProfile, Diagnosis, Method, Verdict } from '../../shared/model';

export type Recommendation = NonNullable<Diagnosis['recommendation']>;

const SCORE: Record<Verdict, number> = { pass: 100, warn: 60, fail: 0 };
/** Preference when scores tie: submission (internal + external, per-mailbox), relay, Direct Send (internal only). */
const PREFERENCE: readonly Method[] = ['submission', 'relay', 'direct-send'];

export function recommend(
  verdicts: Partial<Record<Method, Verdict>>,
  checks: readonly Check[],
  membership: Partial<Record<Method, string[]>>,
  device: DeviceProfile | null,
): Recommendation | null {
  const methods = PREFERENCE.filter((m) => verdicts[m] !== undefined);
  if (methods.length === 0) return null;
  const ranking = methods.map((method) => {
    const v = verdicts[method] ?? 'fail';
    const ids = membership[method] ?? [];
    const bad = checks.filter((c) => ids.includes(c.id) && (c.status === 'fail' || c.status === 'warn'));
    const reasons = bad.length
      ? bad.map((c) => `${c.id}: ${c.status}${c.findings.length ? ` (${c.findings.map((f) => f.code).join(', ')})` : ''}`)
      : [`every ${method} check passed`];
    let score = SCORE[v] - PREFERENCE.indexOf(method);
    // A device without TLS 1.2 cannot use client submission whatever the server does.
    if (method === 'submission' && device && (device.maxTls === null || device.maxTls === '1.0' || device.maxTls === '1.1')) {
      score = Math.min(score, 10);
      reasons.push(`device ${device.id} has no TLS 1.2 (client submission requires it)`);
    }
    return { method, score, reasons };
  });
  ranking.sort((a, b) => b.score - a.score);
  const best = ranking[0];
  return best ? { method: best.method, ranking } : null;
}
