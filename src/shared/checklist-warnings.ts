// Warnings for a checklist: the model's own (from its profile) plus those computed from the model's capabilities
// against the chosen method and the job (TLS too old for submission, RSA-only ciphers, MX host longer than the
// server field, sender ≠ mailbox, an IP typed as server). Pure.
import type { Lang, Method, TlsVersion } from './model';
import type { ModelProfile } from './profiles-resolve';

export interface ChecklistWarning {
  id: string;
  severity: 'error' | 'warning' | 'info';
  text: string;
  /** False when only non-vendor sources back it: the UI says "check on the device". */
  verified: boolean;
}

export interface ChecklistJob {
  mailbox?: string | undefined;
  fromAddress?: string | undefined;
  domain?: string | undefined;
  mxHost?: string | undefined;
  staticIp?: string | undefined;
  egressIp?: string | undefined;
}

const TLS_ORDER: readonly TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];
/** TLS 1.2 or newer: what Exchange Online's submission endpoint requires. */
export function supportsTls12(max: TlsVersion | null): boolean {
  return max !== null && TLS_ORDER.indexOf(max) >= TLS_ORDER.indexOf('1.2');
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** An IPv4 or IPv6 literal (with or without brackets): never a valid server value for Exchange Online. */
export function isIpLiteral(s: string): boolean {
  const t = s.trim().replace(/^\[|\]$/g, '');
  const v4 = IPV4.exec(t);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255);
  return t.includes(':') && /^[0-9a-f:.]+$/i.test(t) && (t.match(/:/g) ?? []).length >= 2;
}

const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function checklistWarnings(
  model: ModelProfile | undefined,
  method: Method,
  job: ChecklistJob,
  lang: Lang,
): ChecklistWarning[] {
  const out: ChecklistWarning[] = [];
  const add = (
    id: string,
    severity: ChecklistWarning['severity'],
    ja: string,
    en: string,
    verified = true,
  ): void => {
    out.push({ id, severity, text: lang === 'ja' ? ja : en, verified });
  };
  if (model) {
    const c = model.capabilities;
    if (method === 'submission' && !supportsTls12(c.maxTls.value)) {
      const v = c.maxTls.value ? `TLS ${c.maxTls.value}` : lang === 'ja' ? 'TLS 非対応' : 'no TLS';
      add(
        'tls-too-old',
        'error',
        `この機器（${v}）は TLS 1.2 に対応していないため、SMTP AUTH クライアント送信は失敗します（421 4.7.66 など）。ファームウェア更新、直接送信 / SMTP リレー、または社内中継サーバーを検討してください。`,
        `This device (${v}) lacks TLS 1.2, so SMTP AUTH client submission will fail (e.g. 421 4.7.66). Update the firmware, or use Direct Send / SMTP relay or a local relay server.`,
        c.maxTls.verified,
      );
    }
    if (method === 'submission' && !c.starttls.value) {
      add(
        'no-starttls',
        'error',
        'この機器は STARTTLS に対応していません。ポート 587 の送信には STARTTLS が必須です。',
        'This device has no STARTTLS, which port 587 submission requires.',
        c.starttls.verified,
      );
    }
    if (supportsTls12(c.maxTls.value) && c.cipherFamily.value === 'rsa' && method !== 'direct-send') {
      add(
        'rsa-only',
        'warning',
        'この機器の TLS 1.2 は RSA 鍵交換のみの可能性があり、Exchange Online との TLS ネゴシエーションに失敗することがあります。診断の TLS マトリクスで確認してください。',
        "This device's TLS 1.2 may offer only RSA key exchange, which can fail to negotiate with Exchange Online. Check the diagnosis' TLS matrix.",
        c.cipherFamily.verified,
      );
    }
    const max = c.serverFieldMaxLength.value;
    if (method !== 'submission' && job.mxHost && max !== null && job.mxHost.length > max) {
      add(
        'mx-too-long',
        'error',
        `MX ホスト名（${job.mxHost.length} 文字）が機器のサーバー欄（最大 ${max} 文字）に入りません。IP アドレスは使えないので、SMTP AUTH クライアント送信（smtp.office365.com）か社内中継サーバーを検討してください。`,
        `The MX host name (${job.mxHost.length} characters) does not fit the device's server field (max ${max}). An IP address is not supported: consider SMTP AUTH submission (smtp.office365.com) or a local relay.`,
        c.serverFieldMaxLength.verified,
      );
    }
    if (method === 'submission' && !c.oauth.value) {
      add(
        'basic-auth-retirement',
        'info',
        'この機器は OAuth に対応していないため基本認証で送信します。既存テナントでは 2026 年 12 月末に SMTP AUTH の基本認証が既定で無効になります（管理者が再有効化可能）。',
        'This device cannot do OAuth, so it sends with Basic auth. Existing tenants get Basic auth for SMTP AUTH disabled by default at the end of December 2026 (admins can re-enable it).',
      );
    }
    for (const w of model.warnings) {
      if (w.methods && !w.methods.includes(method)) continue;
      out.push({ id: `model.${w.id}`, severity: w.severity, text: w.text[lang], verified: w.verified });
    }
  }
  if (
    method === 'submission' &&
    job.mailbox &&
    job.fromAddress &&
    !sameAddress(job.mailbox, job.fromAddress)
  ) {
    add(
      'sender-mismatch',
      'error',
      `差出人（${job.fromAddress}）が認証するメールボックス（${job.mailbox}）と違います。SMTP AUTH クライアント送信では差出人をメールボックスのアドレスにしてください（違うと 5.7.60 / SendAsDenied）。`,
      `The sender (${job.fromAddress}) differs from the authenticated mailbox (${job.mailbox}). With SMTP AUTH submission the sender must be the mailbox (else 5.7.60 / SendAsDenied).`,
    );
  }
  if (job.mxHost && isIpLiteral(job.mxHost)) {
    add(
      'server-is-ip',
      'error',
      'サーバーに IP アドレスは使えません。DNS 名（MX ホスト名）を使ってください。',
      'An IP address is not supported as the server; use the DNS name (MX host).',
    );
  }
  if (job.staticIp?.trim() && !isIpLiteral(job.staticIp)) {
    add(
      'static-ip-invalid',
      'error',
      `固定 IP「${job.staticIp}」は IP アドレスではありません。SPF とコネクタには拠点の固定パブリック IP を入力してください。`,
      `The static IP "${job.staticIp}" is not an IP address; the SPF record and the connector need the site's static public IP.`,
    );
  }
  if (method === 'relay' && !job.staticIp && job.egressIp) {
    add(
      'egress-ip-not-confirmed',
      'warning',
      `コネクタには固定のパブリック IP が必要です。診断で見えた送信元 IP ${job.egressIp} が固定 IP か確認してください（動的 IP は非サポート）。`,
      `The connector needs a static public IP. Confirm that the egress IP seen by the diagnosis (${job.egressIp}) is static (dynamic IPs are unsupported).`,
    );
  }
  return out;
}
