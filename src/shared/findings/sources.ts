// Where the knowledge comes from: every catalogue entry, wording rule, advisor rule and dated fact names at least
// one of these, with the day it was read. A test fails when an entry has none (test/unit/findings/sources.test.ts).
// `verified: false` marks a source that only reports a fact second-hand (the UI says "unverified").

export interface Source {
  url: string;
  /** Day the page was read, YYYY-MM-DD. */
  read: string;
  /** Short title shown beside the link. */
  title: string;
  /** False when the source is secondary or the fact could not be confirmed at Microsoft. */
  verified?: boolean;
}

/** The day this round of the knowledge base was checked against the pages below. */
export const READ_ON = '2026-12-02';

const LEARN = 'https://learn.microsoft.com/en-us';
const NDR = `${LEARN}/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online`;

function src(url: string, title: string, verified = true): Source {
  return verified ? { url, read: READ_ON, title } : { url, read: READ_ON, title, verified: false };
}

/** Named sources, reused across the catalogue, the wording rules, the advisor and the lab. */
export const SRC = {
  seedFixDevices: src(
    `${LEARN.replace('en-us', 'ja-jp')}/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off`,
    'Office 365 を使ってメールを送信するプリンター、スキャナー、LOB アプリケーションの問題を修正する (seed 000)',
  ),
  mfpHowTo: src(
    `${LEARN}/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365`,
    'How to set up a multifunction device or application to send email using Microsoft 365 (seed 001)',
  ),
  outlookRelayError: src(
    'https://support.microsoft.com/ja-jp/office/550-553-or-relay-prohibited-error',
    'Outlook: 550, 553 またはリレー禁止エラー (seed 003)',
    false,
  ),
  mailFlowIntelligence: src(
    `${LEARN}/defender-office-365/connectors-mail-flow-intelligence`,
    'Mail flow intelligence in EOP (seed 004)',
  ),
  ndrList: src(
    `${LEARN}/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online`,
    'Email non-delivery reports and SMTP errors in Exchange Online',
  ),
  ndrListJa: src(
    'https://learn.microsoft.com/ja-jp/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online',
    'Exchange Online で配信不能レポートと SMTP エラーを電子メールで送信する',
  ),
  ndr5757: src(`${NDR}/fix-error-code-5-7-57-in-exchange-online`, 'Fix NDR error 5.7.57 in Exchange Online'),
  ndr5764: src(`${NDR}/fix-error-code-5-7-64-in-exchange-online`, 'Fix NDR error 5.7.64 in Exchange Online'),
  ndr57xx: src(
    `${NDR}/fix-error-code-5-7-700-through-5-7-750`,
    'Fix NDR errors 5.7.700 through 5.7.750 in Exchange Online',
  ),
  ndr518: src(`${NDR}/fix-error-code-5-1-8-in-exchange-online`, 'Fix NDR error 5.1.8 in Exchange Online'),
  ndr4500: src(
    `${NDR}/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online`,
    'Fix NDR error 451 4.7.500-699 (ASxxx) in Exchange Online',
  ),
  ndr571: src(
    `${NDR}/fix-error-code-550-5-7-1-in-exchange-online`,
    'Fix NDR error 550 5.7.1 in Exchange Online',
  ),
  ndr511: src(
    `${NDR}/fix-error-code-550-5-1-1-through-5-1-20-in-exchange-online`,
    'Fix NDR errors 550 5.1.1 through 5.1.20 in Exchange Online',
  ),
  ndr5723: src(`${NDR}/fix-error-code-5-7-23-in-exchange-online`, 'Fix NDR error 5.7.23 in Exchange Online'),
  ndr5611: src(
    `${NDR}/fix-error-code-550-5-6-11-in-exchange-online`,
    'Fix NDR error 5.6.11 (bare line feeds) in Exchange Online',
  ),
  submissionQuota: src(
    `${NDR}/fix-error-for-submission-quota-exceeded-in-exchange-online`,
    "Fix error 'the sender's submission quota was exceeded'",
  ),
  smtpAuthEnable: src(
    `${LEARN}/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission`,
    'Enable or disable SMTP AUTH in Exchange Online',
  ),
  securityDefaults: src(
    `${LEARN}/entra/fundamentals/security-defaults`,
    'Security defaults in Microsoft Entra ID',
  ),
  conditionalAccessLegacy: src(
    `${LEARN}/entra/identity/conditional-access/policy-block-legacy-authentication`,
    'Block legacy authentication with Conditional Access',
  ),
  basicAuthRetirement: src(
    'https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750',
    'Exchange Online to retire Basic auth for Client Submission (SMTP AUTH)',
  ),
  aadstsCodes: src(
    `${LEARN}/entra/identity-platform/reference-error-codes`,
    'Microsoft Entra authentication and authorization error codes',
  ),
  rfc6531: src(
    'https://www.rfc-editor.org/rfc/rfc6531',
    'RFC 6531: SMTP Extension for Internationalized Email',
  ),
  oauthSmtp: src(
    `${LEARN}/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth`,
    'Authenticate an IMAP, POP or SMTP connection using OAuth',
  ),
  setOrgConfigRejectDirectSend: src(
    `${LEARN}/powershell/module/exchangepowershell/set-organizationconfig`,
    'Set-OrganizationConfig -RejectDirectSend',
  ),
  rejectDirectSendBlog: src(
    'https://techcommunity.microsoft.com/blog/exchange/introducing-more-control-over-direct-send-in-exchange-online/4408790',
    'Introducing more control over Direct Send in Exchange Online',
  ),
  ipv6InboundAbout: src(
    `${LEARN}/microsoft-365/security/office-365-security/mail-flow-inbound-ipv6-support-about`,
    'Add support for anonymous inbound email over IPv6 in Microsoft 365 (450 4.7.25 / 450 4.7.26 / 550 5.2.1 ... does not accept email over IPv6)',
  ),
  ipv6Inbound: src(
    `${LEARN}/defender-office-365/support-for-anonymous-inbound-email-messages-over-ipv6`,
    'Support for anonymous inbound email messages over IPv6',
  ),
  highRiskPool: src(
    `${LEARN}/defender-office-365/outbound-spam-high-risk-delivery-pool-about`,
    'High-risk delivery pool for outbound messages',
  ),
  externalForwarding: src(
    `${LEARN}/defender-office-365/outbound-spam-policies-external-email-forwarding`,
    'Configuring and controlling external email forwarding (5.7.520)',
  ),
  emailAuthentication: src(
    `${LEARN}/defender-office-365/email-authentication-about`,
    'Email authentication in Microsoft 365 (SPF, DKIM, DMARC)',
  ),
  connectors: src(
    `${LEARN}/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/use-connectors-to-configure-mail-flow`,
    'Configure mail flow using connectors in Exchange Online',
  ),
  exoLimits: src(
    `${LEARN}/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits`,
    'Exchange Online limits (sending limits, message size)',
  ),
  attr5Reported: src(
    `${LEARN}/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online`,
    'NDR list (451 4.4.4 ATTR5 is not listed; its wording comes from public bounce transcripts)',
    false,
  ),
  terrl: src(
    'https://microsoft.github.io/CSS-Exchange/Transport/Get-TerrlExternalRecipientEstimate/',
    'CSS-Exchange: Tenant External Recipient Rate Limit (TERRL) estimate',
    false,
  ),
  hve: src(
    `${LEARN}/exchange/mail-flow-best-practices/high-volume-mails-m365`,
    'High Volume Email for Microsoft 365',
  ),
  hvePreview: src(
    'https://techcommunity.microsoft.com/t5/exchange-team-blog/public-preview-high-volume-email-for-microsoft-365/ba-p/4102271',
    'Public Preview: High Volume Email for Microsoft 365 (April 2024; read as republished)',
    false,
  ),
  hveOauth: src(
    `${LEARN}/exchange/mail-flow-best-practices/oauth-high-volume-mails-m365`,
    'OAuth authentication for High Volume Email',
  ),
  smtpDane: src(`${LEARN}/purview/how-smtp-dane-works`, 'How SMTP DANE works (DNSSEC MX under mx.microsoft)'),
  enableDnssec: src(
    `${LEARN}/powershell/module/exchangepowershell/enable-dnssecforverifieddomain`,
    'Enable-DnssecForVerifiedDomain (outputs the new MX value)',
  ),
  tlsForSmtpAuth: src(
    `${LEARN}/exchange/clients-and-mobile-in-exchange-online/opt-in-exchange-online-endpoint-for-legacy-tls-using-smtp-auth`,
    'Opt in to the Exchange Online endpoint for legacy TLS clients using SMTP AUTH',
  ),
  tlsCiphers: src(
    `${LEARN}/microsoft-365/compliance/tls-cipher-suites-and-algorithms`,
    'TLS cipher suites supported by Microsoft 365',
  ),
  delistPortal: src(
    `${LEARN}/defender-office-365/external-senders-use-the-delist-portal-to-unblock-yourself`,
    'Use the delist portal to remove yourself from the blocked senders list',
  ),
  rfc5321: src('https://www.rfc-editor.org/rfc/rfc5321', 'RFC 5321: Simple Mail Transfer Protocol'),
  rfc3463: src('https://www.rfc-editor.org/rfc/rfc3463', 'RFC 3463: Enhanced Mail System Status Codes'),
  rfc3207: src(
    'https://www.rfc-editor.org/rfc/rfc3207',
    'RFC 3207: SMTP Service Extension for Secure SMTP over TLS',
  ),
  rfc4954: src(
    'https://www.rfc-editor.org/rfc/rfc4954',
    'RFC 4954: SMTP Service Extension for Authentication',
  ),
  rfc7208: src('https://www.rfc-editor.org/rfc/rfc7208', 'RFC 7208: Sender Policy Framework'),
  nodeErrors: src('https://nodejs.org/api/errors.html#common-system-errors', 'Node.js: common system errors'),
  nodeTls: src(
    'https://nodejs.org/api/tls.html#x509-certificate-error-codes',
    'Node.js: X509 certificate error codes',
  ),
  outlookErrors: src(
    'https://support.microsoft.com/en-us/topic/error-messages-when-you-send-or-receive-email-in-outlook-0x800ccc0e',
    'Outlook send/receive errors 0x800CCC0E, 0x800CCC0F, 0x800CCC79',
    false,
  ),
} as const satisfies Record<string, Source>;

export type SourceName = keyof typeof SRC;

/** True when a source has a usable https URL and a read date. */
export function isCompleteSource(s: Source): boolean {
  return /^https:\/\/[^\s]+$/.test(s.url) && /^\d{4}-\d{2}-\d{2}$/.test(s.read) && s.title.trim() !== '';
}
