// Catalogue, verdict part (issue 14): no network is not a typo, and what a device that stops early tells us.
// Sources (read 2026-12-02):
// - DNS: Node.js `dns` documentation, error codes (ECONNREFUSED / ETIMEOUT: "could not contact DNS servers" /
//   "timeout while contacting DNS servers"; ENOTFOUND: "domain name not found"), https://nodejs.org/api/dns.html#error-codes;
//   Windows' getaddrinfo reports WSAHOST_NOT_FOUND (Node: ENOTFOUND) also when no DNS server answers (observed, unverified
//   in Microsoft documentation) — hence a Microsoft 365 name that "does not exist" is never called a typo.
// - HELO vs EHLO: RFC 5321 §4.1.1.1 (extensions are offered only in the EHLO reply), https://www.rfc-editor.org/rfc/rfc5321#section-4.1.1.1;
//   STARTTLS is an EHLO keyword (RFC 3207 §4), AUTH likewise (RFC 4954 §3).
// - Exchange Online client submission needs STARTTLS and AUTH on 587: /work/shared/docs/exchange-online-facts.md (seeds 000–003).
import type { Lang } from '../model';
import type { CatalogEntry } from './catalog-types';

/** SESSION_NO_MESSAGE's `likely` param: a key (language-neutral), read per language here. */
export const NO_MESSAGE_VOCAB: Record<Lang, Record<string, string>> = {
  ja: {
    'no-command':
      '機器は何も送りませんでした。接続時から暗号化する設定 (SSL/TLS) で応答を待っているか、別のポートを想定している可能性があります',
    helo: '機器は HELO で接続したため STARTTLS もサインイン（SMTP AUTH）も見えませんでした',
    'after-ehlo':
      'EHLO の応答 (Exchange Online と同じく STARTTLS と AUTH LOGIN/PLAIN/XOAUTH2) に機器の設定が求めるものがなかった (例: CRAM-MD5 だけのサインイン設定) か、接続テストだけを行った',
    'auth-mechanism':
      '機器が、Exchange Online と同じくキャプチャが提示していないサインイン方式 (例: CRAM-MD5) を求めました',
    'after-starttls': 'TLS ハンドシェイクが完了しませんでした (TLS の行を参照)',
    'after-auth': 'サインインだけして終了しました。多くの機器の「接続テスト」はこの動作です',
    other: '機器が自分で接続を終えました',
  },
  en: {
    'no-command':
      'the device sent nothing: it may wait for TLS from the first byte (SSL/TLS setting) or expect another port',
    helo: 'the device greeted with HELO, so it saw neither STARTTLS nor AUTH',
    'after-ehlo':
      'the EHLO reply (STARTTLS and AUTH LOGIN/PLAIN/XOAUTH2, as Exchange Online offers) lacked what its settings need (e.g. a CRAM-MD5-only sign-in setting), or it only tested the connection',
    'auth-mechanism':
      'the device asked for a sign-in method the listener does not offer, as Exchange Online does not (e.g. CRAM-MD5)',
    'after-starttls': 'the TLS handshake did not complete (see the TLS line)',
    'after-auth': 'it signed in and stopped: many devices\' "connection test" does just that',
    other: 'the device ended the session itself',
  },
};

