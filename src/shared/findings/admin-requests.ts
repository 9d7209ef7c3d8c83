// What the support ticket asks of the Microsoft 365 admin, addressed TO the admin ("please turn on ..."), per
// finding code, with the PowerShell that does it, narrowest scope first: one mailbox before the whole tenant.
// The catalogue's `fix` texts speak to the technician ("ask the admin to ..."); a ticket that pasted them would
// talk past its reader. Codes without an entry here fall back to the catalogue's fix text.
//
// Sources (read 2026-12-02):
// - https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission
//   "A per-mailbox setting that overrides the tenant-wide setting"; Microsoft recommends keeping SMTP AUTH off for
//   the organization and enabling it only for the mailboxes that need it (Set-CASMailbox ... -SmtpClientAuthenticationDisabled
//   $false); with security defaults on, SMTP AUTH stays disabled whatever these settings say.
// - The other commands are the catalogue's own one-liners (src/shared/findings/catalog-*.ts), unchanged.
import type { Lang } from '../model';
import { interpolate } from './catalog';
import { MORE_ADMIN_REQUESTS } from './admin-requests-more';

/** How far a command reaches: read-only, one mailbox, or the whole organization. */
export type CommandScope = 'read' | 'mailbox' | 'tenant';

export interface AdminCommand {
  scope: CommandScope;
  /** PowerShell (Exchange Online); `<mailbox>` / `<ip>` are filled from the job where the value is plain. */
  ps: string;
}

export interface AdminRequest {
  /** One or two sentences to the admin: what to change, and why it is needed. `{param}` placeholders allowed. */
  ask: Record<Lang, string>;
  /** Ordered narrowest first (mailbox before tenant-wide). */
  commands?: AdminCommand[];
}

const MAILBOX_SMTP_AUTH: AdminCommand = {
  scope: 'mailbox',
  ps: 'Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false',
};
const TENANT_SMTP_AUTH: AdminCommand = {
  scope: 'tenant',
  ps: 'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
};
const READ_INBOUND: AdminCommand = { scope: 'read', ps: 'Get-InboundConnector | fl Name,SenderIPAddresses' };
const SPF_EXAMPLE = 'v=spf1 ip4:{spfIp} include:spf.protection.outlook.com ~all';

