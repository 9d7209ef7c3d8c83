// Checklist ↔ findings, exactly: for every finding code that names checklist steps, a run where only the check
// carrying that finding failed (every other check passed) reddens exactly the expected steps — nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCheckIds, checkId, type CheckKind, type CheckScope } from '../../src/shared/check-registry';
import { buildChecklist } from '../../src/shared/checklist';
import {
  FINDING_STEPS,
  stepRole,
  stepVerifications,
  type CheckOutcome,
} from '../../src/shared/checklist-findings';
import type { FindingCode } from '../../src/shared/findings/codes';
import type { Method } from '../../src/shared/model';
import { parseProfileFile } from '../../src/shared/profiles';
import { resolveModel, type ModelProfile } from '../../src/shared/profiles-resolve';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'printers');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const r = parseProfileFile(readFileSync(join(DIR, f), 'utf8'));
    return r.ok ? [r.profile] : [];
  });
const allModels = files.flatMap((f) =>
  f.models.map((m) => resolveModel(f, m.id)).filter((m): m is ModelProfile => m !== null),
);
const ricohIm = allModels.find((m) => m.id === 'ricoh-im') as ModelProfile;
const job = {
  mailbox: 'scanner@contoso.com',
  domain: 'contoso.com',
  mxHost: 'contoso-com.mail.protection.outlook.com',
  staticIp: '203.0.113.7',
};

type Row = [
  code: FindingCode,
  method: Method,
  auth: 'basic' | 'oauth',
  kind: CheckKind,
  scope: CheckScope,
  expected: string[],
];
const S = 'submission' as const;
const MX = 'mx' as const;
const ROWS: Row[] = [
  ['DNS_NAME_NOT_FOUND', 'submission', 'basic', 'dns.a', S, ['submission.server']],
  ['HOST_IS_IP_ADDRESS', 'submission', 'basic', 'config', 'submission', ['submission.server']],
  ['ENDPOINT_METHOD_MISMATCH', 'submission', 'basic', 'config', 'submission', ['submission.server']],
  ['TLS_CERT_NAME_MISMATCH', 'submission', 'basic', 'tls.cert', S, ['submission.server']],
  ['MX_NOT_FOUND', 'relay', 'basic', 'dns.mx', null, ['relay.mx']],
  ['MX_NOT_EXCHANGE_ONLINE', 'direct-send', 'basic', 'dns.mx', null, ['direct-send.mx']],
  ['TCP_REFUSED', 'submission', 'basic', 'tcp.v4', S, ['submission.server', 'submission.port']],
  ['TCP_TIMEOUT', 'relay', 'basic', 'tcp.v4', MX, ['relay.server', 'relay.port']],
  ['TCP_UNREACHABLE', 'submission', 'basic', 'tcp.v4', S, ['submission.server', 'submission.port']],
  ['CANNOT_CONNECT', 'submission', 'basic', 'tcp.v4', S, ['submission.server', 'submission.port']],
  ['NOT_SMTP', 'submission', 'basic', 'smtp.banner', S, ['submission.server', 'submission.port']],
  ['PORT_465_UNSUPPORTED', 'submission', 'basic', 'config', 'submission', ['submission.port']],
  ['STARTTLS_NOT_OFFERED', 'submission', 'basic', 'smtp.starttls', S, ['submission.tls']],
  ['STARTTLS_REJECTED', 'submission', 'basic', 'smtp.starttls', S, ['submission.tls']],
  ['STARTTLS_REQUIRED', 'submission', 'basic', 'smtp.starttls', S, ['submission.tls']],
  ['TLS_MODE_MISMATCH', 'submission', 'basic', 'smtp.starttls', S, ['submission.tls']],
  ['TLS_HANDSHAKE_FAILED', 'submission', 'basic', 'tls.matrix', S, ['submission.tls']],
  ['TLS_VERSION_UNSUPPORTED', 'submission', 'basic', 'tls.device', S, ['submission.tls']],
  ['TLS_CIPHER_MISMATCH', 'direct-send', 'basic', 'tls.device', MX, ['direct-send.tls']],
  ['TLS_REQUIRED_BY_CONNECTOR', 'relay', 'basic', 'envelope.external', MX, ['relay.tls']],
  ['AUTH_NOT_OFFERED', 'submission', 'basic', 'smtp.auth', S, ['submission.tls']],
  ['AUTH_MECHANISM_UNSUPPORTED', 'submission', 'basic', 'device.auth', S, ['submission.auth-on']],
  ['CLIENT_NOT_AUTHENTICATED', 'submission', 'basic', 'envelope.internal', S, ['submission.auth-on']],
  ['AUTH_FAILED', 'submission', 'basic', 'smtp.auth', S, ['submission.password']],
  ['SMTP_AUTH_DISABLED_TENANT', 'submission', 'basic', 'smtp.auth', S, ['submission.enable-smtp-auth']],
  ['SMTP_AUTH_DISABLED_MAILBOX', 'submission', 'oauth', 'smtp.auth', S, ['submission.enable-smtp-auth']],
  ['SECURITY_DEFAULTS_BLOCK', 'submission', 'basic', 'smtp.auth', S, ['submission.security-defaults']],
  ['CONDITIONAL_ACCESS_BLOCK', 'submission', 'basic', 'smtp.auth', S, ['submission.security-defaults']],
  ['BASIC_AUTH_DISABLED', 'submission', 'basic', 'smtp.auth', S, ['submission.security-defaults']],
  ['SEND_AS_DENIED', 'submission', 'basic', 'send', S, ['submission.from']],
  ['SENDER_DOMAIN_UNREGISTERED', 'relay', 'basic', 'envelope.external', MX, ['relay.from']],
  ['RELAY_DENIED', 'relay', 'basic', 'envelope.external', MX, ['relay.connector']],
  ['RELAY_NOT_ATTRIBUTED', 'relay', 'basic', 'envelope.external', MX, ['relay.connector']],
  ['EGRESS_IP_NOT_CONNECTOR', 'relay', 'basic', 'relay.egress-ip', null, ['relay.connector']],
  ['DIRECT_SEND_REJECTED', 'direct-send', 'basic', 'envelope.internal', MX, ['direct-send.allowed']],
  ['SPF_RECORD_MISSING', 'relay', 'basic', 'dns.spf', null, ['relay.spf']],
  ['SPF_MULTIPLE_RECORDS', 'relay', 'basic', 'dns.spf', null, ['relay.spf']],
  ['SPF_MISSING_EXCHANGE_INCLUDE', 'direct-send', 'basic', 'dns.spf', null, ['direct-send.spf']],
  ['SPF_MISSING_EGRESS_IP', 'direct-send', 'basic', 'dns.spf', null, ['direct-send.spf']],
  ['SPF_FAIL', 'direct-send', 'basic', 'envelope.internal', MX, ['direct-send.spf']],
  ['OAUTH_CONSENT_MISSING', 'submission', 'oauth', 'oauth.token', null, ['submission.oauth.consent']],
  ['OAUTH_SCOPE_MISSING', 'submission', 'oauth', 'oauth.token', null, ['submission.oauth.consent']],
  ['OAUTH_SIGNIN_NOT_COMPLETED', 'submission', 'oauth', 'oauth.token', null, ['submission.oauth.sign-in']],
  ['OAUTH_MFA_REQUIRED', 'submission', 'oauth', 'oauth.token', null, ['submission.oauth.sign-in']],
];

