// Finds English that leaked into Japanese text: ASCII words outside an allow-list of product names, protocol
// keywords, codes and commands, and internal check ids. What a server or device said (evidence, transcripts) and
// what the reader types (commands, addresses, hosts) are removed before the scan: those stay in their own form.

/** Words Japanese Microsoft documentation keeps in English (glossary: product names, protocol keywords, units). */
export const ALLOWED_WORDS = new Set(
  (
    'Device Mail Doctor Microsoft Exchange Online Entra ID Outlook web Defender PowerShell Windows macOS Mac Linux ' +
    'SMTP AUTH TLS SSL STARTTLS EHLO HELO MX SPF DKIM DMARC DNS IP IPv4 IPv6 TCP UPN MAIL FROM RCPT TO DATA From To ' +
    'OAuth XOAUTH2 LOGIN PLAIN NTLM CRAM MD5 MFA ECDHE RSA CA CN SAN PDF HTML ISP UTC ms KB MB A AAAA TXT NDR ' +
    // OAuth token claim names and Entra's error-code prefix, shown as they appear in a token or on a device page.
    'AADSTS JWT aud tid upn appid scp roles exp oid ' +
    'IIS High Volume Email HVE Send As Behalf Direct RejectDirectSend SmtpClientAuthentication SmtpClientAuthenticationDisabled ' +
    'RICOH IM Contoso Fabrikam QR OK ID Osaka K Sato Basic PermError v spf all include ip ufw netsh Get NetConnectionProfile ' +
    'JSON report json zip md txt Chromium npx npm PC OS Web Windows Enter Esc Tab PEM Markdown LF CR CRLF LOB SHA ADDR PORT Learn Ricoh bizhub SNMP IPP public ' +
    // Exchange's own status names, PowerShell's True/False as Get-* prints them, network terms Japanese documentation keeps, loopback's interface name, and the
    // language picker's "English" (each language is named in its own language).
    'SendAsDenied IPoE PTR lo English Postfix True False ' +
    // "Office 365": Microsoft's Japanese documentation keeps the product name (e.g. the connector wizard's
    // "組織のメール サーバー → Office 365").
    'Office ' +
    // Ricoh's own name for its devices' web page, kept in Ricoh's Japanese manuals ("Web Image Monitor").
    'Image Monitor'
  ).split(/\s+/),
);

/** Internal check ids (e.g. tcp.submission.v4, envelope.internal) never reach a reader. */
export const CHECK_ID =
  /\b(?:config|dns|tcp|smtp|tls|device|envelope|relay|capture)\.(?:submission|mx|a|v4|v6|banner|ehlo|starttls|matrix|cert|device|auth|internal|external|spf|egress-ip)\b/;

/** Removes what legitimately stays in its original form: addresses, hosts, IPs, codes, commands, flags, URLs. */
export function stripAllowed(text: string): string {
  return (
    text
      // Code between backticks (a scope, permission name or command shown verbatim; the app renders it as code).
      .replace(/`[^`\n]+`/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/\bOutlook on the web\b/g, ' ') // the product's name, kept in Japanese documentation
      // A server's reply quoted inside a sentence (code, enhanced code, its words) up to Japanese punctuation.
      .replace(/\b[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\b)?[^\n。」）]*/g, ' ')
      .replace(/-----(?:BEGIN|END) [A-Z ]+-----/g, ' ') // PEM armour (a placeholder shows the format)
      .replace(/\b(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%\w+)?/gi, ' ') // IPv6 addresses (with a zone)
      .replace(/\b(?:eth|en[opsx]?|wl[aop]?\w*|wlan|br|docker|veth|tun|tap)\w*\d\w*\b/g, ' ') // interface names
      .replace(/\b(?:IPv[46]|XOAUTH2|SHA-?256|MD5)\b/g, ' ')
      .replace(/[\w.+-]+@[\w.-]+/g, ' ') // addresses
      .replace(/\b[\w-]+(?:\.[\w-]+)+\b/g, ' ') // host names, domains, file names, versions, IPs
      .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ') // finding codes
      .replace(/\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b[^\n]*/g, ' ') // PowerShell cmdlets and their arguments
      .replace(/--?[a-z][\w-]*/g, ' ') // flags
      .replace(/\b\d+(?:\.\d+)*\b/g, ' ')
  );
}

/** English words (and check ids) left in a Japanese text after the allowed parts are removed. */
export function englishLeaks(text: string): string[] {
  const ids = text.match(new RegExp(CHECK_ID, 'g')) ?? [];
  const words = stripAllowed(text).match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set([...ids, ...words.filter((w) => !ALLOWED_WORDS.has(w))])];
}
