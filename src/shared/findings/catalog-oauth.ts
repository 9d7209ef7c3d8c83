// Catalogue, OAuth part: getting a token (Microsoft identity platform, AADSTS errors), what the token says, and
// Exchange Online's answer to AUTH XOAUTH2. Exchange answers every token problem with the same
// `535 5.7.3 Authentication unsuccessful`, so OAUTH_REJECTED carries its causes ranked from the evidence
// (the token's claims, the XOAUTH2 user) in the `causes` / `fixes` params (ids below, rendered per language).
import type { Lang } from '../model';
import type { CatalogEntry } from './catalog-types';

const READ = '2026-12-02';
/** Microsoft Learn: "Authenticate an IMAP, POP or SMTP connection using OAuth" (scopes, XOAUTH2 format,
 *  New-ServicePrincipal, Add-MailboxPermission, SMTP.SendAsApp). */
const S_EXO_OAUTH = {
  url: 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  read: READ,
};
/** Microsoft Entra authentication and authorization error codes (AADSTS table). */
const S_AADSTS = {
  url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  read: READ,
};
/** Exchange Team Blog: "Exchange Online to retire Basic auth for Client Submission (SMTP AUTH)" (550 5.7.30 wording). */
export const S_BASIC_RETIRE = {
  url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-online-to-retire-basic-auth-for-client-submission-smtp/ba-p/4114750',
  read: READ,
};

/** Why a 535 after XOAUTH2 can happen; the classifier orders them by what the evidence shows. */
export const OAUTH_CAUSE_IDS = [
  'token-unreadable',
  'wrong-audience',
  'expired',
  'scope-missing',
  'role-missing',
  'user-mismatch',
  'wrong-tenant',
  'sp-missing',
  'mailbox-permission',
  'smtp-auth-off',
] as const;
export type OauthCauseId = (typeof OAUTH_CAUSE_IDS)[number];

