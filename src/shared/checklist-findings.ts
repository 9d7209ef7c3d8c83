// Checklist ↔ findings, exactly: which checklist steps a finding disproves, and each step's state after a run.
// A step is proven by the checks the registry names for its fact (VERIFIED_BY, check-registry.ts); a finding
// narrows a failed fact to the step(s) it is about. So a wrong password (AUTH_FAILED) reddens the password step
// only: the server/port/TLS steps are green from their own checks, and the other sign-in steps stay "not proven".
// A failed check whose findings name no step of this checklist reddens every step of its fact (cannot narrow).
// Pure: no DOM, no Node.
import { isProofKey, provesFact } from './check-registry';
import type { FindingCode } from './findings/codes';

export type StepVerification = 'pass' | 'fail' | 'warn' | 'running' | 'none';

/**
 * The steps a finding is about, by step role: a checklist step id without its method prefix
 * (`submission.password` → `password`, `relay.connector` → `connector`; see src/shared/checklist*.ts).
 * A role absent from a checklist (e.g. `connector` on client submission) is ignored there.
 */
export const FINDING_STEPS: Partial<Record<FindingCode, readonly string[]>> = {
  DNS_NAME_NOT_FOUND: ['server'],
  HOST_IS_IP_ADDRESS: ['server'],
  ENDPOINT_METHOD_MISMATCH: ['server'],
  TLS_CERT_NAME_MISMATCH: ['server'],
  MX_NOT_FOUND: ['mx'],
  MX_NOT_EXCHANGE_ONLINE: ['mx'],
  TCP_REFUSED: ['server', 'port'],
  TCP_TIMEOUT: ['server', 'port'],
  TCP_UNREACHABLE: ['server', 'port'],
  CANNOT_CONNECT: ['server', 'port'],
  NOT_SMTP: ['server', 'port'],
  PORT_465_UNSUPPORTED: ['port'],
  STARTTLS_NOT_OFFERED: ['tls'],
  STARTTLS_REJECTED: ['tls'],
  STARTTLS_REQUIRED: ['tls'],
  TLS_MODE_MISMATCH: ['tls'],
  TLS_HANDSHAKE_FAILED: ['tls'],
  TLS_VERSION_UNSUPPORTED: ['tls'],
  TLS_CIPHER_MISMATCH: ['tls'],
  TLS_REQUIRED_BY_CONNECTOR: ['tls'],
  // Exchange Online offers AUTH only after STARTTLS.
  AUTH_NOT_OFFERED: ['tls'],
  AUTH_MECHANISM_UNSUPPORTED: ['auth-on'],
  CLIENT_NOT_AUTHENTICATED: ['auth-on'],
  AUTH_FAILED: ['password'],
  SMTP_AUTH_DISABLED_TENANT: ['enable-smtp-auth'],
  SMTP_AUTH_DISABLED_MAILBOX: ['enable-smtp-auth'],
  SECURITY_DEFAULTS_BLOCK: ['security-defaults'],
  CONDITIONAL_ACCESS_BLOCK: ['security-defaults'],
  BASIC_AUTH_DISABLED: ['security-defaults'],
  SEND_AS_DENIED: ['from'],
  SENDER_DOMAIN_UNREGISTERED: ['from'],
  RELAY_DENIED: ['connector'],
  RELAY_NOT_ATTRIBUTED: ['connector'],
  EGRESS_IP_NOT_CONNECTOR: ['connector'],
  DIRECT_SEND_REJECTED: ['allowed'],
  SPF_RECORD_MISSING: ['spf'],
  SPF_MULTIPLE_RECORDS: ['spf'],
  SPF_MISSING_EXCHANGE_INCLUDE: ['spf'],
  SPF_MISSING_EGRESS_IP: ['spf'],
  SPF_FAIL: ['spf'],
  OAUTH_CONSENT_MISSING: ['oauth.consent', 'oauth.app-registration'],
  OAUTH_SCOPE_MISSING: ['oauth.consent', 'oauth.app-registration'],
  OAUTH_SIGNIN_NOT_COMPLETED: ['oauth.sign-in'],
  OAUTH_MFA_REQUIRED: ['oauth.sign-in'],
};

/** `submission.password` → `password`; `submission.oauth.sign-in` → `oauth.sign-in`. */
export function stepRole(stepId: string): string {
  const dot = stepId.indexOf('.');
  return dot < 0 ? stepId : stepId.slice(dot + 1);
}

/** A check as far as the checklist cares: its id, its state and the codes of its findings. */
export interface CheckOutcome {
  id: string;
  /** 'running' or a check status (pass, fail, warn, skip …). */
  state: string;
  codes?: readonly string[];
}

export interface StepRef {
  id: string;
  verifiedBy?: string | undefined;
}

const rolesOf = (code: string): readonly string[] => FINDING_STEPS[code as FindingCode] ?? [];

/** Each step's state after (or during) a run. */
export function stepVerifications(
  steps: readonly StepRef[],
  checks: readonly CheckOutcome[],
): Record<string, StepVerification> {
  const roles = new Set(steps.map((s) => stepRole(s.id)));
  /** True when one of the check's findings names a step of this checklist: the check's blame is narrowed. */
  const narrowed = (c: CheckOutcome) =>
    (c.codes ?? []).some((code) => rolesOf(code).some((r) => roles.has(r)));
  const out: Record<string, StepVerification> = {};
  for (const step of steps) {
    const role = stepRole(step.id);
    const blaming = checks.filter(
      (c) =>
        (c.state === 'fail' || c.state === 'warn') &&
        (c.codes ?? []).some((code) => rolesOf(code).includes(role)),
    );
    if (blaming.length > 0) {
      out[step.id] = blaming.some((c) => c.state === 'fail') ? 'fail' : 'warn';
      continue;
    }
    out[step.id] = fromProof(step.verifiedBy, checks, narrowed);
  }
  return out;
}

function fromProof(
  verifiedBy: string | undefined,
  checks: readonly CheckOutcome[],
  narrowed: (c: CheckOutcome) => boolean,
): StepVerification {
  if (!verifiedBy) return 'none';
  const proof = isProofKey(verifiedBy) ? verifiedBy : null;
  const related = checks.filter((c) => c.id === verifiedBy || (proof !== null && provesFact(c.id, proof)));
  if (related.length === 0) return 'none';
  const failed = related.filter((c) => c.state === 'fail');
  // The finding named another step: this one is not disproven, and not proven either.
  if (failed.length > 0) return failed.every(narrowed) ? 'none' : 'fail';
  if (related.some((c) => c.state === 'running')) return 'running';
  const warned = related.filter((c) => c.state === 'warn');
  if (warned.length > 0) return warned.every(narrowed) ? 'none' : 'warn';
  if (related.every((c) => c.state === 'skip')) return 'none';
  return 'pass';
}
