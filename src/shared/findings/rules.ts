// Knowledge as data: which reply wordings and client/log texts mean which finding.
// Order matters: the first matching rule wins, so specific wordings come before generic codes.
// Patterns run on lower-cased text with server suffixes stripped; every quantifier is bounded.
import type { FindingCode } from './codes';

export interface ReplyRule {
  code: FindingCode;
  /** Matches the reply's text (lower-cased). */
  text?: RegExp;
  /** Matches the enhanced status code, e.g. /^5\.7\.64$/. */
  enhanced?: RegExp;
  /** Matches the basic reply code as a string, e.g. /^535$/ (only with a real basic code). */
  basic?: RegExp;
}

export const REPLY_RULES: readonly ReplyRule[] = [
  { code: 'THROTTLED', text: /submissionquotaexceeded/ },
  {
    code: 'SEND_AS_DENIED',
    text: /send ?as ?denied|not allowed to send as|permissions? to send as|sendas permission/,
  },
  { code: 'SEND_AS_DENIED', enhanced: /^5\.7\.60$/ },
  // Issue 11 corrections (sources: catalog-sources.ts): recipient limit is not throttling; IPv6 sender rules; ...
  { code: 'TOO_MANY_RECIPIENTS', text: /too many recipients/ },
  { code: 'TOO_MANY_RECIPIENTS', enhanced: /^4\.5\.3$/ },
  { code: 'IPV6_NO_REVERSE_DNS', text: /ipv6 address[^.]{0,80}must have a reverse dns/ },
  { code: 'IPV6_NO_REVERSE_DNS', enhanced: /^5\.7\.25$/ },
  { code: 'IPV6_NOT_AUTHENTICATED', text: /(sent )?over ipv6[^.]{0,80}must pass (either )?spf or dkim/ },
  // NDR table (SRC.ndrList): 5.7.510 "does not accept email over IPv6"; the IPv6 page (SRC.ipv6InboundAbout) gives
  // the older 550 5.2.1 form of the same refusal; 5.7.508 is an IPv6 range over its permitted limits.
  { code: 'IPV6_NOT_ACCEPTED', text: /does not accept (e-?mail|messages?) over ipv6/ },
  { code: 'IPV6_NOT_ACCEPTED', enhanced: /^5\.7\.510$/ },
  { code: 'IPV6_RANGE_LIMIT', text: /has exceeded permitted limits within [^.]{0,60}range/ },
  { code: 'IPV6_RANGE_LIMIT', enhanced: /^5\.7\.508$/ },
  { code: 'EXTERNAL_FORWARDING_BLOCKED', text: /does not allow external forwarding/ },
  { code: 'EXTERNAL_FORWARDING_BLOCKED', enhanced: /^5\.7\.520$/ },
  {
    code: 'TENANT_EXTERNAL_LIMIT',
    text: /external recipient rate limit|tenant has exceeded[^.]{0,40}external recipient/,
  },
  { code: 'TENANT_EXTERNAL_LIMIT', enhanced: /^5\.7\.233$/ },
  { code: 'RECIPIENT_TENANT_NO_MAIL', text: /no mail-enabled subscriptions/ },
  { code: 'XOAUTH2_MALFORMED', text: /invalid xoauth2|xoauth2[^.]{0,40}(malformed|invalid)/ },
  { code: 'XOAUTH2_MALFORMED', enhanced: /^5\.5\.12[1-6]$/ },
  {
    code: 'MAILBOX_FULL',
    text: /quotaexceeded|mailbox (is )?full|mailbox size limit|over ?quota|exceeded storage allocation/,
  },
  {
    code: 'SMTP_AUTH_DISABLED_TENANT',
    text: /smtp ?client ?authentication is disabled for the (tenant|organization)/,
  },
  { code: 'SMTP_AUTH_DISABLED_MAILBOX', text: /smtp ?client ?authentication is disabled for the mailbox/ },
  { code: 'SECURITY_DEFAULTS_BLOCK', text: /security defaults/ },
  {
    code: 'CONDITIONAL_ACCESS_BLOCK',
    text: /did not meet the criteria to be authenticated|conditional access/,
  },
  {
    code: 'BASIC_AUTH_DISABLED',
    text: /basic auth(entication)? is (disabled|not supported|blocked)|basicauthblocked/,
  },
  { code: 'BASIC_AUTH_DISABLED', enhanced: /^5\.7\.30$/ },
  {
    code: 'RECIPIENT_RESTRICTED',
    text: /resolver\.rst\.|only accepts? (mail|messages) from|not authori[sz]ed to send to|delivery not authori[sz]ed|restricted to (specific|authenticated) senders|allowed-senders list|sender was not authenticated by organization/,
  },
  { code: 'AUTH_NOT_OFFERED', text: /authentication not (enabled|available)|auth not available/ },
  {
    code: 'AUTH_MECHANISM_UNSUPPORTED',
    text: /unrecognized authentication type|(authentication )?mechanism (is )?not (supported|available)|unsupported authentication mechanism/,
  },
  { code: 'AUTH_MECHANISM_UNSUPPORTED', enhanced: /^5\.7\.4$/, basic: /^504$/ },
  {
    code: 'STARTTLS_REQUIRED',
    text: /must issue a starttls|starttls (command )?(is )?required|must use starttls|encryption required|requires? (tls|starttls|encryption)/,
  },
  { code: 'STARTTLS_REQUIRED', enhanced: /^5\.7\.11$/ },
  { code: 'TLS_REQUIRED_BY_CONNECTOR', text: /appropriate tls channel|requiretls/ },
  {
    code: 'TLS_VERSION_UNSUPPORTED',
    text: /tls 1\.0 and 1\.1 are not supported|tls version[^.]{0,40}not supported/,
  },
  { code: 'TLS_VERSION_UNSUPPORTED', enhanced: /^4\.7\.66$/ },
  { code: 'STARTTLS_REJECTED', text: /tls not available|starttls (is )?(not available|unavailable|failed)/ },
  { code: 'AUTH_TEMPORARY_FAILURE', enhanced: /^4\.7\.0$/, basic: /^454$/ },
  {
    code: 'COMMAND_OUT_OF_SEQUENCE',
    text: /send hello first|bad sequence of commands|need (mail|rcpt) command/,
  },
  { code: 'COMMAND_OUT_OF_SEQUENCE', enhanced: /^5\.5\.[12]$/, basic: /^503$/ },
  {
    code: 'CLIENT_NOT_AUTHENTICATED',
    text: /not authenticated|anonymous mail|authentication (is )?required/,
  },
  { code: 'CLIENT_NOT_AUTHENTICATED', enhanced: /^5\.7\.57$/ },
  {
    code: 'AUTH_FAILED',
    text: /credentials were incorrect|authentication unsuccessful|authentication failed|invalid (login|credentials)|incorrect authentication data|username and password not accepted|authentication credentials invalid|bad username or password/,
  },
  { code: 'AUTH_FAILED', enhanced: /^5\.7\.(3|8|139)$/, basic: /^535$/ },
  { code: 'AUTH_FAILED', enhanced: /^5\.7\.139$/ },
  {
    code: 'IP_BLOCKLISTED',
    text: /banned sending ip|banned sender|blocked using|spamhaus|spamcop|barracuda|block ?list|black ?list|\b(dns)?rbl\b|\(s3140\)|\(s3150\)/,
  },
  { code: 'IP_BLOCKLISTED', enhanced: /^5\.7\.(6[0-4]\d|511)$/ },
  { code: 'SENDER_BLOCKED', text: /bad outbound sender|restricted from sending|spam abuse detected/ },
  { code: 'SENDER_BLOCKED', enhanced: /^5\.7\.50[1-3]$/ },
  { code: 'SENDER_BLOCKED', enhanced: /^5\.1\.8$/, text: /access denied|アクセスが拒否/ },
  {
    code: 'RELAY_NOT_ATTRIBUTED',
    text: /tenantattribution;|relay access denied attr|wrong office 365 region|wrong region/,
  },
  { code: 'RELAY_NOT_ATTRIBUTED', enhanced: /^(5\.7\.64|4\.4\.62)$/ },
  { code: 'DIRECT_SEND_REJECTED', text: /tenantinboundattribution|direct send not allowed/ },
  { code: 'DIRECT_SEND_REJECTED', enhanced: /^5\.7\.68$/ },
  {
    code: 'RELAY_DENIED',
    text: /unable to relay|relay(ing)? (access )?(denied|not permitted|not allowed|disallowed|prohibited|rejected)|we do not relay|not permitted to relay|rcpthosts|リレー拒否|リレーが拒否|中継.{0,10}拒否/,
  },
  { code: 'RELAY_DENIED', enhanced: /^5\.7\.54$/ },
  { code: 'TENANT_BLOCKED', text: /tenant has exceeded threshold|traffic not accepted from this ip/ },
  { code: 'TENANT_BLOCKED', enhanced: /^5\.7\.70[358]$/ },
  { code: 'SENDER_DOMAIN_UNREGISTERED', text: /unregistered domain/ },
  { code: 'SENDER_DOMAIN_UNREGISTERED', enhanced: /^5\.7\.750$/ },
  {
    code: 'THROTTLED',
    text: /server busy|too many (connections|messages|concurrent|errors)|concurrent connections limit|rate[^.]{0,30}exceeded|throttl|rate limited|message rate limit|too busy|daily (sending |recipient )?limit/,
  },
  { code: 'THROTTLED', enhanced: /^(4\.7\.500|5\.2\.25[1-5])$/ },
  { code: 'MAILBOX_FULL', enhanced: /^[45]\.2\.2$/ },
  {
    code: 'MESSAGE_TOO_LARGE',
    text: /size exceeds|message (is )?too (large|big)|exceeds (the )?(fixed )?maximum (message )?size|message size limit|size limit exceeded|message length exceeds/,
  },
  { code: 'MESSAGE_TOO_LARGE', enhanced: /^[45]\.(3\.4|2\.3)$/ },
  { code: 'BARE_LINEFEED', text: /bare ?(line ?feeds?|lf\b|<lf>)|barelinefeed/ },
  {
    code: 'MESSAGE_NOT_COMPLIANT',
    text: /rfc ?5322|rfc ?822|not rfc[^.]{0,10}compliant|invalid message content|invalid mime|malformed (message|header)/,
  },
  {
    code: 'BAD_EHLO_NAME',
    text: /invalid domain name|bad helo|(helo|ehlo) command rejected|invalid (ehlo|helo)|syntax: (helo|ehlo) hostname|(helo|ehlo)[^.]{0,20}(invalid|rejected|fully-qualified)/,
  },
  { code: 'BAD_EHLO_NAME', enhanced: /^5\.7\.506$/ },
  { code: 'DMARC_FAIL', text: /dmarc/ },
  { code: 'DMARC_FAIL', enhanced: /^5\.7\.(509|26)$/ },
  { code: 'SPF_FAIL', text: /\bspf\b|sender policy framework/ },
  { code: 'SPF_FAIL', enhanced: /^5\.7\.23$/ },
  {
    code: 'RECIPIENT_UNKNOWN',
    text: /user unknown|unknown user|recipientnotfound|recipient not found|no such (user|recipient|mailbox)|(address|mailbox|user) (does not|doesn't) exist|invalid recipient|recipient address rejected: access denied/,
  },
  { code: 'RECIPIENT_UNKNOWN', enhanced: /^5\.1\.(1|10)$/ },
  { code: 'CONNECTOR_DELIVERY_FAILED', enhanced: /^4\.(4\.31[2-8]|7\.320)$/ },
  {
    code: 'SERVICE_UNAVAILABLE',
    text: /service (not available|unavailable)|no smtp service|closing transmission channel/,
  },
  { code: 'SERVICE_UNAVAILABLE', basic: /^421$/ },
  { code: 'AUTH_FAILED', basic: /^535$/ },
  { code: 'CLIENT_NOT_AUTHENTICATED', basic: /^530$/ },
];

export interface TextRule {
  code: FindingCode;
  test: RegExp;
}

/** Texts without an SMTP reply: client errors (Outlook 0x800CCC..), printer logs, Node/OpenSSL error texts. */
export const TEXT_RULES: readonly TextRule[] = [
  { code: 'RELAY_DENIED', test: /0x800ccc79|リレー拒否|relay(ing)? (access )?denied/ },
  {
    code: 'BANNER_TIMEOUT',
    test: /greeting never received|waiting for a response from the (outgoing |sending )?\(?smtp\)? server|0x8004210b|no (smtp )?greeting|banner timeout/,
  },
  // No DNS server answered (Node: EAI_AGAIN from getaddrinfo; ECONNREFUSED / ETIMEOUT from a resolver query such
  // as `queryMx ECONNREFUSED contoso.com`): this PC's network, not the name (issue 14).
  {
    code: 'DNS_UNREACHABLE',
    test: /eai_again|\bquery[a-z]{0,6} (?:econnrefused|etimeout|econnreset)\b|\betimeout\b|temporary failure in name resolution|could not contact dns servers|dns (server )?(timeout|not responding)/,
  },
  { code: 'DNS_FAILURE', test: /eservfail|servfail|dns (server )?(failure|error)/ },
  {
    code: 'DNS_NAME_NOT_FOUND',
    test: /enotfound|0x800ccc0d|nxdomain|name or service not known|unknown host|host not found|could not resolve|cannot find (the )?server|server (could not|cannot) be found/,
  },
  { code: 'TCP_REFUSED', test: /econnrefused|connection refused|actively refused|接続が拒否/ },
  {
    code: 'TCP_UNREACHABLE',
    test: /ehostunreach|enetunreach|no route to host|(network|host) is unreachable/,
  },
  {
    code: 'TLS_MODE_MISMATCH',
    test: /wrong version number|packet length too long|unknown protocol|http request/,
  },
  {
    code: 'TLS_VERSION_UNSUPPORTED',
    test: /unsupported protocol|alert protocol version|no protocols available|protocol version not supported|tls 1\.[01][^.]{0,20}not supported/,
  },
  {
    code: 'TLS_CIPHER_MISMATCH',
    test: /no shared cipher|alert handshake failure|no ciphers available|cipher (suite )?mismatch/,
  },
  { code: 'TLS_CERT_EXPIRED', test: /certificate has expired|cert_has_expired|証明書の有効期限/ },
  { code: 'TLS_CERT_NOT_YET_VALID', test: /certificate is not yet valid|cert_not_yet_valid/ },
  {
    code: 'TLS_CERT_NAME_MISMATCH',
    test: /altname|does not match certificate|certificate name mismatch|hostname mismatch/,
  },
  {
    code: 'TLS_CERT_UNTRUSTED',
    test: /self[- ]signed|unable to verify|unable to get (local )?issuer|unknown ca|certificate (is )?not trusted|untrusted certificate authority/,
  },
  {
    code: 'CONNECTION_DROPPED',
    test: /econnreset|epipe|connection (was )?reset|connection closed unexpectedly|closed (the )?connection unexpectedly|接続が中断|unexpected socket close|connection (was )?(dropped|interrupted|lost)|0x800ccc0f|socket hang up|接続が切断/,
  },
  { code: 'TCP_TIMEOUT', test: /etimedout|connect etimedout/ },
  {
    code: 'STARTTLS_NOT_OFFERED',
    test: /starttls (is )?not (supported|offered|available)|server does not support starttls|missing starttls|did not advertise starttls/,
  },
  {
    code: 'AUTH_NOT_OFFERED',
    test: /auth(entication)? (is )?not (supported|offered|available|enabled) (by|on) (the )?server|server does not support (smtp )?auth|did not advertise auth/,
  },
  { code: 'NOT_SMTP', test: /http\/1\.[01] \d\d\d|ssh-2\.0-|^\+ok |^\* ok / },
];

// ---- Errors (socket, DNS, TLS, nodemailer): read by classify-error.ts ----

/** Node / OpenSSL error codes (err.code) → finding. */
export const ERROR_CODE_RULES: Readonly<Record<string, FindingCode>> = {
  ECONNREFUSED: 'TCP_REFUSED',
  ETIMEDOUT: 'TCP_TIMEOUT',
  ECONNABORTED: 'CONNECTION_DROPPED',
  EHOSTUNREACH: 'TCP_UNREACHABLE',
  ENETUNREACH: 'TCP_UNREACHABLE',
  EHOSTDOWN: 'TCP_UNREACHABLE',
  ENOTFOUND: 'DNS_NAME_NOT_FOUND',
  ENODATA: 'DNS_NAME_NOT_FOUND',
  EAI_AGAIN: 'DNS_UNREACHABLE',
  ETIMEOUT: 'DNS_UNREACHABLE',
  ESERVFAIL: 'DNS_FAILURE',
  ECONNRESET: 'CONNECTION_DROPPED',
  EPIPE: 'CONNECTION_DROPPED',
  CERT_HAS_EXPIRED: 'TLS_CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_CERT_NOT_YET_VALID',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_CERT_UNTRUSTED',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_CERT_UNTRUSTED',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_CERT_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_CERT_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_CERT_UNTRUSTED',
  CERT_UNTRUSTED: 'TLS_CERT_UNTRUSTED',
  CERT_SIGNATURE_FAILURE: 'TLS_CERT_UNTRUSTED',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_CERT_NAME_MISMATCH',
  HOSTNAME_MISMATCH: 'TLS_CERT_NAME_MISMATCH',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS_MODE_MISMATCH',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'TLS_VERSION_UNSUPPORTED',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'TLS_VERSION_UNSUPPORTED',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'TLS_VERSION_UNSUPPORTED',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'TLS_CIPHER_MISMATCH',
  ERR_SSL_NO_SHARED_CIPHER: 'TLS_CIPHER_MISMATCH',
};

/** OpenSSL reason strings (err.reason / in the message), checked in this order. */
export const ERROR_REASON_RULES: readonly (readonly [RegExp, FindingCode])[] = [
  [/wrong version number|packet length too long|http request/i, 'TLS_MODE_MISMATCH'],
  [/unsupported protocol|no protocols available|alert protocol version/i, 'TLS_VERSION_UNSUPPORTED'],
  [/alert handshake failure|no shared cipher|no ciphers available/i, 'TLS_CIPHER_MISMATCH'],
];