export const OAUTH_CAUSE_TEXT: Record<'causes' | 'fixes', Record<Lang, Record<OauthCauseId, string>>> = {
  causes: {
    ja: {
      'token-unreadable': 'トークンを読み取れない（JWT ではない、または途中で切れている）',
      'wrong-audience':
        'トークンの対象（aud）が Exchange Online ではない（例: Microsoft Graph 用のトークン）',
      expired: 'トークンの有効期限が切れている',
      'scope-missing': '委任トークンに SMTP.Send のスコープがない',
      'role-missing': 'アプリ専用トークンに SMTP.SendAsApp のロールがない（管理者の同意がない）',
      'user-mismatch': 'XOAUTH2 の user= がトークンのユーザー（upn）と違う',
      'wrong-tenant': 'トークンが別のテナントで発行されている',
      'sp-missing':
        'アプリのサービス プリンシパルが Exchange Online に登録されていない（New-ServicePrincipal 未実行）',
      'mailbox-permission':
        'サービス プリンシパルに送信元メールボックスへのアクセス許可がない（Add-MailboxPermission 未実行）',
      'smtp-auth-off': 'このメールボックス（または組織）でサインイン（SMTP AUTH）が無効',
    },
    en: {
      'token-unreadable': 'the token cannot be read (not a JWT, or cut off)',
      'wrong-audience': 'the token is not for Exchange Online (aud), e.g. a Microsoft Graph token',
      expired: 'the token has expired',
      'scope-missing': 'the delegated token lacks the SMTP.Send scope',
      'role-missing': 'the app-only token lacks the SMTP.SendAsApp role (no admin consent)',
      'user-mismatch': "the XOAUTH2 user= differs from the token's user (upn)",
      'wrong-tenant': 'the token was issued by another tenant',
      'sp-missing':
        "the app's service principal is not registered in Exchange Online (New-ServicePrincipal not run)",
      'mailbox-permission':
        'the service principal has no permission on the sending mailbox (Add-MailboxPermission not run)',
      'smtp-auth-off': 'SMTP AUTH is disabled for this mailbox (or the organization)',
    },
  },
  fixes: {
    ja: {
      'token-unreadable': '機器のトークン取得をやり直し、トークン全体が渡っているか確認してください。',
      'wrong-audience':
        'スコープを https://outlook.office.com/SMTP.Send（委任）または https://outlook.office365.com/.default（アプリ専用）にしてトークンを取り直してください。',
      expired:
        '機器の時刻（NTP）を確認し、トークンを取り直してください。更新に失敗し続ける場合は機器で再サインインしてください。',
      'scope-missing':
        'Microsoft 365 管理者: Entra 管理センターのアプリ登録で Office 365 Exchange Online の委任されたアクセス許可 SMTP.Send を追加し、同意してください。',
      'role-missing':
        'Microsoft 365 管理者: アプリ登録で Office 365 Exchange Online のアプリケーション アクセス許可 SMTP.SendAsApp を追加し、「管理者の同意を与えます」を実行してください。',
      'user-mismatch':
        '機器の「ユーザー名」（XOAUTH2 の user=）を、サインインしたアカウントの UPN と同じにしてください。',
      'wrong-tenant':
        'テナント（ドメインまたは ID）を送信元メールボックスのテナントに合わせてトークンを取り直してください。',
      'sp-missing':
        'Microsoft 365 管理者: Exchange Online PowerShell で New-ServicePrincipal -AppId <アプリケーション ID> -ObjectId <エンタープライズ アプリケーションのオブジェクト ID> を実行してください。',
      'mailbox-permission':
        'Microsoft 365 管理者: Add-MailboxPermission -Identity <メールボックス> -User <サービス プリンシパル ID> -AccessRights FullAccess を実行してください。',
      'smtp-auth-off':
        'Microsoft 365 管理者: Set-CASMailbox -Identity <メールボックス> -SmtpClientAuthenticationDisabled $false（組織全体なら Set-TransportConfig）を確認してください。',
    },
    en: {
      'token-unreadable': 'Get the token again on the device and check that the whole token is passed on.',
      'wrong-audience':
        'Request the token with https://outlook.office.com/SMTP.Send (delegated) or https://outlook.office365.com/.default (app-only).',
      expired:
        "Check the device's clock (NTP) and get a new token; if refreshing keeps failing, sign in again on the device.",
      'scope-missing':
        'Microsoft 365 admin: in the Entra admin center, add the delegated permission SMTP.Send of Office 365 Exchange Online to the app registration and consent to it.',
      'role-missing':
        'Microsoft 365 admin: add the application permission SMTP.SendAsApp of Office 365 Exchange Online to the app registration and "Grant admin consent".',
      'user-mismatch':
        "Set the device's user name (the XOAUTH2 user=) to the UPN of the account that signed in.",
      'wrong-tenant': "Request the token from the sending mailbox's tenant (domain or id).",
      'sp-missing':
        'Microsoft 365 admin: in Exchange Online PowerShell run New-ServicePrincipal -AppId <application id> -ObjectId <enterprise application object id>.',
      'mailbox-permission':
        'Microsoft 365 admin: run Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess.',
      'smtp-auth-off':
        'Microsoft 365 admin: check Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false (Set-TransportConfig for the organization).',
    },
  },
};

/** The token kind (param `kind`) in words. */
export const OAUTH_KIND_TEXT: Record<Lang, Record<string, string>> = {
  ja: { delegated: '委任トークン', app: 'アプリ専用トークン', unknown: '種類不明のトークン' },
  en: { delegated: 'delegated token', app: 'app-only token', unknown: 'token of unknown kind' },
};

export function isOauthCauseId(s: string): s is OauthCauseId {
  return (OAUTH_CAUSE_IDS as readonly string[]).includes(s);
}

/** Renders an ordered, comma-separated list of cause ids as "(1) ... (2) ..." (unknown ids are skipped). */
export function renderOauthCauses(kind: 'causes' | 'fixes', raw: string, lang: Lang): string {
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(isOauthCauseId)
    .slice(0, OAUTH_CAUSE_IDS.length);
  return ids.map((id, i) => `(${i + 1}) ${OAUTH_CAUSE_TEXT[kind][lang][id]}`).join(' ');
}

const AUTH = { severity: 'error', stage: 'auth', inMessageTrace: false } as const;

