// Catalogue, part 1: configuration, DNS, network, SMTP session and TLS findings.
// Facts: ../../../docs (exchange-online-facts.md) and the seeds; unverified items stay hedged.
import type { CatalogEntry } from './catalog-types';

export const CONNECT_CATALOG = {
  DNS_NAME_NOT_FOUND: {
    severity: 'error',
    stage: 'dns',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバー名が見つかりません',
        cause:
          'サーバー名{{ {host} }}は DNS に存在しません (NXDOMAIN)。サーバー名の入力ミス (例: office365.con)、またはドメイン名の誤りが考えられます。',
        fix: '機器のサーバー欄を確認し、SMTP クライアント送信なら smtp.office365.com、直接送信・SMTP リレーならドメインの MX レコードに記載されたホスト名を正確に入力してください。',
      },
      en: {
        title: 'Server name not found',
        cause:
          'The server name{{ {host}}} does not exist in DNS (NXDOMAIN): most likely a typo in the server name (e.g. office365.con) or the wrong domain.',
        fix: "Check the server field on the device: smtp.office365.com for SMTP client submission, or the host name from the domain's MX record for Direct Send and SMTP relay.",
      },
    },
  },
  DNS_FAILURE: {
    severity: 'error',
    stage: 'dns',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'DNS の名前解決に失敗しました',
        cause:
          'サーバー名{{ {host} }}の名前解決が一時的に失敗しました (SERVFAIL / タイムアウト)。機器に設定された DNS サーバーに到達できないか、DNS サーバーが応答していません。',
        fix: '機器の DNS サーバー設定 (社内 DNS またはルーター) を確認し、同じセグメントの PC からそのサーバー名を名前解決できるか確かめてください。解決できない場合はネットワーク管理者または ISP に連絡してください。',
      },
      en: {
        title: 'DNS lookup failed',
        cause:
          'Resolving the server name{{ {host}}} failed temporarily (SERVFAIL or timeout): the DNS server configured on the device is unreachable or not answering.',
        fix: "Check the device's DNS server setting (internal DNS or the router) and whether a PC on the same segment can resolve that name. If not, contact the network administrator or ISP.",
      },
    },
  },
  HOST_IS_IP_ADDRESS: {
    severity: 'error',
    stage: 'config',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバー欄に IP アドレスが入力されています',
        cause:
          'サーバー欄に IP アドレス{{ ({host}) }}が設定されています。Microsoft 365 のサーバー IP アドレスは予告なく変わり、IP アドレスでの接続はサポートされていません。証明書の名前も一致しません。',
        fix: 'IP アドレスではなく DNS 名を入力してください。SMTP クライアント送信は smtp.office365.com、直接送信・SMTP リレーは MX レコードのホスト名 (例: contoso-com.mail.protection.outlook.com) です。',
      },
      en: {
        title: 'The server field holds an IP address',
        cause:
          'The server is set to an IP address{{ ({host})}}. Microsoft 365 server addresses change without notice, connecting by IP is not supported, and the certificate name cannot match.',
        fix: 'Enter a DNS name instead: smtp.office365.com for SMTP client submission, or the MX host (e.g. contoso-com.mail.protection.outlook.com) for Direct Send and SMTP relay.',
      },
    },
  },
  MX_NOT_FOUND: {
    severity: 'error',
    stage: 'dns',
    actors: ['admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'ドメインに MX レコードがありません',
        cause:
          'ドメイン{{ {domain} }}に MX レコードが見つかりません。直接送信と SMTP リレーでは、MX レコードが指すホスト名をサーバーとして使います。',
        fix: 'ドメインの DNS に Microsoft 365 管理センター ([設定] > [ドメイン]) に表示される MX レコードを登録するよう管理者に依頼してください。ドメイン名の入力ミスも確認してください。',
      },
      en: {
        title: 'The domain has no MX record',
        cause:
          'No MX record was found for the domain{{ {domain}}}. Direct Send and SMTP relay use the host the MX record points to as their server.',
        fix: 'Ask the admin to publish the MX record shown in the Microsoft 365 admin center (Settings > Domains), and check the domain name for typos.',
      },
    },
  },
  MX_NOT_EXCHANGE_ONLINE: {
    severity: 'warning',
    stage: 'dns',
    actors: ['admin', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'MX レコードが Exchange Online を指していません',
        cause:
          'ドメイン{{ {domain} }}の MX レコードは {{{mx} を指しており、}}Exchange Online の MX ホスト (*.mail.protection.outlook.com、または DNSSEC 対応の *.mx.microsoft) ではありません。別のメール ゲートウェイ経由か、移行前の旧サーバーのままの可能性があります。',
        fix: '直接送信・SMTP リレーを使う場合は、管理者に現在のメール経路を確認してください。Exchange Online の MX ホストは Microsoft 365 管理センター ([設定] > [ドメイン]) で確認できます。',
      },
      en: {
        title: 'The MX record does not point to Exchange Online',
        cause:
          "The domain's MX record{{ ({domain})}} does not point to an Exchange Online MX host (*.mail.protection.outlook.com, or the DNSSEC-enabled *.mx.microsoft){{ but to {mx}}}: mail may go through another gateway, or the record still names an old server.",
        fix: 'For Direct Send or SMTP relay, confirm the current mail route with the admin; the Exchange Online MX host is shown in the Microsoft 365 admin center (Settings > Domains).',
      },
    },
  },
  ENDPOINT_METHOD_MISMATCH: {
    severity: 'error',
    stage: 'config',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '送信方法とサーバーの組み合わせが誤っています',
        cause:
          'サーバー{{ {host} }}は選択した送信方法に対応していません。SMTP クライアント送信は smtp.office365.com、直接送信と SMTP リレーは *.mail.protection.outlook.com (MX ホスト) を使います。',
        fix: '送信方法に合ったサーバーを設定してください。認証 (ユーザー名/パスワード) を使うなら smtp.office365.com のポート 587、認証なしなら MX ホストのポート 25 です。',
      },
      en: {
        title: 'Server and sending method do not match',
        cause:
          'The server{{ {host}}} does not fit the chosen method: SMTP client submission uses smtp.office365.com; Direct Send and SMTP relay use the MX host (*.mail.protection.outlook.com).',
        fix: 'Set the server that matches the method: with a user name and password use smtp.office365.com port 587; without authentication use the MX host on port 25.',
      },
    },
  },
  TCP_REFUSED: {
    severity: 'error',
    stage: 'network',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '接続が拒否されました',
        cause:
          'サーバー{{ {host} }}の{{ポート {port} への}}接続が拒否されました (RST)。ポート番号の誤り、または途中のファイアウォールやセキュリティ機器が接続を拒否しています。',
        fix: 'ポート番号 (SMTP クライアント送信は 587、直接送信・SMTP リレーは 25) を確認してください。正しい場合は、社内ファイアウォール・UTM の送信ポート制限をネットワーク管理者に確認してください。',
      },
      en: {
        title: 'Connection refused',
        cause:
          'The connection{{ to {host}}}{{ port {port}}} was refused (RST): the port number is wrong, or a firewall or security appliance on the way rejects it.',
        fix: 'Check the port (587 for SMTP client submission, 25 for Direct Send and SMTP relay). If it is right, ask the network admin about outbound port rules on the firewall/UTM.',
      },
    },
  },
  TCP_TIMEOUT: {
    severity: 'error',
    stage: 'network',
    actors: ['isp', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '接続がタイムアウトしました',
        cause:
          'サーバー{{ {host} }}{{のポート {port} }}に接続できず、応答がありません。ファイアウォールや ISP がこのポートを破棄している可能性があります (特にポート 25 は多くの ISP が遮断しています)。',
        fix: 'ネットワーク管理者・ISP に、このポートの送信が許可されているか確認してください。ポート 25 が遮断されている場合は、SMTP クライアント送信 (ポート 587) を検討してください。',
      },
      en: {
        title: 'Connection timed out',
        cause:
          'Connecting{{ to {host}}}{{ port {port}}} got no answer: a firewall or the ISP is probably dropping this port (many ISPs block port 25).',
        fix: 'Ask the network admin or ISP whether this outbound port is allowed. If port 25 is blocked, consider SMTP client submission on port 587.',
      },
    },
  },
  TCP_UNREACHABLE: {
    severity: 'error',
    stage: 'network',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバーに到達できません',
        cause:
          'サーバー{{ {host} }}に接続できませんでした。経路がない (ホスト/ネットワーク到達不能)、または途中で通信が遮断されています。機器のデフォルト ゲートウェイ、サブネット マスク、DNS、ファイアウォールなどの設定が考えられます。',
        fix: '機器の IP アドレス、サブネット マスク、デフォルト ゲートウェイ、DNS を確認し、同じセグメントの PC からインターネットに出られるか確かめてください。',
      },
      en: {
        title: 'Server unreachable',
        cause:
          "Could not connect to the server{{ {host}}}: there is no route (host or network unreachable) or the path is blocked. The device's gateway, subnet mask, DNS or a firewall is the likely cause.",
        fix: "Check the device's IP address, subnet mask, default gateway and DNS, and whether a PC on the same segment can reach the internet.",
      },
    },
  },
  IPV6_PATH_FAILED: {
    severity: 'warning',
    stage: 'network',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'IPv6 経路での接続に失敗しました',
        cause:
          'サーバー{{ {host} }}へ IPv6 では接続できず、IPv4 では接続できました。IPv6 を優先する機器では送信が不安定になります。また IPv6 の送信元アドレスは SPF やコネクタに登録されていないことが多いです。',
        fix: '機器で IPv6 を無効にするか IPv4 を優先してください。IPv6 で送信する場合は、その送信元アドレスを SPF (ip6:) とコネクタに登録するよう管理者に依頼してください。',
      },
      en: {
        title: 'The IPv6 path failed',
        cause:
          'The server{{ {host}}} could not be reached over IPv6 but could over IPv4. Devices that prefer IPv6 will fail intermittently, and IPv6 source addresses are often missing from SPF and connectors.',
        fix: 'Disable IPv6 on the device or prefer IPv4. To send over IPv6, have the admin add the source address to SPF (ip6:) and to the connector.',
      },
    },
  },
  PORT_465_UNSUPPORTED: {
    severity: 'error',
    stage: 'config',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'ポート 465 (SSL/TLS) は使えません',
        cause:
          'Exchange Online はポート 465 (SSL/TLS、接続時に暗号化、SMTPS) をサポートしていません。機器の既定が 465 や「SSL」になっていることがよくあります。',
        fix: 'ポートを 587 (推奨) または 25 にし、暗号化方式を「STARTTLS」(機種によっては「TLS」) に変更してください。「SSL」は選ばないでください。',
      },
      en: {
        title: 'Port 465 (SSL/TLS) is not supported',
        cause:
          'Exchange Online does not support port 465 (implicit TLS, SMTPS); many devices default to 465 or "SSL".',
        fix: 'Set the port to 587 (recommended) or 25 and the encryption to "STARTTLS" (on some models "TLS"), never "SSL".',
      },
    },
  },
  NOT_SMTP: {
    severity: 'error',
    stage: 'smtp',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '接続先は SMTP サーバーではありません',
        cause:
          '接続先{{ {host} }}{{(ポート {port}) }}は SMTP 以外のプロトコル (HTTP、SSH、ポート 465 の SSL/TLS など) で応答しました{{: {reply}}}。',
        fix: 'サーバー名とポート番号を確認してください。Exchange Online は smtp.office365.com:587 または MX ホスト:25 です。',
      },
      en: {
        title: 'Not an SMTP server',
        cause:
          'The server{{ {host}}}{{ port {port}}} answered with another protocol (HTTP, SSH, implicit TLS, ...){{: {reply}}}.',
        fix: 'Check the server name and port: Exchange Online is smtp.office365.com:587 or the MX host on port 25.',
      },
    },
  },
  BANNER_TIMEOUT: {
    severity: 'error',
    stage: 'smtp',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバーが応答しません (バナーなし)',
        cause:
          'サーバー{{ {host} }}への TCP 接続はできましたが、SMTP の応答 (220 バナー) が返ってきません。途中の機器 (UTM、ウイルス対策のメール検査、プロキシ) が通信を保留している可能性があります。',
        fix: 'ファイアウォール・UTM の SMTP 検査機能 (SMTP プロキシ、メール スキャン) を確認し、Exchange Online 宛ては除外するようネットワーク管理者に依頼してください。',
      },
      en: {
        title: 'No greeting from the server',
        cause:
          'TCP to the server{{ {host}}} connected, but no SMTP greeting (220 banner) arrived: a device on the way (UTM, antivirus mail scanning, proxy) may be holding the session.',
        fix: 'Ask the network admin to check SMTP inspection (SMTP proxy, mail scanning) on the firewall/UTM and exempt Exchange Online.',
      },
    },
  },
  SMTP_INTERCEPTED: {
    severity: 'error',
    stage: 'smtp',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'SMTP 通信が途中で横取りされています',
        cause:
          'サーバー{{ {host} }}からの応答が Microsoft のものではありません{{ ({reply})}}。ファイアウォールやウイルス対策の SMTP 検査、または ISP のポート 25 リダイレクトが通信に割り込んでおり、STARTTLS が外されることがあります。',
        fix: 'ファイアウォール・UTM・ウイルス対策の SMTP 検査を Exchange Online 宛てで無効にするか、ISP にポート 25 の転送の有無を確認してください。',
      },
      en: {
        title: 'The SMTP session is being intercepted',
        cause:
          "The greeting from the server{{ {host}}} is not Microsoft's{{ ({reply})}}: SMTP inspection on a firewall or antivirus, or ISP port-25 redirection, sits in the path and may strip STARTTLS.",
        fix: 'Turn off SMTP inspection for Exchange Online on the firewall/UTM/antivirus, or ask the ISP whether it redirects port 25.',
      },
    },
  },
  SERVICE_UNAVAILABLE: {
    severity: 'error',
    stage: 'smtp',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバーがサービスを提供できません',
        cause:
          'サーバーが「サービス利用不可」を返して接続を閉じました{{: {reply}}}。一時的な障害、または接続元が受け付けられていない可能性があります。',
        fix: '数分おいて再試行してください。繰り返す場合は、応答全文を添えて管理者に Microsoft 365 のサービス正常性を確認してもらってください。',
      },
      en: {
        title: 'Service not available',
        cause:
          'The server answered "service not available" and closed the connection{{: {reply}}}. It may be a temporary outage, or the connection source is not accepted.',
        fix: 'Retry in a few minutes. If it keeps happening, send the full reply to the admin to check Microsoft 365 service health.',
      },
    },
  },
  CONNECTION_DROPPED: {
    severity: 'error',
    stage: 'network',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '接続が途中で切断されました',
        cause:
          'サーバー{{ {host} }}との接続が通信の途中で切断されました (リセット / 切断)。途中の機器による切断、または回線の不安定が考えられます。',
        fix: 'もう一度試し、同じ段階で切れる場合はファイアウォール・UTM のログを確認してください。パスワード送信後に切れた場合、自動で再試行しないでください (アカウント ロックの恐れがあります)。',
      },
      en: {
        title: 'Connection dropped',
        cause:
          'The connection to the server{{ {host}}} was reset or closed mid-session: a device on the way cut it, or the line is unstable.',
        fix: 'Try once more; if it drops at the same step, check the firewall/UTM logs. If it dropped after the password was sent, do not retry automatically (account lockout risk).',
      },
    },
  },
  SERVER_MISBEHAVED: {
    severity: 'error',
    stage: 'smtp',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバーの応答が SMTP の規約に反しています',
        cause:
          'サーバー{{ {host} }}から不正な応答を受け取りました{{ ({reply})}}。途中の機器による改変や、SMTP 以外のサービスの可能性があります。',
        fix: '接続先とポートを確認し、途中のセキュリティ機器を経由しない経路で再試行してください。',
      },
      en: {
        title: 'The server broke the SMTP protocol',
        cause:
          'The server{{ {host}}} sent a malformed reply{{ ({reply})}}: a device on the way may alter the session, or the service is not SMTP.',
        fix: 'Check the server and port, and retry on a path that bypasses security appliances.',
      },
    },
  },
  STARTTLS_NOT_OFFERED: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'STARTTLS が提示されていません',
        cause:
          'サーバー{{ {host} }}の EHLO 応答に STARTTLS がありません。Exchange Online は必ず STARTTLS を提示するため、途中の機器 (UTM の SMTP 検査など) が取り除いている可能性があります。この状態では認証情報を送ってはいけません。',
        fix: 'ファイアウォール・UTM の SMTP 検査を Exchange Online 宛てで無効にするようネットワーク管理者に依頼してください。',
      },
      en: {
        title: 'STARTTLS not offered',
        cause:
          'The EHLO reply from the server{{ {host}}} lacks STARTTLS. Exchange Online always offers it, so a device on the way (e.g. UTM SMTP inspection) is probably stripping it; credentials must not be sent like this.',
        fix: 'Ask the network admin to disable SMTP inspection for Exchange Online on the firewall/UTM.',
      },
    },
  },
  STARTTLS_REJECTED: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'STARTTLS が拒否されました',
        cause: 'STARTTLS コマンドに対してサーバーがエラーを返しました{{: {reply}}}。',
        fix: 'しばらくして再試行してください。繰り返す場合は、途中の機器の SMTP 検査やサーバー側の TLS 設定を確認してください。',
      },
      en: {
        title: 'STARTTLS rejected',
        cause: 'The server answered STARTTLS with an error{{: {reply}}}.',
        fix: "Retry later. If it persists, check SMTP inspection on the way and the server's TLS setup.",
      },
    },
  },
  STARTTLS_REQUIRED: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '暗号化 (STARTTLS) なしで送ろうとしています',
        cause:
          'サーバーは STARTTLS による暗号化を求めていますが、機器は暗号化せずにコマンドを送りました{{: {reply}}}。',
        fix: '機器の暗号化設定を「STARTTLS」(機種によっては「TLS」) に変更してください。ポートは 587 です。',
      },
      en: {
        title: 'Sending without encryption (STARTTLS)',
        cause: 'The server requires STARTTLS, but the device sent commands unencrypted{{: {reply}}}.',
        fix: 'Set the device\'s encryption to "STARTTLS" (on some models "TLS"), port 587.',
      },
    },
  },
  TLS_HANDSHAKE_FAILED: {
    severity: 'error',
    stage: 'tls',
    actors: ['vendor', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'TLS ハンドシェイクに失敗しました',
        cause:
          'サーバー{{ {host} }}との TLS 接続の確立に失敗しました{{ ({reason})}}。TLS バージョンや暗号スイートがサーバーと合っていない可能性があります。',
        fix: '機器のファームウェアを最新にし、TLS 1.2 以上を有効にしてください。対応できない場合は、直接送信・SMTP リレー、または社内の中継サーバーを検討してください。',
      },
      en: {
        title: 'TLS handshake failed',
        cause:
          "The TLS handshake with the server{{ {host}}} failed{{ ({reason})}}: the TLS version or cipher suites probably do not match the server's.",
        fix: 'Update the device firmware and enable TLS 1.2 or later. If it cannot, consider Direct Send / SMTP relay or a local relay server.',
      },
    },
  },
  TLS_VERSION_UNSUPPORTED: {
    severity: 'error',
    stage: 'tls',
    actors: ['vendor', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'TLS のバージョンが古すぎます',
        cause:
          '機器の TLS{{ ({version})}} ではサーバーに接続できません。Exchange Online の SMTP クライアント送信は TLS 1.2 以上が必要で、TLS 1.0/1.1 は拒否されます。',
        fix: 'ファームウェアを更新して TLS 1.2 を有効にしてください。対応できない機種は、直接送信 (社内宛てのみ)・SMTP リレー、または社内の中継サーバー (IIS の SMTP など) を経由させてください。',
      },
      en: {
        title: 'TLS version too old',
        cause:
          "The device's TLS{{ ({version})}} cannot connect: Exchange Online client submission needs TLS 1.2 or later and refuses TLS 1.0/1.1.",
        fix: 'Update the firmware and enable TLS 1.2. Devices that cannot should use Direct Send (internal recipients only), SMTP relay, or a local relay server (e.g. IIS SMTP).',
      },
    },
  },
  TLS_CIPHER_MISMATCH: {
    severity: 'error',
    stage: 'tls',
    actors: ['vendor', 'technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '共通の暗号スイートがありません',
        cause:
          'TLS 1.2 でも、機器とサーバーに共通の暗号スイートがありません{{ ({reason})}}。RSA 鍵交換のみ (ECDHE なし) の複合機が「SSL ネゴシエーションに失敗」となる事例が報告されています。',
        fix: 'ファームウェアを更新して ECDHE 系の暗号スイートを有効にしてください。対応できない場合は、直接送信・SMTP リレー、または社内の中継サーバーを検討してください。',
      },
      en: {
        title: 'No cipher suite in common',
        cause:
          'Even with TLS 1.2, the device and server share no cipher suite{{ ({reason})}}. MFPs that offer only RSA key exchange (no ECDHE) have been reported to fail with "SSL negotiation failed".',
        fix: 'Update the firmware and enable ECDHE cipher suites. Otherwise use Direct Send / SMTP relay or a local relay server.',
      },
    },
  },
  TLS_MODE_MISMATCH: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '暗号化方式 (SSL/STARTTLS) が合っていません',
        cause:
          '平文で始まるポートに最初から TLS (SSL) で接続したか、その逆です{{ ({reason})}}。Exchange Online は STARTTLS のみ対応です。',
        fix: '機器の暗号化設定を「SSL」ではなく「STARTTLS」にし、ポートを 587 にしてください。',
      },
      en: {
        title: 'Encryption mode (SSL vs STARTTLS) mismatch',
        cause:
          'TLS (SSL) was started at once on a port that begins in plain text, or the other way round{{ ({reason})}}. Exchange Online supports STARTTLS only.',
        fix: 'Set the device\'s encryption to "STARTTLS" instead of "SSL", port 587.',
      },
    },
  },
  TLS_CERT_UNTRUSTED: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバー証明書が信頼できません',
        cause:
          'サーバー{{ {host} }}の証明書を信頼できる認証局までたどれません{{ ({reason})}}。自己署名の証明書、またはファイアウォール・ウイルス対策の TLS 検査 (独自 CA) が通信に割り込んでいる可能性があります。',
        fix: 'TLS 検査を Exchange Online 宛てで除外するようネットワーク管理者に依頼してください。機器のルート証明書が古い場合はファームウェアを更新してください。',
      },
      en: {
        title: 'Server certificate not trusted',
        cause:
          'The certificate of the server{{ {host}}} does not chain to a trusted CA{{ ({reason})}}: it is self-signed, or TLS inspection with its own CA (firewall, antivirus) sits in the path.',
        fix: "Ask the network admin to exempt Exchange Online from TLS inspection; if the device's root certificates are old, update its firmware.",
      },
    },
  },
  TLS_CERT_EXPIRED: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician', 'vendor'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバー証明書の有効期限が切れています',
        cause:
          'サーバー{{ {host} }}の証明書は有効期限切れと判定されました。途中の機器の証明書が期限切れか、機器の時計が大きくずれている可能性があります。',
        fix: '機器の日付と時刻 (NTP) を確認してください。正しい場合は、途中の TLS 検査機器の証明書をネットワーク管理者に確認してもらってください。',
      },
      en: {
        title: 'Server certificate expired',
        cause:
          "The certificate of the server{{ {host}}} was judged expired: a middlebox's certificate has expired, or the device's clock is far off.",
        fix: "Check the device's date and time (NTP). If correct, ask the network admin to check the certificate of any TLS inspection device.",
      },
    },
  },
  TLS_CERT_NOT_YET_VALID: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバー証明書がまだ有効になっていません',
        cause:
          'サーバー{{ {host} }}の証明書は有効期間の開始前と判定されました。多くの場合、機器の時計が過去の日付になっています。',
        fix: '機器の日付と時刻を正しく設定し、可能なら NTP サーバーを設定してください。',
      },
      en: {
        title: 'Server certificate not yet valid',
        cause:
          "The certificate of the server{{ {host}}} was judged not yet valid; usually the device's clock is set in the past.",
        fix: "Set the device's date and time correctly, preferably from an NTP server.",
      },
    },
  },
  TLS_CERT_NAME_MISMATCH: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '証明書の名前がサーバー名と一致しません',
        cause:
          'サーバー{{ {host} }}に接続しましたが、証明書の名前が一致しません{{ ({reason})}}。IP アドレスで接続している、別名を入力している、または途中の機器が応答している可能性があります。',
        fix: 'サーバー欄に正式な DNS 名 (smtp.office365.com または MX ホスト) を入力してください。IP アドレスは使わないでください。',
      },
      en: {
        title: 'Certificate name does not match the server',
        cause:
          'Connected to the server{{ {host}}}, but the certificate names another host{{ ({reason})}}: the device uses an IP address or an alias, or a middlebox answers.',
        fix: 'Enter the proper DNS name (smtp.office365.com or the MX host) in the server field; never an IP address.',
      },
    },
  },
  TLS_REQUIRED_BY_CONNECTOR: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician', 'admin'],
    inMessageTrace: false,
    powershell: 'Get-InboundConnector | fl Name,RequireTls,TlsSenderCertificateName,SenderIPAddresses',
    text: {
      ja: {
        title: 'コネクタが TLS (証明書) を要求しています',
        cause:
          '受信コネクタの設定により TLS または特定の証明書が必要ですが、送信側が提示しませんでした{{: {reply}}}。',
        fix: '機器で STARTTLS を有効にしてください。証明書ベースのコネクタの場合は、証明書の CN/SAN が承認済みドメインと一致しているか管理者に確認してもらってください。',
      },
      en: {
        title: 'The connector requires TLS (a certificate)',
        cause:
          'An inbound connector requires TLS or a specific certificate, which the sender did not present{{: {reply}}}.',
        fix: "Enable STARTTLS on the device. For a certificate-based connector, have the admin check that the certificate's CN/SAN is an accepted domain.",
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
