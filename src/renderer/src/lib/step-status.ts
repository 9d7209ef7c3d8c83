// Which checklist steps the diagnosis has proven or disproven: src/shared/checklist-findings.ts decides (the check
// registry's proofs, narrowed by the findings' codes). Kept here as the renderer's entry point.
import { stepVerifications, type StepRef, type StepVerification } from '../../../shared/checklist-findings';
import type { CheckProgress } from '../store/types';

export type { StepVerification } from '../../../shared/checklist-findings';

/** One step's state, judged against the run's checks (with their finding codes). */
export function verificationOf(
  verifiedBy: string | undefined,
  checks: readonly CheckProgress[],
  stepId = verifiedBy ?? '',
): StepVerification {
  return stepVerifications([{ id: stepId, verifiedBy }], checks)[stepId] ?? 'none';
}

/** Every step's state at once: the findings can name only steps this checklist has. */
export function verificationsOf(
  steps: readonly StepRef[],
  checks: readonly CheckProgress[],
): Record<string, StepVerification> {
  return stepVerifications(steps, checks);
}
