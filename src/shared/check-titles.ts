// Check titles per language. The engine names checks in English (with the host); Japanese titles are chosen by
// the check's stable id, so the CLI, the app and the exports all say the same thing.
import type { Check, Lang } from './model';

/** Japanese check titles by id pattern (the engine's titles are English and name the host). */
const JA_TITLES: [RegExp, string][] = [
  [/^config\./, 'サーバー名とポートの設定'],
  [/^dns\.mx$/, 'ドメインの MX レコード'],
  [/^dns\.spf$/, 'SPF レコード'],
  [/^dns\.\w+\.a$/, 'サーバー名の DNS (A/AAAA)'],
  [/^tcp\.\w+\.v4$/, 'TCP 接続 (IPv4)'],
  [/^tcp\.\w+\.v6$/, 'TCP 接続 (IPv6)'],
  [/^smtp\.\w+\.banner$/, 'サーバーの応答 (バナー)'],
  [/^smtp\.\w+\.ehlo$/, 'EHLO と機能一覧'],
  [/^smtp\.\w+\.starttls$/, 'STARTTLS (暗号化の開始)'],
  [/^tls\.\w+\.matrix$/, '対応している TLS バージョンと鍵交換'],
  [/^tls\.\w+\.cert$/, 'サーバー証明書'],
  [/^tls\.\w+\.device$/, '機器の TLS で接続できるか'],
  [/^device\.\w+\.auth$/, '機器の認証方式でサインインできるか'],
  [/^auth$/, 'サインイン (SMTP AUTH)'],
  [/^envelope\..*internal$/, '差出人と社内宛先 (MAIL FROM / RCPT TO)'],
  [/^envelope\..*external$/, '差出人と社外宛先 (MAIL FROM / RCPT TO)'],
  [/^send/, 'テスト メッセージの送信'],
  [/^relay\.egress-ip$/, '送信元 IP とコネクタの IP'],
];

export function checkTitle(c: Pick<Check, 'id' | 'title'>, lang: Lang): string {
  if (lang === 'en') return c.title;
  const hit = JA_TITLES.find(([re]) => re.test(c.id));
  // Which endpoint, in the glossary's words (never the internal id segment "submission").
  const where = /\.mx(\.|$)/.test(c.id)
    ? '（MX）'
    : /\.submission(\.|$)/.test(c.id)
      ? '（SMTP クライアント送信）'
      : '';
  return hit ? `${hit[1]}${where}` : c.title;
}
