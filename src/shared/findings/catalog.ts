// The finding catalogue (every code in codes.ts, ja + en) and renderFinding(), which fills `{param}`s.
// Params are language-neutral data; a few enumerated values (reply class, status subject) are localised here.
import type { FindingRef, Lang, RenderedFinding } from '../model';
import { AUTH_CATALOG } from './catalog-auth';
import { CONNECT_CATALOG } from './catalog-connect';
import { CORRECTIONS_CATALOG } from './catalog-corrections';
import { DEVICE_CATALOG } from './catalog-device';
import { IPV6_CATALOG } from './catalog-ipv6';
import { sourcesOf } from './catalog-sources';
import { DELIVERY_CATALOG } from './catalog-delivery';
import { OAUTH_CATALOG, OAUTH_KIND_TEXT, renderOauthCauses } from './catalog-oauth';
import { SAFETY_CATALOG } from './catalog-safety';
import { TENANT_CATALOG } from './catalog-tenant';
import { NO_MESSAGE_VOCAB, VERDICT_CATALOG } from './catalog-verdict';
import type { CatalogEntry } from './catalog-types';
import { isFindingCode, type FindingCode } from './codes';
import { NEXT_CHECKS, type NextCheckId } from './family';
import { variantFor } from './variants';

export type { CatalogEntry, FindingText } from './catalog-types';

/** Typed against FindingCode: a code without an entry (or an entry without a code) fails the typecheck. */
export const CATALOG: Record<FindingCode, CatalogEntry> = {
  ...CONNECT_CATALOG,
  ...AUTH_CATALOG,
  ...DELIVERY_CATALOG,
  ...TENANT_CATALOG,
  ...DEVICE_CATALOG,
  ...CORRECTIONS_CATALOG,
  ...IPV6_CATALOG,
  ...OAUTH_CATALOG,
  ...SAFETY_CATALOG,
  ...VERDICT_CATALOG,
};

/** Longest interpolated parameter value, in characters (server text can be huge or hostile). */
const MAX_PARAM_CHARS = 300;

/** Neutral wording when a placeholder's param is missing: never leave `{x}` in front of a technician. */
const NEUTRAL: Record<Lang, Record<string, string>> = {
  ja: {
    host: 'サーバー',
    port: '指定のポート',
    ip: '拠点のパブリック IP アドレス',
    expected: 'コネクタに登録された IP アドレス',
    version: '使用中のバージョン',
    reply: '(応答の記録なし)',
    reason: '詳細不明',
    mailbox: '対象のメールボックス',
    sender: '設定された差出人',
    domain: '自社ドメイン',
    mx: '別のホスト',
    replyClass: '不明',
    subject: '不明',
    length: '?',
    max: '?',
    spfIp: '<固定 IP アドレス>',
    aud: '（不明）',
    needed: 'SMTP.Send（委任）または SMTP.SendAsApp（アプリ専用）',
    kind: '種類不明',
    present: 'なし',
    expiry: '（不明）',
    causes: '（根拠なし）',
    fixes: 'トークンの内容（token inspect）と Microsoft 365 管理者の設定を確認してください。',
  },
  en: {
    host: 'the server',
    port: 'the chosen port',
    ip: "the site's public IP",
    expected: 'the IP on the connector',
    version: 'the version in use',
    reply: '(no reply recorded)',
    reason: 'no details',
    mailbox: 'the mailbox',
    sender: 'the configured sender',
    domain: 'your domain',
    mx: 'another host',
    replyClass: 'unknown',
    subject: 'unknown',
    length: '?',
    max: '?',
    spfIp: '<static IP>',
    aud: '(unknown)',
    needed: 'SMTP.Send (delegated) or SMTP.SendAsApp (app-only)',
    kind: 'kind unknown',
    present: 'none',
    expiry: '(unknown)',
    causes: '(no evidence)',
    fixes: "Check the token's contents (token inspect) and the Microsoft 365 admin's settings.",
  },
};
const NEUTRAL_FALLBACK: Record<Lang, string> = { ja: '(不明)', en: '(unknown)' };

/** Enumerated param values that read differently per language (see classify's UNRECOGNIZED_REPLY params). */
const VOCAB: Record<Lang, Record<string, string>> = {
  ja: {
    transient: '一時的なエラー (4xx): 時間をおいて再試行すると成功する可能性があります',
    permanent: '恒久的なエラー (5xx): 設定や状況を変えない限り再試行しても失敗します',
    other: 'その他',
    addressing: 'アドレス (x.1: 宛先・差出人アドレスの問題)',
    mailbox: 'メールボックス (x.2: 容量や状態の問題)',
    system: 'メール システム (x.3: 受信側システムの問題)',
    network: 'ネットワーク・ルーティング (x.4: 経路や接続の問題)',
    protocol: 'プロトコル (x.5: SMTP コマンドの問題)',
    content: 'メッセージ内容 (x.6: 形式や変換の問題)',
    security: 'セキュリティ・ポリシー (x.7: 認証や送信ポリシーの問題)',
    none: '拡張ステータス コードなし',
    ...NO_MESSAGE_VOCAB.ja,
  },
  en: {
    transient: 'transient failure (4xx): retrying later may succeed',
    permanent: 'permanent failure (5xx): retrying fails until something changes',
    other: 'other',
    addressing: 'addressing (x.1: recipient or sender address)',
    mailbox: 'mailbox (x.2: quota or mailbox state)',
    system: 'mail system (x.3: the receiving system)',
    network: 'network and routing (x.4: path or connection)',
    protocol: 'protocol (x.5: SMTP commands)',
    content: 'message content (x.6: format or conversion)',
    security: 'security or policy (x.7: authentication or sending policy)',
    none: 'no enhanced status code',
    ...NO_MESSAGE_VOCAB.en,
  },
};
/** Params whose values are VOCAB keys. */
const VOCAB_PARAMS = new Set(['replyClass', 'subject', 'likely']);

