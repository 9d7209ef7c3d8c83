// Which checklist steps the diagnosis has proven or disproven: a step names the fact it needs, and the check
// registry says which checks prove that fact (no matching on id text).
import { isProofKey, provesFact } from '../../../shared/check-registry';
import type { CheckProgress } from '../store/types';

export type StepVerification = 'pass' | 'fail' | 'warn' | 'running' | 'none';

/** `verifiedBy` is a proof key (see VERIFIED_BY) or one check's exact id. */
export function verificationOf(verifiedBy: string | undefined, checks: readonly CheckProgress[]): StepVerification {
  if (!verifiedBy) return 'none';
  const proof = isProofKey(verifiedBy) ? verifiedBy : null;
  const related = checks.filter((c) => c.id === verifiedBy || (proof !== null && provesFact(c.id, proof)));
  if (related.length === 0) return 'none';
  if (related.some((c) => c.state === 'fail')) return 'fail';
  if (related.some((c) => c.state === 'running')) return 'running';
  if (related.some((c) => c.state === 'warn')) return 'warn';
  if (related.every((c) => c.state === 'skip')) return 'none';
  return 'pass';
}
