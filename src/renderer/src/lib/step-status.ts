// Which checklist steps the diagnosis has proven or disproven: a step names the engine check that verifies it.
import type { CheckProgress } from '../store/types';

export type StepVerification = 'pass' | 'fail' | 'warn' | 'running' | 'none';

/** A check id matches exactly, or as a prefix at a dot boundary ('tls.submission' covers 'tls.submission.matrix'). */
export function verificationOf(verifiedBy: string | undefined, checks: readonly CheckProgress[]): StepVerification {
  if (!verifiedBy) return 'none';
  const related = checks.filter((c) => c.id === verifiedBy || c.id.startsWith(`${verifiedBy}.`));
  if (related.length === 0) return 'none';
  if (related.some((c) => c.state === 'fail')) return 'fail';
  if (related.some((c) => c.state === 'running')) return 'running';
  if (related.some((c) => c.state === 'warn')) return 'warn';
  if (related.every((c) => c.state === 'skip')) return 'none';
  return 'pass';
}
