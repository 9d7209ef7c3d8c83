// Why a check was skipped, as data: a closed set of reason ids with their parameters, stored in a check's
// `details.skip` and rendered here in Japanese and English for the app, the CLI and every export. Reports saved
// before typed reasons (schema ≤ 3, still schema 3 today) carry an English sentence in `details.skipped`:
// `skipReasonOf` maps the sentences earlier versions wrote back to a typed reason, and keeps any other sentence
// as recorded. Japanese follows ../shared/docs/glossary-ja.md. Pure data: no zod, no Node, no DOM.
import { CHECK_REGISTRY, type CheckKind } from './check-registry';
import type { Lang } from './vocabulary';

/** How far a certificate read got before it stopped (tls.cert). */
export type CertStop = 'session-ended' | 'starttls-not-offered' | 'starttls-refused';

export type SkipReason =
  /** The technician pressed Cancel. */
  | { id: 'cancelled' }
  /** The diagnosis' overall time limit passed first. */
  | { id: 'deadline' }
  /** Neither a domain nor a sender was given (MX / SPF); `host`: the server then tested as given. */
  | { id: 'no-domain'; host?: string }
  | { id: 'no-connector-ip' }
  /** The server's EHLO reply did not show our public IP (Hello [ip]). */
  | { id: 'egress-ip-not-seen' }
  | { id: 'no-device-profile' }
  /** Another check gave nothing to judge from: look at it first. */
  | { id: 'needs-check'; check: CheckKind }
  /** The shared SMTP session ended at (or was refused at) this check's step. */
  | { id: 'session-ended'; at: CheckKind }
  /** Sign-in was tried and failed: nothing after it in the session ran. */
  | { id: 'auth-failed' }
  /** Sign-in was not tried (the sign-in check says why). */
  | { id: 'auth-not-attempted' }
  | { id: 'no-credentials' }
  /** Credentials are never sent without TLS. */
  | { id: 'no-tls-for-credentials' }
  | { id: 'no-sender' }
  | { id: 'no-recipient'; kind: 'internal' | 'external' }
  /** The envelope check did not pass, so no test message was sent. */
  | { id: 'envelope-not-passed' }
  | { id: 'no-tls-handshake' }
  /** TLS 1.2/1.3 probes all ended in errors of our own side; `detail`: the first probe's error as recorded. */
  | { id: 'tls-modern-unjudged'; detail: string }
  | { id: 'no-address' }
  | { id: 'no-connection' }
  | { id: 'cert-not-read'; stop: CertStop; detail?: string }
  /** This computer's TLS library refused the probe's settings (an OpenSSL error code). */
  | { id: 'local-tls-refused'; code: string }
  /** --connect-to sends host:port elsewhere, so DNS was not asked. */
  | { id: 'connect-to'; host: string; port: string; toHost: string; toPort: string }
  | { id: 'no-family-address'; family: 'IPv4' | 'IPv6'; host: string }
  /** The run is bound to a local address of the other IP family. */
  | { id: 'bound-to'; bind: string };

export type SkipReasonId = SkipReason['id'];

/** A reason as read from a saved check: typed, or an older report's sentence this version does not know. */
export type ReadSkipReason = SkipReason | { id: 'recorded'; text: string };

type Params = Record<string, string | undefined>;
type Text = (p: Params) => string;

const title = (kind: string | undefined, lang: Lang): string =>
  kind !== undefined && kind in CHECK_REGISTRY ? CHECK_REGISTRY[kind as CheckKind].title[lang] : (kind ?? '');

const CERT_STOP: Record<Lang, Record<CertStop, string>> = {
  ja: {
    'session-ended': 'TLS の前にセッションが終わった',
    'starttls-not-offered': 'STARTTLS が提供されていない',
    'starttls-refused': 'STARTTLS が拒否された',
  },
  en: {
    'session-ended': 'the session ended before TLS',
    'starttls-not-offered': 'STARTTLS is not offered',
    'starttls-refused': 'STARTTLS was refused',
  },
};
const detailJa = (d: string | undefined) => (d ? `（${d}）` : '');
const detailEn = (d: string | undefined) => (d ? ` (${d})` : '');

