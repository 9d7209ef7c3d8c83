// Texts never contradict their evidence: before a finding's text is chosen its parameters are checked. A code
// whose usual text states that two values differ (From vs the signed-in mailbox, egress IP vs the connector's)
// gets another text when its own parameters say they are the same.
//
// SendAs with From = the sign-in name: Exchange Online checks the From against the mailbox's addresses, not the
// sign-in name; the causes below are Microsoft's (read 2026-12-02): "How to set up a multifunction device or
// application to send email using Microsoft 365" (seed 000: the From must be the mailbox's address or one it has
// Send As permission for) https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365
// and "Manage permissions for recipients" (Add-RecipientPermission -AccessRights SendAs)
// https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-permissions-for-recipients
import type { Actor, FindingRef, Lang } from '../model';
import type { FindingText } from './catalog-types';

export interface TextVariant {
  /** The params that must be equal (after normalising) for the variant to apply. */
  same?: [string, string];
  /** Or: the param that must hold this value (set by the engine from where the finding was seen). */
  param?: [string, string];
  actors?: Actor[];
  text: Record<Lang, FindingText>;
}

/** Mail addresses compare case-insensitively; IPs without the IPv4-mapped prefix. */
export function normalised(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^<|>$/g, '')
    .replace(/^::ffff:/, '');
}

/** Codes whose usual text states that two params differ, and the words that state it (property-tested). */
export const DIFFERENCE_CLAIMS: Record<string, { pair: [string, string]; claim: Record<Lang, RegExp> }> = {
  SEND_AS_DENIED: { pair: ['sender', 'mailbox'], claim: { en: /differs|different/i, ja: /異な/ } },
  EGRESS_IP_NOT_CONNECTOR: {
    pair: ['ip', 'expected'],
    claim: { en: /differs|does not match|different/i, ja: /一致しません|異な/ },
  },
};

