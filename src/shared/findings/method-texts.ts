// Texts for the method advisor (src/shared/methods.ts): why a method fits or not, and setting labels.
// Same `{param}` convention as the finding catalogue; facts from seed 001's comparison table.
import type { Lang } from '../model';

export type LocalText = Record<Lang, string>;

export const REASON_TEXTS = {
  TLS_OK: { ja: '機器は TLS {version} に対応しています。', en: 'The device supports TLS {version}.' },
  TLS_TOO_OLD: {
    ja: '機器の TLS は最大 {version} です。SMTP クライアント送信には TLS 1.2 以上が必要です。',
    en: "The device's TLS tops out at {version}; client submission needs TLS 1.2 or later.",
  },
  RSA_ONLY: {
    ja: '機器の TLS 1.2 は RSA 鍵交換のみ (ECDHE なし) です。この構成の複合機が smtp.office365.com で「SSL ネゴシエーションに失敗」する事例が報告されています。',
    en: 'The device\'s TLS 1.2 offers only RSA key exchange (no ECDHE); MFPs like this have been reported to fail against smtp.office365.com with "SSL negotiation failed".',
  },
  TLS_OPTIONAL: {
    ja: 'この方式では TLS は必須ではありません (使えるなら STARTTLS を推奨)。',
    en: 'TLS is not required for this method (STARTTLS recommended when available).',
  },
  NO_AUTH: {
    ja: '機器が SMTP 認証 (ユーザー名/パスワード) に対応していません。',
    en: 'The device cannot do SMTP authentication (user name and password).',
  },
  OAUTH_OK: {
    ja: '機器は OAuth (XOAUTH2) に対応しているため、基本認証の廃止の影響を受けません。',
    en: 'The device supports OAuth (XOAUTH2), so the end of Basic auth does not affect it.',
  },
  BASIC_AUTH_RETIREMENT: {
    ja: '機器は基本認証のみです。既存テナントでは 2026 年 12 月末に SMTP AUTH の基本認証が既定で無効になる予定です (管理者は再度有効にできます)。',
    en: 'The device uses Basic auth only; for existing tenants Basic auth for SMTP AUTH is scheduled to be disabled by default at the end of December 2026 (admins can re-enable it).',
  },
  BASIC_AUTH_OFF_BY_DEFAULT: {
    ja: '機器は基本認証のみです。2026 年 12 月末以降、既存テナントでも SMTP AUTH の基本認証は既定で無効です。管理者が再度有効にしない限り使えません (最終的な廃止日は 2027 年後半に発表予定)。',
    en: 'The device uses Basic auth only; since the end of December 2026 Basic auth for SMTP AUTH is off by default, so it works only if the admin re-enables it (final removal date to be announced in the second half of 2027).',
  },
  SMTP_AUTH_DISABLED: {
    ja: 'テナントで SMTP AUTH が意図的に無効にされています。',
    en: 'SMTP AUTH is deliberately disabled in the tenant.',
  },
  SMTP_AUTH_UNKNOWN: {
    ja: 'テナントの SMTP AUTH の状態が不明です (2020 年 1 月以降に作成された組織では既定で無効)。管理者に確認してください。',
    en: "The tenant's SMTP AUTH state is unknown (off by default for organizations created since January 2020); check with the admin.",
  },
  SECURITY_DEFAULTS_ON: {
    ja: '既定のセキュリティが有効です。SMTP クライアント送信 (基本認証) とは互換性がありません。',
    en: 'Security defaults are on; they are not compatible with client submission using Basic auth.',
  },
  SECURITY_DEFAULTS_UNKNOWN: {
    ja: '既定のセキュリティの状態が不明です。有効な場合、基本認証の SMTP AUTH はブロックされます。',
    en: 'Whether security defaults are on is unknown; if on, SMTP AUTH with Basic auth is blocked.',
  },
  MAILBOX_NEEDED: {
    ja: 'ライセンスのあるメールボックスが必要で、差出人はそのメールボックスのアドレスに限られます。',
    en: "Needs a licensed mailbox, and the sender must be that mailbox's address.",
  },
  EXTERNAL_OK: { ja: '組織外の宛先にも送信できます。', en: 'Can send to external recipients.' },
  EXTERNAL_NOT_SUPPORTED: {
    ja: '直接送信では組織外の宛先には送れません (設計上拒否されます)。',
    en: 'Direct Send cannot deliver to external recipients (rejected by design).',
  },
  INTERNAL_ONLY_OK: {
    ja: '宛先は組織内のみのため、直接送信で足ります。',
    en: 'Recipients are internal only, so Direct Send is enough.',
  },
  REJECT_DIRECT_SEND_ON: {
    ja: 'テナントで「直接送信の拒否」(RejectDirectSend) が有効なため、直接送信は 5.7.68 で拒否されます。',
    en: 'The tenant has Reject Direct Send on, so Direct Send is refused with 5.7.68.',
  },
  REJECT_DIRECT_SEND_UNKNOWN: {
    ja: '「直接送信の拒否」(RejectDirectSend) の状態が不明です。管理者に確認してください (Get-OrganizationConfig | fl RejectDirectSend)。',
    en: 'Whether Reject Direct Send is on is unknown; check with the admin (Get-OrganizationConfig | fl RejectDirectSend).',
  },
  STATIC_IP_OK: {
    ja: '固定のパブリック IP アドレス {ip} があります。',
    en: 'A static public IP ({ip}) is available.',
  },
  NO_STATIC_IP_RELAY: {
    ja: '固定のパブリック IP アドレスがありません。SMTP リレーのコネクタには他組織と共有しない固定 IP が必要です (動的 IP は非サポート)。',
    en: 'No static public IP: the relay connector needs a static IP not shared with other organizations (dynamic IPs are unsupported).',
  },
  NO_STATIC_IP_DIRECT: {
    ja: '固定のパブリック IP アドレスがないため SPF に登録できず、迷惑メールと判定されやすくなります。',
    en: 'Without a static public IP the SPF record cannot list it, so mail is more likely to be marked as junk.',
  },
  CONNECTOR_NEEDED: {
    ja: '管理者が Exchange 管理センターで受信コネクタを作成する必要があり、設定がもっとも複雑です。',
    en: 'The admin must create an inbound connector in the Exchange admin center; this is the most complex option.',
  },
  SERVER_FIELD_TOO_SHORT: {
    ja: 'サーバー名 {host} ({length} 文字) が機器のサーバー欄 (最大 {max} 文字) に入りません。IP アドレスでの代用はサポートされていません。',
    en: "The server name {host} ({length} characters) does not fit the device's server field (max {max}); an IP address is not a supported substitute.",
  },
  SERVER_FIELD_MAYBE_SHORT: {
    ja: 'MX ホスト名が不明です。MX ホストは通常 28 文字を超えるため (例: contoso-com.mail.protection.outlook.com)、サーバー欄 (最大 {max} 文字) に入るか確認してください。',
    en: 'The MX host is unknown; MX hosts are usually longer than 28 characters (e.g. contoso-com.mail.protection.outlook.com), so check that it fits the server field (max {max}).',
  },
  MX_HOST_IS_IP: {
    ja: '入力された MX ホスト {host} は IP アドレスです。サーバー欄には MX レコードのホスト名を入力してください (IP アドレスはサポートされていません)。',
    en: "The MX host entered ({host}) is an IP address; enter the MX record's host name in the server field (IP addresses are not supported).",
  },
  LOCAL_RELAY: {
    ja: '機器が TLS 1.2 に対応していないため、社内の中継サーバー (IIS の SMTP や Postfix など) で受けて、そこから Microsoft 365 へ TLS 1.2 で送る構成も検討してください。診断中はこのアプリのキャプチャ モードが中継の代わりになります。',
    en: "As the device lacks TLS 1.2, consider a local relay server (IIS SMTP, Postfix, ...) that accepts the device's mail and forwards it to Microsoft 365 over TLS 1.2; during diagnosis this app's capture mode can stand in for it.",
  },
  NONE_VIABLE: {
    ja: 'いずれの方式も現在の条件では使えません。上記の理由のうち変更できるもの (テナント設定、固定 IP、ファームウェア) を管理者・メーカーと検討してください。',
    en: 'No method works under the current conditions; review with the admin and vendor which of the reasons above can change (tenant settings, static IP, firmware).',
  },
} satisfies Record<string, LocalText>;

