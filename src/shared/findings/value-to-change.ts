// The one value the reader changes to fix a finding, when the finding determines it exactly (port 587, STARTTLS,
// smtp.office365.com, the site's public IP on the connector). Shown in the verdict box next to the first fix.
// Only values the catalogue's own fix text names are listed here; a finding that leaves the value open (e.g. which
// connector, which policy) has none — never a guess.
import { SUBMISSION_HOST, SUBMISSION_PORT } from '../exchange-online';
import type { Lang, Method } from '../model';

export interface ValueToChange {
  /** What the value is, in the reader's language (e.g. ポート / Port). */
  label: string;
  /** The value exactly as it is typed. */
  value: string;
}

type Label = Record<Lang, string>;
const PORT: Label = { ja: 'ポート', en: 'Port' };
const ENCRYPTION: Label = { ja: '暗号化', en: 'Encryption' };
const SERVER: Label = { ja: 'サーバー', en: 'Server' };
const TLS_VERSION: Label = { ja: 'TLS のバージョン', en: 'TLS version' };
const CONNECTOR_IP: Label = { ja: 'コネクタの送信元 IP アドレス', en: "Connector's sender IP address" };
const SPF_ADD: Label = { ja: 'SPF レコードに追加', en: 'Add to the SPF record' };

/** Port and encryption of SMTP client submission: the fix texts of these codes name both. */
const SUBMISSION_TLS: [Label, string][] = [
  [PORT, String(SUBMISSION_PORT)],
  [ENCRYPTION, 'STARTTLS'],
];

type Rule = (params: Record<string, string>, method: Method | 'auto') => [Label, string][];

const PLAIN_IP = /^[0-9a-fA-F:.]{2,45}$/;

const RULES: Partial<Record<string, Rule>> = {
  PORT_465_UNSUPPORTED: () => SUBMISSION_TLS,
  TLS_MODE_MISMATCH: () => SUBMISSION_TLS,
  STARTTLS_REQUIRED: () => SUBMISSION_TLS,
  TLS_VERSION_UNSUPPORTED: () => [[TLS_VERSION, 'TLS 1.2']],
  // The server name is known only for client submission; the MX host of Direct Send / relay is per domain.
  HOST_IS_IP_ADDRESS: (_p, m) => (m === 'submission' ? [[SERVER, SUBMISSION_HOST]] : []),
  ENDPOINT_METHOD_MISMATCH: (_p, m) =>
    m === 'submission'
      ? [
          [SERVER, SUBMISSION_HOST],
          [PORT, String(SUBMISSION_PORT)],
        ]
      : [],
  EGRESS_IP_NOT_CONNECTOR: (p) => (p.ip && PLAIN_IP.test(p.ip) ? [[CONNECTOR_IP, p.ip]] : []),
  RELAY_NOT_ATTRIBUTED: (p) => (p.ip && PLAIN_IP.test(p.ip) ? [[CONNECTOR_IP, p.ip]] : []),
  SPF_MISSING_EGRESS_IP: (p) =>
    p.ip && PLAIN_IP.test(p.ip) ? [[SPF_ADD, `${p.ip.includes(':') ? 'ip6' : 'ip4'}:${p.ip}`]] : [],
};

/** The values to change for one finding (usually one; port + encryption come as a pair), or [] when not exact. */
export function valuesToChange(
  code: string,
  params: Record<string, string> | undefined,
  method: Method | 'auto',
  lang: Lang,
): ValueToChange[] {
  const rule = RULES[code];
  if (!rule) return [];
  return rule(params ?? {}, method).map(([label, value]) => ({ label: label[lang], value }));
}
