// Who may relay through the capture listener. Relay-through sends real mail as a real mailbox or from the
// customer's own IP address, so on a customer's LAN it must never become an open relay: only a session that
// signed in to the listener is forwarded (with the device's own credentials, which Exchange Online then checks,
// or with a listener password the technician chose and typed into the device), or — for Direct Send / relay via
// connector, which have no sign-in — only recipients in the tenant's own domains. Everything else gets the
// reply Exchange Online itself would give, and the session records it as a finding.
import { timingSafeEqual } from 'node:crypto';
import type { OpenRelayReason } from '../../shared/capture';
import type { RelayTarget } from './relay';

/** What Exchange Online answers MAIL FROM without AUTH on smtp.office365.com (exchange-online-facts.md). */
export const REPLY_NOT_AUTHENTICATED = {
  code: 530,
  text: '5.7.57 Client not authenticated to send mail (capture listener: sign in first; nothing was relayed)',
};
/** What Exchange Online answers RCPT TO outside the accepted domains without a relay connector (exchange-online-facts.md). */
export const REPLY_NON_ACCEPTED_DOMAIN = {
  code: 550,
  text: '5.7.54 SMTP; Unable to relay recipient in non-accepted domain (capture listener)',
};
/** What the listener answers a wrong listener password (Exchange Online's wording for failed sign-in). */
export const REPLY_BAD_LISTENER_PASSWORD = {
  code: 535,
  text: '5.7.3 Authentication unsuccessful (capture listener password)',
};

export interface RelayAccess {
  /** The password the device must sign in to the listener with (any user name); relays with the technician's own sign-in need it. */
  listenerPassword?: string | undefined;
  /** Tenant domains: an unauthenticated session may relay only to recipients in these. */
  tenantDomains?: readonly string[] | undefined;
}

/**
 * Why a relay setup would be an open relay: the technician's own sign-in without a listener password, or no sign-in
 * without the tenant's domains (nor a listener password). Each surface words it for what its reader can do there
 * (the CLI names its flags, the app its capture form's fields).
 */
export type { OpenRelayReason };

/** The open-relay reason, or null when the relay setup is safe. The CLI and the app refuse these. */
export function openRelayReason(relay: RelayTarget, access: RelayAccess): OpenRelayReason | null {
  if (relay.auth === 'device') return null;
  if (access.listenerPassword) return null;
  if (relay.auth !== null) return 'listener-password';
  if (!access.tenantDomains?.length) return 'domains-or-password';
  return null;
}

/** The CLI's words for an open-relay reason (they name its flags). */
const CLI_TEXT: Record<OpenRelayReason, string> = {
  'listener-password':
    "relaying with the technician's own sign-in needs a listener password the device signs in with (--listen-password-env VAR); otherwise anyone on this network could send as that mailbox",
  'domains-or-password':
    "relaying without sign-in needs the tenant's domains (--domain contoso.com, repeatable) or a listener password (--listen-password-env VAR); otherwise anyone on this network could send through it",
};

/** Why a relay setup would be an open relay, in the CLI's words, or null when it is safe. */
export function openRelayProblem(relay: RelayTarget, access: RelayAccess): string | null {
  const reason = openRelayReason(relay, access);
  return reason ? CLI_TEXT[reason] : null;
}

const domainOf = (addr: string): string => addr.slice(addr.lastIndexOf('@') + 1).toLowerCase();

/** Constant-time comparison of the password the device sent with the listener password. */
export function listenerPasswordMatches(expected: string, given: string | undefined): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given ?? '', 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export class RelayGate {
  constructor(
    private readonly relay: RelayTarget | null,
    private readonly access: RelayAccess,
  ) {}

  get needsListenerPassword(): boolean {
    return this.relay !== null && this.relay.auth !== 'device' && !!this.access.listenerPassword;
  }

  /** A session that signed in (device credentials, or the listener password) may relay anywhere the upstream allows. */
  mayRelayAnywhere(authenticated: boolean): boolean {
    if (this.relay === null) return true;
    if (!authenticated) return false;
    return this.relay.auth === 'device' || !!this.access.listenerPassword;
  }

  /** The reply for MAIL FROM, or null to accept it. */
  onMailFrom(authenticated: boolean): { code: number; text: string } | null {
    if (this.mayRelayAnywhere(authenticated)) return null;
    // Direct Send / connector relay without sign-in: MAIL is fine, recipients are checked one by one.
    if (this.relay?.auth === null && this.access.tenantDomains?.length) return null;
    return REPLY_NOT_AUTHENTICATED;
  }

  /** The reply for RCPT TO, or null to accept it. */
  onRcptTo(authenticated: boolean, recipient: string): { code: number; text: string } | null {
    if (this.mayRelayAnywhere(authenticated)) return null;
    const domains = this.access.tenantDomains ?? [];
    return domains.includes(domainOf(recipient)) ? null : REPLY_NON_ACCEPTED_DOMAIN;
  }
}