function steps(method: Method, auth: 'basic' | 'oauth') {
  return buildChecklist({ model: ricohIm, method, job, lang: 'en', auth }).steps;
}

/** Every check this version runs passed, except `failing`, which failed with `code`. */
function run(failing: string, code: string): CheckOutcome[] {
  return allCheckIds().map((id) =>
    id === failing ? { id, state: 'fail', codes: [code] } : { id, state: 'pass', codes: [] },
  );
}

describe('checklist ↔ findings', () => {
  it('has a row for every finding code that names steps, and every named step exists in some checklist', () => {
    expect(ROWS.map((r) => r[0]).sort()).toEqual(Object.keys(FINDING_STEPS).sort());
    const roles = new Set(
      [undefined, ...allModels].flatMap((model) =>
        (['submission', 'direct-send', 'relay'] as const).flatMap((method) =>
          (['basic', 'oauth'] as const).flatMap((auth) =>
            buildChecklist({ model, method, job, lang: 'en', auth }).steps.map((s) => stepRole(s.id)),
          ),
        ),
      ),
    );
    for (const [code, named] of Object.entries(FINDING_STEPS))
      for (const role of named ?? []) expect(roles.has(role), `${code} → ${role}`).toBe(true);
  });

  it.each(ROWS)(
    '%s (%s, %s) on %s reddens exactly its steps',
    (code, method, auth, kind, scope, expected) => {
      const list = steps(method, auth);
      const states = stepVerifications(list, run(checkId(kind, scope), code));
      const red = Object.entries(states)
        .filter(([, v]) => v === 'fail')
        .map(([id]) => id)
        .sort();
      expect(red).toEqual([...expected].sort());
    },
  );

  it('a wrong password reddens the password step only: server, port and TLS are green; user name and the admin steps are not proven', () => {
    const list = steps('submission', 'basic');
    const states = stepVerifications(list, run('auth', 'AUTH_FAILED'));
    expect(states['submission.password']).toBe('fail');
    for (const id of ['submission.server', 'submission.port', 'submission.tls'])
      expect(states[id], id).toBe('pass');
    for (const id of [
      'submission.user',
      'submission.auth-on',
      'submission.enable-smtp-auth',
      'submission.security-defaults',
    ])
      expect(states[id], id).toBe('none');
  });

  it('a failure whose finding names no step reddens every step of its fact (it cannot be narrowed)', () => {
    const list = steps('submission', 'basic');
    const states = stepVerifications(list, run('auth', 'UNRECOGNIZED_REPLY'));
    for (const id of ['submission.user', 'submission.password', 'submission.enable-smtp-auth'])
      expect(states[id], id).toBe('fail');
    expect(states['submission.server']).toBe('pass');
  });

  it('a warning finding turns its step yellow, not red', () => {
    const list = steps('relay', 'basic');
    const checks = run('dns.spf', 'SPF_MISSING_EGRESS_IP').map((c) =>
      c.id === 'dns.spf' ? { ...c, state: 'warn' } : c,
    );
    expect(stepVerifications(list, checks)['relay.spf']).toBe('warn');
  });
});
