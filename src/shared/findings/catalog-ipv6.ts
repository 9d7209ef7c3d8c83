// Catalogue, IPv6 refusals from Exchange Online's NDR table (issue 11): the recipient side does not take mail over
// IPv6 (5.7.510, older form 550 5.2.1), or an IPv6 range sent too much (5.7.508). Common on Japanese IPoE lines,
// where the device prefers IPv6 without anyone choosing it. Sources: catalog-sources.ts (SRC.ndrList,
// SRC.ipv6InboundAbout).
import type { CatalogEntry } from './catalog-types';

export const IPV6_CATALOG = {
  IPV6_NOT_ACCEPTED: {
    severity: 'error',
    stage: 'network',
    actors: ['technician', 'admin'],
    inMessageTrace: true,
    text: {
      ja: {
        title: '受信側が IPv6 でのメールを受け付けていません',
        cause:
          '機器 (または中継サーバー) は IPv6 で接続しましたが、受信側のドメインは IPv6 でのメールを受け付けていません{{: {reply}}}。Exchange Online が IPv6 で匿名のメールを受け付けるのは、管理者が Microsoft サポートに申請して有効にしたドメインだけです。IPoE (IPv6) 回線では機器が IPv6 を優先することがあります。',
        fix: '機器の IPv6 を無効にするか、IPv4 で送信するように設定してください。自社ドメイン宛てで IPv6 を使い続ける場合は、Microsoft 365 管理者に IPv6 での受信の有効化 (Microsoft サポートへの申請) と、逆引き (PTR)・SPF (ip6:) の準備を依頼してください。',
      },
      en: {
        title: 'The receiving side does not accept mail over IPv6',
        cause:
          'The device (or relay) connected over IPv6, but the recipient domain does not accept mail over IPv6{{: {reply}}}. Exchange Online accepts anonymous mail over IPv6 only for domains an admin has had enabled through Microsoft support. On IPoE (IPv6) lines devices often prefer IPv6 without anyone choosing it.',
        fix: 'Turn IPv6 off on the device or make it send over IPv4. To keep IPv6 for your own domain, ask the Microsoft 365 admin to have IPv6 inbound enabled (a Microsoft support request) and to prepare reverse DNS (PTR) and SPF (ip6:).',
      },
    },
  },
  IPV6_RANGE_LIMIT: {
    severity: 'error',
    stage: 'network',
    actors: ['technician', 'isp'],
    inMessageTrace: true,
    text: {
      ja: {
        title: '送信元の IPv6 アドレス範囲が送信の上限を超えました',
        cause:
          '送信元の IPv6 アドレス範囲から短時間に多くのメールが送られたため、拒否されました{{: {reply}}}。同じ回線の他の機器やサーバーの送信も数に入ります。',
        fix: '時間をおいて再送してください。同じ回線から大量に送っている機器・サーバーがないか確認し、必要なら機器の IPv6 を無効にして IPv4 の固定 IP アドレスから送信するか、SMTP クライアント送信 (ポート 587、サインイン) に切り替えてください。',
      },
      en: {
        title: 'The sending IPv6 range exceeded its permitted limits',
        cause:
          'Too many messages came from the sending IPv6 range in too short a time, so this one was refused{{: {reply}}}. Other devices and servers on the same line count too.',
        fix: 'Retry later. Look for devices or servers on the same line that send in bulk; if needed, turn IPv6 off on the device and send from the static IPv4 address, or switch to SMTP client submission (port 587 with sign-in).',
      },
    },
  },
} satisfies Record<string, CatalogEntry>;
