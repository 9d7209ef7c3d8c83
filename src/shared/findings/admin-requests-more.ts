// Admin-addressed ticket texts for the tenant-side codes added after the first set (issue 11's four tenant codes)
// and the OAuth codes whose catalogue fix speaks to the technician. Same shape and rules as admin-requests.ts.
//
// Sources (read 2026-12-02):
// - IPv6 anonymous inbound must pass SPF or DKIM (the catalogue's S.ipv6Inbound):
//   https://learn.microsoft.com/defender-office-365/support-for-anonymous-inbound-email-messages-over-ipv6
// - 451 4.4.4 ATTR5 (no mail subscription) is not in Microsoft's NDR list: the ask says it is unverified.
// - Tenant External Recipient Rate Limit: Get-LimitsEnforcementStatus is the live counter
//   (https://microsoft.github.io/CSS-Exchange/Transport/Get-TerrlExternalRecipientEstimate/).
// - External forwarding is controlled by the outbound spam policy's AutoForwardingMode
//   (https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding,
//   https://learn.microsoft.com/powershell/module/exchange/set-hostedoutboundspamfilterpolicy).
// - OAuth for SMTP: the app's service principal registered in Exchange Online and given mailbox access
//   (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth);
//   AADSTS65001 / 53003 / 7000215 meanings: https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
import type { AdminRequest } from './admin-requests';

