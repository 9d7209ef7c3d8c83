// Catalogue, part 6: conditions found in a review against Microsoft's documentation (issue 11). The source of each
// entry is in catalog-sources.ts; what Microsoft does not document is worded as "reported" or "usually".
import type { CatalogEntry } from './catalog-types';

export const CORRECTIONS_CATALOG = {
  TOO_MANY_RECIPIENTS: {
    severity: 'error',
    stage: 'envelope',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '1 通の宛先数が上限を超えています',
        cause:
          'サーバーは宛先数の上限に達したため、これ以上の RCPT TO を受け付けませんでした{{: {reply}}}。送信数の制限 (スロットリング) ではなく、1 通あたりの宛先数の上限です。',
        fix: '宛先を分けて複数回に分けて送信するか、配布グループを宛先にしてください。機器のアドレス帳で一斉送信している場合は、宛先数を減らしてください。',
      },
      en: {
        title: 'Too many recipients in one message',
        cause:
          'The server reached its recipient limit and refused further RCPT TO{{: {reply}}}. This is a per-message recipient limit, not throttling.',
        fix: 'Split the recipients over several messages, or address a distribution group. If the device sends to a long address-book list, shorten it.',
      },
    },
  },
  IPV6_NO_REVERSE_DNS: {
    severity: 'error',
    stage: 'network',
    actors: ['isp', 'admin'],
    inMessageTrace: true,
    text: {
      ja: {
        title: 'IPv6 の送信元アドレスに逆引き (PTR) がありません',
        cause:
          '機器は IPv6 で直接送信・SMTP リレーを行いましたが、送信元の IPv6 アドレスに逆引き DNS レコードがないため拒否されました{{: {reply}}}。IPoE (IPv6) 回線では IPv6 が優先されることがよくあります。',
        fix: '回線事業者 (ISP) に IPv6 アドレスの逆引き (PTR) 登録を依頼するか、機器の IPv6 を無効にして IPv4 の固定 IP アドレスから送信してください。SMTP クライアント送信 (ポート 587、サインイン) ならこの条件はかかりません。',
      },
      en: {
        title: 'The sending IPv6 address has no reverse DNS (PTR)',
        cause:
          'The device sent over IPv6 (Direct Send or relay) and was refused because its IPv6 address has no reverse DNS record{{: {reply}}}. IPoE (IPv6) lines often prefer IPv6.',
        fix: 'Ask the ISP for a PTR record for the IPv6 address, or turn IPv6 off on the device and send from the static IPv4 address. SMTP client submission (port 587 with sign-in) is not subject to this.',
      },
    },
  },
  IPV6_NOT_AUTHENTICATED: {
    severity: 'error',
    stage: 'network',
    actors: ['admin', 'isp'],
    inMessageTrace: true,
    text: {
      ja: {
        title: 'IPv6 での匿名送信が SPF / DKIM を満たしていません',
        cause:
          'IPv6 で届いた匿名のメールは SPF か DKIM の検証に合格する必要がありますが、合格しませんでした{{: {reply}}}。SPF レコードに送信元の IPv6 アドレス (ip6:) が含まれていない可能性が高いです。',
        fix: 'SPF レコードに送信元の IPv6 アドレスを ip6: で追加するよう Microsoft 365 管理者に依頼するか、機器の IPv6 を無効にして IPv4 で送信してください。',
      },
      en: {
        title: 'Anonymous mail over IPv6 passed neither SPF nor DKIM',
        cause:
          'Anonymous mail arriving over IPv6 must pass SPF or DKIM, and this did not{{: {reply}}}; most likely the SPF record lacks the sending IPv6 address (ip6:).',
        fix: 'Ask the Microsoft 365 admin to add the sending IPv6 address to SPF with ip6:, or turn IPv6 off on the device and send over IPv4.',
      },
    },
  },
  AUTH_TEMPORARY_FAILURE: {
    severity: 'warning',
    stage: 'auth',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サインイン (SMTP AUTH) が一時的に失敗しました',
        cause:
          '454 4.7.0 は一時的な失敗を示します{{: {reply}}}。AUTH への応答ならサーバー側の一時的な認証エラー (RFC 4954)、STARTTLS への応答なら TLS が一時的に使えない状態 (RFC 3207) です。パスワードの誤りとは限りません。',
        fix: 'しばらく待ってから再送してください。繰り返す場合は、この PC から同じメールボックスで診断を実行し、どのコマンドへの応答かを通信ログで確認してください。',
      },
      en: {
        title: 'Sign-in (SMTP AUTH) failed temporarily',
        cause:
          '454 4.7.0 is a temporary failure{{: {reply}}}: after AUTH it is a temporary authentication failure on the server (RFC 4954), after STARTTLS TLS is temporarily unavailable (RFC 3207). It does not by itself mean a wrong password.',
        fix: 'Wait and resend. If it repeats, run the diagnosis from this PC with the same mailbox and check in the transcript which command got this reply.',
      },
    },
  },
  COMMAND_OUT_OF_SEQUENCE: {
    severity: 'error',
    stage: 'smtp',
    actors: ['vendor', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '機器が SMTP コマンドを正しい順序で送っていません',
        cause:
          'サーバーは順序の誤ったコマンドを拒否しました{{: {reply}}}。Exchange Online では STARTTLS の後に EHLO を送り直さない機器が「503 5.5.2 Send hello first」を受け取ります。',
        fix: '機器のファームウェア更新を確認してください。改善しない場合は機器メーカーに問い合わせるか、キャプチャで機器の送信内容を記録して添付してください。',
      },
      en: {
        title: 'The device sends SMTP commands out of order',
        cause:
          'The server refused a command sent out of sequence{{: {reply}}}. On Exchange Online, a device that does not repeat EHLO after STARTTLS gets "503 5.5.2 Send hello first".',
        fix: 'Check for a firmware update. If none helps, contact the device vendor and attach a capture of what the device sends.',
      },
    },
  },
  TENANT_EXTERNAL_LIMIT: {
    severity: 'error',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: true,
    text: {
      ja: {
        title: 'テナント全体の外部宛先数の上限に達しています',
        cause:
          'テナント全体で 24 時間に送信できる外部宛先数 (Tenant External Recipient Rate Limit) に達したため拒否されました{{: {reply}}}。この機器だけの問題ではありません。',
        fix: 'Microsoft 365 管理者に、テナントの外部宛先数の使用状況 (Get-LimitsEnforcementStatus) と大量送信しているメールボックスを確認してもらってください。上限が戻るまで外部宛先への送信は失敗します。',
      },
      en: {
        title: 'The tenant reached its external recipient limit',
        cause:
          'The tenant reached the number of external recipients it may send to in 24 hours (Tenant External Recipient Rate Limit){{: {reply}}}. It is not this device alone.',
        fix: "Ask the Microsoft 365 admin to check the tenant's usage (Get-LimitsEnforcementStatus) and which mailboxes send the volume. Mail to external recipients fails until the window frees up.",
      },
    },
  },
  EXTERNAL_FORWARDING_BLOCKED: {
    severity: 'warning',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: true,
    text: {
      ja: {
        title: '外部への自動転送がブロックされています',
        cause:
          '機器からのメールは届いていますが、宛先メールボックスの外部への自動転送が送信スパム ポリシーによりブロックされました{{: {reply}}}。機器の設定の問題ではありません。',
        fix: '機器の宛先を直接外部アドレスにするか、Microsoft 365 管理者に送信スパム ポリシーの自動転送設定を確認してもらってください。',
      },
      en: {
        title: 'Automatic forwarding to external recipients is blocked',
        cause:
          "The device's mail arrived, but the recipient mailbox's automatic forwarding to an external address was blocked by the outbound spam policy{{: {reply}}}. The device is configured correctly.",
        fix: "Send from the device to the external address directly, or ask the Microsoft 365 admin to review the outbound spam policy's forwarding setting.",
      },
    },
  },
  XOAUTH2_MALFORMED: {
    severity: 'error',
    stage: 'auth',
    actors: ['vendor', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'XOAUTH2 のサインイン データの形式が正しくありません',
        cause:
          'AUTH XOAUTH2 の値 (base64) の形式が正しくないため拒否されました{{: {reply}}}。ユーザー (user=)、"auth=Bearer"、アクセス トークンのいずれかが欠けているか、区切り文字 (\\x01) が誤っています。トークンの有効性以前の問題です。',
        fix: '機器の OAuth（先進認証）設定でメールボックスのアドレスが入力されているか確認し、ファームウェアを更新してください。改善しない場合はキャプチャで AUTH の内容 (トークンは伏せ字) を記録し、機器メーカーに問い合わせてください。',
      },
      en: {
        title: 'The XOAUTH2 sign-in data is malformed',
        cause:
          'The AUTH XOAUTH2 value (base64) was refused as malformed{{: {reply}}}: the user (user=), "auth=Bearer" or the access token is missing, or the \\x01 separators are wrong. This comes before any check of the token itself.',
        fix: "Check that the mailbox address is set in the device's OAuth settings and update the firmware. If that does not help, capture the AUTH exchange (the token is masked) and contact the vendor.",
      },
    },
  },
  RECIPIENT_TENANT_NO_MAIL: {
    severity: 'error',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '宛先ドメインのテナントにメールの契約がありません',
        cause:
          '宛先ドメインは Microsoft 365 のテナントに登録されていますが、そのテナントにメールが使えるサブスクリプションがないため、匿名の受信 (直接送信) が一時的に拒否されました{{: {reply}}}。ライセンスの期限切れや未割り当ての可能性があります (Microsoft の公開資料では未確認、実際の応答例による)。',
        fix: 'Microsoft 365 管理者に、Exchange Online を含むライセンスが有効か、ドメインが正しいテナントに登録されているかを確認してもらってください。',
      },
      en: {
        title: "The recipient domain's tenant has no mail subscription",
        cause:
          'The recipient domain is registered in a Microsoft 365 tenant that has no mail-enabled subscription, so anonymous (Direct Send) mail was deferred{{: {reply}}}. An expired or unassigned licence is likely (seen in real replies; not documented by Microsoft).',
        fix: 'Ask the Microsoft 365 admin to check that a licence including Exchange Online is active and the domain sits in the right tenant.',
      },
    },
  },
  HVE_EXTERNAL_RECIPIENT: {
    severity: 'error',
    stage: 'envelope',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'High Volume Email は社外の宛先に送れません',
        cause:
          'High Volume Email (smtp.hve.mx.microsoft) は組織内の宛先専用です{{ ({reply})}}。社外の宛先 ({domain} 以外) へは届きません。',
        fix: '社外に送る必要がある場合は SMTP クライアント送信か SMTP リレーを使ってください。社内宛てだけなら宛先を組織内のアドレスに直してください。',
      },
      en: {
        title: 'High Volume Email cannot send to external recipients',
        cause:
          'High Volume Email (smtp.hve.mx.microsoft) is for recipients inside the organisation only{{ ({reply})}}; recipients outside {domain} are not delivered.',
        fix: 'For external recipients use SMTP client submission or SMTP relay; for internal mail, correct the recipient to an address in the organisation.',
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
