// Catalogue, part 5: families for what a device or app shows without a reply code ("Cannot connect to SMTP server",
// "証明書エラー", "Server busy"). A family names what is known (the step that failed) and never picks one cause:
// the likely causes and the next check that separates them come from wording.ts (FAMILIES) and are shown with it.
import type { CatalogEntry } from './catalog-types';

export const DEVICE_CATALOG = {
  CANNOT_CONNECT: {
    severity: 'error',
    stage: 'network',
    actors: ['technician', 'isp'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '機器がサーバーに接続できていません (原因は未確定)',
        cause:
          '機器の表示{{ 「{reason}」 }}は接続の失敗を示していますが、エラー コードがないため原因は特定できません。サーバー名の誤り、DNS、ポート 25/587 の遮断 (回線事業者 (ISP) やファイアウォール)、ポート 465 (SSL/TLS) の選択、IPv6 経路の不通のいずれかが考えられます。',
        fix: '機器と同じセグメントにこの PC を接続し、機器と同じサーバー名・ポートで診断を実行してください (DNS → TCP → バナーの順に、どこで止まるかが分かります)。',
      },
      en: {
        title: 'The device cannot connect to the server (cause not yet known)',
        cause:
          'What the device shows{{ ("{reason}")}} means the connection failed, but without an error code the cause is unknown: a wrong server name, DNS, port 25/587 blocked (ISP or firewall), port 465 ("SSL") chosen, or a broken IPv6 path.',
        fix: "Plug this PC into the device's segment and run the diagnosis with the same server name and port as the device: DNS, then TCP, then the banner show where it stops.",
      },
    },
  },
  TLS_CERT_PROBLEM: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician', 'vendor'],
    inMessageTrace: false,
    text: {
      ja: {
        title: '機器がサーバー証明書を受け入れていません (原因は未確定)',
        cause:
          '機器の表示{{ 「{reason}」 }}は証明書の問題を示していますが、どの検証に失敗したかは分かりません。機器の時計のずれ (有効期限の判定)、機器のルート証明書が古い、サーバー欄に IP アドレスを入力 (名前の不一致)、ネットワーク機器による TLS 検査 (別の証明書) が考えられます。',
        fix: 'まず機器の日時を確認してください。次にこの PC から同じサーバー名で診断を実行し、サーバーが提示する証明書 (発行者・有効期限・名前) を確認してください。検査用の証明書なら、SMTP を TLS 検査の対象外にするようネットワーク管理者に依頼してください。',
      },
      en: {
        title: 'The device does not accept the server certificate (cause not yet known)',
        cause:
          'What the device shows{{ ("{reason}")}} points at the certificate but not at which check failed: the device clock is off (validity dates), its root certificates are outdated, an IP address is typed as the server (name mismatch), or a firewall inspects TLS and presents its own certificate.',
        fix: "Check the device's date and time first. Then run the diagnosis from this PC with the same server name and look at the certificate the server presents (issuer, dates, names). If it is an inspection certificate, ask the network admin to exempt SMTP from TLS inspection.",
      },
    },
  },
  ADDRESS_REFUSED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['technician', 'admin'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバーが差出人または宛先を拒否しました (原因は未確定)',
        cause:
          '機器の表示{{ 「{reason}」 }}からは、差出人 (MAIL FROM) か宛先 (RCPT TO) が拒否されたことしか分かりません。差出人がサインインしたメールボックスと違う (SMTP クライアント送信)、外部宛先への直接送信、送信元 IP がコネクタと一致しない、宛先の入力ミスなどが考えられます。',
        fix: '機器の送信ログや送信結果レポートにサーバーの応答 (5xx の行) が残っていないか確認してください。残っていなければ、この PC のキャプチャで機器の送信内容を記録するか、同じ差出人・宛先でテスト送信を行い、サーバーの応答を確認してください。',
      },
      en: {
        title: 'The server refused the sender or a recipient (cause not yet known)',
        cause:
          'What the device shows{{ ("{reason}")}} only says the sender (MAIL FROM) or a recipient (RCPT TO) was refused: the sender differs from the signed-in mailbox (client submission), Direct Send to an external recipient, the site IP does not match the connector, or a mistyped recipient.',
        fix: "Look for the server's reply (a 5xx line) in the device's send log or transmission report. If there is none, record the device with this PC's capture, or run a test send with the same sender and recipient, and read the server's reply.",
      },
    },
  },
  SERVER_BUSY: {
    severity: 'warning',
    stage: 'smtp',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバーが混雑または一時的に拒否しています (原因は未確定)',
        cause:
          '機器の表示{{ 「{reason}」 }}は一時的な拒否を示しています。同じメールボックスの同時接続数の上限 (3)、送信数の上限 (30 通/分)、送信元 IP の一時的な制限 (4.7.500〜699)、サービス側の一時的な問題のいずれかが考えられます。',
        fix: '同じメールボックスで同時に送信している機器・アプリの数を確認し、しばらく待ってから 1 台ずつ再送してください。繰り返す場合は、この PC から診断を実行して応答コード (4.3.2、4.7.500 など) を確認してください。',
      },
      en: {
        title: 'The server is busy or refusing for now (cause not yet known)',
        cause:
          'What the device shows{{ ("{reason}")}} is a temporary refusal: the mailbox\'s concurrent connection limit (3), the message rate limit (30 per minute), a temporary restriction on the site IP (4.7.500-699), or a passing service problem.',
        fix: 'Count the devices and apps sending through the same mailbox at once, wait, and resend one at a time. If it repeats, run the diagnosis from this PC to read the reply code (4.3.2, 4.7.500, ...).',
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