export const MORE_ADMIN_REQUESTS: Record<string, AdminRequest> = {
  IPV6_NOT_AUTHENTICATED: {
    ask: {
      ja: 'IPv6 で届いた機器からのメールが SPF・DKIM のどちらにも合格しませんでした。拠点の送信元 IPv6 アドレスを SPF レコードに ip6: で追加してください（追加できない場合は、技術者が機器を IPv4 での送信に切り替えます）。',
      en: "Mail from the device arriving over IPv6 passed neither SPF nor DKIM. Please add the site's sending IPv6 address to the SPF record with ip6: (if that is not possible, the technician will switch the device to IPv4).",
    },
  },
  TENANT_EXTERNAL_LIMIT: {
    ask: {
      ja: 'テナント全体の外部宛先数の上限（24 時間）に達しています。現在の使用状況と、大量に送信しているメールボックスをご確認ください。上限が戻るまで、外部宛先への送信は失敗します。',
      en: 'The tenant has reached its external recipient limit (24 hours). Please check the current usage and which mailboxes send the volume. Mail to external recipients fails until the window frees up.',
    },
    commands: [{ scope: 'read', ps: 'Get-LimitsEnforcementStatus' }],
  },
  EXTERNAL_FORWARDING_BLOCKED: {
    ask: {
      ja: '機器からのメールは届いていますが、宛先メールボックスから外部への自動転送が送信スパム ポリシーでブロックされています。この転送が業務上必要な場合は、対象のメールボックスだけに適用される送信スパム ポリシーで自動転送を許可してください。不要な場合、対応は不要です（技術者が機器の宛先を直接変更します）。',
      en: "The device's mail arrives, but automatic forwarding from the recipient mailbox to an external address is blocked by the outbound spam policy. If this forwarding is needed, please allow automatic forwarding in an outbound spam policy that applies to that mailbox only. If not, nothing is needed (the technician will change the device's recipient instead).",
    },
    commands: [{ scope: 'read', ps: 'Get-HostedOutboundSpamFilterPolicy | fl Name,AutoForwardingMode' }],
  },
  RECIPIENT_TENANT_NO_MAIL: {
    ask: {
      ja: '宛先ドメインが登録されているテナントに、メールを使えるサブスクリプションがないとして受信が保留されました（この応答は Microsoft の公開資料では未確認で、実際の応答例によります）。Exchange Online を含むライセンスが有効か、ドメインが正しいテナントに登録されているかをご確認ください。',
      en: 'Mail was deferred because the tenant holding the recipient domain has no mail-enabled subscription (this reply is not documented by Microsoft; its meaning comes from real replies). Please check that a licence including Exchange Online is active and that the domain sits in the right tenant.',
    },
  },
  OAUTH_REJECTED: {
    ask: {
      ja: 'Exchange Online が機器の OAuth（XOAUTH2）のトークンを拒否しました。アプリ専用（クライアント資格情報）の場合は、アプリのサービス プリンシパルを Exchange Online に登録し、送信用メールボックス{{ {mailbox} }}へのアクセス許可を付与してください。委任の場合は、このメールボックスで SMTP AUTH が有効かをご確認ください。',
      en: "Exchange Online refused the device's OAuth (XOAUTH2) token. For app-only (client credentials), please register the app's service principal in Exchange Online and give it access to the sending mailbox{{ {mailbox}}}. For delegated sign-in, please check that SMTP AUTH is enabled for this mailbox.",
    },
    commands: [
      {
        scope: 'mailbox',
        ps: 'Add-MailboxPermission -Identity <mailbox> -User <SERVICE_PRINCIPAL_ID> -AccessRights FullAccess',
      },
      { scope: 'tenant', ps: 'New-ServicePrincipal -AppId <APPLICATION_ID> -ObjectId <OBJECT_ID>' },
    ],
  },
  OAUTH_SCOPE_MISSING: {
    ask: {
      ja: '機器のトークンに SMTP 送信の権限（{needed}）がありません。Microsoft Entra 管理センターのアプリの登録 > API のアクセス許可で、Office 365 Exchange Online の {needed} を追加し、同意を与えてください（アプリ専用の場合は「管理者の同意を与えます」）。',
      en: 'The device\'s token lacks the permission to send by SMTP ({needed}). Please add {needed} of Office 365 Exchange Online under App registrations > API permissions in the Microsoft Entra admin center and grant consent (app-only: "Grant admin consent").',
    },
  },
  OAUTH_CONSENT_MISSING: {
    ask: {
      ja: '機器が使うアプリ{{（{clientId}）}}に同意が与えられていません（AADSTS65001）。Microsoft Entra 管理センターのエンタープライズ アプリケーション（またはアプリの登録）> API のアクセス許可で「管理者の同意を与えます」を実行してください。機器メーカーのアプリの場合は、メーカーが案内する同意 URL をお使いください。',
      en: 'The app the device uses{{ ({clientId})}} has no consent (AADSTS65001). Please run "Grant admin consent" under Enterprise applications (or App registrations) > API permissions in the Microsoft Entra admin center. For a device vendor\'s app, please use the consent link the vendor gives.',
    },
  },
  OAUTH_BLOCKED_BY_POLICY: {
    ask: {
      ja: '条件付きアクセス ポリシーが機器のサインインへのトークン発行を拒否しました（AADSTS53003）。Microsoft Entra 管理センターのサインイン ログで適用されたポリシーをご確認のうえ、送信用アカウント{{ {mailbox} }}または拠点の送信元パブリック IP アドレス（ネームド ロケーション）の扱いを調整してください。',
      en: "A Conditional Access policy refused a token for the device's sign-in (AADSTS53003). Please find the policy that applied in the Microsoft Entra sign-in logs and adjust it for the sending account{{ {mailbox}}} or the site's public IP address (named location).",
    },
  },
  OAUTH_CLIENT_CREDENTIAL_INVALID: {
    ask: {
      ja: '機器が使うアプリの資格情報（クライアント シークレットまたは証明書）が受け付けられませんでした。アプリの登録 > 証明書とシークレットで有効期限をご確認のうえ、新しいシークレットまたは証明書を発行し、その値を技術者にお渡しください（技術者が機器に設定します）。',
      en: 'The credential of the app the device uses (client secret or certificate) was not accepted. Please check its expiry under App registrations > Certificates & secrets, issue a new secret or certificate and hand its value to the technician, who sets it on the device.',
    },
  },
};
