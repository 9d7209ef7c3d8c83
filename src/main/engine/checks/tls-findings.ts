// Certificate and handshake problems → findings. On a Microsoft name, a certificate our trust store (plus the
// technician's --ca) does not accept means someone in the path re-signs TLS: interception.
import type { FindingRef } from '../../../shared/model';
import type { TlsInfo } from '../protocol/tls-connect';

export function isMicrosoftName(host: string): boolean {
  return /(^|\.)(office365\.com|outlook\.com|office\.com|microsoft\.com|microsoft)$/i.test(
    host.replace(/\.$/, ''),
  );
}

const UNTRUSTED =
  /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE|CERT_CHAIN_TOO_LONG|INVALID_CA)$/;

/** Findings for a certificate, from Node's verdict (code) plus our own name and date checks on the leaf. */
export function certFindings(host: string, code: string | null, info: TlsInfo | null): FindingRef[] {
  const out: FindingRef[] = [];
  const leaf = info?.chain[0];
  const issuer = leaf ? `${leaf.issuer}${leaf.issuerOrg ? ` (${leaf.issuerOrg})` : ''}` : 'unknown issuer';
  const evidence = [
    code ?? 'certificate',
    leaf ? `subject ${leaf.subject}; issuer ${issuer}; valid ${leaf.validFrom} – ${leaf.validTo}` : '',
  ].filter(Boolean);
  const untrusted = code !== null && UNTRUSTED.test(code);
  if (untrusted) {
    out.push({ code: 'TLS_CERT_UNTRUSTED', params: { host, reason: `${code}; issuer ${issuer}` }, evidence });
    if (isMicrosoftName(host))
      out.push({
        code: 'SMTP_INTERCEPTED',
        params: { host, reply: `certificate issued by ${issuer}` },
        evidence,
      });
  }
  const validity =
    info?.validity ??
    (code === 'CERT_HAS_EXPIRED' ? 'expired' : code === 'CERT_NOT_YET_VALID' ? 'not-yet-valid' : 'unknown');
  if (validity === 'expired' || code === 'CERT_HAS_EXPIRED')
    out.push({ code: 'TLS_CERT_EXPIRED', params: { host }, evidence });
  else if (validity === 'not-yet-valid' || code === 'CERT_NOT_YET_VALID')
    out.push({ code: 'TLS_CERT_NOT_YET_VALID', params: { host }, evidence });
  const nameErr =
    info?.nameMismatch ??
    (code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? 'the certificate does not name this host' : null);
  if (nameErr)
    out.push({
      code: 'TLS_CERT_NAME_MISMATCH',
      params: { host, reason: nameErr },
      evidence: [...evidence, nameErr],
    });
  if (out.length === 0 && code)
    out.push({ code: 'TLS_CERT_UNTRUSTED', params: { host, reason: code }, evidence });
  return out;
}

/**
 * A handshake that failed before the certificate arrived. An oversized chain or certificate is the server's side
 * (OpenSSL refuses a certificate message over its 100 KB max_cert_list: ERR_SSL_EXCESSIVE_MESSAGE_SIZE); anything
 * else came from the server or the path to it (our own TLS library's refusals are skipped before this).
 */
export function certNotReceived(host: string, reason: string, message: string): FindingRef {
  const oversized = /EXCESSIVE_MESSAGE_SIZE|excessive message size/i.test(`${reason} ${message}`);
  const why = oversized
    ? `the server sent a certificate chain larger than TLS clients accept: ${reason}`
    : reason;
  return {
    code: 'TLS_CERT_NOT_RECEIVED',
    params: { host, reason: why },
    evidence: [message].filter(Boolean).slice(0, 2),
  };
}
