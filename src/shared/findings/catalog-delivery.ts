// Catalogue, part 3: envelope and message findings (MAIL FROM, RCPT TO, DATA).
import type { CatalogEntry } from './catalog-types';

export const DELIVERY_CATALOG = {
  SEND_AS_DENIED: {
    severity: 'error',
    stage: 'message',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '差出人アドレスで送信する権限がありません（Send As）',
        cause:
          '差出人 (From) のアドレスが、サインインしたメールボックスと異なります{{ (差出人: {sender}、メールボックス: {mailbox})}}。SMTP クライアント送信では、認証したメールボックスのアドレスでしか送れません (送信者として送信の権限がある場合を除く)。この拒否は DATA の後に返るため、実際にテスト送信しないと分かりません。',
        fix: '機器の差出人アドレスを、ユーザー名と同じメールボックスのアドレスにしてください。任意の差出人で送る必要がある場合は、SMTP リレーを使うか、管理者に「送信者として送信」権限を付与してもらってください。',
      },
      en: {
        title: 'Not allowed to send as this sender (SendAs)',
        cause:
          'The From address differs from the signed-in mailbox{{ (From: {sender}; mailbox: {mailbox})}}. Client submission only sends as the authenticated mailbox (unless Send As permission is granted). This rejection comes only after DATA, so only a real test send shows it.',
        fix: "Set the device's sender address to the same mailbox as the user name. To send from other addresses, use SMTP relay or have the admin grant Send As permission.",
      },
    },
  },
  SENDER_BLOCKED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '送信者がブロックされています (制限付きユーザー)',
        cause:
          'このメールボックスは迷惑メールの送信を疑われ、送信が制限されています (制限付きエンティティ){{: {reply}}}。',
        fix: '管理者に Microsoft Defender ポータルの「制限付きエンティティ」から解除してもらい、あわせてパスワードを変更してアカウントの侵害がないか確認してください。',
      },
      en: {
        title: 'The sender is blocked (restricted user)',
        cause: 'This mailbox is restricted from sending, suspected of sending spam{{: {reply}}}.',
        fix: 'Have the admin release it under Restricted entities in the Microsoft Defender portal, reset the password and check the account for compromise.',
      },
    },
  },
  RELAY_DENIED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'リレーが拒否されました',
        cause:
          'サーバーは宛先へのリレー (中継) を許可しませんでした{{ ({reply})}}。直接送信で組織外の宛先に送ろうとしている、または旧プロバイダーのサーバーを指したままになっていることが考えられます。',
        fix: '組織外に送る必要がある場合は SMTP クライアント送信 (smtp.office365.com:587) か SMTP リレー (コネクタ) を使ってください。サーバー欄が現在のメール サービスを指しているかも確認してください。',
      },
      en: {
        title: 'Relay denied',
        cause:
          "The server refused to relay to this recipient{{ ({reply})}}. Direct Send is being used for an external recipient, or the device still points at an old provider's server.",
        fix: 'For external recipients use SMTP client submission (smtp.office365.com:587) or SMTP relay with a connector, and check that the server field names the current mail service.',
      },
    },
  },
  RELAY_NOT_ATTRIBUTED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['admin'],
    inMessageTrace: false,
    powershell: 'Get-InboundConnector | fl Name,SenderIPAddresses',
    text: {
      ja: {
        title: '送信元がどのコネクタにも一致しません',
        cause:
          '送信元がテナントのコネクタと一致せず、リレーが拒否されました{{ ({reply})}}。拠点のパブリック IP アドレス{{ ({ip}) }}が変わった、証明書が違う、または外部宛て用のコネクタがないことが考えられます。',
        fix: 'このツールが確認した送信元 IP アドレスと、受信コネクタに登録された IP アドレスを管理者に比較してもらい、コネクタと SPF レコードを更新してください。',
      },
      en: {
        title: 'The sender matches no connector',
        cause:
          "The connection did not match any of the tenant's connectors, so relaying was denied{{ ({reply})}}. The site's public IP{{ ({ip})}} changed, the certificate is wrong, or there is no connector for external recipients.",
        fix: "Have the admin compare the egress IP found by this tool with the inbound connector's IP addresses, then update the connector and the SPF record.",
      },
    },
  },
  DIRECT_SEND_REJECTED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['admin'],
    inMessageTrace: false,
    powershell: 'Set-OrganizationConfig -RejectDirectSend $false',
    text: {
      ja: {
        title: 'この組織では直接送信が拒否されています',
        cause:
          'テナントで「直接送信の拒否」(RejectDirectSend) が有効です。この設定は、どの受信コネクタにも一致しない匿名のメールのうち、MAIL FROM (エンベロープの差出人、P1) のドメインが自社の承認済みドメインであるものを拒否します{{ ({reply})}}。ヘッダーの From ではなく MAIL FROM で判定されます。この拒否はメッセージ追跡に表示されません。',
        fix: 'SMTP クライアント送信に切り替えるか、拠点の固定 IP アドレスで受信コネクタを作成して SMTP リレーにしてください。組織として直接送信を許可する場合のみ、管理者が設定を戻します。',
      },
      en: {
        title: 'Direct Send is rejected by this organization',
        cause:
          "The tenant has Reject Direct Send on: anonymous mail that matches no inbound connector is refused when the domain of its MAIL FROM (envelope sender, P1) is one of the tenant's accepted domains{{ ({reply})}}. The envelope sender decides, not the From header. Such rejections do not show in Message Trace.",
        fix: "Switch to SMTP client submission, or create an inbound connector for the site's static IP and use SMTP relay. Only if the organization decides to allow Direct Send does the admin turn the setting back.",
      },
    },
  },
  IP_BLOCKLISTED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '送信元 IP アドレスがブロック リストに載っています',
        cause:
          '拠点のパブリック IP アドレス{{ ({ip}) }}が迷惑メール送信元としてブロックされています{{: {reply}}}。',
        fix: '社内に感染端末や不正なメール送信がないか確認した上で、Microsoft の配信除外ポータル (sender.office.com) で解除を申請してください。解除の反映には最大 24 時間かかります。他社のブロック リスト (Spamhaus など) はそれぞれのサイトで申請します。',
      },
      en: {
        title: 'The sending IP is blocklisted',
        cause: "The site's public IP{{ ({ip})}} is blocked as a spam source{{: {reply}}}.",
        fix: 'Check the site for infected machines or unwanted mail, then request delisting at sender.office.com (up to 24 hours to apply). Third-party lists (Spamhaus, ...) are delisted on their own sites.',
      },
    },
  },
  TENANT_BLOCKED: {
    severity: 'error',
    stage: 'tenant',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'テナントまたは送信元の送信が制限されています',
        cause:
          'テナント単位の送信制限、または評判の低い IP アドレスからの送信として拒否されました{{: {reply}}}。',
        fix: '管理者に Microsoft 365 管理センターのメッセージ センターと Defender ポータルを確認してもらい、必要ならサポートに問い合わせてもらってください。',
      },
      en: {
        title: 'The tenant or source is restricted',
        cause:
          'Refused by a tenant-level sending restriction or as traffic from a low-reputation IP{{: {reply}}}.',
        fix: 'Have the admin check the Microsoft 365 message center and the Defender portal, and open a support case if needed.',
      },
    },
  },
  SENDER_DOMAIN_UNREGISTERED: {
    severity: 'error',
    stage: 'tenant',
    actors: ['admin', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '差出人のドメインがテナントに登録されていません',
        cause:
          'コネクタ経由で、このテナントの承認済みドメインではない (未登録の) ドメインを差出人とするメールが多数送られたため、ブロックされました{{: {reply}}}。IP アドレスで照合するコネクタを使う SMTP リレーで起きやすい状況です。',
        fix: '差出人アドレスを承認済みドメイン{{ ({domain} など) }}のものにするか、使用するドメインをすべて Microsoft 365 に追加・確認するよう管理者に依頼してください。機器が証明書を使える場合は、証明書のドメインが承認済みドメインである証明書ベースのコネクタも選択肢です。',
      },
      en: {
        title: 'Sender domain not registered in the tenant',
        cause:
          'Many messages came through the connector from sender domains that are not accepted (registered) domains of this tenant, so they were blocked{{: {reply}}}. Typical of SMTP relay through a connector that matches by IP address.',
        fix: 'Use a sender address in an accepted domain{{ (e.g. {domain})}}, or have the admin add and verify every domain used for sending. If the device can present a certificate, a certificate-based connector whose certificate domain is an accepted domain is another option.',
      },
    },
  },
  THROTTLED: {
    severity: 'warning',
    stage: 'envelope',
    actors: ['technician', 'admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '送信が制限 (スロットリング) されています',
        cause:
          'サーバーが送信数や同時接続数の制限により一時的に受付を止めています{{ ({reply})}}。SMTP クライアント送信は 1 分あたり 30 通、1 日あたり 10,000 受信者、メールボックスあたり同時 3 接続までです。エラーを繰り返すことで制限される場合もあります。',
        fix: '送信を直列にし、時間をおいて再試行してください。多数の機器が同じメールボックスを共有している場合は分けてください。その前に出ていたエラーがあれば先に解消してください。',
      },
      en: {
        title: 'Sending is throttled',
        cause:
          'The server is temporarily refusing because of rate or connection limits{{ ({reply})}}. Client submission allows 30 messages per minute, 10,000 recipients per day and 3 concurrent connections per mailbox; repeated errors can also trigger throttling.',
        fix: 'Send one at a time and retry later. Split devices that share one mailbox, and fix any earlier error first.',
      },
    },
  },
  MAILBOX_FULL: {
    severity: 'error',
    stage: 'message',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'メールボックスの容量がいっぱいです',
        cause:
          'メールボックスの容量制限を超えています{{ ({reply})}}。SMTP クライアント送信では送ったメールが [送信済みアイテム] に保存されるため、送信用メールボックスがいっぱいになることがあります。',
        fix: '[送信済みアイテム] の古いメールを削除するか、保持ポリシーで自動削除するよう管理者に設定してもらってください。',
      },
      en: {
        title: 'Mailbox full',
        cause:
          "The mailbox is over its quota{{ ({reply})}}. Client submission saves each message to Sent Items, so a device's sending mailbox fills up.",
        fix: 'Delete old items from Sent Items, or have the admin set a retention policy that cleans it automatically.',
      },
    },
  },
  MESSAGE_TOO_LARGE: {
    severity: 'error',
    stage: 'message',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'メッセージのサイズが大きすぎます',
        cause:
          'メッセージが上限サイズを超えました{{ ({reply})}}。添付ファイルは送信時に約 33% 大きくなります。',
        fix: 'スキャンの解像度を下げる、白黒にする、圧縮率を上げる、ページを分割するなどして添付を小さくしてください。',
      },
      en: {
        title: 'Message too large',
        cause: 'The message exceeds the size limit{{ ({reply})}}. Attachments grow by about 33% when sent.',
        fix: 'Make the scan smaller: lower resolution, black and white, higher compression, or split the pages.',
      },
    },
  },
  BAD_EHLO_NAME: {
    severity: 'error',
    stage: 'smtp',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'EHLO/HELO のホスト名が不正です',
        cause: '機器が送った EHLO/HELO の名前がサーバーに拒否されました{{: {reply}}}。',
        fix: '機器のホスト名 (機器名) を英数字とハイフンだけの正しい名前 (可能なら FQDN) に設定してください。空白や日本語は使わないでください。',
      },
      en: {
        title: 'Invalid EHLO/HELO name',
        cause: 'The name the device sent in EHLO/HELO was rejected{{: {reply}}}.',
        fix: 'Give the device a proper host name (letters, digits and hyphens; an FQDN if possible), without spaces or non-ASCII characters.',
      },
    },
  },
  BARE_LINEFEED: {
    severity: 'error',
    stage: 'message',
    actors: ['vendor'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'メッセージに単独の LF (改行) が含まれています',
        cause: '機器が CR を伴わない LF だけの改行を送ったため拒否されました{{: {reply}}}。',
        fix: 'メーカーにファームウェアの更新を問い合わせてください。それまでは社内の中継サーバーを経由させる方法があります。',
      },
      en: {
        title: 'Bare line feeds in the message',
        cause: 'The device sent line breaks of LF without CR, which were rejected{{: {reply}}}.',
        fix: 'Ask the vendor for a firmware update; until then a local relay server can normalise the message.',
      },
    },
  },
  MESSAGE_NOT_COMPLIANT: {
    severity: 'error',
    stage: 'message',
    actors: ['vendor', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'メッセージの形式が規格に合っていません',
        cause:
          'メッセージのヘッダーや構造が RFC 5322 などの規格に従っていないため拒否されました (From ヘッダーの欠落など){{: {reply}}}。',
        fix: '機器の差出人アドレス・件名の設定を確認し、解決しない場合はメーカーにファームウェアの更新を問い合わせてください。',
      },
      en: {
        title: 'Message not standards-compliant',
        cause:
          'The message headers or structure break RFC 5322 or related standards (e.g. a missing From header){{: {reply}}}.',
        fix: "Check the device's sender and subject settings; otherwise ask the vendor for a firmware update.",
      },
    },
  },
  RECIPIENT_RESTRICTED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['admin'],
    inMessageTrace: true,
    text: {
      ja: {
        title: '宛先が受信を制限しています',
        cause:
          '宛先 (グループや共有メールボックスなど) は特定の送信者や認証済みの送信者からのメールだけを受け付ける設定です{{: {reply}}}。',
        fix: '管理者に宛先の配信制限 (「組織内の送信者のみ」など) を確認してもらい、機器の差出人を許可するか、SMTP クライアント送信で認証して送ってください。',
      },
      en: {
        title: 'The recipient restricts who may send',
        cause:
          'The recipient (a group, shared mailbox, ...) only accepts mail from specific or authenticated senders{{: {reply}}}.',
        fix: "Have the admin check the recipient's delivery restrictions and allow the device's sender, or send authenticated via client submission.",
      },
    },
  },
  RECIPIENT_UNKNOWN: {
    severity: 'error',
    stage: 'envelope',
    actors: ['technician'],
    inMessageTrace: true,
    text: {
      ja: {
        title: '宛先のアドレスが存在しません',
        cause: '宛先のメールアドレスが受信側で見つかりません{{: {reply}}}。',
        fix: '宛先アドレスの綴りを確認してください。組織内の宛先なら、管理者にメールボックスやエイリアスが存在するか確認してもらってください。',
      },
      en: {
        title: 'Recipient address does not exist',
        cause: 'The recipient address was not found on the receiving side{{: {reply}}}.',
        fix: 'Check the spelling of the recipient; for internal recipients, have the admin confirm the mailbox or alias exists.',
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
