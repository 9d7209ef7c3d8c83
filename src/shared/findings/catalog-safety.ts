// Findings added so that nothing passes without its evidence (issue 15): a certificate check with no certificate in
// hand, and an address that needs SMTPUTF8 on a server that does not offer it (RFC 6531).
import type { CatalogEntry } from './catalog-types';

export const SAFETY_CATALOG = {
  TLS_CERT_NOT_RECEIVED: {
    severity: 'error',
    stage: 'tls',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'サーバーの証明書を受け取れませんでした',
        cause:
          'サーバー{{ {host} }}との TLS ハンドシェイクが、証明書を受け取る前に失敗しました{{ ({reason})}}。原因はサーバー側、または途中の機器（プロキシや UTM）にあり、この機器の設定ではありません。証明書は確認できていないため、「証明書に問題なし」とは言えません。',
        fix: '機器の設定を変える前に、{{ {host} }}へ直接つながっているか（プロキシや UTM が TLS を中継していないか）を確認し、通信ログを添えてネットワーク管理者に伝えてください。',
      },
      en: {
        title: 'The server certificate was not received',
        cause:
          'The TLS handshake with{{ {host}}} failed before its certificate arrived{{ ({reason})}}. The cause is on the server’s side or in a device on the path (a proxy or UTM), not in this device’s settings. No certificate was checked, so it cannot be called fine.',
        fix: 'Before changing the device, check that this PC reaches{{ {host}}} directly (no proxy or UTM relaying TLS) and give the network admin the transcript.',
      },
    },
  },
  SMTPUTF8_NOT_OFFERED: {
    severity: 'error',
    stage: 'envelope',
    actors: ['technician'],
    inMessageTrace: false,
    text: {
      ja: {
        title: 'このアドレスには SMTPUTF8 が必要ですが、サーバーが対応していません',
        cause:
          'アドレス{{ {address} }}には ASCII 以外の文字が含まれるため SMTPUTF8（RFC 6531）が必要ですが、サーバー{{ {host} }}は EHLO で SMTPUTF8 を提示していません。このアドレスは送信しませんでした。',
        fix: 'ASCII だけのアドレス（別名など）を使うか、SMTPUTF8 に対応したサーバーへ送ってください。',
      },
      en: {
        title: 'This address needs SMTPUTF8, which the server does not offer',
        cause:
          'The address{{ {address}}} has non-ASCII characters, so it needs SMTPUTF8 (RFC 6531), but the server{{ {host}}} does not offer SMTPUTF8 in its EHLO reply. The address was not sent.',
        fix: 'Use an ASCII-only address (an alias, for example) or send through a server that offers SMTPUTF8.',
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