export const OAUTH_CATALOG = {
  OAUTH_REJECTED: {
    ...AUTH,
    actors: ['admin', 'technician'],
    powershell:
      'New-ServicePrincipal -AppId <APPLICATION_ID> -ObjectId <OBJECT_ID>; Add-MailboxPermission -Identity <mailbox> -User <SERVICE_PRINCIPAL_ID> -AccessRights FullAccess',
    sources: [S_EXO_OAUTH],
    text: {
      ja: {
        title: 'Exchange Online が OAuth（XOAUTH2）のトークンを拒否しました',
        cause:
          'AUTH XOAUTH2 に対して {reply} が返りました。この応答は理由を示しません。根拠から見て可能性の高い順: {causes}',
        fix: '{fixes}',
      },
      en: {
        title: 'Exchange Online refused the OAuth (XOAUTH2) token',
        cause:
          'AUTH XOAUTH2 was answered with {reply}. The reply does not say why. Most likely first, from the evidence: {causes}',
        fix: '{fixes}',
      },
    },
  },
  OAUTH_WRONG_AUDIENCE: {
    ...AUTH,
    actors: ['technician', 'vendor'],
    sources: [S_EXO_OAUTH],
    text: {
      ja: {
        title: 'トークンが Exchange Online 用ではありません',
        cause:
          'トークンの対象（aud）は {aud} です。SMTP AUTH には Exchange Online（https://outlook.office.com など）向けのトークンが必要です。Microsoft Graph 用のトークンはよくある間違いです。',
        fix: 'スコープを https://outlook.office.com/SMTP.Send（委任）または https://outlook.office365.com/.default（アプリ専用）にしてトークンを取り直してください。機器の OAuth 設定でスコープやリソースを選べる場合はそこを確認してください。',
      },
      en: {
        title: 'The token is not for Exchange Online',
        cause:
          "The token's audience (aud) is {aud}. SMTP AUTH needs a token for Exchange Online (https://outlook.office.com or similar); a Microsoft Graph token is a common mistake.",
        fix: "Get a token for https://outlook.office.com/SMTP.Send (delegated) or https://outlook.office365.com/.default (app-only). Where the device's OAuth settings let you choose a scope or resource, check it there.",
      },
    },
  },
  OAUTH_SCOPE_MISSING: {
    ...AUTH,
    actors: ['admin'],
    sources: [S_EXO_OAUTH, S_AADSTS],
    text: {
      ja: {
        title: 'トークンに SMTP 送信の権限がありません',
        cause: 'トークンに {needed} がありません（{kind}。含まれているもの: {present}）。',
        fix: 'Microsoft 365 管理者: Entra 管理センターのアプリ登録 > API のアクセス許可で、Office 365 Exchange Online の {needed} を追加して同意（アプリ専用は「管理者の同意を与えます」）し、トークンを取り直してください。',
      },
      en: {
        title: 'The token lacks permission to send by SMTP',
        cause: 'The token has no {needed} ({kind}; it holds: {present}).',
        fix: 'Microsoft 365 admin: in the Entra admin center, App registrations > API permissions, add {needed} of Office 365 Exchange Online and consent (app-only: "Grant admin consent"), then get a new token.',
      },
    },
  },
  OAUTH_TOKEN_EXPIRED: {
    ...AUTH,
    actors: ['technician', 'vendor'],
    sources: [S_EXO_OAUTH],
    text: {
      ja: {
        title: 'トークンの有効期限が切れています',
        cause:
          'トークンの有効期限（exp）は {expiry} で、既に過ぎています。機器がトークンを更新できていないか、機器の時刻がずれています。',
        fix: '機器の時刻（NTP）を確認し、機器でトークンを更新（再サインイン）してください。',
      },
      en: {
        title: 'The token has expired',
        cause: 'The token expired at {expiry}. The device did not refresh it, or its clock is wrong.',
        fix: "Check the device's clock (NTP) and refresh the token on the device (sign in again).",
      },
    },
  },
  OAUTH_TENANT_MISMATCH: {
    ...AUTH,
    actors: ['technician', 'admin'],
    sources: [S_AADSTS],
    text: {
      ja: {
        title: 'テナントが一致しません',
        cause:
          'トークンまたはサインイン要求のテナント{{（{tid}）}}が、送信元メールボックスのテナント{{（{expected}）}}と違うか、テナントが見つかりません{{: {reply}}}。',
        fix: 'テナントにはメールボックスのドメイン（例: contoso.com）またはディレクトリ（テナント）ID を入力し、トークンを取り直してください。',
      },
      en: {
        title: 'Tenant does not match',
        cause:
          "The tenant of the token or sign-in request{{ ({tid})}} is not the sending mailbox's tenant{{ ({expected})}}, or it was not found{{: {reply}}}.",
        fix: "Enter the mailbox's domain (e.g. contoso.com) or the directory (tenant) id as the tenant and get a new token.",
      },
    },
  },
  OAUTH_CONSENT_MISSING: {
    ...AUTH,
    actors: ['admin'],
    sources: [S_AADSTS, S_EXO_OAUTH],
    text: {
      ja: {
        title: 'アプリへの同意がありません（AADSTS65001）',
        cause:
          'ユーザーまたは管理者が、このアプリ{{（{clientId}）}}によるアクセスに同意していません{{: {reply}}}。',
        fix: 'Microsoft 365 管理者: Entra 管理センター > エンタープライズ アプリケーション（またはアプリの登録）> API のアクセス許可で「管理者の同意を与えます」を実行してください。機器メーカーのアプリを使う場合は、メーカーが案内する同意 URL を使ってください。',
      },
      en: {
        title: 'No consent for the app (AADSTS65001)',
        cause: 'The user or admin has not consented to the app{{ ({clientId})}}{{: {reply}}}.',
        fix: "Microsoft 365 admin: Entra admin center > Enterprise applications (or App registrations) > API permissions > Grant admin consent. For a device vendor's app, use the consent link the vendor gives.",
      },
    },
  },
  OAUTH_BLOCKED_BY_POLICY: {
    ...AUTH,
    actors: ['admin'],
    sources: [S_AADSTS],
    text: {
      ja: {
        title: '条件付きアクセスがトークンの発行を拒否しました（AADSTS53003）',
        cause: '条件付きアクセス ポリシーがこのサインインへのトークン発行を許可していません{{: {reply}}}。',
        fix: 'Microsoft 365 管理者: Entra 管理センター > サインイン ログで該当のサインインを開き、適用された条件付きアクセス ポリシーを確認してください。送信用アカウントや場所（拠点の送信元のパブリック IP アドレス）の扱いをポリシーで調整します。',
      },
      en: {
        title: 'Conditional Access blocked the token (AADSTS53003)',
        cause: 'A Conditional Access policy does not allow a token for this sign-in{{: {reply}}}.',
        fix: "Microsoft 365 admin: open the sign-in in Entra admin center > Sign-in logs and see which Conditional Access policy applied; adjust it for the sending account or the site's public IP (named location).",
      },
    },
  },
  OAUTH_TOKEN_REFRESH_FAILED: {
    ...AUTH,
    actors: ['technician', 'admin'],
    sources: [S_AADSTS],
    text: {
      ja: {
        title: 'トークンの更新に失敗しました',
        cause:
          '機器がリフレッシュ トークンで新しいトークンを取得できませんでした{{: {reply}}}。リフレッシュ トークンの期限切れ、取り消し（パスワード変更、管理者による取り消し）、長期間の未使用が考えられます。',
        fix: '機器の OAuth 設定からもう一度サインイン（デバイス コード入力など）してください。繰り返す場合は Microsoft 365 管理者にサインイン ログとトークンの有効期間ポリシーを確認してもらってください。',
      },
      en: {
        title: 'Refreshing the token failed',
        cause:
          'The device could not get a new token with its refresh token{{: {reply}}}. The refresh token expired, was revoked (password change, admin revocation) or went unused too long.',
        fix: "Sign in again from the device's OAuth settings (device code etc.). If it recurs, have the Microsoft 365 admin check the sign-in logs and token lifetime policies.",
      },
    },
  },
  OAUTH_APP_NOT_FOUND: {
    ...AUTH,
    actors: ['technician', 'admin'],
    sources: [S_AADSTS],
    text: {
      ja: {
        title: 'アプリがこのテナントに見つかりません（AADSTS700016）',
        cause:
          'クライアント ID{{ {clientId} }}のアプリがこのテナントにありません{{: {reply}}}。クライアント ID の入力ミス、別テナントへの要求、または管理者がまだ同意（追加）していないことが考えられます。',
        fix: 'クライアント ID とテナントを確認してください。機器メーカーのアプリなら、Microsoft 365 管理者が先に同意してテナントに追加する必要があります。',
      },
      en: {
        title: 'App not found in this tenant (AADSTS700016)',
        cause:
          'No app with client id{{ {clientId}}} exists in this tenant{{: {reply}}}: a typo, the wrong tenant, or the admin has not consented to (added) it yet.',
        fix: "Check the client id and the tenant. For a device vendor's app, the Microsoft 365 admin must consent to it first so that it exists in the tenant.",
      },
    },
  },
  OAUTH_CLIENT_CREDENTIAL_INVALID: {
    ...AUTH,
    actors: ['admin', 'technician'],
    sources: [S_AADSTS],
    text: {
      ja: {
        title: 'クライアント シークレットまたは証明書が正しくありません',
        cause:
          'アプリの資格情報（クライアント シークレットまたは証明書）が受け付けられませんでした{{: {reply}}}。値の誤り、期限切れ、削除が考えられます。',
        fix: 'Microsoft 365 管理者: アプリ登録 > 証明書とシークレットで有効期限を確認し、新しいシークレット（値）または証明書を発行して機器に設定してください。',
      },
      en: {
        title: 'Client secret or certificate not accepted',
        cause:
          "The app's credential (client secret or certificate) was not accepted{{: {reply}}}: wrong value, expired or deleted.",
        fix: 'Microsoft 365 admin: check the expiry under App registrations > Certificates & secrets, issue a new secret (its value) or certificate and set it on the device.',
      },
    },
  },
  OAUTH_MFA_REQUIRED: {
    ...AUTH,
    severity: 'warning',
    actors: ['technician', 'admin'],
    sources: [S_AADSTS],
    text: {
      ja: {
        title: '多要素認証（MFA）が必要です',
        cause: 'サインインに多要素認証またはその登録が求められました{{: {reply}}}。',
        fix: 'デバイス コードのサインインをブラウザーで続け、MFA を完了してください（デバイス コード フローは MFA に対応しています）。登録がまだなら先にユーザーが MFA を登録します。',
      },
      en: {
        title: 'Multi-factor authentication required',
        cause: 'The sign-in asked for multi-factor authentication or its registration{{: {reply}}}.',
        fix: 'Finish the device code sign-in in the browser including MFA (the device code flow supports it). Register MFA first if the user has not.',
      },
    },
  },
  OAUTH_SIGNIN_NOT_COMPLETED: {
    ...AUTH,
    severity: 'warning',
    actors: ['technician'],
    sources: [S_AADSTS],
    text: {
      ja: {
        title: 'デバイス コードのサインインが完了しませんでした',
        cause: 'コードの有効期限内にサインインが完了しなかったか、拒否・取り消されました{{: {reason}}}。',
        fix: 'もう一度サインインを開始し、表示されたコードを期限内にサインイン ページへ入力してください。',
      },
      en: {
        title: 'Device code sign-in was not completed',
        cause:
          'Nobody completed the sign-in before the code expired, or it was declined or cancelled{{: {reason}}}.',
        fix: 'Start the sign-in again and enter the shown code on the sign-in page before it expires.',
      },
    },
  },
  OAUTH_TOKEN_REQUEST_FAILED: {
    ...AUTH,
    actors: ['technician'],
    sources: [S_AADSTS],
    text: {
      ja: {
        title: 'トークンを取得できませんでした',
        cause: 'Microsoft ID プラットフォームへのトークン要求が失敗しました{{: {reply}}}。',
        fix: 'テナント、クライアント ID、ネットワーク（login.microsoftonline.com への HTTPS）を確認してください。AADSTS で始まるコードがあれば、そのコードを explain に貼り付けてください。',
      },
      en: {
        title: 'Could not get a token',
        cause: 'The token request to the Microsoft identity platform failed{{: {reply}}}.',
        fix: 'Check the tenant, the client id and the network (HTTPS to login.microsoftonline.com). If there is an AADSTS code, paste it into explain.',
      },
    },
  },
  OAUTH_TOKEN_OK: {
    severity: 'info',
    stage: 'auth',
    inMessageTrace: false,
    actors: ['technician'],
    sources: [S_EXO_OAUTH],
    text: {
      ja: {
        title: 'トークンは SMTP AUTH に必要な内容を持っています',
        cause: '対象（aud）は Exchange Online、{needed} があり、有効期限内です。',
        fix: '対応は不要です。それでも 535 5.7.3 になる場合は、サービス プリンシパルの登録とメールボックスのアクセス許可を確認してください。',
      },
      en: {
        title: 'The token carries what SMTP AUTH needs',
        cause: 'Audience is Exchange Online, it holds {needed}, and it has not expired.',
        fix: 'Nothing to do. If 535 5.7.3 still comes back, check the service principal registration and the mailbox permission.',
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