export const ADMIN_REQUESTS: Record<string, AdminRequest> = {
  SMTP_AUTH_DISABLED_TENANT: {
    ask: {
      ja: '送信用メールボックス{{ {mailbox} }}の SMTP AUTH（認証済み SMTP）を有効にしてください。組織全体ではなく、このメールボックスだけを有効にする方法をお勧めします（メールボックスの設定は組織の設定より優先されます）。',
      en: 'Please turn on SMTP AUTH (Authenticated SMTP) for the sending mailbox{{ {mailbox}}}. Enabling it for this mailbox only is preferred to enabling it for the whole organization (the mailbox setting overrides the organization setting).',
    },
    commands: [MAILBOX_SMTP_AUTH, TENANT_SMTP_AUTH],
  },
  SMTP_AUTH_DISABLED_MAILBOX: {
    ask: {
      ja: '送信用メールボックス{{ {mailbox} }}の「認証済み SMTP」をオンにしてください（Microsoft 365 管理センター: [ユーザー] > [アクティブなユーザー] > 対象ユーザー > [メール] > [メール アプリの管理]）。',
      en: 'Please turn on "Authenticated SMTP" for the sending mailbox{{ {mailbox}}} (Microsoft 365 admin center: Users > Active users > the user > Mail > Manage email apps).',
    },
    commands: [MAILBOX_SMTP_AUTH],
  },
  AUTH_FAILED: {
    ask: {
      ja: 'サインイン（SMTP AUTH）が拒否されました。技術者がユーザー名とパスワードを確認済みの場合は、メールボックス{{ {mailbox} }}がブロックされていないこと、SMTP AUTH が有効なこと、多要素認証（MFA）を要求されていないことをご確認ください。',
      en: 'The sign-in (SMTP AUTH) was refused. If the technician has confirmed the user name and password, please check that the mailbox{{ {mailbox}}} is not blocked, has SMTP AUTH enabled, and is not required to use MFA.',
    },
    commands: [MAILBOX_SMTP_AUTH],
  },
  SECURITY_DEFAULTS_BLOCK: {
    ask: {
      ja: 'Microsoft Entra ID の「セキュリティの既定値群」が有効なため、基本認証の SMTP AUTH が拒否されています。条件付きアクセスでの運用に切り替えられるかご検討ください。切り替えられない場合は、技術者が直接送信または SMTP リレーに変更します。',
      en: 'Microsoft Entra security defaults are on, which refuses SMTP AUTH with Basic authentication. Please consider Conditional Access instead; if that is not possible, the technician will switch the device to Direct Send or SMTP relay.',
    },
  },
  CONDITIONAL_ACCESS_BLOCK: {
    ask: {
      ja: 'Microsoft Entra ID のサインイン ログで、このサインインを拒否したポリシーをご確認のうえ、送信用アカウント{{ {mailbox} }}を対象から除外できるかご検討ください。',
      en: 'Please find the policy that refused this sign-in in the Microsoft Entra sign-in logs and consider excluding the sending account{{ {mailbox}}} from it.',
    },
  },
  BASIC_AUTH_DISABLED: {
    ask: {
      ja: 'このテナントでは SMTP AUTH の基本認証が受け付けられません。一時的に基本認証を再度有効にできるか、または SMTP リレー用の受信コネクタを作成できるかご検討ください。',
      en: 'This tenant refuses SMTP AUTH with Basic authentication. Please consider re-enabling Basic authentication for a while, or creating an inbound connector for SMTP relay.',
    },
  },
  SENDER_BLOCKED: {
    ask: {
      ja: '送信用アカウント{{ {mailbox} }}が送信を制限されています。Microsoft Defender ポータルの［制限されたエンティティ］で解除し、パスワードのリセットと侵害の有無の確認をお願いします。',
      en: 'The sending account{{ {mailbox}}} is restricted from sending. Please release it under Restricted entities in the Microsoft Defender portal, reset its password and check it for compromise.',
    },
  },
  RELAY_NOT_ATTRIBUTED: {
    ask: {
      ja: '拠点の送信元パブリック IP アドレス{{ {ip} }}が、どの受信コネクタにも一致しません。受信コネクタの送信元 IP アドレスをこの値に更新し、SPF レコードも合わせて更新してください。',
      en: "The site's public IP address{{ {ip}}} matches no inbound connector. Please set the inbound connector's sender IP addresses to this value and update the SPF record to match.",
    },
    commands: [READ_INBOUND],
  },
  EGRESS_IP_NOT_CONNECTOR: {
    ask: {
      ja: '拠点の送信元パブリック IP アドレスが{{ {ip} に}}変わっています。Exchange 管理センターの［メール フロー］>［コネクタ］で受信コネクタの IP アドレスを更新し、SPF レコードも更新してください。',
      en: "The site's public IP address has changed{{ to {ip}}}. Please update the inbound connector's IP addresses (Exchange admin center: Mail flow > Connectors) and the SPF record.",
    },
    commands: [READ_INBOUND],
  },
  DIRECT_SEND_REJECTED: {
    ask: {
      ja: 'この組織では直接送信が拒否されています（RejectDirectSend）。技術者は SMTP クライアント送信または SMTP リレーへの変更を提案します。組織として直接送信を許可すると決めた場合に限り、設定を戻してください。',
      en: 'This organization rejects Direct Send (RejectDirectSend). The technician proposes SMTP client submission or SMTP relay instead; please change the setting back only if the organization decides to allow Direct Send.',
    },
    commands: [{ scope: 'tenant', ps: 'Set-OrganizationConfig -RejectDirectSend $false' }],
  },
  SPF_FAIL: {
    ask: {
      ja: `拠点の送信元パブリック IP アドレスを SPF レコードに追加してください（例: ${SPF_EXAMPLE}）。`,
      en: `Please add the site's public IP address to the SPF record (e.g. ${SPF_EXAMPLE}).`,
    },
  },
  SPF_RECORD_MISSING: {
    ask: {
      ja: `ドメイン{{ {domain} }}に SPF レコードを登録してください（例: ${SPF_EXAMPLE}）。`,
      en: `Please publish an SPF record for the domain{{ {domain}}} (e.g. ${SPF_EXAMPLE}).`,
    },
  },
  SPF_MULTIPLE_RECORDS: {
    ask: {
      ja: `ドメイン{{ {domain} }}の SPF レコードを 1 つに統合してください（例: ${SPF_EXAMPLE}）。`,
      en: `Please merge the SPF records of the domain{{ {domain}}} into one (e.g. ${SPF_EXAMPLE}).`,
    },
  },
  SPF_MISSING_EXCHANGE_INCLUDE: {
    ask: {
      ja: `SPF レコードに include:spf.protection.outlook.com を追加してください（例: ${SPF_EXAMPLE}）。`,
      en: `Please add include:spf.protection.outlook.com to the SPF record (e.g. ${SPF_EXAMPLE}).`,
    },
  },
  SPF_MISSING_EGRESS_IP: {
    ask: {
      ja: `SPF レコードに拠点の送信元パブリック IP アドレスを追加してください（例: ${SPF_EXAMPLE}）。`,
      en: `Please add the site's public IP address to the SPF record (e.g. ${SPF_EXAMPLE}).`,
    },
  },
  MX_NOT_FOUND: {
    ask: {
      ja: 'ドメイン{{ {domain} }}の MX レコードが見つかりません。Microsoft 365 管理センターの［設定］>［ドメイン］に表示される MX レコードを登録してください。',
      en: 'The domain{{ {domain}}} has no MX record. Please publish the MX record shown in the Microsoft 365 admin center (Settings > Domains).',
    },
  },
  SENDER_DOMAIN_UNREGISTERED: {
    ask: {
      ja: '差出人のドメインが承認済みドメインにありません。差出人{{ {sender} }}のドメインを追加して確認するか、技術者に使うべき差出人アドレスをお知らせください。',
      en: "The sender's domain is not an accepted domain. Please add and verify the domain of{{ {sender}}}, or tell the technician which sender address to use.",
    },
  },
  ...MORE_ADMIN_REQUESTS,
};

/** The admin-addressed request for one finding, or null when the catalogue has none for it. */
export function adminRequest(
  code: string,
  params: Record<string, string> | undefined,
  lang: Lang,
): { ask: string; commands: AdminCommand[] } | null {
  const entry = ADMIN_REQUESTS[code];
  if (!entry) return null;
  return { ask: interpolate(entry.ask[lang], params, lang), commands: entry.commands ?? [] };
}