/** Every reason in both languages: what was not done, why, and where useful the check to look at next. */
export const SKIP_REASON_TEXTS: Record<SkipReasonId, Record<Lang, Text>> = {
  cancelled: {
    ja: () => '技術者が診断を中止したため、行っていません。',
    en: () => 'Not run: the technician cancelled the diagnosis.',
  },
  deadline: {
    ja: () => '診断全体の制限時間に達したため、行っていません。時間を延ばしてもう一度診断してください。',
    en: () => 'Not run: the diagnosis reached its overall time limit. Run it again with more time.',
  },
  'no-domain': {
    ja: (p) =>
      `ドメインも差出人アドレスも入力されていないため、確認していません。${p.host ? `サーバー ${p.host} は入力どおりに確認しています。` : ''}`,
    en: (p) =>
      `Not checked: neither a domain nor a sender address was given.${p.host ? ` ${p.host} is tested as given.` : ''}`,
  },
  'no-connector-ip': {
    ja: () => 'コネクタに登録した IP アドレスが入力されていないため、比較していません。',
    en: () => "Not compared: the relay connector's IP address was not given.",
  },
  'egress-ip-not-seen': {
    ja: () => 'サーバーの EHLO 応答に送信元のパブリック IP アドレスがなかったため、比較していません。',
    en: () => 'Not compared: the server did not show our public IP address in its EHLO reply (Hello [ip]).',
  },
  'no-device-profile': {
    ja: () => '機器（機種、または TLS の上限）が指定されていないため、機器で使えるかは判定していません。',
    en: () =>
      'Not judged: no device was given (a model or its highest TLS version), so whether the device itself gets through is not known.',
  },
  'needs-check': {
    ja: (p) =>
      `「${title(p.check, 'ja')}」の結果がないため、判定していません。先に「${title(p.check, 'ja')}」を確認してください。`,
    en: (p) => `Not judged: there is no result from "${title(p.check, 'en')}". Look at that check first.`,
  },
  'session-ended': {
    ja: (p) =>
      `「${title(p.at, 'ja')}」の段階でセッションが終わったため、行っていません。先に「${title(p.at, 'ja')}」を確認してください。`,
    en: (p) => `Not run: the session ended at "${title(p.at, 'en')}". Look at that check first.`,
  },
  'auth-failed': {
    ja: () =>
      'サインイン（SMTP AUTH）に失敗したため、行っていません。サインインの検出事項を解決してから、もう一度診断してください。',
    en: () => 'Not run: sign-in (SMTP AUTH) failed. Fix the sign-in finding, then run the diagnosis again.',
  },
  'auth-not-attempted': {
    ja: () =>
      'サインイン（SMTP AUTH）を行わなかったため、行っていません。理由は「サインイン (SMTP AUTH)」のチェックを確認してください。',
    en: () => 'Not run: sign-in (SMTP AUTH) did not take place. The sign-in check says why.',
  },
  'no-credentials': {
    ja: () =>
      'ユーザー名とパスワード（または OAuth トークン）が入力されていないため、サインインは試していません。',
    en: () => 'Not tried: no user name with a password (or an OAuth token) was given.',
  },
  'no-tls-for-credentials': {
    ja: () =>
      'TLS で暗号化されていない接続では資格情報を送らないため、サインインは試していません。先に「STARTTLS (暗号化の開始)」を確認してください。',
    en: () =>
      'Not tried: credentials are never sent over a connection without TLS. Look at the STARTTLS check first.',
  },
  'no-sender': {
    ja: () => '差出人アドレスが入力されていないため、行っていません。',
    en: () => 'Not run: no sender address was given.',
  },
  'no-recipient': {
    ja: (p) => `${p.kind === 'external' ? '社外' : '社内'}の宛先が入力されていないため、行っていません。`,
    en: (p) => `Not run: no ${p.kind === 'external' ? 'external' : 'internal'} recipient was given.`,
  },
  'envelope-not-passed': {
    ja: () => '差出人と宛先の確認が合格しなかったため、テスト メッセージは送っていません。',
    en: () => 'Nothing sent: the sender and recipient check did not pass.',
  },
  'no-tls-handshake': {
    ja: () =>
      'どの接続も TLS ハンドシェイクまで進まなかったため、判定していません。先に「STARTTLS (暗号化の開始)」を確認してください。',
    en: () => 'Not judged: no connection reached the TLS handshake. Look at the STARTTLS check first.',
  },
  'tls-modern-unjudged': {
    ja: (p) => `TLS 1.2 と 1.3 を受け付けるかは判定できませんでした${detailJa(p.detail)}。`,
    en: (p) => `Not judged: whether TLS 1.2 and 1.3 are accepted could not be told${detailEn(p.detail)}.`,
  },
  'no-address': {
    ja: () =>
      '接続先のアドレスがないため、行っていません。先に「サーバー名の DNS (A/AAAA)」を確認してください。',
    en: () => 'Not run: there is no address to connect to. Look at the DNS A/AAAA check first.',
  },
  'no-connection': {
    ja: () => 'サーバーに接続できなかったため、行っていません。先に「TCP 接続」を確認してください。',
    en: () => 'Not run: no connection to the server. Look at the TCP connection check first.',
  },
  'cert-not-read': {
    ja: (p) =>
      `${CERT_STOP.ja[p.stop as CertStop] ?? 'TLS が始まらなかった'}ため、証明書は読み取っていません${detailJa(p.detail)}。`,
    en: (p) =>
      `Certificate not read: ${CERT_STOP.en[p.stop as CertStop] ?? 'TLS did not start'}${detailEn(p.detail)}.`,
  },
  'local-tls-refused': {
    ja: (p) =>
      `この PC の TLS ライブラリーがこの設定での接続を拒否したため、証明書は読み取っていません${detailJa(p.code)}。`,
    en: (p) => `Certificate not read: this computer's TLS library refused the settings${detailEn(p.code)}.`,
  },
  'connect-to': {
    ja: (p) =>
      `この診断は ${p.host}:${p.port} への接続を ${p.toHost}:${p.toPort} に向けているため (接続先の指定)、DNS は確認していません。`,
    en: (p) =>
      `Not checked: this run sends ${p.host}:${p.port} to ${p.toHost}:${p.toPort} (a connect-to rule), so DNS was not asked.`,
  },
  'no-family-address': {
    ja: (p) => `${p.host} に ${p.family} のアドレスがないため、行っていません。`,
    en: (p) => `Not run: ${p.host} has no ${p.family} address.`,
  },
  'bound-to': {
    ja: (p) =>
      `送信元アドレスを ${p.bind} に固定しているため、もう一方の IP バージョンでは接続していません。`,
    en: (p) => `Not run: the diagnosis is bound to ${p.bind} (the other IP version).`,
  },
};

