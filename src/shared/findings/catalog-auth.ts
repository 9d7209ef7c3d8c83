// Catalogue, part 2: SMTP AUTH findings (client submission to smtp.office365.com).
// None of these show in Message Trace: rejections during SMTP AUTH never reach it.
import type { CatalogEntry } from './catalog-types';
import { S_BASIC_RETIRE } from './catalog-oauth';

export const AUTH_CATALOG = {
  AUTH_NOT_OFFERED: {
    severity: 'error',
    stage: 'auth',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバーが認証 (AUTH) を提示していません',
        cause:
          'サーバー{{ {host} }}の EHLO 応答に AUTH がありません。MX ホスト (直接送信・SMTP リレー用) に接続している、または STARTTLS 前の状態です (Exchange Online は TLS 確立後にのみ AUTH を提示します)。',
        fix: 'ユーザー名とパスワードで送るなら、サーバーを smtp.office365.com、ポート 587、STARTTLS にしてください。MX ホストを使うなら、機器の SMTP 認証をオフにしてください。',
      },
      en: {
        title: 'Server does not offer AUTH',
        cause:
          'The EHLO reply of the server{{ {host}}} lists no AUTH: the device talks to the MX host (Direct Send / relay), or has not done STARTTLS yet (Exchange Online offers AUTH only after TLS).',
        fix: 'To send with a user name and password use smtp.office365.com, port 587, STARTTLS. To use the MX host, turn SMTP authentication off on the device.',
      },
    },
  },
  AUTH_MECHANISM_UNSUPPORTED: {
    severity: 'error',
    stage: 'auth',
    actors: ['technician', 'vendor'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '認証方式がサポートされていません',
        cause:
          '機器が Exchange Online で使えない認証方式 (PLAIN、CRAM-MD5、NTLM など) を使ったか、STARTTLS の前に認証しようとしました{{: {reply}}}。',
        fix: '認証方式を「LOGIN」(または「自動」) にし、STARTTLS を有効にしてください。OAuth (XOAUTH2) 対応のファームウェアがあれば更新を検討してください。',
      },
      en: {
        title: 'Authentication mechanism not supported',
        cause:
          'The device used a mechanism Exchange Online does not accept (PLAIN, CRAM-MD5, NTLM, ...) or tried AUTH before STARTTLS{{: {reply}}}.',
        fix: 'Set the authentication method to "LOGIN" (or "Auto") and enable STARTTLS; consider XOAUTH2-capable firmware if the vendor offers it.',
      },
    },
  },
  AUTH_FAILED: {
    severity: 'error',
    stage: 'auth',
    actors: ['technician', 'admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '認証に失敗しました',
        cause:
          'ユーザー名 (UPN) またはパスワードが受け付けられませんでした{{ ({reply})}}。パスワードの誤り、UPN ではなく別名の入力、アカウントのブロック、SMTP AUTH の無効化、MFA の要求などが考えられます。',
        fix: 'ユーザー名にメールアドレス (UPN) を正確に入力し、同じ資格情報で Outlook on the web にサインインできるか確認してください。記号を含むパスワードは古いファームウェアで誤って扱われることがあります。解決しない場合は管理者に SMTP AUTH の設定を確認してもらってください。',
      },
      en: {
        title: 'Authentication failed',
        cause:
          'The user name (UPN) or password was not accepted{{ ({reply})}}. Causes: wrong password, an alias instead of the UPN, a blocked account, SMTP AUTH disabled, or MFA required.',
        fix: 'Enter the full UPN as the user name and check that the same credentials sign in to Outlook on the web. Old firmware can mishandle special characters in passwords. If that is fine, ask the admin to check SMTP AUTH settings.',
      },
    },
  },
  SMTP_AUTH_DISABLED_TENANT: {
    severity: 'error',
    stage: 'auth',
    actors: ['admin'],
    inMessageTrace: false,
    powershell: 'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
    text: {
      ja: {
        title: '組織で SMTP AUTH が無効になっています',
        cause:
          'テナント全体で SMTP クライアント認証 (SMTP AUTH) が無効です。2020 年 1 月以降に作成された組織では既定で無効になっています。',
        fix: '管理者に組織の SMTP AUTH を有効にしてもらうか、対象メールボックスだけ有効にしてもらってください (Set-CASMailbox -Identity <メールボックス> -SmtpClientAuthenticationDisabled $false)。意図的に無効にしている場合は、直接送信または SMTP リレーを使ってください。',
      },
      en: {
        title: 'SMTP AUTH is disabled for the organization',
        cause:
          'SMTP client authentication (SMTP AUTH) is off for the whole tenant; it is off by default for organizations created since January 2020.',
        fix: 'Ask the admin to enable it for the organization, or only for this mailbox (Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false). If it is off on purpose, use Direct Send or SMTP relay.',
      },
    },
  },
  SMTP_AUTH_DISABLED_MAILBOX: {
    severity: 'error',
    stage: 'auth',
    actors: ['admin'],
    inMessageTrace: false,
    powershell: 'Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false',
    text: {
      ja: {
        title: 'メールボックスで SMTP AUTH が無効になっています',
        cause: 'メールボックス{{ {mailbox} }}では「認証済み SMTP」が無効になっています。',
        fix: 'Microsoft 365 管理センターの [ユーザー] > [メール] > [メール アプリの管理] で「認証済み SMTP」をオンにするよう管理者に依頼してください。',
      },
      en: {
        title: 'SMTP AUTH is disabled for the mailbox',
        cause: '"Authenticated SMTP" is turned off for the mailbox{{ {mailbox}}}.',
        fix: 'Ask the admin to turn on "Authenticated SMTP" in the Microsoft 365 admin center (Users > Mail > Manage email apps).',
      },
    },
  },
  SECURITY_DEFAULTS_BLOCK: {
    severity: 'error',
    stage: 'auth',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '既定のセキュリティが基本認証をブロックしています',
        cause:
          'Microsoft Entra ID の「既定のセキュリティ」(セキュリティの既定値) が有効で、ユーザー名とパスワードによる SMTP AUTH がブロックされています。SMTP クライアント送信は既定のセキュリティと互換性がありません。',
        fix: '管理者に、既定のセキュリティの代わりに条件付きアクセスで運用するか検討してもらってください。変更できない場合は、直接送信または SMTP リレーを使ってください。',
      },
      en: {
        title: 'Security defaults block basic authentication',
        cause:
          'Microsoft Entra security defaults are on and block SMTP AUTH with a user name and password; SMTP client submission is not compatible with security defaults.',
        fix: 'Ask the admin to consider Conditional Access instead of security defaults; if that cannot change, use Direct Send or SMTP relay.',
      },
    },
  },
  CONDITIONAL_ACCESS_BLOCK: {
    severity: 'error',
    stage: 'auth',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '条件付きアクセスまたは MFA がサインインを拒否しています',
        cause:
          'サインイン要求が認証の条件を満たしませんでした。条件付きアクセス ポリシーや多要素認証 (MFA) がレガシー認証を拒否している可能性があります。',
        fix: 'Entra ID のサインイン ログで拒否したポリシーを管理者に確認してもらい、この送信用アカウントを除外するか、直接送信・SMTP リレーを使ってください。',
      },
      en: {
        title: 'Conditional Access or MFA rejected the sign-in',
        cause:
          'The sign-in did not meet the criteria to be authenticated: a Conditional Access policy or MFA likely blocks legacy authentication.',
        fix: 'Have the admin find the blocking policy in the Entra sign-in logs and exclude this sending account, or use Direct Send / SMTP relay.',
      },
    },
  },
  BASIC_AUTH_DISABLED: {
    severity: 'error',
    stage: 'auth',
    actors: ['admin', 'vendor'],
    inMessageTrace: false,
    // The 550 5.7.30 wording is the one the Exchange team announced for Basic auth after it is turned off.
    sources: [S_BASIC_RETIRE],
    text: {
      ja: {
        title: 'SMTP AUTH の基本認証が無効です',
        cause:
          'このテナントではユーザー名とパスワードによる基本認証での SMTP クライアント送信が受け付けられません{{: {reply}}}。既存テナントでは 2026 年 12 月末から既定で無効です（Microsoft 365 管理者は当面再有効化できます。最終的な廃止日は 2027 年後半に発表予定）。',
        fix: 'OAuth（XOAUTH2）対応ファームウェアへの更新、SMTP リレー、直接送信（社内宛てのみ）、または High Volume Email を検討してください。一時的には Microsoft 365 管理者が基本認証を再度有効にできる場合があります。',
      },
      en: {
        title: 'Basic authentication for SMTP AUTH is disabled',
        cause:
          'This tenant does not accept client submission with a user name and password (Basic auth){{: {reply}}}. Existing tenants have it off by default from the end of December 2026 (admins can re-enable it for now; the final removal date is to be announced in the second half of 2027).',
        fix: 'Consider XOAUTH2-capable firmware, SMTP relay, Direct Send (internal recipients only) or High Volume Email. The admin may be able to re-enable Basic auth for a while.',
      },
    },
  },
  CLIENT_NOT_AUTHENTICATED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '認証せずに送信しようとしています',
        cause:
          '機器が認証 (AUTH) を行わずに MAIL FROM を送りました{{ ({reply})}}。SMTP 認証がオフ、資格情報が未入力、認証が黙って失敗している、TLS がオフ、または直接送信の設定のまま smtp.office365.com に接続していることが考えられます。',
        fix: 'SMTP 認証をオンにしてユーザー名 (UPN) とパスワードを入力し、STARTTLS を有効にしてください。認証なしで送るなら、サーバーを MX ホスト (ポート 25) に変更してください。',
      },
      en: {
        title: 'Sending without authenticating',
        cause:
          'The device sent MAIL FROM without AUTH{{ ({reply})}}. SMTP authentication is off, no credentials are set, AUTH failed silently, TLS is off, or a Direct Send setup points at smtp.office365.com.',
        fix: 'Turn SMTP authentication on with the UPN and password, and enable STARTTLS. To send without authentication, point the device at the MX host on port 25 instead.',
      },
    },
  },
  BASIC_AUTH_RETIREMENT: {
    severity: 'warning',
    stage: 'auth',
    actors: ['admin', 'vendor'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'SMTP AUTH の基本認証は 2026 年 12 月末から既定で無効になります',
        cause:
          'この機器はユーザー名とパスワード (基本認証) で SMTP クライアント送信を行っています。既存テナントでは 2026 年 12 月末に SMTP AUTH の基本認証が既定で無効になる予定です (管理者は再度有効にできます。最終的な廃止日は 2027 年後半に発表予定)。',
        fix: '今のうちに、OAuth (XOAUTH2) 対応ファームウェアの有無をメーカーに確認するか、SMTP リレー・直接送信への切り替えを計画してください。',
      },
      en: {
        title: 'Basic auth for SMTP AUTH turns off by default at the end of December 2026',
        cause:
          'This device submits mail with a user name and password (Basic auth). For existing tenants, Basic auth for SMTP AUTH is scheduled to be disabled by default at the end of December 2026 (admins can re-enable it; the final removal date is to be announced in the second half of 2027).',
        fix: 'Ask the vendor now about XOAUTH2-capable firmware, or plan a move to SMTP relay or Direct Send.',
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
