// Families: what a code-less text (a device's panel, web page or transmission report) can honestly say. The text
// tells which step failed, not why, so the finding is the family, its likely causes ranked (most common on site
// first, from seed 000 and the facts table), and the one check that tells them apart. Pure data, no imports but types.
import type { Lang } from '../model';
import type { FindingCode } from './codes';

export const NEXT_CHECK_IDS = [
  'diagnose-same-settings',
  'diagnose-sign-in',
  'tls-profile',
  'certificate',
  'test-send',
  'reply-code',
  'message-size',
  'capture-device',
] as const;
export type NextCheckId = (typeof NEXT_CHECK_IDS)[number];

/** What to run next, said the same way in the app, the CLI and exports. */
export const NEXT_CHECKS: Record<NextCheckId, Record<Lang, string>> = {
  'diagnose-same-settings': {
    ja: '機器と同じセグメントで、機器と同じサーバー名・ポートを指定して診断を実行してください (device-mail-doctor diagnose --host <サーバー> --port <ポート>)。DNS・TCP・バナーのどこで止まるかで原因が分かります。',
    en: "Run the diagnosis on the device's segment with the device's server name and port (device-mail-doctor diagnose --host <server> --port <port>): where DNS, TCP or the banner stops tells the cause.",
  },
  'diagnose-sign-in': {
    ja: '同じメールボックスとパスワードで SMTP クライアント送信の診断を実行し、サーバーの 535 応答の文面を確認してください (無効化・セキュリティの既定値・条件付きアクセス・パスワード誤りを区別できます)。機器が何を送っているかはキャプチャで確認できます。',
    en: "Run the SMTP client submission diagnosis with the same mailbox and password and read the server's 535 text (it tells disabled SMTP AUTH, security defaults, Conditional Access and a wrong password apart). Capture shows what the device itself sends.",
  },
  'tls-profile': {
    ja: '機器の TLS の上限バージョンと暗号方式 (ECDHE / RSA のみ) を指定して診断を実行するか (--device-tls-max, --device-ciphers)、キャプチャで機器の TLS 接続を記録してください。',
    en: "Run the diagnosis with the device's highest TLS version and key exchange (--device-tls-max, --device-ciphers: ECDHE or RSA-only), or record the device's TLS handshake with capture.",
  },
  certificate: {
    ja: '機器の日時を確認し、この PC から同じサーバー名で診断を実行して、提示された証明書の発行者・有効期限・名前を確認してください。',
    en: "Check the device's date and time, then run the diagnosis from this PC with the same server name and look at the presented certificate's issuer, dates and names.",
  },
  'test-send': {
    ja: '機器と同じ差出人・宛先でテスト送信 (--send) を行うか、キャプチャで機器の MAIL FROM / RCPT TO を記録して、サーバーの応答を確認してください。',
    en: "Run a test send (--send) with the device's sender and recipient, or capture the device's MAIL FROM / RCPT TO, and read the server's reply.",
  },
  'reply-code': {
    ja: '同時に送信している機器の数を確認し、この PC から診断を実行して応答コード (432 4.3.2、451 4.7.500 など) を確認してください。',
    en: 'Count the devices sending at the same time, then run the diagnosis from this PC and read the reply code (432 4.3.2, 451 4.7.500, ...).',
  },
  'message-size': {
    ja: '送信したファイルの大きさを確認してください (メールでは約 1.33 倍になります)。解像度・カラーを下げるか分割して再送し、それでも失敗する場合は応答コードを確認してください。',
    en: 'Check the size of what was sent (mail encoding adds about a third), lower the resolution or colour or split the scan, and if it still fails read the reply code.',
  },
  'capture-device': {
    ja: 'キャプチャで機器の送信を記録し、機器が実際に送っているコマンドと TLS を確認してください。',
    en: 'Record the device with capture and look at the commands and TLS it actually sends.',
  },
};

export interface FamilySpec {
  /** Likely findings behind the family, most likely first. */
  candidates: readonly FindingCode[];
  nextCheck: NextCheckId;
}

/** The families a code-less text can map to. The family code itself names only the failed step. */
export const FAMILIES = {
  CANNOT_CONNECT: {
    candidates: [
      'TCP_TIMEOUT',
      'DNS_NAME_NOT_FOUND',
      'TCP_REFUSED',
      'PORT_465_UNSUPPORTED',
      'IPV6_PATH_FAILED',
      'SMTP_INTERCEPTED',
    ],
    nextCheck: 'diagnose-same-settings',
  },
  AUTH_FAILED: {
    candidates: [
      'AUTH_FAILED',
      'SMTP_AUTH_DISABLED_TENANT',
      'SMTP_AUTH_DISABLED_MAILBOX',
      'SECURITY_DEFAULTS_BLOCK',
      'CONDITIONAL_ACCESS_BLOCK',
      'BASIC_AUTH_DISABLED',
      'AUTH_MECHANISM_UNSUPPORTED',
    ],
    nextCheck: 'diagnose-sign-in',
  },
  TLS_HANDSHAKE_FAILED: {
    candidates: ['TLS_VERSION_UNSUPPORTED', 'TLS_CIPHER_MISMATCH', 'TLS_MODE_MISMATCH', 'SMTP_INTERCEPTED'],
    nextCheck: 'tls-profile',
  },
  TLS_CERT_PROBLEM: {
    candidates: [
      'TLS_CERT_EXPIRED',
      'TLS_CERT_NOT_YET_VALID',
      'TLS_CERT_UNTRUSTED',
      'TLS_CERT_NAME_MISMATCH',
      'SMTP_INTERCEPTED',
    ],
    nextCheck: 'certificate',
  },
  ADDRESS_REFUSED: {
    candidates: [
      'SEND_AS_DENIED',
      'RELAY_DENIED',
      'RELAY_NOT_ATTRIBUTED',
      'DIRECT_SEND_REJECTED',
      'RECIPIENT_UNKNOWN',
      'CLIENT_NOT_AUTHENTICATED',
    ],
    nextCheck: 'test-send',
  },
  SERVER_BUSY: {
    candidates: ['THROTTLED', 'SERVICE_UNAVAILABLE', 'IP_BLOCKLISTED'],
    nextCheck: 'reply-code',
  },
  MESSAGE_TOO_LARGE: {
    candidates: ['MESSAGE_TOO_LARGE', 'MAILBOX_FULL'],
    nextCheck: 'message-size',
  },
} as const satisfies Partial<Record<FindingCode, FamilySpec>>;

export type FamilyCode = keyof typeof FAMILIES;

export function isFamilyCode(code: string): code is FamilyCode {
  return Object.prototype.hasOwnProperty.call(FAMILIES, code);
}

/** The `family` field of a FindingRef for a family code. */
export function familyOf(code: FamilyCode): { candidates: string[]; nextCheck: NextCheckId } {
  const f: FamilySpec = FAMILIES[code];
  return { candidates: [...f.candidates], nextCheck: f.nextCheck };
}
