// Every reply text the lab sends, worded as Exchange Online words it (exchange-online-facts.md). Errors (4xx/5xx)
// and the final "Queued" reply get Exchange's `[HOST timestamp id]` suffix from the session (see withSuffix).

export const R = {
  startTls: '220 2.0.0 SMTP server ready',
  authOk: '235 2.7.0 Authentication successful',
  mailOk: '250 2.1.0 Sender OK',
  rcptOk: '250 2.1.5 Recipient OK',
  startData: '354 Start mail input; end with <CRLF>.<CRLF>',
  reset: '250 2.0.0 Resetting',
  noop: '250 2.0.0 OK',
  quit: '221 2.0.0 Service closing transmission channel',
  vrfy: '252 2.1.5 Cannot VRFY user, but will accept message for delivery',
  bdatChunk: '250 2.0.0 BDAT chunk received',
  authUsername: '334 VXNlcm5hbWU6', // base64 "Username:"
  authPassword: '334 UGFzc3dvcmQ6', // base64 "Password:"
  authXoauth2Continue: '334 ',

  // Protocol errors
  sendHelloFirst: '503 5.5.2 Send hello first',
  needMail: '503 5.5.2 Need mail command',
  needRcpt: '503 5.5.2 Need rcpt command',
  badSequence: '503 5.5.1 Bad sequence of commands',
  alreadyAuthenticated: '503 5.5.2 Already authenticated',
  unrecognizedAuth: '504 5.7.4 Unrecognized authentication type',
  invalidDomain: '501 5.5.4 Invalid domain name',
  invalidAddress: '501 5.1.7 Invalid address',
  invalidArgument: '501 5.5.4 Invalid argument',
  authCancelled: '501 5.7.0 Authentication cancelled',
  lineTooLong: '500 5.5.2 Line too long',
  tooManyRecipients: '452 4.5.3 Too many recipients',
  messageTooLarge: '552 5.3.4 Message size exceeds fixed maximum message size',
  bareLinefeeds: '554 5.6.0 Invalid message content, contains bare linefeeds',
  /** The default submission endpoint after a TLS 1.0/1.1 handshake, to the next command (then it closes). */
  legacyTlsRefused:
    '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.',
  tooManyConnections:
    '421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel',

  // Authentication outcomes (scenario table in scenarios.ts says which one a scenario produces)
  notAuthenticated: '530 5.7.57 Client not authenticated to send mail',
  authWrongPassword: '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.',
  authTenantDisabled:
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
  authMailboxDisabled:
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
  authSecurityDefaults:
    "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
  authConditionalAccess:
    '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
  authBasicDisabled: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
  authOauthFailed: '535 5.7.3 Authentication unsuccessful',
  /** Announced by the Exchange team for Basic auth once it is off (catalog-oauth.ts S_BASIC_RETIRE). */
  basicAuthNotSupported: '550 5.7.30 Basic authentication is not supported for Client Submission.',
  concurrentLimit:
    '432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information.',

  // Envelope / content outcomes
  senderBlocked: '550 5.1.8 Access denied, bad outbound sender AS(42003)',
  mailboxFull:
    '554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionQuotaExceeded; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot save changes made to an item to store. 16.55847:6E0D0000, 17.43559:0000000094000000000000000000000000000000[EndDiagnosticData]',
  recipientUnknown: '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
  /** Direct Send to an external recipient. ASSUMED wording: the reply Exchange Server's frontend sends (public
   *  transcripts); Microsoft documents only that such mail is rejected (SRC.mfpHowTo), not Exchange Online's text. */
  relayNonAccepted: '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain',
  /** IP connector, sender domain not an accepted domain (NDR list, SRC.ndrList / SRC.ndr57xx, read 2026-12-02). */
  unregisteredDomain:
    '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains',
  /** Client submission over the recipient rate limit (SRC.submissionQuota). The NDR text is documented; the SMTP
   *  line's STOREDRV prefix is ASSUMED from public transcripts (same shape as QuotaExceeded and SendAsDenied). */
  submissionQuotaExceeded:
    "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message The message can't be submitted because the sender's submission quota was exceeded.",
  relayNotAttributed: '550 5.7.64 TenantAttribution; Relay Access Denied',
  directSendRejected:
    '550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
} as const;

export function sendAsDenied(user: string, from: string): string {
  return `554 5.2.252 SendAsDenied; ${user} not allowed to send as ${from}; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message. 0.35250:0A006880, 1.36674:0A000000, 1.61250:00000000[EndDiagnosticData]`;
}

export function bannedIp(ip: string): string {
  return `550 5.7.606 Access denied, banned sending IP [${ip}]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430)`;
}

export function serverBusy(ip: string): string {
  return `451 4.7.500 Server busy. Please try again later from [${ip}]. (S77714)`;
}

export function unrecognizedCommand(verb: string): string {
  // Echo only printable ASCII: the lab's own replies stay clean even when the client sends garbage.
  return `500 5.3.3 Unrecognized command '${verb.slice(0, 32).replace(/[^\x20-\x7e]/g, '?')}'`;
}

export function sessionTimedOut(seconds: number): string {
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(Math.floor(seconds % 60)).padStart(2, '0');
  return `421 4.4.1 Connection timed out. Total session duration: ${hh}:${mm}:${ss}.0000000`;
}

export function queued(messageId: string, host: string, internalId: number, bytes: number): string {
  return `250 2.6.0 <${messageId}@${host}> [InternalId=${internalId}, Hostname=${host}] ${bytes} bytes in 0.012, 57.617 KB/sec Queued mail for delivery`;
}

/** RFC 1123 date as Exchange prints it in its banner: `Mon, 23 Nov 2026 01:20:00 +0000`. */
export function rfc1123(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

/** Exchange's error suffix: `[HOST 2026-11-23T01:20:00.123Z 08DD0A1B2C3D4E5F]`. */
export function withSuffix(text: string, host: string, sessionId: string, now: Date = new Date()): string {
  return `${text} [${host} ${now.toISOString()} ${sessionId}]`;
}

/** Cisco-ASA-style banner masking ("SMTP fixup"): everything but spaces and the digits 0 and 2 becomes '*'. */
export function maskBanner(text: string): string {
  return text.replace(/[^ 02]/g, '*');
}
