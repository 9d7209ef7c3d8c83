// Device wording rules: the code-less texts printers, scanners and apps show (panel, web page, transmission report,
// app log), in English and Japanese, mapped to a family (family.ts) — never to one confident cause. They run after
// the reply rules and the specific client-error rules (errno names, OpenSSL reasons, Outlook codes), so a text with
// a reply code or a precise error name keeps its precise finding. Patterns run on lower-cased text; every
// quantifier is bounded.
import type { FindingRef } from '../model';
import { familyOf, type FamilyCode } from './family';
import { SRC, type Source } from './sources';

export interface WordingRule {
  family: FamilyCode;
  test: RegExp;
  /** Where this wording is seen or what documents the condition. */
  sources: readonly Source[];
}

// "サーバー" and "サーバ" both appear on Japanese panels; spaces inside Japanese phrases are optional.
const SERVER_JA = 'サーバー?';

export const WORDING_RULES: readonly WordingRule[] = [
  {
    family: 'TLS_CERT_PROBLEM',
    test: new RegExp(
      [
        'certificate (error|problem|invalid|is invalid|is not valid|not valid|verification failed|validation (failed|error)|verify failed|check failed)',
        '(invalid|untrusted|bad) (server |ssl )?certificate',
        '(server|ssl) certificate (error|problem|rejected)',
        '証明書 ?(エラー|の検証|を検証|が無効|が不正|の確認|を確認|に問題|が信頼|の有効期限を確認)',
        `${SERVER_JA}証明書`,
      ].join('|'),
    ),
    sources: [SRC.nodeTls, SRC.mfpHowTo],
  },
  {
    family: 'TLS_HANDSHAKE_FAILED',
    test: new RegExp(
      [
        '(ssl|tls|ssl/tls) ?(negotiation|handshake|connection|communication) ?(failed|failure|error)',
        '(ssl|tls|ssl/tls) (error|failed|failure)',
        'secure connection (failed|could not be established|error)',
        'starttls (failed|error)',
        'encryption (error|failed|failure)',
        '(ssl|tls|ssl/tls) ?(通信|ネゴシエーション|ハンドシェイク|接続) ?(に|が)?(失敗|エラー|できません)',
        '(ssl|tls) ?エラー',
        '暗号化 ?(通信|接続)? ?(に|が)?(失敗|エラー|できません)',
        '安全な接続 ?(を|が)?(確立できません|できません|に失敗)',
      ].join('|'),
    ),
    sources: [SRC.tlsCiphers, SRC.tlsForSmtpAuth, SRC.mfpHowTo],
  },
  {
    family: 'AUTH_FAILED',
    test: new RegExp(
      [
        'authentication (unsuccessful|failed|failure|error|was rejected|rejected)',
        '(smtp )?auth(entication)? (error|failed|failure)',
        '(sign[- ]?in|log[- ]?in|logon) (failed|failure|error|unsuccessful)',
        'invalid (login|logon|credentials|user ?name or password|user ?id or password|password)',
        '(incorrect|wrong) (user ?name|password|user ?id|login|credentials)',
        'user ?name (and|or) password (not accepted|incorrect|is incorrect|invalid)',
        'bad user ?name or password',
        '認証 ?(エラー|に失敗|失敗|できません|が拒否)',
        'smtp ?認証',
        '(ログイン|サインイン|ログオン) ?(に|が)?(失敗|エラー|できません)',
        '(ユーザー ?名|ユーザー ?id|アカウント)(または|か|と)パスワードが(正しくありません|違います|間違って)',
        'パスワードが(正しくありません|違います|間違って)',
      ].join('|'),
    ),
    sources: [SRC.smtpAuthEnable, SRC.seedFixDevices],
  },
  {
    family: 'MESSAGE_TOO_LARGE',
    test: new RegExp(
      [
        '(message|mail|e-?mail|file|attachment|data) (size )?(is )?too (large|big)',
        '(message |mail |file |attachment |data )?size (limit )?(exceeded|over|too large)',
        'exceeds (the )?(maximum|max|size|allowed)',
        'data size over',
        '(サイズ|容量|データ ?量)(が|の|を)?(上限|制限)?(を)?(超え|オーバー|超過|大きすぎ)',
        'ファイルが大きすぎ',
      ].join('|'),
    ),
    sources: [SRC.exoLimits],
  },
  {
    family: 'ADDRESS_REFUSED',
    test: new RegExp(
      [
        '(sender|recipient|destination|from|to|mail from|rcpt to|e-?mail) (address )?(was )?(refused|rejected|denied|not accepted)',
        'invalid (sender|recipient|destination|from|to) (address)?',
        'address (was )?(refused|rejected)',
        'refused (the )?(sender|recipient)',
        '(送信者|差出人|送信元|宛先|受信者|あて先) ?(アドレス|メール ?アドレス)? ?(が|を|は)?(拒否|受け付けられません|受理されません)',
        'アドレスが拒否',
        '(宛先|あて先|送信者|差出人)(アドレス)?(が|に)?(誤|正しくありません|エラー)',
      ].join('|'),
    ),
    sources: [SRC.seedFixDevices, SRC.mfpHowTo],
  },
  {
    family: 'SERVER_BUSY',
    test: new RegExp(
      [
        'server (is )?(busy|too busy|overloaded)',
        'too busy',
        'try (again )?later',
        'temporarily (unavailable|rejected|deferred|refused)',
        'service (is )?(temporarily )?unavailable',
        `${SERVER_JA} ?(が|は)?(ビジー|混雑|使用中|混み合って)`,
        '混雑しています|混み合っています',
        'しばらく(して|待って|経って)から',
        '一時的(な|に)(エラー|使用できません|拒否|利用できません)',
      ].join('|'),
    ),
    sources: [SRC.exoLimits, SRC.ndr4500],
  },
  {
    family: 'CANNOT_CONNECT',
    test: new RegExp(
      [
        "(can ?not|can't|could not|couldn't|unable to|failed to|fail to) (connect|reach|contact|communicate)",
        'connection (failed|failure|error|timed out|timeout|refused|lost)',
        'connect(ion)? (to|with) (the )?(smtp |mail |e-?mail |outgoing )?server (failed|error)',
        '(smtp |mail |e-?mail |outgoing )?server (not found|unreachable|not responding|did not respond|does not respond|is not responding|not available|error|connection error)',
        'no (response|answer) from (the )?(smtp |mail )?server',
        '(network|communication) error',
        'time ?out|timed out',
        '0x800ccc0e|0x800ccc13|0x80042109',
        `${SERVER_JA} ?(に|へ|と)(の)? ?(接続|通信)`,
        '(接続|通信) ?(でき(ません|ない)|に失敗|失敗|エラー|が切断|が中断)',
        'タイムアウト',
        '応答(がありません|しません|なし)',
        `${SERVER_JA} ?(が|は)?(見つかりません|見つからない|応答)`,
        'ネットワーク ?エラー',
      ].join('|'),
    ),
    sources: [SRC.seedFixDevices, SRC.mfpHowTo, SRC.outlookErrors],
  },
];

/** Longest matched wording kept as the finding's `reason` param, in characters. */
const MAX_REASON_CHARS = 120;

/**
 * The family finding for a code-less device/app text, or null when no wording rule matches.
 * `evidence` is the line as the technician gave it.
 */
export function classifyWording(lower: string, evidence: string): FindingRef | null {
  for (const rule of WORDING_RULES) {
    const m = rule.test.exec(lower);
    if (!m) continue;
    const reason = evidence.trim().slice(0, MAX_REASON_CHARS);
    return { code: rule.family, params: { reason }, evidence: [evidence], family: familyOf(rule.family) };
  }
  return null;
}