export const SKIP_REASON_IDS = Object.keys(SKIP_REASON_TEXTS) as SkipReasonId[];

const isId = (v: unknown): v is SkipReasonId =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(SKIP_REASON_TEXTS, v);

/** The reason in a language. Parameters from a saved file are shown as text, never trusted as markup. */
export function skipReasonText(r: ReadSkipReason, lang: Lang): string {
  if (r.id === 'recorded') return lang === 'ja' ? `（保存時の記録、英語）${r.text}` : r.text;
  const params: Params = {};
  for (const [k, v] of Object.entries(r)) if (k !== 'id') params[k] = v === undefined ? undefined : String(v);
  return SKIP_REASON_TEXTS[r.id][lang](params);
}

/** The steps of one SMTP session (smtp-checks.ts) and the check that reports each. */
export const SESSION_STEP: Readonly<Record<string, CheckKind>> = {
  banner: 'smtp.banner',
  ehlo: 'smtp.ehlo',
  starttls: 'smtp.starttls',
  auth: 'smtp.auth',
  envelope: 'envelope.internal',
};

/**
 * The sentences earlier versions stored in `details.skipped` (before typed reasons), mapped back to a reason.
 * Exact forms only: a sentence that matches none is kept as recorded.
 */
const LEGACY: readonly [RegExp, (m: RegExpMatchArray) => SkipReason][] = [
  [/^cancelled$/, () => ({ id: 'cancelled' })],
  [/^overall deadline reached$/, () => ({ id: 'deadline' })],
  [/^no domain given \(--domain\)$/, () => ({ id: 'no-domain' })],
  [
    /^no domain: neither --domain nor --from was given, so the MX record was not checked(?:; (\S+) is tested as given)?$/,
    (m) => ({ id: 'no-domain', ...(m[1] ? { host: m[1] } : {}) }),
  ],
  [/^no connector IP given \(--expected-ip\)$/, () => ({ id: 'no-connector-ip' })],
  [/^the server did not echo our public IP/, () => ({ id: 'egress-ip-not-seen' })],
  [/^no device profile given/, () => ({ id: 'no-device-profile' })],
  [/^the TLS matrix could not run$/, () => ({ id: 'needs-check', check: 'tls.matrix' })],
  [/did not list its AUTH mechanisms/, () => ({ id: 'needs-check', check: 'smtp.starttls' })],
  [/^no address to connect to$|^no address$/, () => ({ id: 'no-address' })],
  [/^the envelope check did not pass/, () => ({ id: 'envelope-not-passed' })],
  [/^sign-in failed$/, () => ({ id: 'auth-failed' })],
  [/^AUTH not attempted/, () => ({ id: 'auth-not-attempted' })],
  [/^no credentials given|^no password or token given$/, () => ({ id: 'no-credentials' })],
  [/^no TLS: credentials are never sent in clear$/, () => ({ id: 'no-tls-for-credentials' })],
  [/^no sender given/, () => ({ id: 'no-sender' })],
  [
    /^no (internal|external) recipient given/,
    (m) => ({ id: 'no-recipient', kind: m[1] === 'external' ? 'external' : 'internal' }),
  ],
  [/^no connection$/, () => ({ id: 'no-connection' })],
  [
    /^certificate not read: this computer's TLS library refused the settings \((.*)\)$/,
    (m) => ({ id: 'local-tls-refused', code: m[1] ?? '' }),
  ],
  [
    /^certificate not read: STARTTLS not offered$/,
    () => ({ id: 'cert-not-read', stop: 'starttls-not-offered' }),
  ],
  [
    /^certificate not read: the session ended at \S+ \((.*)\)$/,
    (m) => ({ id: 'cert-not-read', stop: 'session-ended', detail: m[1] ?? '' }),
  ],
  [
    /^certificate not read: (.*)$/,
    (m) => ({ id: 'cert-not-read', stop: 'starttls-refused', detail: m[1] ?? '' }),
  ],
  [
    /^the session ended at (\w+)$/,
    (m) => ({ id: 'session-ended', at: SESSION_STEP[m[1] ?? ''] ?? 'smtp.banner' }),
  ],
  [/^the server refused the session in its greeting$/, () => ({ id: 'session-ended', at: 'smtp.banner' })],
  [/^EHLO was refused$/, () => ({ id: 'session-ended', at: 'smtp.ehlo' })],
  [
    /^STARTTLS is not offered: credentials are never sent in clear$/,
    () => ({ id: 'no-tls-for-credentials' }),
  ],
  [/^(?:EHLO after )?STARTTLS was refused$/, () => ({ id: 'session-ended', at: 'smtp.starttls' })],
  [/^no probe reached the TLS handshake/, () => ({ id: 'no-tls-handshake' })],
  [/^TLS 1\.2\/1\.3 could not be judged: (.*)$/, (m) => ({ id: 'tls-modern-unjudged', detail: m[1] ?? '' })],
  [
    /^--connect-to sends (\S+):(\d+) to (\S+):(\d+)$/,
    (m) => ({ id: 'connect-to', host: m[1] ?? '', port: m[2] ?? '', toHost: m[3] ?? '', toPort: m[4] ?? '' }),
  ],
  [
    /^no (IPv4|IPv6) address for (\S+)$/,
    (m) => ({ id: 'no-family-address', family: m[1] === 'IPv6' ? 'IPv6' : 'IPv4', host: m[2] ?? '' }),
  ],
  [/^bound to (\S+)$/, (m) => ({ id: 'bound-to', bind: m[1] ?? '' })],
];

/** A check's skip reason: its typed `details.skip`, an older report's `details.skipped` sentence, or a cancel. */
export function skipReasonOf(check: {
  status: string;
  details: Record<string, unknown>;
}): ReadSkipReason | null {
  if (check.status !== 'skip') return null;
  const d = check.details;
  const typed = d.skip as { id?: unknown } | undefined;
  if (typed && typeof typed === 'object' && isId(typed.id)) return typed as SkipReason;
  if (typeof d.skipped === 'string' && d.skipped.trim() !== '') {
    for (const [re, make] of LEGACY) {
      const m = d.skipped.match(re);
      if (m) return make(m);
    }
    return { id: 'recorded', text: d.skipped };
  }
  // A check cut short by Cancel keeps its status as skip with only `interrupted` (check-runner.ts).
  if (d.interrupted === 'cancelled') return { id: 'cancelled' };
  if (d.interrupted === 'overall deadline reached') return { id: 'deadline' };
  return null;
}

/** The skip reason of a check in a language, or null when the check was not skipped or says nothing. */
export function checkSkipText(
  check: { status: string; details: Record<string, unknown> },
  lang: Lang,
): string | null {
  const r = skipReasonOf(check);
  return r ? skipReasonText(r, lang) : null;
}
