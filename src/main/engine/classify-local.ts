// TEMPORARY: a thin reply → finding mapping until src/shared/findings' classifyText() lands; then this file is
// deleted and classify.ts delegates to the shared classifier. Same signature: classifyText(text): FindingRef[].
import type { FindingRef } from '../../shared/model';
import type { FindingCode } from '../../shared/findings/codes';

const RULES: [RegExp, FindingCode][] = [
  [/5\.7\.139.*disabled for the Tenant/i, 'SMTP_AUTH_DISABLED_TENANT'],
  [/5\.7\.139.*disabled for the Mailbox/i, 'SMTP_AUTH_DISABLED_MAILBOX'],
  [/security defaults/i, 'SECURITY_DEFAULTS_BLOCK'],
  [/did not meet the criteria/i, 'CONDITIONAL_ACCESS_BLOCK'],
  [/basic authentication is (disabled|not supported)|5\.7\.30/i, 'BASIC_AUTH_DISABLED'],
  [/^535\b/, 'AUTH_FAILED'],
  [/^504 5\.7\.4/, 'AUTH_MECHANISM_UNSUPPORTED'],
  [/5\.7\.57|not authenticated/i, 'CLIENT_NOT_AUTHENTICATED'],
  [/SendAsDenied|5\.7\.60\b/i, 'SEND_AS_DENIED'],
  [/5\.1\.8/, 'SENDER_BLOCKED'],
  [/5\.7\.64|TenantAttribution/i, 'RELAY_NOT_ATTRIBUTED'],
  [/5\.7\.68/, 'DIRECT_SEND_REJECTED'],
  [/5\.7\.54|unable to relay|relay access denied|rcpthosts/i, 'RELAY_DENIED'],
  [/5\.7\.6[0-4]\d|banned sending IP|spamhaus/i, 'IP_BLOCKLISTED'],
  [/4\.7\.500|4\.3\.2|4\.4\.2|5\.2\.25[1-5]|throttl|SubmissionQuotaExceeded/i, 'THROTTLED'],
  [/QuotaExceeded|mailbox full/i, 'MAILBOX_FULL'],
  [/5\.3\.4/, 'MESSAGE_TOO_LARGE'],
  [/4\.7\.66|TLS 1\.0 and 1\.1/i, 'TLS_VERSION_UNSUPPORTED'],
  [/5\.5\.4 Invalid domain|Bad HELO/i, 'BAD_EHLO_NAME'],
];

export function classifyText(text: string): FindingRef[] {
  const first = text.split('\n')[0] ?? '';
  for (const [re, code] of RULES) {
    if (re.test(first)) return [{ code, params: { reply: first }, evidence: [first] }];
  }
  if (/^[45]\d\d/.test(first)) return [{ code: 'UNRECOGNIZED_REPLY', params: { reply: first }, evidence: [first] }];
  return [];
}
