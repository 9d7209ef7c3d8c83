// Catalogue, part 4: tenant configuration (connectors, SPF, DMARC) and the unrecognised-reply fallback.
import type { CatalogEntry } from './catalog-types';

const SPF_EXAMPLE = 'v=spf1 ip4:{spfIp} include:spf.protection.outlook.com ~all';

export const TENANT_CATALOG = {
  SPF_FAIL: {
    severity: 'error',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: true,
    text: {
      ja: {
        title: 'SPF の検証に失敗しました',
        cause:
          '送信元 IP アドレスが差出人ドメインの SPF レコードに含まれていないため拒否されました{{: {reply}}}。',
        fix: `拠点の固定パブリック IP アドレスを SPF レコードに追加するよう管理者に依頼してください (例: ${SPF_EXAMPLE})。`,
      },
      en: {
        title: 'SPF check failed',
        cause:
          "The sending IP is not in the sender domain's SPF record, so the message was rejected{{: {reply}}}.",
        fix: `Ask the admin to add the site's static public IP to the SPF record (e.g. ${SPF_EXAMPLE}).`,
      },
    },
  },
  DMARC_FAIL: {
    severity: 'error',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: true,
    text: {
      ja: {
        title: 'DMARC の検証に失敗しました',
        cause:
          '差出人ドメインの DMARC ポリシーにより拒否されました (SPF/DKIM が差出人ドメインと一致していません){{: {reply}}}。',
        fix: '管理者に SPF レコードへの送信元 IP の追加と DKIM の設定を確認してもらってください。差出人アドレスが自社ドメインであることも確認してください。',
      },
      en: {
        title: 'DMARC check failed',
        cause:
          "Rejected by the sender domain's DMARC policy (SPF/DKIM do not align with the From domain){{: {reply}}}.",
        fix: 'Have the admin add the sending IP to SPF and check DKIM; make sure the sender address is in your own domain.',
      },
    },
  },
  CONNECTOR_DELIVERY_FAILED: {
    severity: 'error',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: true,
    powershell: 'Get-OutboundConnector | fl Name,SmartHosts,TlsSettings,Enabled',
    text: {
      ja: {
        title: 'Exchange Online から送信コネクタ先への配信に失敗しています',
        cause:
          'Exchange Online が送信コネクタ経由で相手先のサーバー{{ ({downstream})}}へ配信できません (DNS、タイムアウト、接続拒否、TLS、証明書など){{: {reply}}}。{{相手先サーバーとの通信結果: {nested}。}}これは機器の設定の問題ではありません。このエラーは機器ではなくメッセージ追跡や NDR で見えます。',
        fix: 'Microsoft 365 管理者に、送信コネクタのスマート ホスト名と TLS 設定、相手先サーバー{{ ({downstream})}}の稼働状況と TLS 設定・証明書、ファイアウォールでの Microsoft 365 の IP アドレスからのポート 25 の許可を確認してもらってください。',
      },
      en: {
        title: 'Exchange Online cannot deliver through the outbound connector',
        cause:
          'Exchange Online fails to deliver to the downstream server{{ ({downstream})}}, your on-premises or a partner server, through an outbound connector (DNS, timeout, refused, TLS, certificate, ...){{: {reply}}}.{{ What that server answered: {nested}.}} This is not a device setting: it shows in Message Trace and NDRs, not on the device.',
        fix: "Have the Microsoft 365 admin check the connector's smart host and TLS settings, the downstream server{{ ({downstream})}} (up, its TLS settings and certificate), and that its firewall allows port 25 from Microsoft 365 addresses.",
      },
    },
  },
  SPF_RECORD_MISSING: {
    severity: 'warning',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'SPF レコードがありません',
        cause:
          'ドメイン{{ {domain} }}に SPF レコード (v=spf1 で始まる TXT レコード) がありません。直接送信や SMTP リレーのメールが迷惑メールと判定されやすくなります。',
        fix: `管理者に SPF レコードを登録してもらってください (例: ${SPF_EXAMPLE})。`,
      },
      en: {
        title: 'No SPF record',
        cause:
          'The domain{{ {domain}}} has no SPF record (a TXT record starting with v=spf1); Direct Send and relay mail is more likely to be marked as junk.',
        fix: `Ask the admin to publish one (e.g. ${SPF_EXAMPLE}).`,
      },
    },
  },
  SPF_MULTIPLE_RECORDS: {
    severity: 'warning',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'SPF レコードが複数あります',
        cause:
          'ドメイン{{ {domain} }}に v=spf1 の TXT レコードが複数あります。SPF の評価は常にエラー (PermError) になります。',
        fix: '管理者に SPF レコードを 1 つに統合してもらってください (例: ' + SPF_EXAMPLE + ')。',
      },
      en: {
        title: 'Multiple SPF records',
        cause:
          'The domain{{ {domain}}} has more than one v=spf1 TXT record, so SPF always evaluates to an error (PermError).',
        fix: 'Ask the admin to merge them into one record (e.g. ' + SPF_EXAMPLE + ').',
      },
    },
  },
  SPF_MISSING_EXCHANGE_INCLUDE: {
    severity: 'warning',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'SPF に include:spf.protection.outlook.com がありません',
        cause:
          'ドメイン{{ {domain} }}の SPF レコードに Exchange Online の include:spf.protection.outlook.com がありません。',
        fix: `管理者に SPF レコードへ include:spf.protection.outlook.com を追加してもらってください (例: ${SPF_EXAMPLE})。`,
      },
      en: {
        title: 'SPF lacks include:spf.protection.outlook.com',
        cause:
          'The SPF record of the domain{{ {domain}}} does not include Exchange Online (include:spf.protection.outlook.com).',
        fix: `Ask the admin to add include:spf.protection.outlook.com (e.g. ${SPF_EXAMPLE}).`,
      },
    },
  },
  SPF_MISSING_EGRESS_IP: {
    severity: 'warning',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'SPF に拠点の送信元 IP アドレスがありません',
        cause:
          'この拠点の送信元パブリック IP アドレス{{ ({ip}) }}が、ドメイン{{ {domain} }}の SPF レコードに含まれていません。直接送信・SMTP リレーのメールが迷惑メールと判定されるおそれがあります。',
        fix: `管理者に SPF レコードへこの IP アドレスを追加してもらってください (例: ${SPF_EXAMPLE})。`,
      },
      en: {
        title: "SPF does not list the site's egress IP",
        cause:
          "This site's public egress IP{{ ({ip})}} is not in the SPF record of the domain{{ {domain}}}; Direct Send and relay mail may be marked as junk.",
        fix: `Ask the admin to add this IP to the SPF record (e.g. ${SPF_EXAMPLE}).`,
      },
    },
  },
  EGRESS_IP_NOT_CONNECTOR: {
    severity: 'error',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: false,
    powershell: 'Get-InboundConnector | fl Name,SenderIPAddresses',
    text: {
      ja: {
        title: '拠点の送信元 IP アドレスがコネクタと一致しません',
        cause:
          'この拠点の送信元パブリック IP アドレス{{ ({ip}) }}が、受信コネクタに登録された IP アドレス{{ ({expected}) }}と一致しません。回線の変更などで IP アドレスが変わった可能性があります。',
        fix: '管理者に Exchange 管理センターの [メール フロー] > [コネクタ] で IP アドレスを現在の送信元 IP アドレス{{ ({ip}) }}に更新してもらい、SPF レコードも更新してください。',
      },
      en: {
        title: "The site's egress IP does not match the connector",
        cause:
          "This site's egress IP{{ ({ip})}} differs from the IP on the inbound connector{{ ({expected})}}; the IP probably changed (new line or ISP).",
        fix: 'Have the admin update the IP in the Exchange admin center (Mail flow > Connectors) to the current egress IP{{ ({ip})}}, and update the SPF record too.',
      },
    },
  },
  UNRECOGNIZED_REPLY: {
    severity: 'error',
    stage: 'smtp',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '未知のエラー応答です',
        cause:
          'このツールの知識にない応答です{{ ({reply})}}。{{応答コードの一般的な意味は「{replyClass}」です。}}{{拡張ステータス コードの分類は「{subject}」です。}}',
        fix: '応答全文を控え、送信先サーバーの管理者 (Microsoft 365 なら管理者のメッセージ追跡や NDR の説明) で詳細を確認してください。一時的エラーなら時間をおいて再試行してください。',
      },
      en: {
        title: 'Unrecognized error reply',
        cause:
          'A reply this tool does not know{{ ({reply})}}.{{ Its code generally means "{replyClass}".}}{{ Its enhanced status code belongs to "{subject}".}}',
        fix: "Keep the full reply and look it up with the receiving server's admin (for Microsoft 365, the NDR documentation and Message Trace). For a transient error, retry later.",
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