export const VERDICT_CATALOG = {
  DNS_UNREACHABLE: {
    severity: 'error',
    stage: 'dns',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'この PC から DNS サーバーに到達できません',
        cause:
          'この PC は DNS サーバー{{ {server} }}から応答を得られませんでした{{ ({reason})}}。{{使用したネットワーク アダプター: {adapter}。}}サーバー名の入力ミスではなく、名前解決そのものができていません。',
        fix: 'LAN ケーブルまたは Wi-Fi の接続、使用しているネットワーク アダプター、そのアダプターの DNS サーバー設定を確認してください。同じネットワークの別の PC で名前解決できるかも確かめてください。',
      },
      en: {
        title: 'This PC cannot reach a DNS server',
        cause:
          'This PC got no answer from the DNS server{{ {server}}}{{ ({reason})}}.{{ Network adapter used: {adapter}.}} This is not a wrong server name: name resolution itself is not working.',
        fix: 'Check the cable or Wi-Fi connection, the network adapter in use and its DNS server setting, and whether another PC on the same network can resolve names.',
      },
    },
  },
  DNS_M365_NAME_UNRESOLVED: {
    severity: 'error',
    stage: 'dns',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'Microsoft 365 のサーバー名を名前解決できません (入力ミスではありません)',
        cause:
          '{host} は Microsoft 365 のサーバー名ですが、名前解決の結果は「存在しない」でした{{ (DNS サーバー: {server})}}{{ ({reason})}}。{{使用したネットワーク アダプター: {adapter}。}}入力ミスとは判断できません。この PC が実際にはネットワークにつながっていない (Windows は DNS サーバーが応答しないときも「見つからない」と報告します) か、使用中の DNS サーバーが誤った応答を返しています (フィルタリング、ログイン画面付きの Wi-Fi、社内ゾーンなど)。',
        fix: 'ネットワーク接続とアダプターの DNS サーバー設定を確認し、nslookup {host} を別の DNS サーバー (例: ルーター) に対しても実行して結果を比べてください。特定の DNS サーバーだけが失敗する場合はネットワーク管理者に連絡してください。テナント名の部分 (….mail.protection.outlook.com の前) を手で入力した場合は、ドメインの MX レコードとも照らし合わせてください。',
      },
      en: {
        title: 'A Microsoft 365 server name did not resolve (not a typo)',
        cause:
          '{host} is a Microsoft 365 server name, yet the lookup said it does not exist{{ (DNS server: {server})}}{{ ({reason})}}.{{ Network adapter used: {adapter}.}} Do not read this as a typo: this PC may not really be online (Windows reports "not found" when no DNS server answers), or the DNS server in use answers wrongly (filtering, a captive portal, an internal zone).',
        fix: "Check the network connection and the adapter's DNS server setting, and compare with nslookup {host} against another DNS server (e.g. the router). If only one DNS server fails, contact the network admin. If the tenant part (before .mail.protection.outlook.com) was typed by hand, also compare it with the domain's MX record.",
      },
    },
  },
  SESSION_NO_MESSAGE: {
    severity: 'warning',
    stage: 'smtp',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '機器はメールを送らずに接続を終えました',
        cause:
          '機器は「{step}」の後で接続を終え、メールは送られませんでした{{ ({reason})}}。このため、Microsoft 365 がこの機器のメールを受け付けるかどうかはまだ分かりません。{{考えられる理由: {likely}。}}',
        fix: '同じタイミングで機器の画面やログのエラー表示を確認してください。機器の暗号化 (STARTTLS / SSL/TLS) とサインイン（SMTP AUTH）の設定を、キャプチャが提示した内容と照らし合わせてから、もう一度テスト送信してください。',
      },
      en: {
        title: 'The device ended the session without sending a message',
        cause:
          'The device stopped after "{step}" and sent no message{{ ({reason})}}, so nothing here shows yet whether Microsoft 365 would accept its mail.{{ Likely: {likely}.}}',
        fix: "Read the device's own error message or log at the same moment. Compare its encryption (STARTTLS / SSL) and sign-in (SMTP AUTH) settings with what the listener offered, then send again.",
      },
    },
  },
  HELO_NOT_EHLO: {
    severity: 'warning',
    stage: 'smtp',
    actors: ['technician', 'vendor'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '機器が EHLO ではなく HELO で接続しています',
        cause:
          '機器は HELO{{ {ehlo}}} で接続しました。HELO への応答には拡張機能が含まれないため、機器は STARTTLS もサインイン（SMTP AUTH）も使えず、暗号化もサインインもせずに送信します。Microsoft 365 の SMTP クライアント送信 (ポート 587) には両方が必要です。',
        fix: '機器の SMTP 認証と STARTTLS (TLS) の設定を有効にしてください (多くの機器はそれで EHLO を使います)。HELO しか使えない場合はファームウェアを更新するか、機器メーカーに確認してください。',
      },
      en: {
        title: 'The device greets with HELO instead of EHLO',
        cause:
          'The device sent HELO{{ {ehlo}}}. A HELO reply lists no extensions, so the device cannot see STARTTLS or AUTH and sends without encryption and without signing in; Microsoft 365 client submission (port 587) needs both.',
        fix: "Turn on the device's SMTP authentication and STARTTLS (TLS) settings (most devices then use EHLO). If it only speaks HELO, update the firmware or ask the device vendor.",
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
