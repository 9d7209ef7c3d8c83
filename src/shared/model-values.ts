// The data model's plain values, without zod: the engine and the CLI's `diagnose` path import these (model.ts
// builds its schemas from the same lists and re-exports them), so a diagnosis starts without zod's load time.
import type { CheckStatus, Verdict } from './vocabulary';

/** Characters that must never reach an SMTP command line (header/command injection). */
export const FORBIDDEN_FIELD_CHARS = /[\r\n\0]/;

export const TLS_VERSION_IDS = ['1.0', '1.1', '1.2', '1.3'] as const;
export type TlsVersion = (typeof TLS_VERSION_IDS)[number];
export const TLS_VERSIONS: readonly TlsVersion[] = TLS_VERSION_IDS;

/** Key-exchange family a device's TLS 1.2 stack offers: ECDHE, plain RSA key exchange, or both. */
export const CIPHER_FAMILIES = ['ecdhe', 'rsa', 'any'] as const;
export const AUTH_MECHANISMS = ['LOGIN', 'PLAIN', 'XOAUTH2', 'CRAM-MD5', 'NTLM'] as const;
export const DEVICE_KINDS = ['mfp', 'application'] as const;

/** Worst status wins: fail > warn > pass; skip never decides. */
export function verdictOf(statuses: readonly CheckStatus[]): Verdict {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('warn')) return 'warn';
  return 'pass';
}