export const VARIANTS: Record<string, TextVariant> = {
  // 5.7.54 on the path of SMTP relay: Exchange Online did not attribute the connection to the organisation's
  // inbound connector (its source IP or certificate matched none), so it took it as anonymous inbound mail, which
  // may only go to the tenant's own recipients. The usual text ("Direct Send used for an external recipient, use
  // relay") would tell the technician to use the very method that failed and blame the device for the connector.
  // Microsoft (read 2026-12-02), seed 000 "Office 365 を使ってメールを送信するプリンター、スキャナー、LOB アプリケーショ
  // ンの問題を修正する", SMTP リレー section: a changed static IP means "コネクタが特定されず、メッセージが外部の受信者に
  // 中継されなくなります" — update the connector and SPF; seed 001 option 3: the connector identifies the site by its
  // static public IP (or certificate).
  // https://learn.microsoft.com/ja-jp/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off
  // https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365
  RELAY_DENIED: {
    param: ['path', 'relay'],
    actors: ['admin', 'technician'],
    text: {
      ja: {
        title: 'SMTP リレーの接続がコネクタに一致しませんでした',
        cause:
          'Exchange Online はこの拠点からの接続{{ (送信元のパブリック IP アドレス {ip})}}を組織のコネクタに結び付けず、匿名のメール (直接送信と同じ扱い) として受け取ったため、組織外の宛先を拒否しました{{ ({reply})}}。コネクタにこの IP アドレス (または証明書) が登録されていない、回線の変更などで送信元のパブリック IP アドレスが変わった、コネクタがまだない、のいずれかが考えられます。',
        fix: 'Microsoft 365 管理者に、Exchange 管理センターの [メール フロー] > [コネクタ] で「組織のメール サーバー」から Microsoft 365 への受信コネクタがあり、送信元のパブリック IP アドレス{{ ({ip})}}が登録されているか確認してもらってください (Get-InboundConnector | fl Name,Enabled,SenderIPAddresses,TlsSenderCertificateName)。機器のサーバー欄は MX ホスト、ポート 25 のままにします。',
      },
      en: {
        title: 'The SMTP relay connection matched no connector',
        cause:
          "Exchange Online did not attribute this site's connection{{ (egress public IP {ip})}} to the organisation's connector and took it as anonymous mail (as Direct Send), so it refused the external recipient{{ ({reply})}}. The connector does not hold this IP address (or certificate), the site's public IP changed (e.g. a new line), or there is no connector yet.",
        fix: 'Have the Microsoft 365 admin check in the Exchange admin center under Mail flow > Connectors that an inbound connector from "Your organization\'s email server" to Microsoft 365 exists and holds the egress public IP{{ ({ip})}} (Get-InboundConnector | fl Name,Enabled,SenderIPAddresses,TlsSenderCertificateName). Keep the device\'s server field on the MX host, port 25.',
      },
    },
  },
  SEND_AS_DENIED: {
    same: ['sender', 'mailbox'],
    actors: ['admin', 'technician'],
    text: {
      ja: {
        title: 'サインインしたメールボックスの差出人でも送信が拒否されました (SendAs)',
        cause:
          '差出人 (MAIL FROM){{ ({sender})}}はサインイン名と同じですが、Exchange Online は「送信者として送信」の権限がないとして拒否しました。考えられる原因: サインイン名 (UPN) がメールボックスのアドレスに含まれていない (プライマリ SMTP アドレスが UPN とは別のアドレス。名前やドメインの変更後など)、機器がメールのヘッダーに MAIL FROM とは別の差出人 (From) を書いている、別のメールボックスとして送信しようとしていて、そのメールボックスに対する「送信者として送信（Send As）のアクセス許可」がない。',
        fix: 'Microsoft 365 管理者に、ユーザーの UPN とメールボックスのプライマリ SMTP アドレスを比べてもらってください (Get-Mailbox 名前 | fl UserPrincipalName,PrimarySmtpAddress,EmailAddresses)。別のアドレスなら UPN をメールボックスのアドレスに追加するか、機器のサインイン名と差出人をプライマリ SMTP アドレスにします。機器の「差出人」欄と「送信者」欄が同じアドレスかも確認してください。別のメールボックスとして送る必要がある場合は、管理者が送信者として送信（Send As）のアクセス許可を付与します (Add-RecipientPermission)。',
      },
      en: {
        title: 'Sending as the signed-in mailbox was refused (SendAs)',
        cause:
          "The sender (MAIL FROM){{ ({sender})}} is the same as the sign-in name, yet Exchange Online refused it as SendAs. Likely causes: the sign-in name (UPN) is not one of the mailbox's addresses (its primary SMTP address is another, e.g. after a rename or a domain change); the device writes another From in the message header than in MAIL FROM; or it sends as another mailbox that this account has no Send As permission for.",
        fix: 'Have the Microsoft 365 admin compare the user\'s UPN with the mailbox\'s primary SMTP address (Get-Mailbox NAME | fl UserPrincipalName,PrimarySmtpAddress,EmailAddresses). If the UPN is not among them, add it as an address of the mailbox, or set the device\'s sign-in and sender to the primary address. Check that the device\'s "From" and "sender" fields hold the same address. If sending as another mailbox is intended, the admin grants Send As (Add-RecipientPermission).',
      },
    },
  },
  EGRESS_IP_NOT_CONNECTOR: {
    same: ['ip', 'expected'],
    text: {
      ja: {
        title: '送信元 IP アドレスとコネクタの IP アドレスの比較結果を確認してください',
        cause:
          '拠点の送信元 IP アドレスとコネクタの IP アドレスは同じ{{ ({ip})}}と読めます。表記 (IPv4 射影 IPv6 など) が違うだけの可能性があり、不一致とは言えません。',
        fix: '中継送信が拒否される場合は、Microsoft 365 管理者にコネクタの IP アドレス一覧と、この拠点から見たパブリック IP アドレスをもう一度比べてもらってください。',
      },
      en: {
        title: 'Check the egress IP against the connector again',
        cause:
          "The site's egress IP and the connector's IP read the same{{ ({ip})}}; they may only be written in another form (e.g. IPv4-mapped IPv6), so no mismatch can be stated.",
        fix: "If relay is still refused, have the Microsoft 365 admin compare the connector's IP list with the public IP this site is seen from once more.",
      },
    },
  },
};

/** The variant a finding's own params call for, or null for the catalogue's usual text. */
export function variantFor(ref: Pick<FindingRef, 'params'> & { code: string }): TextVariant | null {
  const v = VARIANTS[ref.code];
  if (!v) return null;
  if (v.param) return ref.params?.[v.param[0]] === v.param[1] ? v : null;
  if (!v.same) return null;
  const [a, b] = v.same.map((k) => ref.params?.[k]);
  return a !== undefined && b !== undefined && a.trim() !== '' && normalised(a) === normalised(b) ? v : null;
}
