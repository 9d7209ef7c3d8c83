// The built-in lab's scenarios by name, in Japanese and English: what the app, the CLI (`diagnose --lab`, `report
// show/list`) and every export (HTML/PDF banner, ticket, transcript) show for a practice run. Saved data and `--json`
// keep the scenario id (lab-info.ts). Pure data: no zod, no Node, no DOM.
import type { ScenarioName } from './lab-info';
import type { Lang } from './vocabulary';

export const SCENARIO_NAMES: Record<Lang, Record<ScenarioName, string>> = {
  ja: {
    'basic-auth-default-off': '基本認証が既定で無効（2026 年 12 月末以降）',
    'oauth-healthy-delegated': 'OAuth 正常（委任）',
    'oauth-healthy-app': 'OAuth 正常（アプリ専用）',
    'oauth-no-service-principal': 'OAuth: サービス プリンシパル未登録',
    'oauth-no-mailbox-permission': 'OAuth: メールボックスのアクセス許可なし',
    'oauth-wrong-audience': 'OAuth: 対象が Exchange Online ではない',
    'oauth-expired': 'OAuth: トークン期限切れ',
    'oauth-consent-missing': 'OAuth: 同意なし（AADSTS65001）',
    'oauth-blocked-by-policy': 'OAuth: 条件付きアクセスでブロック（AADSTS53003）',
    healthy: '正常なテナント',
    'wrong-password': 'パスワード誤り',
    'tenant-auth-disabled': 'テナントで SMTP AUTH が無効',
    'mailbox-auth-disabled': 'メールボックスで SMTP AUTH が無効',
    'security-defaults': 'セキュリティの既定値がオン',
    'conditional-access': '条件付きアクセスによるブロック',
    'basic-auth-disabled': '基本認証が無効',
    'send-as-denied': '送信者として送信（Send As）の拒否',
    'sender-blocked': '送信者のブロック（制限付きユーザー）',
    'ip-blocklisted': 'サイトの IP がブロックリストに登録',
    throttled: 'スロットリング',
    'mailbox-full': 'メールボックスの容量不足',
    'legacy-tls10': 'TLS 1.0 のみの旧機種',
    'rsa-only-ciphers': 'RSA のみの暗号スイート',
    'intercepting-proxy': '通信を傍受するプロキシ／ウイルス対策',
    'silent-port': '応答しないポート（ブラックホール）',
    'reject-direct-send': '直接送信の拒否がオン',
    'unregistered-sender-domain': '差出人ドメインが未登録（IP コネクタ）',
    'connector-ip-changed': 'コネクタの IP が変わった',
  },
  en: {
    'basic-auth-default-off': 'Basic auth off by default (from end of Dec 2026)',
    'oauth-healthy-delegated': 'OAuth works (delegated)',
    'oauth-healthy-app': 'OAuth works (app-only)',
    'oauth-no-service-principal': 'OAuth: service principal not registered',
    'oauth-no-mailbox-permission': 'OAuth: no mailbox permission',
    'oauth-wrong-audience': 'OAuth: token not for Exchange Online',
    'oauth-expired': 'OAuth: token expired',
    'oauth-consent-missing': 'OAuth: no consent (AADSTS65001)',
    'oauth-blocked-by-policy': 'OAuth: blocked by Conditional Access (AADSTS53003)',
    healthy: 'Healthy tenant',
    'wrong-password': 'Wrong password',
    'tenant-auth-disabled': 'SMTP AUTH disabled for the tenant',
    'mailbox-auth-disabled': 'SMTP AUTH disabled for the mailbox',
    'security-defaults': 'Security defaults on',
    'conditional-access': 'Conditional Access blocks',
    'basic-auth-disabled': 'Basic authentication disabled',
    'send-as-denied': 'Send as denied',
    'sender-blocked': 'Sender blocked (restricted user)',
    'ip-blocklisted': 'Site IP blocklisted',
    throttled: 'Throttled',
    'mailbox-full': 'Mailbox full',
    'legacy-tls10': 'Old TLS 1.0 only',
    'rsa-only-ciphers': 'RSA-only ciphers',
    'intercepting-proxy': 'Intercepting proxy / antivirus',
    'silent-port': 'Silent port (blackhole)',
    'reject-direct-send': 'Reject Direct Send on',
    'unregistered-sender-domain': 'Sender domain not registered (IP connector)',
    'connector-ip-changed': 'Connector IP changed',
  },
};

/** A scenario's name in a language; an id this version does not know (a newer report's) is shown as saved. */
export function scenarioName(id: string, lang: Lang): string {
  const names: Record<string, string> = SCENARIO_NAMES[lang];
  return Object.prototype.hasOwnProperty.call(names, id) ? (names[id] ?? id) : id;
}