/** Control characters and bidi overrides never reach rendered text (it ends up in terminals and HTML). */
function clean(value: string): string {
  const s = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').trim();
  return s.length > MAX_PARAM_CHARS ? `${s.slice(0, MAX_PARAM_CHARS)}…` : s;
}

function paramText(
  name: string,
  params: Record<string, string> | undefined,
  lang: Lang,
  neutralName = name,
): string {
  const raw = params?.[name];
  if (raw !== undefined && raw.trim() !== '') {
    // Ranked OAuth causes: ids rendered from our own texts (never from the evidence).
    if (name === 'causes' || name === 'fixes')
      return renderOauthCauses(name, raw, lang) || (NEUTRAL[lang][name] ?? '');
    if (name === 'kind' && OAUTH_KIND_TEXT[lang][raw] !== undefined) return OAUTH_KIND_TEXT[lang][raw] ?? raw;
    if (VOCAB_PARAMS.has(name)) return VOCAB[lang][raw] ?? clean(raw);
    return clean(raw);
  }
  return NEUTRAL[lang][neutralName] ?? NEUTRAL_FALLBACK[lang];
}

function present(name: string, params: Record<string, string> | undefined): boolean {
  const v = params?.[name] ?? (name === 'spfIp' ? params?.ip : undefined);
  return v !== undefined && v.trim() !== '';
}

/** `{{ ... }}`: an optional segment, kept only when every placeholder inside has a value (templates are ours). */
const OPTIONAL_RE = /\{\{([^{}]*(?:\{[A-Za-z][A-Za-z0-9]*\}[^{}]*)*)\}\}/g;
const PLACEHOLDER_RE = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * Fills `{name}` placeholders after dropping optional segments whose params are missing. Placeholders outside
 * segments fall back to neutral wording. One pass over the template: inserted values are never re-read.
 */
export function interpolate(
  template: string,
  params: Record<string, string> | undefined,
  lang: Lang,
): string {
  const kept = template.replace(OPTIONAL_RE, (_m, inner: string) =>
    [...inner.matchAll(PLACEHOLDER_RE)].every((m) => present(m[1] ?? '', params)) ? inner : '',
  );
  return kept.replace(PLACEHOLDER_RE, (_m, name: string) =>
    paramText(name === 'spfIp' && params?.spfIp === undefined ? 'ip' : name, params, lang, name),
  );
}

/** Placeholder names a template uses (for tests and tooling). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER_RE)].map((m) => m[1] ?? '');
}

export function catalogEntry(code: string): CatalogEntry {
  return isFindingCode(code) ? CATALOG[code] : CATALOG.UNRECOGNIZED_REPLY;
}

/** A family's candidates with their titles (params-free), and its next check, in one language. */
function renderFamily(
  family: NonNullable<FindingRef['family']>,
  lang: Lang,
): NonNullable<RenderedFinding['family']> {
  const candidates = family.candidates.map((code) => ({
    code,
    title: interpolate(catalogEntry(code).text[lang].title, undefined, lang),
  }));
  const next = (NEXT_CHECKS as Record<string, Record<Lang, string> | undefined>)[
    family.nextCheck as NextCheckId
  ];
  return { candidates, nextCheck: next?.[lang] ?? family.nextCheck };
}

/** Renders one finding for one language. Unknown codes render as UNRECOGNIZED_REPLY but keep their own code. */
/** A finding as a saved report may hold it: its code may be one this version does not know. */
export type StoredFindingRef = Omit<FindingRef, 'code'> & { code: string };

export function renderFinding(ref: StoredFindingRef, lang: Lang): RenderedFinding {
  const entry = catalogEntry(ref.code);
  // Params are checked before the text is chosen: a text never states a difference its own evidence denies.
  const variant = variantFor(ref);
  const t = variant?.text[lang] ?? entry.text[lang];
  const actor = (variant?.actors ?? entry.actors)[0] ?? 'technician';
  const out: RenderedFinding = {
    code: ref.code,
    severity: entry.severity,
    actor,
    stage: entry.stage,
    title: interpolate(t.title, ref.params, lang),
    cause: interpolate(t.cause, ref.params, lang),
    fix: interpolate(t.fix, ref.params, lang),
    inMessageTrace: entry.inMessageTrace,
  };
  if (entry.powershell !== undefined) out.powershell = entry.powershell;
  if (ref.evidence !== undefined) out.evidence = ref.evidence.map(clean);
  if (ref.predicted !== undefined) out.predicted = ref.predicted;
  out.sources = sourcesOf(ref.code).map((s) => ({
    url: s.url,
    read: s.read,
    title: s.title,
    ...(s.verified === false ? { verified: false } : {}),
  }));
  if (ref.family !== undefined) out.family = renderFamily(ref.family, lang);
  return out;
}
