// Each lab scenario's root cause: the finding a diagnosis must name FIRST (its primary finding) for the methods the
// scenario breaks. Typed against ScenarioName: a new scenario without an entry fails the typecheck. The corpus test
// (test/integration/engine/primary-corpus.test.ts) runs every scenario × method against it.
import type { FindingCode } from '../shared/findings/codes';
import type { CipherFamily, MethodChoice, TlsVersion } from '../shared/model';
import type { ScenarioName } from './types';

export interface RootCause {
  code: FindingCode;
  /** Methods whose primary finding must be `code`; for the others it must not be (the scenario does not touch them). */
  methods: MethodChoice[];
  /** A device the symptom needs (e.g. an ECDHE-only device for an RSA-only endpoint). */
  device?: { maxTls: TlsVersion; cipherFamily: CipherFamily };
  /** Leave from an address the relay connector does not hold (Direct Send must not be mistaken for relay). */
  notFromConnector?: boolean;
}

const ALL: MethodChoice[] = ['submission', 'direct-send', 'relay', 'auto'];

export const SCENARIO_ROOT_CAUSES: Record<ScenarioName, RootCause | null> = {
  healthy: null,
  'wrong-password': { code: 'AUTH_FAILED', methods: ['submission'] },
  'tenant-auth-disabled': { code: 'SMTP_AUTH_DISABLED_TENANT', methods: ['submission'] },
  'mailbox-auth-disabled': { code: 'SMTP_AUTH_DISABLED_MAILBOX', methods: ['submission'] },
  'security-defaults': { code: 'SECURITY_DEFAULTS_BLOCK', methods: ['submission'] },
  'conditional-access': { code: 'CONDITIONAL_ACCESS_BLOCK', methods: ['submission'] },
  'basic-auth-disabled': { code: 'BASIC_AUTH_DISABLED', methods: ['submission'] },
  'send-as-denied': { code: 'SEND_AS_DENIED', methods: ['submission'] },
  'sender-blocked': { code: 'SENDER_BLOCKED', methods: ALL },
  // Client submission does not use the IP blocklist (issue 11): only the MX methods are blocked.
  'ip-blocklisted': { code: 'IP_BLOCKLISTED', methods: ['direct-send', 'relay'] },
  throttled: { code: 'THROTTLED', methods: ALL },
  'mailbox-full': { code: 'MAILBOX_FULL', methods: ['submission'] },
  'legacy-tls10': { code: 'TLS_HANDSHAKE_FAILED', methods: ['submission'] },
  'rsa-only-ciphers': {
    code: 'TLS_CIPHER_MISMATCH',
    methods: ['submission'],
    device: { maxTls: '1.2', cipherFamily: 'ecdhe' },
  },
  'intercepting-proxy': { code: 'SMTP_INTERCEPTED', methods: ALL },
  'silent-port': { code: 'BANNER_TIMEOUT', methods: ALL },
  'reject-direct-send': { code: 'DIRECT_SEND_REJECTED', methods: ['direct-send'], notFromConnector: true },
  'connector-ip-changed': { code: 'RELAY_NOT_ATTRIBUTED', methods: ['relay'] },
  'basic-auth-default-off': { code: 'BASIC_AUTH_DISABLED', methods: ['submission'] },
  // 5.7.750 answers RCPT only for a MAIL FROM outside the tenant's domains; this corpus sends from the tenant's
  // mailbox, so nothing fails (test/integration/lab covers the refusal with such a sender).
  'unregistered-sender-domain': null,
  // The OAuth scenarios break only XOAUTH2 sign-ins (test/integration/oauth/scenarios.test.ts runs them with tokens);
  // this corpus signs in with the lab mailbox's password, which those tenants still accept.
  'oauth-healthy-delegated': null,
  'oauth-healthy-app': null,
  'oauth-no-service-principal': null,
  'oauth-no-mailbox-permission': null,
  'oauth-wrong-audience': null,
  'oauth-expired': null,
  'oauth-consent-missing': null,
  'oauth-blocked-by-policy': null,
};