export type ReasonCode = keyof typeof REASON_TEXTS;

/** Labels for the settings the technician enters on the device. */
export const SETTING_TEXTS = {
  MX_UNKNOWN: {
    ja: 'ドメイン {domain} の MX レコードの値 (例: contoso-com.mail.protection.outlook.com)',
    en: "the value of {domain}'s MX record (e.g. contoso-com.mail.protection.outlook.com)",
  },
  TLS_REQUIRED: { ja: 'STARTTLS (必須、TLS 1.2 以上)', en: 'STARTTLS (required, TLS 1.2 or later)' },
  TLS_OPTIONAL: { ja: '任意 (対応していれば STARTTLS)', en: 'optional (STARTTLS if the device supports it)' },
  TLS_RECOMMENDED: { ja: 'STARTTLS を推奨', en: 'STARTTLS recommended' },
  AUTH_BASIC: {
    ja: 'AUTH LOGIN: ユーザー名 {mailbox} (UPN) とパスワード',
    en: 'AUTH LOGIN: user name {mailbox} (UPN) and password',
  },
  AUTH_BASIC_ANY: {
    ja: 'AUTH LOGIN: 送信に使うメールボックスの UPN とパスワード',
    en: "AUTH LOGIN: the sending mailbox's UPN and password",
  },
  AUTH_OAUTH: {
    ja: 'OAuth (XOAUTH2): メールボックス {mailbox}',
    en: 'OAuth (XOAUTH2) for mailbox {mailbox}',
  },
  AUTH_OAUTH_ANY: {
    ja: 'OAuth (XOAUTH2): 送信に使うメールボックス',
    en: 'OAuth (XOAUTH2) for the sending mailbox',
  },
  AUTH_NONE: { ja: 'なし (機器の SMTP 認証をオフ)', en: 'none (turn SMTP authentication off on the device)' },
  AUTH_CONNECTOR: {
    ja: 'なし: 受信コネクタが送信元 IP {ip} で認証します',
    en: 'none: the inbound connector recognises the source IP {ip}',
  },
  SENDER_MAILBOX: {
    ja: '差出人 = サインインするメールボックス {mailbox} (異なると 5.7.60 / SendAsDenied)',
    en: 'From = the signed-in mailbox {mailbox} (anything else: 5.7.60 / SendAsDenied)',
  },
  SENDER_MAILBOX_ANY: {
    ja: '差出人 = サインインするメールボックスのアドレス (異なると 5.7.60 / SendAsDenied)',
    en: "From = the signed-in mailbox's address (anything else: 5.7.60 / SendAsDenied)",
  },
  SENDER_DOMAIN_ANY: {
    ja: 'テナントの承認済みドメインの任意のアドレス (メールボックス不要)',
    en: "any address in one of the tenant's accepted domains, no mailbox needed",
  },
  SENDER_DOMAIN: {
    ja: '承認済みドメイン (@{domain}) の任意のアドレス (メールボックス不要、例: scanner@{domain})',
    en: 'any address in an accepted domain (@{domain}), no mailbox needed (e.g. scanner@{domain})',
  },
  NOTE_NO_465: { ja: 'ポート 465 (SSL) はサポートされません。', en: 'Port 465 (SSL) is not supported.' },
  NOTE_LIMITS: {
    ja: '制限: 1 分あたり 30 通、1 日あたり 10,000 受信者、同時接続 3 まで。送信済みアイテムに保存されるため容量に注意。',
    en: 'Limits: 30 messages/minute, 10,000 recipients/day, 3 concurrent connections; copies go to Sent Items, watch the quota.',
  },
  NOTE_PORT25: {
    ja: 'ポート 25 の送信がファイアウォール・ISP で許可されている必要があります。',
    en: 'Outbound port 25 must be open at the firewall and ISP.',
  },
  NOTE_NO_IP: {
    ja: 'サーバー欄には IP アドレスではなくホスト名を入力してください。',
    en: 'Enter the host name, never an IP address, in the server field.',
  },
  NOTE_INTERNAL_ONLY: { ja: '組織内の宛先のみ。', en: 'Internal recipients only.' },
  NOTE_CONNECTOR: {
    ja: 'Exchange 管理センター > [メール フロー] > [コネクタ]: 組織のメール サーバー → Microsoft 365、送信元 IP {ip} で検証。確認: Get-InboundConnector | fl Name,SenderIPAddresses',
    en: "Exchange admin center > Mail flow > Connectors: from your organization's email server to Microsoft 365, verified by source IP {ip}. Check: Get-InboundConnector | fl Name,SenderIPAddresses",
  },
  // Issue 11 (sources in method-sources.ts): notes that hold for a method whatever the device.
  NOTE_DIRECT_SEND_NO_CONNECTOR: {
    ja: '直接送信の機器にコネクタを組み合わせないでください (Microsoft: コネクタを使う構成は問題の原因になる)。コネクタで照合させたい場合は SMTP リレーとして構成します。',
    en: 'Do not combine Direct Send with a connector (Microsoft: configuring a device to use a connector with Direct Send can cause problems); if the site should be matched by a connector, set it up as SMTP relay.',
  },
  NOTE_DIRECT_SEND_AUTH: {
    ja: '自社ドメインを差出人とする直接送信のメールは匿名で届くため、SPF (送信元の固定 IP を登録) に合格しないと DMARC により迷惑メール扱いや拒否になることがあります。機器は DKIM 署名できないのが普通です。',
    en: 'Direct Send mail from your own domain arrives anonymously: unless it passes SPF (the static IP in the record), DMARC can send it to junk or reject it. Devices normally cannot DKIM-sign.',
  },
  NOTE_HIGH_RISK_POOL: {
    ja: 'SMTP リレーで送ったメールが迷惑メールと判定されると、評価の低い「高リスク配信プール」から送信され、外部で届きにくくなります。送信量は常識的な範囲にしてください。',
    en: 'Relayed mail judged as spam leaves through the high-risk delivery pool, whose lower reputation hurts delivery to external recipients; keep volumes reasonable.',
  },
  NOTE_IPV6: {
    ja: '回線が IPv6 (IPoE など) の場合、機器が IPv6 で送信することがあります。IPv6 の匿名送信には逆引き (PTR) と SPF/DKIM が必要で、コネクタと SPF にも IPv6 アドレスが必要です。使わない場合は機器の IPv6 を無効にしてください。',
    en: 'On IPv6 lines (IPoE and the like) the device may send over IPv6: anonymous IPv6 mail needs reverse DNS (PTR) and SPF/DKIM, and the connector and SPF need the IPv6 address. Otherwise turn IPv6 off on the device.',
  },
} satisfies Record<string, LocalText>;
